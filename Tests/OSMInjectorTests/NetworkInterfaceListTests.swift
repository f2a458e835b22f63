import Testing

@testable import OSMInjector

@Suite("NetworkInterfaceList")
struct NetworkInterfaceListTests {
    private static let field = "spec.traffic.networkInterfaceExclusionList"

    @Test(
        "Usable names",
        arguments: [
            "eth0", "eth1", "cni0", "flannel.1", "vxlan.calico", "kube-ipvs0", "eth0.100", "veth+", "br_0",
            "abcdefghijklmno", "70000", "+",
        ])
    func usable(name: String) throws {
        #expect(NetworkInterfaceList.problem(with: name) == nil)
        #expect(try NetworkInterfaceList.validate([name], field: Self.field) == [name])
    }

    @Test(
        "Refused names with the reason",
        arguments: [
            ("", "must not be empty"),
            ("abcdefghijklmnop", "must be at most 15 bytes (Linux IFNAMSIZ)"),
            ("ééééééééé", "must be at most 15 bytes (Linux IFNAMSIZ)"),
            (".", "must not be '.' or '..'"),
            ("..", "must not be '.' or '..'"),
            ("eth0/1", "must not contain '/', ':' or whitespace"),
            ("eth0:1", "must not contain '/', ':' or whitespace"),
            ("fd00::/8", "must not contain '/', ':' or whitespace"),
            ("eth 0", "must not contain '/', ':' or whitespace"),
            ("eth0\nreboot", "must not contain '/', ':' or whitespace"),
            ("eth0\t", "must not contain '/', ':' or whitespace"),
            ("eth\u{A0}0", "must not contain '/', ':' or whitespace"),
            ("10.0.0.0/8; rm -rf /", "must be at most 15 bytes (Linux IFNAMSIZ)"),
            ("eth0;reboot", "must contain only ASCII letters, digits, '-', '_', '.' and '+'"),
            ("$(reboot)", "must contain only ASCII letters, digits, '-', '_', '.' and '+'"),
            ("`reboot`", "must contain only ASCII letters, digits, '-', '_', '.' and '+'"),
            ("eth$IFS", "must contain only ASCII letters, digits, '-', '_', '.' and '+'"),
            ("eth0\\", "must contain only ASCII letters, digits, '-', '_', '.' and '+'"),
            ("eth\"0", "must contain only ASCII letters, digits, '-', '_', '.' and '+'"),
            ("ethé", "must contain only ASCII letters, digits, '-', '_', '.' and '+'"),
            ("eth\u{0}", "must contain only ASCII letters, digits, '-', '_', '.' and '+'"),
        ])
    func refused(name: String, reason: String) {
        #expect(NetworkInterfaceList.problem(with: name) == reason)
        let expected = ExclusionError(
            key: Self.field,
            message:
                "Invalid network interface name '\(name)' specified for MeshConfig field '\(Self.field)': \(reason)")
        #expect(throws: expected) { try NetworkInterfaceList.validate(["eth0", name], field: Self.field) }
    }
}
