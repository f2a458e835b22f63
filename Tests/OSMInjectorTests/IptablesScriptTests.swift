import Testing

@testable import OSMInjector

@Suite("IptablesScript")
struct IptablesScriptTests {
    private static let head = """
        iptables-restore --noflush <<EOF
        # OSM sidecar interception rules
        *nat
        :OSM_PROXY_INBOUND - [0:0]
        :OSM_PROXY_IN_REDIRECT - [0:0]
        :OSM_PROXY_OUTBOUND - [0:0]
        :OSM_PROXY_OUT_REDIRECT - [0:0]
        -A OSM_PROXY_IN_REDIRECT -p tcp -j REDIRECT --to-port 15003
        -A PREROUTING -p tcp -j OSM_PROXY_INBOUND
        -A OSM_PROXY_INBOUND -p tcp --dport 15010 -j RETURN
        -A OSM_PROXY_INBOUND -p tcp --dport 15901 -j RETURN
        -A OSM_PROXY_INBOUND -p tcp --dport 15902 -j RETURN
        -A OSM_PROXY_INBOUND -p tcp --dport 15903 -j RETURN
        -A OSM_PROXY_INBOUND -p tcp --dport 15904 -j RETURN
        -A OSM_PROXY_INBOUND -p tcp -j OSM_PROXY_IN_REDIRECT

        """

    private static let outboundStatic = """
        -A OSM_PROXY_OUT_REDIRECT -p tcp -j REDIRECT --to-port 15001
        -A OSM_PROXY_OUT_REDIRECT -p tcp --dport 15000 -j ACCEPT
        -A OUTPUT -p tcp -j OSM_PROXY_OUTBOUND
        -A OSM_PROXY_OUTBOUND -o lo ! -d 127.0.0.1/32 -m owner --uid-owner 1500 -j OSM_PROXY_IN_REDIRECT
        -A OSM_PROXY_OUTBOUND -o lo -m owner ! --uid-owner 1500 -j RETURN
        -A OSM_PROXY_OUTBOUND -m owner --uid-owner 1500 -j RETURN
        -A OSM_PROXY_OUTBOUND -d 127.0.0.1/32 -j RETURN

        """

    /// T-IPT-1: no lists, mode unset.
    private static let noExclusions = """
        iptables-restore --noflush <<EOF
        # OSM sidecar interception rules
        *nat
        :OSM_PROXY_INBOUND - [0:0]
        :OSM_PROXY_IN_REDIRECT - [0:0]
        :OSM_PROXY_OUTBOUND - [0:0]
        :OSM_PROXY_OUT_REDIRECT - [0:0]
        -A OSM_PROXY_IN_REDIRECT -p tcp -j REDIRECT --to-port 15003
        -A PREROUTING -p tcp -j OSM_PROXY_INBOUND
        -A OSM_PROXY_INBOUND -p tcp --dport 15010 -j RETURN
        -A OSM_PROXY_INBOUND -p tcp --dport 15901 -j RETURN
        -A OSM_PROXY_INBOUND -p tcp --dport 15902 -j RETURN
        -A OSM_PROXY_INBOUND -p tcp --dport 15903 -j RETURN
        -A OSM_PROXY_INBOUND -p tcp --dport 15904 -j RETURN
        -A OSM_PROXY_INBOUND -p tcp -j OSM_PROXY_IN_REDIRECT
        -A OSM_PROXY_OUT_REDIRECT -p tcp -j REDIRECT --to-port 15001
        -A OSM_PROXY_OUT_REDIRECT -p tcp --dport 15000 -j ACCEPT
        -A OUTPUT -p tcp -j OSM_PROXY_OUTBOUND
        -A OSM_PROXY_OUTBOUND -o lo ! -d 127.0.0.1/32 -m owner --uid-owner 1500 -j OSM_PROXY_IN_REDIRECT
        -A OSM_PROXY_OUTBOUND -o lo -m owner ! --uid-owner 1500 -j RETURN
        -A OSM_PROXY_OUTBOUND -m owner --uid-owner 1500 -j RETURN
        -A OSM_PROXY_OUTBOUND -d 127.0.0.1/32 -j RETURN
        -A OSM_PROXY_OUTBOUND -j OSM_PROXY_OUT_REDIRECT
        COMMIT
        EOF

        """

