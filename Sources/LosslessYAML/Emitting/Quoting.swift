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
            // Long strings (a Secret's base64 data) are rare and not worth holding: the memo keeps short ones.
            let readsOtherwise =
                s.utf8.count > memoizedLength
                ? isKeyword(s) || resolvesToNonString(s)
                : readsAsNonString.value(for: s, { isKeyword(s) || resolvesToNonString(s) })
            if readsOtherwise { return true }
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

    /// What `isKeyword || resolvesToNonString` said of strings seen before (the resolvers are the slow part).
    private static let readsAsNonString = RenderMemo<String, Bool>(capacity: 4096)

    /// The longest string `readsAsNonString` remembers, so that the memo stays small (4,096 of these at most).
    private static let memoizedLength = 128

    /// The words some reader takes for a boolean, null, merge key or value key, in any letter case.
    private static func isKeyword(_ s: String) -> Bool {
        guard s.utf8.count <= 5 else { return false }
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
        asciiStructuralProblem(s) ?? scalarStructuralProblem(s)
    }

    /// `hasStructuralProblem` for any string, one Unicode scalar at a time.
    static func scalarStructuralProblem(_ s: String) -> Bool {
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

    /// `hasStructuralProblem` over the bytes of an ASCII string without allocating; nil for any other string.
    static func asciiStructuralProblem(_ s: String) -> Bool? {
        var s = s
        return s.withUTF8 { bytes -> Bool? in
            guard let first = bytes.first, let last = bytes.last else { return true }
            let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
            switch first {
            case UInt8(ascii: "-"):
                if bytes.count == 1 || blank(bytes[1]) { return true }
            case UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"),
                UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"),
                UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""),
                UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
                return true
            default:
                break
            }
            if bytes.count >= 3, first == UInt8(ascii: "-") || first == UInt8(ascii: "."),
                bytes[1] == first, bytes[2] == first
            {
                return true
            }
            if blank(first) || blank(last) || last == UInt8(ascii: ":") { return true }
            var previous: UInt8 = 0
            for byte in bytes {
                if byte >= 0x80 { return nil }
                // Controls (tab and breaks included) and DEL.
                if byte < 0x20 || byte == 0x7F { return true }
                if (previous == UInt8(ascii: ":") && blank(byte)) || (blank(previous) && byte == UInt8(ascii: "#")) {
                    return true
                }
                previous = byte
            }
            return false
        }
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
