/// A CIDR accepted by Go 1.19's `net.ParseCIDR`, re-implemented byte for byte: IPv4 dotted
/// decimal without leading-zero octets, or IPv6 (RFC 4291, optional trailing IPv4, no zone),
/// then `/` and a decimal prefix length within the family's bit count.
public struct GoCIDR: Sendable, Equatable {
    /// The address family, decided as Go does: IPv4 syntax first, IPv6 otherwise.
    public enum Family: Sendable, Equatable {
        /// Parsed by `parseIPv4` (prefix up to 32).
        case ipv4
        /// Parsed by `parseIPv6` (prefix up to 128), including IPv4-mapped forms such as `::ffff:1.2.3.4`.
        case ipv6
    }

    /// The address family.
    public let family: Family
    /// The address bytes as written (4 or 16 bytes; host bits are not masked).
    public let address: [UInt8]
    /// The prefix length after `/`.
    public let prefixLength: Int

    /// Parses `text` exactly as Go 1.19's `net.ParseCIDR`; `nil` wherever Go returns an error.
    public static func parse(_ text: String) -> GoCIDR? {
        let bytes = Array(text.utf8)
        guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")) else { return nil }
        let addressPart = bytes[..<slash]
        let maskPart = bytes[(slash + 1)...]
        let family: Family
        let address: [UInt8]
        if let v4 = parseIPv4(addressPart) {
            family = .ipv4
            address = v4
        } else if let v6 = parseIPv6(addressPart) {
            family = .ipv6
            address = v6
        } else {
            return nil
        }
        guard let (bits, used) = decimal(maskPart), used == maskPart.count, bits <= 8 * address.count else {
            return nil
        }
        return GoCIDR(family: family, address: address, prefixLength: bits)
    }

    /// Go's `big` limit in `dtoi`/`xtoi`: accumulating at or beyond it fails.
    private static let big = 0xFF_FFFF

    /// Go's `dtoi`: leading decimal digits → (value, digits used); `nil` when none or too big.
    private static func decimal(_ s: ArraySlice<UInt8>) -> (Int, Int)? {
        var value = 0
        var used = 0
        for byte in s {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { break }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            used += 1
            if value >= big { return nil }
        }
        return used == 0 ? nil : (value, used)
    }

    /// Go's `xtoi`: leading hex digits → (value, digits used); `nil` when none or too big.
    private static func hexadecimal(_ s: ArraySlice<UInt8>) -> (Int, Int)? {
        var value = 0
        var used = 0
        for byte in s {
            let digit: Int
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = Int(byte - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = Int(byte - UInt8(ascii: "A")) + 10
            default: return used == 0 ? nil : (value, used)
            }
            value = value * 16 + digit
            used += 1
            if value >= big { return nil }
        }
        return used == 0 ? nil : (value, used)
    }

    /// Go 1.19's `parseIPv4`: exactly four `.`-separated decimal octets ≤ 255, no leading zeros.
    private static func parseIPv4(_ input: ArraySlice<UInt8>) -> [UInt8]? {
        var s = input
        var octets: [UInt8] = []
        for index in 0..<4 {
            if index > 0 {
                guard s.first == UInt8(ascii: ".") else { return nil }
                s = s.dropFirst()
            }
            guard let (value, used) = decimal(s), value <= 0xFF else { return nil }
            if used > 1, s.first == UInt8(ascii: "0") { return nil }
            s = s.dropFirst(used)
            octets.append(UInt8(value))
        }
        return s.isEmpty ? octets : nil
    }

    /// Go 1.19's `parseIPv6` (zones not allowed): hex groups, at most one `::`, optional trailing IPv4.
    private static func parseIPv6(_ input: ArraySlice<UInt8>) -> [UInt8]? {
        let colon = UInt8(ascii: ":")
        var s = input
        var ip = [UInt8](repeating: 0, count: 16)
        var ellipsis = -1
        if s.count >= 2, s.first == colon, s.dropFirst().first == colon {
            ellipsis = 0
            s = s.dropFirst(2)
            if s.isEmpty { return ip }
        }
        var filled = 0
        while filled < 16 {
            guard let (group, used) = hexadecimal(s), group <= 0xFFFF else { return nil }
            if used < s.count, s.dropFirst(used).first == UInt8(ascii: ".") {
                // A trailing IPv4 address: only where exactly four bytes remain, or after an ellipsis.
                if ellipsis < 0, filled != 12 { return nil }
                if filled + 4 > 16 { return nil }
                guard let v4 = parseIPv4(s) else { return nil }
                ip.replaceSubrange(filled..<(filled + 4), with: v4)
                s = s.dropFirst(s.count)
                filled += 4
                break
            }
            ip[filled] = UInt8(group >> 8)
            ip[filled + 1] = UInt8(group & 0xFF)
            filled += 2
            s = s.dropFirst(used)
            if s.isEmpty { break }
            guard s.first == colon, s.count > 1 else { return nil }
            s = s.dropFirst()
            if s.first == colon {
                if ellipsis >= 0 { return nil }
                ellipsis = filled
                s = s.dropFirst()
                if s.isEmpty { break }
            }
        }
        guard s.isEmpty else { return nil }
        if filled < 16 {
            guard ellipsis >= 0 else { return nil }
            // Move the groups after the ellipsis to the end and zero the gap.
            let gap = 16 - filled
            let tail = Array(ip[ellipsis..<filled])
            for offset in ellipsis..<16 { ip[offset] = 0 }
            ip.replaceSubrange((ellipsis + gap)..<16, with: tail)
        } else if ellipsis >= 0 {
            // An ellipsis must stand for at least one zero group.
            return nil
        }
        return ip
    }
}