    /// T-IPT-2: every list set.
    private static let withExclusionsAndInclusions = """
        iptables-restore --noflush <<EOF
        # OSM sidecar interception rules
        *nat
        :OSM_PROXY_INBOUND - [0:0]
        :OSM_PROXY_IN_REDIRECT - [0:0]
        :OSM_PROXY_OUTBOUND - [0:0]
        :OSM_PROXY_OUT_REDIRECT - [0:0]
        -A OSM_PROXY_IN_REDIRECT -p tcp -j REDIRECT --to-port 15003
        -A PREROUTING -p tcp -j OSM_PROXY_INBOUND
        -A OSM_PROXY_INBOUND -p tcp --dport 15010 -j RETURN
        -A OSM_PROXY_INBOUND -p tcp --dport 15901 -j RETURN
        -A OSM_PROXY_INBOUND -p tcp --dport 15902 -j RETURN
        -A OSM_PROXY_INBOUND -p tcp --dport 15903 -j RETURN
        -A OSM_PROXY_INBOUND -p tcp --dport 15904 -j RETURN
        -A OSM_PROXY_INBOUND -p tcp -j OSM_PROXY_IN_REDIRECT
        -I OSM_PROXY_INBOUND -i eth0 -j RETURN
        -I OSM_PROXY_INBOUND -i eth1 -j RETURN
        -I OSM_PROXY_INBOUND -p tcp --match multiport --dports 30,40 -j RETURN
        -A OSM_PROXY_OUT_REDIRECT -p tcp -j REDIRECT --to-port 15001
        -A OSM_PROXY_OUT_REDIRECT -p tcp --dport 15000 -j ACCEPT
        -A OUTPUT -p tcp -j OSM_PROXY_OUTBOUND
        -A OSM_PROXY_OUTBOUND -o lo ! -d 127.0.0.1/32 -m owner --uid-owner 1500 -j OSM_PROXY_IN_REDIRECT
        -A OSM_PROXY_OUTBOUND -o lo -m owner ! --uid-owner 1500 -j RETURN
        -A OSM_PROXY_OUTBOUND -m owner --uid-owner 1500 -j RETURN
        -A OSM_PROXY_OUTBOUND -d 127.0.0.1/32 -j RETURN
        -A OSM_PROXY_OUTBOUND -o eth0 -j RETURN
        -A OSM_PROXY_OUTBOUND -o eth1 -j RETURN
        -A OSM_PROXY_OUTBOUND -d 1.1.1.1/32 -j RETURN
        -A OSM_PROXY_OUTBOUND -d 2.2.2.2/32 -j RETURN
        -A OSM_PROXY_OUTBOUND -p tcp --match multiport --dports 10,20 -j RETURN
        -A OSM_PROXY_OUTBOUND -d 3.3.3.3/32 -j OSM_PROXY_OUT_REDIRECT
        -A OSM_PROXY_OUTBOUND -d 4.4.4.4/32 -j OSM_PROXY_OUT_REDIRECT
        -A OSM_PROXY_OUTBOUND -j RETURN
        COMMIT
        EOF

        """

    /// T-IPT-3: localProxyMode PodIP.
    private static let podIPMode = """
        iptables-restore --noflush <<EOF
        # OSM sidecar interception rules
        *nat
        :OSM_PROXY_INBOUND - [0:0]
        :OSM_PROXY_IN_REDIRECT - [0:0]
        :OSM_PROXY_OUTBOUND - [0:0]
        :OSM_PROXY_OUT_REDIRECT - [0:0]
        -A OSM_PROXY_IN_REDIRECT -p tcp -j REDIRECT --to-port 15003
        -A PREROUTING -p tcp -j OSM_PROXY_INBOUND
        -A OSM_PROXY_INBOUND -p tcp --dport 15010 -j RETURN
        -A OSM_PROXY_INBOUND -p tcp --dport 15901 -j RETURN
        -A OSM_PROXY_INBOUND -p tcp --dport 15902 -j RETURN
        -A OSM_PROXY_INBOUND -p tcp --dport 15903 -j RETURN
        -A OSM_PROXY_INBOUND -p tcp --dport 15904 -j RETURN
        -A OSM_PROXY_INBOUND -p tcp -j OSM_PROXY_IN_REDIRECT
        -A OSM_PROXY_OUT_REDIRECT -p tcp -j REDIRECT --to-port 15001
        -A OSM_PROXY_OUT_REDIRECT -p tcp --dport 15000 -j ACCEPT
        -A OUTPUT -p tcp -j OSM_PROXY_OUTBOUND
        -A OSM_PROXY_OUTBOUND -o lo ! -d 127.0.0.1/32 -m owner --uid-owner 1500 -j OSM_PROXY_IN_REDIRECT
        -A OSM_PROXY_OUTBOUND -o lo -m owner ! --uid-owner 1500 -j RETURN
        -A OSM_PROXY_OUTBOUND -m owner --uid-owner 1500 -j RETURN
        -A OSM_PROXY_OUTBOUND -d 127.0.0.1/32 -j RETURN
        -I OUTPUT -p tcp -o lo -d 127.0.0.1/32 -m owner --uid-owner 1500 -j DNAT --to-destination $POD_IP
        -A OSM_PROXY_OUTBOUND -j OSM_PROXY_OUT_REDIRECT
        COMMIT
        EOF

        """

