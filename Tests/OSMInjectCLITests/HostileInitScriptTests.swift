import Foundation
import Testing

/// Nothing from an annotation or a MeshConfig list reaches the root `osm-init` shell script unchecked: shell
/// and iptables injection attempts through every channel are errors naming the annotation or field, end to end
/// through the binary with a namespace in the mesh and a `-c` config, and nothing is written to stdout.
@Suite struct HostileInitScriptTests {
    /// Shell metacharacters, command substitution, a line break (a second iptables rule or shell line),
    /// and the same after a valid first entry.
    static let payloads = [
        "10.0.0.0/8; rm -rf /", "$(reboot)", "`reboot`", "10.0.0.0/8\n-A OUTPUT -j ACCEPT", "80\nreboot",
        "10.0.0.0/8,$(reboot)", "8080,$(reboot)", "10.0.0.0/8 && reboot", "EOF\nreboot",
    ]

    /// The pod annotations whose values reach the script.
    static let annotations = [
        "openservicemesh.io/outbound-port-exclusion-list", "openservicemesh.io/inbound-port-exclusion-list",
        "openservicemesh.io/outbound-ip-range-exclusion-list", "openservicemesh.io/outbound-ip-range-inclusion-list",
    ]

    /// Every payload in every pod annotation: an error naming the annotation at its line.
    @Test(arguments: annotations)
    func podAnnotation(_ annotation: String) throws {
        let scratch = try HostileScratch()
        try scratch.write("ns.yaml", meshNamespace)
        for payload in Self.payloads {
            let metadata = "  annotations:\n    \(annotation): \(jsonQuoted(payload))\n"
            try scratch.write("pod.yaml", hostilePod(spec: "  containers: [{name: a, image: b}]", metadata: metadata))
            let result = try runTool(["-f", "pod.yaml", "-c", "ns.yaml"], in: scratch.url)
            expectCleanError(result, file: "pod.yaml", line: 7, mentions: ["'\(annotation)'"])
            #expect(!result.stderr.contains("iptables-restore"))
        }
    }

    /// The MeshConfig's string lists (IP ranges and interface names) refuse every payload, naming the field.
    @Test(arguments: ["outboundIPRangeExclusionList", "outboundIPRangeInclusionList", "networkInterfaceExclusionList"])
    func meshConfigStringList(_ field: String) throws {
        let scratch = try HostileScratch()
        try scratch.write("ns.yaml", meshNamespace)
        try scratch.write("pod.yaml", hostilePod(spec: "  containers: [{name: a, image: b}]"))
        for payload in Self.payloads + ["eth0;reboot", "eth0 eth1", "eth$(x)"] {
            try scratch.write("mc.yaml", meshConfig(field, [jsonQuoted(payload)]))
            let result = try runTool(["-f", "pod.yaml", "-c", "ns.yaml", "-c", "mc.yaml"], in: scratch.url)
            #expect(result.status == 1, "\(field) \(payload.debugDescription): \(result.stderr)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains("'spec.traffic.\(field)'"), "\(result.stderr)")
            let first = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
            #expect(hasLineAndColumn(first, file: "pod.yaml") || hasLineAndColumn(first, file: "mc.yaml"), "\(first)")
        }
    }

    /// The MeshConfig's port lists are integers: any string is refused at the item, naming the field.
    @Test(arguments: ["outboundPortExclusionList", "inboundPortExclusionList"])
    func meshConfigPortList(_ field: String) throws {
        let scratch = try HostileScratch()
        try scratch.write("ns.yaml", meshNamespace)
        try scratch.write("pod.yaml", hostilePod(spec: "  containers: [{name: a, image: b}]"))
        for payload in Self.payloads {
            try scratch.write("mc.yaml", meshConfig(field, ["8080", jsonQuoted(payload)]))
            let result = try runTool(["-f", "pod.yaml", "-c", "ns.yaml", "-c", "mc.yaml"], in: scratch.url)
            expectCleanError(
                result, file: "mc.yaml", line: 11, mentions: ["spec.traffic.\(field)[1] must be an integer"])
        }
        // Out-of-range numbers are refused too (the CRD's schema allows 1–65535).
        try scratch.write("mc.yaml", meshConfig(field, ["0"]))
        let zero = try runTool(["-f", "pod.yaml", "-c", "ns.yaml", "-c", "mc.yaml"], in: scratch.url)
        #expect(zero.status == 1)
        #expect(zero.stdout.isEmpty)
        #expect(zero.stderr.contains("spec.traffic.\(field)"))
    }

    /// A valid exclusion list still works, so the refusals above are not refusals of everything.
    @Test func validListsReachTheScript() throws {
        let scratch = try HostileScratch()
        try scratch.write("ns.yaml", meshNamespace)
        let metadata =
            "  annotations:\n    openservicemesh.io/outbound-ip-range-exclusion-list: \"10.0.0.0/8, 192.168.0.0/16\"\n"
        try scratch.write("pod.yaml", hostilePod(spec: "  containers: [{name: a, image: b}]", metadata: metadata))
        try scratch.write("mc.yaml", meshConfig("networkInterfaceExclusionList", ["eth1"]))
        let result = try runTool(
            ["-f", "pod.yaml", "-c", "ns.yaml", "-c", "mc.yaml", "--no-bootstrap-secrets"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutText.contains("-A OSM_PROXY_OUTBOUND -d 10.0.0.0/8 -j RETURN"))
        #expect(result.stdoutText.contains("-A OSM_PROXY_OUTBOUND -o eth1 -j RETURN"))
    }

    /// An invalid MeshConfig list is the MeshConfig's error: it should point at the list item in the config
    /// file, once, rather than at every workload.
    @Test
    func meshConfigErrorPointsAtTheConfig() throws {
        let scratch = try HostileScratch()
        try scratch.write("ns.yaml", meshNamespace)
        try scratch.write("pod.yaml", hostilePod(spec: "  containers: [{name: a, image: b}]"))
        try scratch.write("mc.yaml", meshConfig("outboundIPRangeExclusionList", ["\"$(reboot)\""]))
        let result = try runTool(["-f", "pod.yaml", "-c", "ns.yaml", "-c", "mc.yaml"], in: scratch.url)
        expectCleanError(result, file: "mc.yaml", line: 10, mentions: ["outboundIPRangeExclusionList"])
        #expect(result.stderr.components(separatedBy: ": error: ").count == 2, "\(result.stderr)")
    }

    /// A MeshConfig with `field` set to `items` (YAML scalars as written), the items from line 10 on.
    private func meshConfig(_ field: String, _ items: [String]) -> String {
        """
        apiVersion: config.openservicemesh.io/v1alpha2
        kind: MeshConfig
        metadata:
          name: osm-mesh-config
          namespace: osm-system
        spec:
          traffic:
            \(field):
            # the items
        \(items.map { "    - \($0)" }.joined(separator: "\n"))

        """
    }

    /// `s` as a double-quoted YAML (JSON) string, so that line breaks and quotes survive.
    private func jsonQuoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\n": out += "\\n"
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }
}
