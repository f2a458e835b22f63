import Testing

@testable import OSMInjector

@Suite("IPRangeList")
struct IPRangeListTests {
    private static let exclusion = "openservicemesh.io/outbound-ip-range-exclusion-list"
    private static let inclusion = "openservicemesh.io/outbound-ip-range-inclusion-list"

    private func invalid(_ element: String, _ key: String) -> ExclusionError {
        ExclusionError(key: key, message: "Invalid IP range '\(element)' specified for annotation '\(key)'")
    }

    @Test("T-EXC-I1/I3: '10.0.0.0/8, 2.2.2.2/32' for either annotation")
    func valid() throws {
        for key in [Self.exclusion, Self.inclusion] {
            #expect(
                try IPRangeList.parseAnnotation("10.0.0.0/8, 2.2.2.2/32", key: key)
                    == ParsedList(values: ["10.0.0.0/8", "2.2.2.2/32"]))
        }
    }

    @Test("T-EXC-I5: 'foobar' is OSM's error")
    func foobar() {
        #expect(throws: invalid("foobar", Self.exclusion)) {
            try IPRangeList.parseAnnotation("foobar", key: Self.exclusion)
        }
    }

    @Test("Trimmed text kept verbatim (host bits, mask zeros)")
    func verbatim() throws {
        let parsed = try IPRangeList.parseAnnotation("\t10.1.2.3/8 ,1.2.3.4/032\n", key: Self.inclusion)
        #expect(parsed.values == ["10.1.2.3/8", "1.2.3.4/032"])
    }

    @Test(
        "Refused: OSM's error quoting the trimmed element",
        arguments: [
            ("", ""), ("10.0.0.0/8,", ""), ("10.0.0.0", "10.0.0.0"), ("010.0.0.0/8", "010.0.0.0/8"),
            ("10.0.0.0/8; rm -rf /", "10.0.0.0/8; rm -rf /"), ("$(reboot)", "$(reboot)"),
            ("10.0.0.0/8\nEOF\nreboot", "10.0.0.0/8\nEOF\nreboot"), ("eth0;reboot", "eth0;reboot"),
            ("1.1.1.1/32, `reboot`", "`reboot`"), ("fe80::1%eth0/64", "fe80::1%eth0/64"), ("70000", "70000"),
            ("10.0.0.0/8 10.1.0.0/16", "10.0.0.0/8 10.1.0.0/16"), ("10.0.0.0/8;10.1.0.0/16", "10.0.0.0/8;10.1.0.0/16"),
        ])
    func refused(value: String, element: String) {
        for key in [Self.exclusion, Self.inclusion] {
            #expect(throws: invalid(element, key)) { try IPRangeList.parseAnnotation(value, key: key) }
        }
    }

    @Test("IPv6 range: accepted as OSM does, with a warning")
    func ipv6() throws {
        let parsed = try IPRangeList.parseAnnotation("fd00::/8, 10.0.0.0/8", key: Self.exclusion)
        #expect(parsed.values == ["fd00::/8", "10.0.0.0/8"])
        #expect(
            parsed.warnings == [
                "IP range 'fd00::/8' in annotation 'openservicemesh.io/outbound-ip-range-exclusion-list' is IPv6: "
                    + "OSM v1.2.4 accepts it, but the IPv4 iptables-restore will fail in the osm-init container"
            ])
    }

    @Test("Global list: exactly an IPv4 CIDR (CRD pattern and ParseCIDR)")
    func global() throws {
        let field = "spec.traffic.outboundIPRangeInclusionList"
        #expect(
            try IPRangeList.validateGlobal(["10.0.0.0/8", "1.2.3.4/32", "0.0.0.0/0"], field: field)
                == ["10.0.0.0/8", "1.2.3.4/32", "0.0.0.0/0"])
        for bad in [
            "10.0.0.0/8; rm -rf /", "$(reboot)", "10.0.0.0/8\nreboot", "eth0;reboot", "fd00::/8", "::ffff:1.2.3.4/120",
            " 10.0.0.0/8", "10.0.0.0/8 ", "x10.0.0.0/8", "010.0.0.0/8", "1.2.3.4/032", "1.2.3.4/33", "999.1.1.1/8",
            "10.0.0.0", "",
        ] {
            let expected = ExclusionError(
                key: field,
                message:
                    "Invalid IP range '\(bad)' specified for MeshConfig field '\(field)': must be an IPv4 CIDR such as 10.0.0.0/8"
            )
            #expect(throws: expected) { try IPRangeList.validateGlobal(["10.0.0.0/8", bad], field: field) }
        }
    }

    @Test("T-MERGE-I1: pod first, then global, first occurrence kept")
    func merge() {
        #expect(
            IPRangeList.merge(pod: ["1.1.1.1/32", "2.2.2.2/32"], global: ["2.2.2.2/32", "3.3.3.3/32"])
                == ["1.1.1.1/32", "2.2.2.2/32", "3.3.3.3/32"])
        #expect(IPRangeList.merge(pod: [], global: []) == [])
        #expect(IPRangeList.merge(pod: [], global: ["3.3.3.3/32", "3.3.3.3/32"]) == ["3.3.3.3/32"])
        // Dedupe is by exact text, as in OSM.
        #expect(IPRangeList.merge(pod: ["10.1.2.3/8"], global: ["10.0.0.0/8"]) == ["10.1.2.3/8", "10.0.0.0/8"])
    }
}
