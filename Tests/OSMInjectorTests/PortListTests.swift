import Testing

@testable import OSMInjector

@Suite("PortList")
struct PortListTests {
    private static let outbound = "openservicemesh.io/outbound-port-exclusion-list"
    private static let inbound = "openservicemesh.io/inbound-port-exclusion-list"

    private func invalid(_ element: String, _ key: String) -> ExclusionError {
        ExclusionError(key: key, message: "Invalid port value '\(element)' specified for annotation '\(key)'")
    }

    @Test(
        "Go strconv.Atoi",
        arguments: [
            ("80", 80), ("+80", 80), ("080", 80), ("-7070", -7070), ("0", 0), ("-0", 0), ("+0", 0),
            ("9223372036854775807", Int.max), ("-9223372036854775808", Int.min), ("000000000000000000000080", 80),
        ] as [(String, Int)])
    func atoiAccepts(text: String, value: Int) {
        #expect(GoStrconv.atoi(text) == value)
    }

    @Test(
        "Go strconv.Atoi errors",
        arguments: [
            "", "+", "-", "8 0", " 80", "80 ", "1_000", "0x50", "8e1", "80.0", "++80", "+-80", "\u{FF18}0",
            "٨٠", "9223372036854775808", "-9223372036854775809", "99999999999999999999", "$(reboot)",
        ])
    func atoiRefuses(text: String) {
        #expect(GoStrconv.atoi(text) == nil)
    }

    @Test("T-EXC-P1/P2: '6060, 7070' for either annotation")
    func validAnnotation() throws {
        for key in [Self.outbound, Self.inbound] {
            #expect(try PortList.parseAnnotation("6060, 7070", key: key) == ParsedList(values: [6060, 7070]))
        }
    }

    @Test("T-EXC-P4/P5: '6060, -7070' is OSM's error naming the annotation")
    func negativePort() {
        for key in [Self.outbound, Self.inbound] {
            #expect(throws: invalid("-7070", key)) { try PortList.parseAnnotation("6060, -7070", key: key) }
        }
    }

    @Test("Atoi leniency is kept: '+80', '080', tabs and newlines around elements")
    func lenientForms() throws {
        let parsed = try PortList.parseAnnotation("+80,080,\t443\n, 8080 ", key: Self.outbound)
        #expect(parsed.values == [80, 80, 443, 8080])
        #expect(parsed.warnings.isEmpty)
    }

    @Test(
        "Errors quote the trimmed element",
        arguments: [
            ("", ""), ("80,", ""), (",80", ""), ("80, ,90", ""), ("0", "0"), ("80, +0", "+0"), ("eighty", "eighty"),
            ("80;90", "80;90"), ("80 90", "80 90"), ("1_000", "1_000"), ("$(reboot)", "$(reboot)"),
            ("10.0.0.0/8; rm -rf /", "10.0.0.0/8; rm -rf /"), ("80\nreboot", "80\nreboot"),
            ("eth0;reboot", "eth0;reboot"),
            ("fd00::/8", "fd00::/8"), ("99999999999999999999", "99999999999999999999"),
        ])
    func errors(value: String, element: String) {
        #expect(throws: invalid(element, Self.inbound)) { try PortList.parseAnnotation(value, key: Self.inbound) }
    }

    @Test("Port above 65535: accepted as OSM does, with a warning")
    func aboveMaximum() throws {
        let parsed = try PortList.parseAnnotation("70000, 80, 70000", key: Self.outbound)
        #expect(parsed.values == [70000, 80, 70000])
        #expect(
            parsed.warnings == [
                "Port 70000 in annotation 'openservicemesh.io/outbound-port-exclusion-list' is above 65535: "
                    + "OSM v1.2.4 accepts it, but iptables-restore will fail in the osm-init container"
            ])
        #expect(try PortList.parseAnnotation("65535", key: Self.outbound).warnings.isEmpty)
    }

    @Test("Global list: the CRD schema's 1–65535")
    func global() throws {
        let field = "spec.traffic.outboundPortExclusionList"
        #expect(try PortList.validateGlobal([1, 80, 65535], field: field) == [1, 80, 65535])
        #expect(try PortList.validateGlobal([], field: field) == [])
        for port in [0, -1, 65536, 70000, Int.max, Int.min] {
            let expected = ExclusionError(
                key: field,
                message:
                    "Invalid port value '\(port)' specified for MeshConfig field '\(field)': must be between 1 and 65535"
            )
            #expect(throws: expected) { try PortList.validateGlobal([80, port], field: field) }
        }
    }

    @Test(
        "T-MERGE-P1…5: global first, then pod, first occurrence kept",
        arguments: [
            ([6060, 7070], [6060, 8080], [6060, 8080, 7070]),
            ([6060, 7070], [8080], [8080, 6060, 7070]),
            ([], [8080], [8080]),
            ([6060, 7070], [], [6060, 7070]),
            ([], [], []),
            ([80, 80, 90], [90, 90], [90, 80]),
        ] as [([Int], [Int], [Int])])
    func merge(pod: [Int], global: [Int], expected: [Int]) {
        #expect(PortList.merge(pod: pod, global: global) == expected)
    }

    @Test("More than 15 ports in one multiport rule: a warning")
    func multiport() {
        #expect(PortList.multiportWarning(Array(1...15), direction: "outbound") == nil)
        #expect(
            PortList.multiportWarning(Array(1...16), direction: "inbound")
                == "The merged inbound port exclusion list has 16 ports: OSM v1.2.4 accepts it, but an iptables "
                + "multiport rule takes at most 15, so iptables-restore will fail in the osm-init container")
    }
}
