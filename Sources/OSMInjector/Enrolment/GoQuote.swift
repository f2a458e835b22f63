/// Go's `strconv.Quote` (the `%q` verb) for the strings OSM's messages quote.
enum GoQuote {
    /// The string in double quotes with Go's escapes: `\"`, `\\`, `\a\b\f\n\r\t\v`, `\xNN` for other ASCII
    /// control bytes and `\u`/`\U` for non-printable scalars; printable Unicode is kept as it is.
    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{0B}": out += "\\v"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + hex(scalar.value, digits: 2)
                } else if !isPrintable(scalar) {
                    out +=
                        scalar.value <= 0xFFFF
                        ? "\\u" + hex(scalar.value, digits: 4) : "\\U" + hex(scalar.value, digits: 8)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// An approximation of Go's `strconv.IsPrint` for scalars above ASCII: controls, format characters,
    /// separators other than the space, private use and unassigned code points are not printable.
    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value >= 0x80 else { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate, .unassigned:
            return false
        case .spaceSeparator:
            return false
        default:
            return true
        }
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
