/// What a plain scalar means to YAML readers: the YAML 1.1 rules of go-yaml v2 (which Kubernetes reads with)
/// and the YAML 1.2 core schema, so that a string is written plain only when every reader sees a string.
public enum ScalarResolver {
    /// The type a plain scalar resolves to.
    public enum Kind: Sendable, Equatable {
        case null
        case bool(Bool)
        case int(Int)
        case float, timestamp, string
    }

    /// How a plain scalar resolves under YAML 1.1 (go-yaml v2, as `sigs.k8s.io/yaml` and `kubectl` read it).
    public static func resolve(_ text: String) -> Kind {
        // Fast path: only these first characters can start a null, boolean, number or timestamp.
        guard let first = text.utf8.first else { return .null }
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "y"), UInt8(ascii: "Y"),
            UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"),
            UInt8(ascii: "O"), UInt8(ascii: "i"), UInt8(ascii: "I"):
            break
        default:
            return .string
        }
        if isNull(text) { return .null }
        if let b = bool11(text) { return .bool(b) }
        if couldBeNumber(text) {
            if let i = int11(text) { return .int(i) }
            if isFloat(text) { return .float }
        }
        if isTimestamp(text) { return .timestamp }
        return .string
    }

    /// False as soon as a byte no number of any base or form can hold shows up (no allocation). A sign stands
    /// first or after an exponent (`_` may come between), so `d5dc1602-2209-…` is no number either.
    static func couldBeNumber(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for (index, byte) in text.utf8.enumerated() {
            defer { previous = byte }
            switch byte {
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard
                    index == 0 || previous == UInt8(ascii: "e") || previous == UInt8(ascii: "E")
                        || previous == UInt8(ascii: "_")
                else { return false }
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
                UInt8(ascii: "A")...UInt8(ascii: "F"), UInt8(ascii: "x"), UInt8(ascii: "X"), UInt8(ascii: "o"),
                UInt8(ascii: "O"), UInt8(ascii: "i"), UInt8(ascii: "I"), UInt8(ascii: "n"), UInt8(ascii: "N"),
                UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "_"),
                UInt8(ascii: "."), UInt8(ascii: ":"):
                continue
            default:
                return false
            }
        }
        return true
    }

    /// `~`, `null`, `Null`, `NULL` or empty.
    public static func isNull(_ text: String) -> Bool {
        switch text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    static func bool11(_ text: String) -> Bool? {
        switch text {
        case "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON": return true
        case "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF": return false
        default: return nil
        }
    }

    /// A YAML 1.1 integer (decimal, `0b`, `0x`, leading-zero octal, `0o`, underscores, sexagesimal), as Int when it fits.
    static func int11(_ text: String) -> Int? {
        var body = Substring(text)
        var negative = false
        if let first = body.first, first == "-" || first == "+" {
            negative = first == "-"
            body = body.dropFirst()
        }
        guard !body.isEmpty, body.first != "_" else { return nil }
        let digits = body.filter { $0 != "_" }
        guard !digits.isEmpty else { return nil }
        var radix = 10
        var number = Substring(digits)
        if digits.hasPrefix("0b") {
            radix = 2
            number = digits.dropFirst(2)
        } else if digits.hasPrefix("0x") {
            radix = 16
            number = digits.dropFirst(2)
        } else if digits.hasPrefix("0o") {
            radix = 8
            number = digits.dropFirst(2)
        } else if digits.count > 1, digits.hasPrefix("0") {
            radix = 8
            number = digits.dropFirst()
        } else if digits.contains(":") {
            return sexagesimal(digits, negative: negative)
        }
        // Parse with the sign, so that the smallest integer (whose magnitude does not fit) is still one.
        guard !number.isEmpty, let value = Int((negative ? "-" : "") + number, radix: radix) else { return nil }
        return value
    }

    private static func sexagesimal(_ text: String, negative: Bool) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard let head = parts.first, !head.isEmpty, head.first != "0" || head.count == 1 else { return nil }
        var value = 0
        for (index, part) in parts.enumerated() {
            guard let n = Int(part), n >= 0 else { return nil }
            if index > 0 && (part.count > 2 || n > 59) { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: 60)
            let (s, o2) = m.addingReportingOverflow(n)
            if o1 || o2 { return nil }
            value = s
        }
        return negative ? -value : value
    }

    /// A number in any form some reader takes as one: `1.5`, `.5`, `1e3`, `1_000.0`, `.inf`, `.NaN`, `0x1p3`.
    static func isFloat(_ text: String) -> Bool {
        let lower = text.lowercased()
        switch lower {
        case ".inf", "+.inf", "-.inf", ".nan", "inf", "+inf", "-inf", "nan", "infinity", "-infinity", "+infinity":
            return true
        default: break
        }
        var body = Substring(lower)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let cleaned = body.filter { $0 != "_" }
        guard !cleaned.isEmpty else { return false }
        // Sexagesimal floats (YAML 1.1): 190:20:30.15
        if cleaned.contains(":") {
            let parts = cleaned.split(separator: ":", omittingEmptySubsequences: false)
            return parts.count > 1 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isNumber || $0 == "." } }
        }
        var sawDigit = false, sawDot = false, sawExp = false
        var previous: Character = " "
        for c in cleaned {
            switch c {
            case "0"..."9": sawDigit = true
            case ".":
                if sawDot || sawExp { return false }
                sawDot = true
            case "e":
                if sawExp || !sawDigit { return false }
                sawExp = true
            case "+", "-":
                if previous != "e" { return false }
            default: return false
            }
            previous = c
        }
        guard sawDigit, previous != "e", previous != "+", previous != "-" else { return false }
        return sawDot || sawExp
    }

    /// A YAML timestamp: `2001-12-14`, `2001-12-14t21:59:43.10-05:00`, `2001-12-14 21:59:43.10 -5`.
    static func isTimestamp(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func digits(_ from: Int, _ count: Int) -> Bool {
            guard from + count <= bytes.count else { return false }
            return bytes[from..<from + count].allSatisfy { $0 >= 48 && $0 <= 57 }
        }
        guard digits(0, 4), bytes.count >= 8, bytes[4] == UInt8(ascii: "-") else { return false }
        // Month and day may have one or two digits.
        var i = 5
        guard digits(i, 1) else { return false }
        i += digits(i, 2) ? 2 : 1
        guard i < bytes.count, bytes[i] == UInt8(ascii: "-") else { return false }
        i += 1
        guard digits(i, 1) else { return false }
        i += digits(i, 2) ? 2 : 1
        if i == bytes.count { return true }
        let separator = bytes[i]
        return separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t")
            || separator == UInt8(ascii: " ") || separator == UInt8(ascii: "\t")
    }
}
