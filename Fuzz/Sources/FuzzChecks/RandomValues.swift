import LosslessYAML

/// Random `YAMLValue`s and keys, biased towards strings that YAML readers take for something else.
enum RandomValues {
    /// Strings every writer must quote, break or escape correctly.
    static let awkwardStrings: [String] = [
        "", " ", "a", "web", "yes", "No", "on", "OFF", "y", "n", "true", "False", "null", "Null", "~", "<<", "=",
        "1", "-1", "+1", "0", "007", "0x1F", "0o17", "0b101", "1_000", "1:20", "190:20:30", "1.0", "1e3", ".5",
        "-.inf", ".NaN", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "- a", "-a", "-", "?", ":", "a: b", "a:b",
        "#x", "x #y", "x#y", " lead", "trail ", "\ttab", "tab\there", "it's", "say \"hi\"", "back\\slash",
        "{a}", "[x]", "x, y", "*ref", "&anchor", "!tag", "%dir", "@at", "`tick", "|", ">", "---", "...", "--- x",
        "line\nbreak", "line\nbreak\n", "two\n\n", "\nlead", "  \nx", "x\n  y", "cr\rlf", "crlf\r\n", "é", "日本",
        "nel\u{85}x", "ls\u{2028}x", "bom\u{FEFF}", "\u{FFFE}", "bell\u{07}", "del\u{7F}", "nul\u{0}x", "\u{A0}nbsp",
        "emoji 🙂", "10.0.0.0/8; rm -rf /", "$(reboot)", "a\u{200B}b",
    ]

    /// A string: an awkward one, or one made of random characters.
    static func string(_ source: inout ByteSource) -> String {
        if source.chance(70), let s = source.pick(awkwardStrings) { return s }
        let alphabet: [Unicode.Scalar] = [
            "a", "b", "0", "1", " ", ":", "-", "#", "'", "\"", "\\", "\n", "\t", ",", "[",
            "]", "{", "}", "&", "*", "!", "|", ">", "%", "@", "?", ".", "é", "\u{85}",
            "\u{2028}", "\r", "\u{FEFF}",
        ]
        var out = String.UnicodeScalarView()
        for _ in 0..<source.below(12) {
            if let scalar = source.pick(alphabet) { out.append(scalar) }
        }
        return String(out)
    }

    /// A value up to `depth` levels deep.
    static func value(_ source: inout ByteSource, depth: Int = 3) -> YAMLValue {
        let choice = source.below(depth > 0 ? 9 : 6)
        switch choice {
        case 0, 1: return .string(string(&source))
        case 2: return .int(source.pick([0, 1, -1, 8080, Int.max, Int.min, 65536]) ?? 0)
        case 3: return .bool(source.chance(50))
        case 4: return .null
        case 5: return source.chance(50) ? .mapping([]) : .sequence([])
        case 6, 7:
            var entries: [YAMLValue.Entry] = []
            for _ in 0..<(1 + source.below(3)) {
                entries.append(.init(string(&source), value(&source, depth: depth - 1)))
            }
            return .mapping(entries)
        default:
            var items: [YAMLValue] = []
            for _ in 0..<(1 + source.below(3)) { items.append(value(&source, depth: depth - 1)) }
            return .sequence(items)
        }
    }

    /// A value that `replace` can write on one line: a scalar or an empty collection.
    static func inlineValue(_ source: inout ByteSource) -> YAMLValue {
        switch source.below(6) {
        case 0, 1: return .string(string(&source).filter { !$0.isNewline })
        case 2: return .int(source.pick([0, 42, -7, Int.max]) ?? 0)
        case 3: return .bool(source.chance(50))
        case 4: return .null
        default: return source.chance(50) ? .mapping([]) : .sequence([])
        }
    }
}
