/// Writes values as Go's `json.Marshal` does for decoded JSON: compact, object keys sorted bytewise, HTML
/// characters escaped (`<` as `\u003c`), numbers in Go's float64 format (`15000`, `1e+21`, `1e-7`).
public enum GoJSONEncoder {
    /// The JSON text of `value`.
    public static func encode(_ value: GoJSONValue) -> String {
        var out = ""
        append(value, to: &out)
        return out
    }

    static func append(_ value: GoJSONValue, to out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let d): out += GoFloatFormat.json(d)
        case .string(let s): appendString(s, to: &out)
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                append(item, to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, key) in members.keys.sortedAsGo().enumerated() {
                if index > 0 { out += "," }
                appendString(key, to: &out)
                out += ":"
                if let member = members[key] { append(member, to: &out) }
            }
            out += "}"
        }
    }

    /// A quoted string as Go 1.19's encoder writes it with HTML escaping on.
    public static func quote(_ s: String) -> String {
        var out = ""
        appendString(s, to: &out)
        return out
    }

    static func appendString(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                out += unicodeEscape(scalar.value)
            default:
                if scalar.value < 0x20 { out += unicodeEscape(scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        out += "\""
    }

    /// `\u00XX` with lowercase hex digits, as Go writes it.
    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
