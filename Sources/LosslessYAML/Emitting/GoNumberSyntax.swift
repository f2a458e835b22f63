/// The parts of Go's `strconv` (Go 1.19) that yaml.v2's `resolve` uses to recognise numbers, as yes/no answers.
///
/// `parseInt`/`parseUint` take input without underscores (yaml.v2 removes them first), so `_` is simply invalid.
enum GoNumberSyntax {
    /// `strconv.ParseUint(s, base, 64)` succeeds; `base` 0 means "from the prefix" (`0b`, `0o`, `0x`, `0`).
    static func parseUint(_ s: ArraySlice<UInt8>, base: Int) -> Bool {
        uintValue(s, base: base) != nil
    }

    /// `strconv.ParseInt(s, base, 64)` succeeds: an optional sign, then `parseUint`, within the range of Int64.
    static func parseInt(_ s: ArraySlice<UInt8>, base: Int) -> Bool {
        var body = s
        var negative = false
        if let sign = s.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negative = sign == UInt8(ascii: "-")
            body = s.dropFirst()
        }
        guard let magnitude = uintValue(body, base: base) else { return false }
        return negative ? magnitude <= UInt64(Int64.max) + 1 : magnitude <= UInt64(Int64.max)
    }

    /// The value of `strconv.ParseUint(s, base, 64)`, or nil for its syntax and range errors.
    private static func uintValue(_ s: ArraySlice<UInt8>, base: Int) -> UInt64? {
        guard let first = s.first else { return nil }
        var digits = s
        var radix = UInt64(base)
        if base == 0 {
            radix = 10
            if first == UInt8(ascii: "0") {
                let second = s.dropFirst().first.map { $0 | 0x20 }
                switch (s.count >= 3, second) {
                case (true, UInt8(ascii: "b")?):
                    radix = 2
                    digits = s.dropFirst(2)
                case (true, UInt8(ascii: "o")?):
                    radix = 8
                    digits = s.dropFirst(2)
                case (true, UInt8(ascii: "x")?):
                    radix = 16
                    digits = s.dropFirst(2)
                default:
                    radix = 8
                    digits = s.dropFirst()
                }
            }
        }
        var value: UInt64 = 0
        for c in digits {
            let lower = c | 0x20
            let d: UInt64
            if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
                d = UInt64(c - UInt8(ascii: "0"))
            } else if lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z") {
                d = UInt64(lower - UInt8(ascii: "a")) + 10
            } else {
                return nil
            }
            guard d < radix else { return nil }
            let (shifted, o1) = value.multipliedReportingOverflow(by: radix)
            let (next, o2) = shifted.addingReportingOverflow(d)
            if o1 || o2 { return nil }
            value = next
        }
        return value
    }

    /// yaml.v2's `yamlStyleFloat`: `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`.
    static func isYAMLStyleFloat(_ s: [UInt8]) -> Bool {
        var c = ScalarPatternCursor(String(decoding: s, as: UTF8.self))
        c.skipSign()
        if c.skip(".") {
            guard c.skipAll(of: "0123456789") > 0 else { return false }
        } else {
            guard c.skipAll(of: "0123456789") > 0 else { return false }
            if c.skip(".") { c.skipAll(of: "0123456789") }
        }
        return c.skipCoreExponent() && c.atEnd
    }

    /// `strconv.ParseFloat` gives no range error: the decimal text does not overflow to infinity.
    static func isFinite(_ s: [UInt8]) -> Bool {
        Double(String(decoding: s.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self))?.isFinite ?? false
    }

    /// `strconv.ParseFloat(s, 64)` succeeds for a string that starts with `.` (Go float syntax, underscores allowed
    /// between digits, no overflow).
    static func parseFloatAccepts(_ s: [UInt8]) -> Bool {
        var rest = s[...]
        var sawDot = false, sawDigits = false, underscores = false
        mantissa: while let c = rest.first {
            switch c {
            case UInt8(ascii: "_"): underscores = true
            case UInt8(ascii: "."):
                if sawDot { break mantissa }
                sawDot = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"): sawDigits = true
            default: break mantissa
            }
            rest = rest.dropFirst()
        }
        guard sawDigits else { return false }
        if let e = rest.first, e | 0x20 == UInt8(ascii: "e") {
            rest = rest.dropFirst()
            if let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { rest = rest.dropFirst() }
            guard let d = rest.first, d >= UInt8(ascii: "0"), d <= UInt8(ascii: "9") else { return false }
            while let c = rest.first, (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: "_") {
                if c == UInt8(ascii: "_") { underscores = true }
                rest = rest.dropFirst()
            }
        }
        guard rest.isEmpty else { return false }
        if underscores && !underscoreOK(s) { return false }
        return isFinite(s)
    }

    /// Go's `underscoreOK`: every `_` sits between digits (or after a base prefix).
    static func underscoreOK(_ s: [UInt8]) -> Bool {
        var body = s[...]
        if let sign = body.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { body = body.dropFirst() }
        var saw: UInt8 = UInt8(ascii: "^")
        var hex = false
        if body.count >= 2, body.first == UInt8(ascii: "0"), let p = body.dropFirst().first.map({ $0 | 0x20 }),
            p == UInt8(ascii: "b") || p == UInt8(ascii: "o") || p == UInt8(ascii: "x")
        {
            body = body.dropFirst(2)
            saw = UInt8(ascii: "0")
            hex = p == UInt8(ascii: "x")
        }
        for c in body {
            let lower = c | 0x20
            if (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
                || (hex && lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "f"))
            {
                saw = UInt8(ascii: "0")
                continue
            }
            if c == UInt8(ascii: "_") {
                if saw != UInt8(ascii: "0") { return false }
                saw = UInt8(ascii: "_")
                continue
            }
            if saw == UInt8(ascii: "_") { return false }
            saw = UInt8(ascii: "!")
        }
        return saw != UInt8(ascii: "_")
    }
}
