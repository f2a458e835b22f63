import Testing

@testable import OSMInjector

@Suite("GoCIDR")
struct GoCIDRTests {
    @Test(
        "Accepted by Go 1.19 net.ParseCIDR as IPv4",
        arguments: [
            ("10.0.0.0/8", [10, 0, 0, 0], 8), ("0.0.0.0/0", [0, 0, 0, 0], 0),
            ("255.255.255.255/32", [255, 255, 255, 255], 32), ("10.1.2.3/8", [10, 1, 2, 3], 8),
            ("1.2.3.4/032", [1, 2, 3, 4], 32), ("1.2.3.4/00", [1, 2, 3, 4], 0),
            ("1.2.3.4/0000000000000000000000008", [1, 2, 3, 4], 8), ("100.64.0.0/10", [100, 64, 0, 0], 10),
        ] as [(String, [UInt8], Int)])
    func ipv4(text: String, address: [UInt8], prefix: Int) throws {
        let cidr = try #require(GoCIDR.parse(text))
        #expect(cidr == GoCIDR(family: .ipv4, address: address, prefixLength: prefix))
    }

    @Test(
        "Accepted by Go 1.19 net.ParseCIDR as IPv6",
        arguments: [
            "::/0", "::1/128", "fd00::/8", "2001:db8::/32", "::ffff:1.2.3.4/120", "::ffff:1.2.3.4/33",
            "1:2:3:4:5:6:7:8/64", "1:2:3:4:5:6:1.2.3.4/96", "::1.2.3.4/96", "0001:0002::/16",
            "00000001::/16", "ABCD:ef01::/16", "1::/16", "::1:2/16",
        ])
    func ipv6(text: String) throws {
        let cidr = try #require(GoCIDR.parse(text))
        #expect(cidr.family == .ipv6)
        #expect(cidr.address.count == 16)
    }

    @Test("IPv6 address bytes, ellipsis expansion and trailing IPv4")
    func ipv6Bytes() throws {
        let a = try #require(GoCIDR.parse("2001:db8::1/64"))
        #expect(a.address == [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])
        #expect(a.prefixLength == 64)
        let b = try #require(GoCIDR.parse("1:2::7:8/128"))
        #expect(b.address == [0, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7, 0, 8])
        let c = try #require(GoCIDR.parse("::ffff:10.1.2.3/96"))
        #expect(c.address == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 10, 1, 2, 3])
        let d = try #require(GoCIDR.parse("1::/8"))
        #expect(d.address == [0, 1] + [UInt8](repeating: 0, count: 14))
    }

    @Test(
        "Refused by Go 1.19 net.ParseCIDR",
        arguments: [
            "", "/8", "10.0.0.0", "fd00::", "010.0.0.0/8", "10.0.0.00/8", "10.0.0.01/8", "10.0.0.0/33", "::/129",
            "10.0.0/8", "10.0.0.0.0/8", "256.0.0.0/8", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/+8", "10.0.0.0/8 ",
            " 10.0.0.0/8", "10.0.0.0 /8", "10.0.0.0/ 8", "fe80::1%eth0/64", "1::2::3/64", "1:2:3:4:5:6:7:8:9/64",
            "1:2:3:4:5:6:7::8/64", "::1:2:3:4:5:6:1.2.3.4/96", "1.2.3.4::/64", "1:2:3:4:5:6:7:1.2.3.4/64",
            "1.2.3.4/8/8", "a.b.c.d/8", "\u{FF11}.2.3.4/8", "10.0.0.0/99999999", "12345::/16", ":1::/16",
            "1:/16", "1:2:3:4:5:6:7:/16", "0x1.2.3.4/8", "1.2.3.4/0x8", "10.0.0.0/8; rm -rf /", "$(reboot)",
            "10.0.0.0/8\nreboot", "10.0.0.0/8\n", "[::1]/128", "::ffff:01.2.3.4/96", "1_0.0.0.0/8",
        ])
    func refused(text: String) {
        #expect(GoCIDR.parse(text) == nil)
    }
}
