/// When a string must be quoted in block YAML, and how to write it double-quoted.
public enum Quoting {
    /// True when some YAML 1.1 or 1.2 reader (go-yaml v2/v3, PyYAML, libyaml, the core schema) could read `s`,
    /// written as a plain scalar in block context, as anything but this string, or when `s` is no valid plain scalar.
    public static func needsQuotes(_ s: String) -> Bool {
        guard let first = s.utf8.first else { return true }
        // Only these first characters can start a keyword, number, timestamp or merge key (fast path).
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "~"), UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: "n"), UInt8(ascii: "N"),
             UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"),
             UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"), UInt8(ascii: "i"), UInt8(ascii: "I"):
            if isKeyword(s) || resolvesToNonString(s) { return true }
        default:
            break
        }
        return hasStructuralProblem(s)
    }

    /// `s` as a YAML double-quoted scalar: `\` and `"` escaped, control and break characters as escapes,
    /// everything else (non-ASCII included) as is.
    public static func doubleQuoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\0": out += "\\0"
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\u{0B}": out += "\\v"
            case "\u{0C}": out += "\\f"
            case "\r": out += "\\r"
            case "\u{1B}": out += "\\e"
            case "\u{85}": out += "\\N"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            default:
                if isEscapedInDoubleQuotes(scalar) {
                    out += hexEscape(scalar)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// The words some reader takes for a boolean, null, merge key or value key, in any letter case.
    private static func isKeyword(_ s: String) -> Bool {
        switch s.lowercased() {
        case "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", "=", "<<": return true
        default: return false
        }
    }

    private static func resolvesToNonString(_ s: String) -> Bool {
        ScalarResolver.resolve(s) != .string
            || PlainScalarRules.isPyYAMLInt(s) || PlainScalarRules.isPyYAMLFloat(s)
            || PlainScalarRules.isYAML12CoreNonString(s)
            || !GoYAMLv2Resolver.marshalsPlain(s)
    }

    /// Indicators, surrounding blanks, comment and key markers, breaks and characters no plain scalar may hold.
    private static func hasStructuralProblem(_ s: String) -> Bool {
        let scalars = Array(s.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last else { return true }
        let second = scalars.dropFirst().first
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) {
            // `-` starts a sequence entry only before a blank or at the end; `-foo` and `-1x` stay plain.
            guard first == "-" else { return true }
            if second == nil || second == " " || second == "\t" { return true }
        }
        if s.hasPrefix("---") || s.hasPrefix("...") { return true }
        if isBlank(first) || isBlank(last) || last == ":" { return true }
        var previous: Unicode.Scalar?
        for scalar in scalars {
            if isBreak(scalar) || isEscapedInDoubleQuotes(scalar) || scalar == "\t" { return true }
            if let p = previous, (p == ":" && isBlank(scalar)) || (isBlank(p) && scalar == "#") { return true }
            previous = scalar
        }
        return false
    }

    private static func isBlank(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" }

    private static func isBreak(_ c: Unicode.Scalar) -> Bool {
        c == "\n" || c == "\r" || c == "\u{85}" || c == "\u{2028}" || c == "\u{2029}"
    }

    /// C0 and C1 controls, DEL, the byte-order mark and the non-characters U+FFFE/U+FFFF.
    private static func isEscapedInDoubleQuotes(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x20 || (c.value >= 0x7F && c.value <= 0x9F) || c.value == 0xFEFF || c.value == 0xFFFE
            || c.value == 0xFFFF
    }

    private static func hexEscape(_ c: Unicode.Scalar) -> String {
        let (prefix, width) = c.value <= 0xFF ? ("\\x", 2) : ("\\u", 4)
        let hex = String(c.value, radix: 16, uppercase: true)
        return prefix + String(repeating: "0", count: max(0, width - hex.count)) + hex
    }
}
