/// Go's `encoding/json` float64 format: the shortest digits that read back as the same double, written
/// `strconv.FormatFloat(f, 'f', -1, 64)` style, or `'e'` style below 1e-6 and from 1e21 on, with a one-digit
/// negative exponent (`1e-7`, not `1e-07`).
enum GoFloatFormat {
    static func json(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-Inf" : "+Inf") }
        let (negative, digits, pointPosition) = shortestDigits(value)
        let sign = negative ? "-" : ""
        let magnitude = abs(value)
        if magnitude != 0 && (magnitude < 1e-6 || magnitude >= 1e21) {
            return sign + exponential(digits: digits, pointPosition: pointPosition)
        }
        return sign + fixed(digits: digits, pointPosition: pointPosition)
    }

    /// The shortest round-trip digits (no leading or trailing zeros, "0" for zero) and the position of the
    /// decimal point: value = 0.DIGITS × 10^pointPosition.
    static func shortestDigits(_ value: Double) -> (negative: Bool, digits: [UInt8], pointPosition: Int) {
        let negative = value.sign == .minus
        // Swift's description is the shortest representation that round-trips, as Go's strconv picks it.
        let text = abs(value).description
        let parts = text.split(separator: "e", maxSplits: 1)
        let mantissa = parts.first ?? "0"
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        var digits: [UInt8] = []
        var point = 0
        var seenPoint = false
        for byte in mantissa.utf8 {
            if byte == UInt8(ascii: ".") {
                seenPoint = true
                continue
            }
            digits.append(byte)
            if !seenPoint { point += 1 }
        }
        point += exponent
        while let first = digits.first, first == UInt8(ascii: "0"), digits.count > 1 {
            digits.removeFirst()
            point -= 1
        }
        while let last = digits.last, last == UInt8(ascii: "0"), digits.count > 1 { digits.removeLast() }
        if digits == [UInt8(ascii: "0")] { point = 1 }
        return (negative, digits, point)
    }

    private static func fixed(digits: [UInt8], pointPosition: Int) -> String {
        let text = String(decoding: digits, as: UTF8.self)
        if pointPosition <= 0 { return "0." + String(repeating: "0", count: -pointPosition) + text }
        if pointPosition >= digits.count { return text + String(repeating: "0", count: pointPosition - digits.count) }
        let split = text.index(text.startIndex, offsetBy: pointPosition)
        return String(text[..<split]) + "." + String(text[split...])
    }

    private static func exponential(digits: [UInt8], pointPosition: Int) -> String {
        let text = String(decoding: digits, as: UTF8.self)
        var out = String(text.prefix(1))
        if digits.count > 1 { out += "." + text.dropFirst() }
        let exponent = pointPosition - 1
        out += exponent < 0 ? "e-" : "e+"
        let magnitude = String(abs(exponent))
        // Go writes at least two exponent digits, then encoding/json turns e-07 into e-7.
        out += exponent < 0 || magnitude.count >= 2 ? magnitude : "0" + magnitude
        return out
    }
}
