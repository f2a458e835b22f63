/// The `osm-init` container's `/bin/sh -c` argument, built exactly as v1.2.4's `generateIptablesCommands`.
public enum IptablesScript {
    /// The `spec.sidecar.localProxyMode` value (case-sensitive) that adds the DNAT-to-`$POD_IP` rule.
    public static let podIPProxyMode = "PodIP"

    /// The script for validated `exclusions` and MeshConfig `spec.sidecar.localProxyMode` (`nil` when unset).
    public static func render(localProxyMode: String?, exclusions: TrafficExclusions) -> String {
        render(
            localProxyMode: localProxyMode,
            outboundIPRangeExclusionList: exclusions.outboundIPRangeExclusionList,
            outboundIPRangeInclusionList: exclusions.outboundIPRangeInclusionList,
            outboundPortExclusionList: exclusions.outboundPortExclusionList,
            inboundPortExclusionList: exclusions.inboundPortExclusionList,
            networkInterfaceExclusionList: exclusions.networkInterfaceExclusionList)
    }

    /// The script for raw lists, with no validation; internal so only `TrafficExclusions` can reach it.
    static func render(
        localProxyMode: String?,
        outboundIPRangeExclusionList: [String],
        outboundIPRangeInclusionList: [String],
        outboundPortExclusionList: [Int],
        inboundPortExclusionList: [Int],
        networkInterfaceExclusionList: [String]
    ) -> String {
        var script = scriptHead
        script.reserveCapacity(scriptHead.utf8.count + outboundStaticText.utf8.count + 512)
        func line(_ rule: String) {
            script += "\n"
            script += rule
        }
        // Interface bypasses are inserted at the head of the chain, so they win over the redirect.
        for interface in networkInterfaceExclusionList { line("-I OSM_PROXY_INBOUND -i \(interface) -j RETURN") }
        if !inboundPortExclusionList.isEmpty {
            line("-I OSM_PROXY_INBOUND -p tcp --match multiport --dports \(joined(inboundPortExclusionList)) -j RETURN")
        }
        line(outboundStaticText)
        if localProxyMode == podIPProxyMode {
            line(
                "-I OUTPUT -p tcp -o lo -d \(localhost)/32 -m owner --uid-owner \(OSMConstants.envoyUID) "
                    + "-j DNAT --to-destination $POD_IP")
        }
        for interface in networkInterfaceExclusionList { line("-A OSM_PROXY_OUTBOUND -o \(interface) -j RETURN") }
        // Exclusions come before inclusions: rule order matters.
        for range in outboundIPRangeExclusionList { line("-A OSM_PROXY_OUTBOUND -d \(range) -j RETURN") }
        if !outboundPortExclusionList.isEmpty {
            line(
                "-A OSM_PROXY_OUTBOUND -p tcp --match multiport --dports \(joined(outboundPortExclusionList)) -j RETURN"
            )
        }
        if outboundIPRangeInclusionList.isEmpty {
            line("-A OSM_PROXY_OUTBOUND -j OSM_PROXY_OUT_REDIRECT")
        } else {
            for range in outboundIPRangeInclusionList {
                line("-A OSM_PROXY_OUTBOUND -d \(range) -j OSM_PROXY_OUT_REDIRECT")
            }
            line("-A OSM_PROXY_OUTBOUND -j RETURN")
        }
        line("COMMIT")
        script += "\nEOF\n"
        return script
    }

    /// The script up to the inbound static rules, joined once: every script starts with it.
    private static let scriptHead =
        "iptables-restore --noflush <<EOF\n" + (header + inboundStaticRules).joined(separator: "\n")

    /// The outbound static rules as one block of lines.
    private static let outboundStaticText = outboundStaticRules.joined(separator: "\n")

    /// Decimal ports joined by commas, no spaces.
    private static func joined(_ ports: [Int]) -> String {
        ports.map(String.init).joined(separator: ",")
    }

    /// The loopback address.
    private static let localhost = OSMConstants.localhostIPAddress

    /// The comment, table and chain declarations.
    private static let header = [
        "# OSM sidecar interception rules",
        "*nat",
        ":OSM_PROXY_INBOUND - [0:0]",
        ":OSM_PROXY_IN_REDIRECT - [0:0]",
        ":OSM_PROXY_OUTBOUND - [0:0]",
        ":OSM_PROXY_OUT_REDIRECT - [0:0]",
    ]

    /// Inbound redirection, with bypasses for the metrics and probe ports.
    private static let inboundStaticRules = [
        "-A OSM_PROXY_IN_REDIRECT -p tcp -j REDIRECT --to-port \(OSMConstants.envoyInboundListenerPort)",
        "-A PREROUTING -p tcp -j OSM_PROXY_INBOUND",
        "-A OSM_PROXY_INBOUND -p tcp --dport \(OSMConstants.envoyPrometheusInboundListenerPort) -j RETURN",
        "-A OSM_PROXY_INBOUND -p tcp --dport \(OSMConstants.livenessProbePort) -j RETURN",
        "-A OSM_PROXY_INBOUND -p tcp --dport \(OSMConstants.readinessProbePort) -j RETURN",
        "-A OSM_PROXY_INBOUND -p tcp --dport \(OSMConstants.startupProbePort) -j RETURN",
        "-A OSM_PROXY_INBOUND -p tcp --dport \(OSMConstants.healthcheckPort) -j RETURN",
        "-A OSM_PROXY_INBOUND -p tcp -j OSM_PROXY_IN_REDIRECT",
    ]

    /// Outbound redirection, with the Envoy-owner and loopback special cases.
    private static let outboundStaticRules = [
        "-A OSM_PROXY_OUT_REDIRECT -p tcp -j REDIRECT --to-port \(OSMConstants.envoyOutboundListenerPort)",
        "-A OSM_PROXY_OUT_REDIRECT -p tcp --dport \(OSMConstants.envoyAdminPort) -j ACCEPT",
        "-A OUTPUT -p tcp -j OSM_PROXY_OUTBOUND",
        "-A OSM_PROXY_OUTBOUND -o lo ! -d \(localhost)/32 -m owner --uid-owner \(OSMConstants.envoyUID) -j OSM_PROXY_IN_REDIRECT",
        "-A OSM_PROXY_OUTBOUND -o lo -m owner ! --uid-owner \(OSMConstants.envoyUID) -j RETURN",
        "-A OSM_PROXY_OUTBOUND -m owner --uid-owner \(OSMConstants.envoyUID) -j RETURN",
        "-A OSM_PROXY_OUTBOUND -d \(localhost)/32 -j RETURN",
    ]
}