    @Test("T-IPT-1: no exclusions or inclusions")
    func noExclusionsCase() throws {
        #expect(IptablesScript.render(localProxyMode: nil, exclusions: .none) == Self.noExclusions)
        let resolved = try TrafficExclusions(podAnnotations: [:], global: .none)
        #expect(IptablesScript.render(localProxyMode: "Localhost", exclusions: resolved) == Self.noExclusions)
        #expect(Self.noExclusions.hasSuffix("COMMIT\nEOF\n"))
    }

    @Test("T-IPT-2: exclusions and inclusions (raw lists, as OSM's test calls it)")
    func withListsRaw() {
        let script = IptablesScript.render(
            localProxyMode: nil,
            outboundIPRangeExclusionList: ["1.1.1.1/32", "2.2.2.2/32"],
            outboundIPRangeInclusionList: ["3.3.3.3/32", "4.4.4.4/32"],
            outboundPortExclusionList: [10, 20],
            inboundPortExclusionList: [30, 40],
            networkInterfaceExclusionList: ["eth0", "eth1"])
        #expect(script == Self.withExclusionsAndInclusions)
    }

    @Test("T-IPT-2 through the validated path: from MeshConfig lists and from pod annotations")
    func withListsValidated() throws {
        let fromGlobal = try TrafficExclusions(
            podAnnotations: [:],
            global: GlobalTrafficExclusions(
                outboundPortExclusionList: [10, 20], inboundPortExclusionList: [30, 40],
                outboundIPRangeExclusionList: ["1.1.1.1/32", "2.2.2.2/32"],
                outboundIPRangeInclusionList: ["3.3.3.3/32", "4.4.4.4/32"],
                networkInterfaceExclusionList: ["eth0", "eth1"]))
        #expect(IptablesScript.render(localProxyMode: nil, exclusions: fromGlobal) == Self.withExclusionsAndInclusions)
        let fromPod = try TrafficExclusions(
            podAnnotations: [
                "openservicemesh.io/outbound-port-exclusion-list": "10, 20",
                "openservicemesh.io/inbound-port-exclusion-list": "+30,040",
                "openservicemesh.io/outbound-ip-range-exclusion-list": "1.1.1.1/32,2.2.2.2/32",
                "openservicemesh.io/outbound-ip-range-inclusion-list": " 3.3.3.3/32 , 4.4.4.4/32 ",
            ],
            global: GlobalTrafficExclusions(networkInterfaceExclusionList: ["eth0", "eth1"]))
        #expect(
            IptablesScript.render(localProxyMode: "Localhost", exclusions: fromPod) == Self.withExclusionsAndInclusions)
    }

    @Test("T-IPT-3: proxy mode PodIP")
    func podIP() {
        #expect(IptablesScript.render(localProxyMode: "PodIP", exclusions: .none) == Self.podIPMode)
    }

    @Test(
        "localProxyMode is case-sensitive: only exactly 'PodIP' adds the DNAT rule",
        arguments: [nil, "", "Localhost", "podip", "PODIP", "PodIP ", " PodIP", "PodIp"] as [String?])
    func proxyModeCaseSensitive(mode: String?) {
        #expect(IptablesScript.render(localProxyMode: mode, exclusions: .none) == Self.noExclusions)
    }

    @Test("Each list alone, in every position", arguments: 0..<32)
    func combinations(mask: Int) throws {
        let outPorts = mask & 1 != 0 ? [10, 20] : []
        let inPorts = mask & 2 != 0 ? [30] : []
        let exclusions = mask & 4 != 0 ? ["1.1.1.1/32"] : []
        let inclusions = mask & 8 != 0 ? ["3.3.3.3/32", "4.4.4.0/24"] : []
        let interfaces = mask & 16 != 0 ? ["eth0"] : []
        for mode in [nil, "PodIP"] as [String?] {
            let resolved = try TrafficExclusions(
                podAnnotations: [:],
                global: GlobalTrafficExclusions(
                    outboundPortExclusionList: outPorts, inboundPortExclusionList: inPorts,
                    outboundIPRangeExclusionList: exclusions, outboundIPRangeInclusionList: inclusions,
                    networkInterfaceExclusionList: interfaces))
            var expected = Self.head
            for iface in interfaces { expected += "-I OSM_PROXY_INBOUND -i \(iface) -j RETURN\n" }
            if !inPorts.isEmpty { expected += "-I OSM_PROXY_INBOUND -p tcp --match multiport --dports 30 -j RETURN\n" }
            expected += Self.outboundStatic
            if mode == "PodIP" {
                expected +=
                    "-I OUTPUT -p tcp -o lo -d 127.0.0.1/32 -m owner --uid-owner 1500 -j DNAT --to-destination $POD_IP\n"
            }
            for iface in interfaces { expected += "-A OSM_PROXY_OUTBOUND -o \(iface) -j RETURN\n" }
            for cidr in exclusions { expected += "-A OSM_PROXY_OUTBOUND -d \(cidr) -j RETURN\n" }
            if !outPorts.isEmpty {
                expected += "-A OSM_PROXY_OUTBOUND -p tcp --match multiport --dports 10,20 -j RETURN\n"
            }
            if inclusions.isEmpty {
                expected += "-A OSM_PROXY_OUTBOUND -j OSM_PROXY_OUT_REDIRECT\n"
            } else {
                for cidr in inclusions { expected += "-A OSM_PROXY_OUTBOUND -d \(cidr) -j OSM_PROXY_OUT_REDIRECT\n" }
                expected += "-A OSM_PROXY_OUTBOUND -j RETURN\n"
            }
            expected += "COMMIT\nEOF\n"
            #expect(IptablesScript.render(localProxyMode: mode, exclusions: resolved) == expected)
        }
    }

    @Test("Values OSM accepts but iptables will refuse are written as OSM writes them (with warnings)")
    func acceptedWithWarnings() throws {
        let resolved = try TrafficExclusions(
            podAnnotations: [
                "openservicemesh.io/outbound-port-exclusion-list": "070000, +80",
                "openservicemesh.io/outbound-ip-range-exclusion-list": "fd00::/8",
            ],
            global: .none)
        #expect(resolved.warnings.count == 2)
        let script = IptablesScript.render(localProxyMode: nil, exclusions: resolved)
        #expect(script.contains("-A OSM_PROXY_OUTBOUND -d fd00::/8 -j RETURN\n"))
        #expect(script.contains("-A OSM_PROXY_OUTBOUND -p tcp --match multiport --dports 70000,80 -j RETURN\n"))
    }

    @Test("The heredoc body holds no shell-expandable character from any accepted input")
    func noShellMetacharacters() throws {
        let resolved = try TrafficExclusions(
            podAnnotations: [
                "openservicemesh.io/outbound-port-exclusion-list": "1,2",
                "openservicemesh.io/inbound-port-exclusion-list": "3",
                "openservicemesh.io/outbound-ip-range-exclusion-list": "::ffff:1.2.3.4/128, 10.0.0.0/8",
                "openservicemesh.io/outbound-ip-range-inclusion-list": "ABCD::/16",
            ],
            global: GlobalTrafficExclusions(networkInterfaceExclusionList: ["veth+", "flannel.1", "kube-ipvs0"]))
        let script = IptablesScript.render(localProxyMode: "PodIP", exclusions: resolved)
        #expect(script.filter { $0 == "$" }.count == 1) // only the literal $POD_IP
        #expect(script.contains("--to-destination $POD_IP\n"))
        #expect(!script.contains("`") && !script.contains("\\") && !script.contains(";"))
        #expect(script.split(separator: "\n").filter { $0 == "EOF" }.count == 1)
    }
}
