/// Writes `YAMLValue`s in flow style: JSON (every string double-quoted) or flow YAML (plain where safe).
public struct FlowRenderer: Sendable {
    /// Whether strings are always double-quoted, as JSON requires.
    public var json: Bool
    /// Spaces per level for multi-line output; nil writes everything on one line.
    public var indentStep: Int?
    public var lineBreak: String
    /// With `indentStep`: the columns a line may take. A collection that fits in them stays on one line, a
    /// longer one is broken, one entry a line (as a person breaks a long flow collection); nil breaks every
    /// collection.
    public var width: Int?

    public init(json: Bool, indentStep: Int? = nil, lineBreak: String = "\n", width: Int? = nil) {
        self.json = json
        self.indentStep = indentStep
        self.lineBreak = lineBreak
        self.width = width
    }

    /// The value as text; nested lines (when multi-line) are indented from `indent`, and the value starts at
    /// column `indent`.
    public func render(_ value: YAMLValue, indent: Int = 0) -> String {
        if let width, let indentStep {
            return fitting(value, indent: indent, column: indent, width: width, step: indentStep)
        }
        var out = ""
        append(value, indent: indent, to: &out)
        return out
    }

    /// A key and its value, `"key": value`.
    public func pair(_ key: String, _ value: YAMLValue, indent: Int) -> String {
        let key = scalar(key) + ": "
        if let width, let indentStep {
            return key + fitting(value, indent: indent, column: indent + key.utf8.count, width: width, step: indentStep)
        }
        return key + render(value, indent: indent)
    }

    /// `value` on one line when it fits in `width` from `column` (a comma or bracket after it included),
    /// else a collection over several lines: each entry on a line of its own at `indent + step`, written the
    /// same way, and the closing bracket at `indent`. A scalar is never broken.
    private func fitting(_ value: YAMLValue, indent: Int, column: Int, width: Int, step: Int) -> String {
        let inline = FlowRenderer(json: json).render(value)
        if column + inline.utf8.count + 1 <= width { return inline }
        let inner = indent + step
        switch value {
        case .sequence(let items) where !items.isEmpty:
            let lines = items.map { fitting($0, indent: inner, column: inner, width: width, step: step) }
            return "[" + broken(lines, indent: indent, inner: inner) + "]"
        case .mapping(let entries) where !entries.isEmpty:
            let lines = entries.map { entry -> String in
                let key = scalar(entry.key) + ": "
                return key
                    + fitting(entry.value, indent: inner, column: inner + key.utf8.count, width: width, step: step)
            }
            return "{" + broken(lines, indent: indent, inner: inner) + "}"
        default:
            return inline
        }
    }

    /// Entries one a line at `inner`, separated by commas, and a line break to `indent` for the closer.
    private func broken(_ entries: [String], indent: Int, inner: Int) -> String {
        let lead = lineBreak + String(repeating: " ", count: inner)
        return lead + entries.joined(separator: "," + lead) + lineBreak + String(repeating: " ", count: indent)
    }

    private func append(_ value: YAMLValue, indent: Int, to out: inout String) {
        switch value {
        case .string(let s): out += scalar(s)
        case .int(let i): out += String(i)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .sequence(let items):
            guard !items.isEmpty else {
                out += "[]"
                return
            }
            out += "["
            for (index, item) in items.enumerated() {
                out += index == 0 ? "" : ","
                out += separator(indent + (indentStep ?? 0), first: index == 0)
                append(item, indent: indent + (indentStep ?? 0), to: &out)
            }
            out += closing(indent) + "]"
        case .mapping(let entries):
            guard !entries.isEmpty else {
                out += "{}"
                return
            }
            out += "{"
            for (index, entry) in entries.enumerated() {
                out += index == 0 ? "" : ","
                out += separator(indent + (indentStep ?? 0), first: index == 0)
                out += scalar(entry.key) + ": "
                append(entry.value, indent: indent + (indentStep ?? 0), to: &out)
            }
            out += closing(indent) + "}"
        }
    }

    private func separator(_ indent: Int, first: Bool) -> String {
        guard indentStep != nil else { return first ? "" : " " }
        return lineBreak + String(repeating: " ", count: indent)
    }

    private func closing(_ indent: Int) -> String {
        guard indentStep != nil else { return "" }
        return lineBreak + String(repeating: " ", count: indent)
    }

    /// A string as a JSON string, or as a plain flow scalar when that is safe and JSON is not required.
    func scalar(_ s: String) -> String {
        if !json, !Quoting.needsQuotes(s), Self.isPlainInFlow(s) { return s }
        return JSONString.quote(s)
    }
}

extension FlowRenderer {
    /// Whether `s` reads back as itself as a plain scalar inside a flow collection: no flow indicator, and a
    /// colon only before a letter, digit or one of `/._-` (as in `image:tag` or `http://x`).
    static func isPlainInFlow(_ s: String) -> Bool {
        let bytes = Array(s.utf8)
        for (i, b) in bytes.enumerated() {
            switch b {
            case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
                UInt8(ascii: "#"), UInt8(ascii: "?"):
                return false
            case UInt8(ascii: ":"):
                guard i + 1 < bytes.count else { return false }
                let next = bytes[i + 1]
                let safe =
                    (next >= 0x30 && next <= 0x39) || (next >= 0x41 && next <= 0x5A) || (next >= 0x61 && next <= 0x7A)
                    || next == UInt8(ascii: "/") || next == UInt8(ascii: ".") || next == UInt8(ascii: "_")
                    || next == UInt8(ascii: "-")
                if !safe { return false }
            default:
                continue
            }
        }
        return true
    }
}

/// JSON string quoting, which is also valid YAML double-quoted style.
public enum JSONString {
    /// Characters no quoted scalar may hold raw: breaks, controls, and what libyaml refuses (C1 controls,
    /// U+FEFF, U+FFFE, U+FFFF) or reads as a line break (U+2028, U+2029).
    static func mustEscape(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 || v == 0xFEFF || v == 0xFFFE
            || v == 0xFFFF
    }

    /// `s` in double quotes with JSON escapes.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if mustEscape(scalar) {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
