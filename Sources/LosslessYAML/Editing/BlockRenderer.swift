/// Writes `YAMLValue`s as block-style YAML text at a given indentation, following a document's `Layout`.
struct BlockRenderer {
    let layout: Layout
    /// What the lines after the rendered text hold: a literal block ending the text would take a comment
    /// line or a line of blanks, or (kept with `|+`) empty lines, into its value, so such a last string goes
    /// double-quoted.
    var nextLine: NextLine = .other

    enum NextLine {
        /// A line a literal block takes into its value: a comment, or blanks alone.
        case comment
        /// Empty lines only, then a line no literal block takes.
        case blank
        case other
    }

    /// `key: value` as text; the first line carries no indentation (the caller places it), later lines do.
    /// The text ends without a final line break.
    func pair(_ key: String, _ value: YAMLValue, indent: Int) -> String {
        var out = ""
        appendPair(key, value, indent: indent, endsText: true, to: &out)
        return out
    }

    /// `- value` as text; the first line starts at the dash, without indentation. No final line break.
    func item(_ value: YAMLValue, dashIndent: Int, contentOffset: Int = 2) -> String {
        var out = ""
        appendItem(value, dashIndent: dashIndent, contentOffset: contentOffset, endsText: true, to: &out)
        return out
    }

    /// A scalar or flow value for the same line as its key, or nil when the value needs block lines.
    func inline(_ value: YAMLValue) -> String? {
        inline(value, endsText: true)
    }

    private func inline(_ value: YAMLValue, endsText: Bool) -> String? {
        switch value {
        case .string(let s):
            let fits = !endsText || (nextLine != .comment && (nextLine != .blank || !s.hasSuffix("\n\n")))
            if s.hasLineFeed, fits, LiteralBlock.text(s, indent: 0, lineBreak: "\n") != nil { return nil }
            return ScalarText.render(s)
        case .int(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .mapping(let entries): return entries.isEmpty ? "{}" : nil
        case .sequence(let items): return items.isEmpty ? "[]" : nil
        }
    }

    private func appendPair(_ key: String, _ value: YAMLValue, indent: Int, endsText: Bool, to out: inout String) {
        out += ScalarText.render(key)
        out += ":"
        if let text = inline(value, endsText: endsText) {
            out += " "
            out += text
            return
        }
        switch value {
        case .string(let s):
            out += " "
            out += LiteralBlock.text(s, indent: indent + layout.indentStep, lineBreak: layout.lineBreak) ?? ""
        case .mapping(let entries):
            for (index, entry) in entries.enumerated() {
                newLine(indent + layout.indentStep, &out)
                appendPair(entry.key, entry.value, indent: indent + layout.indentStep,
                           endsText: endsText && index == entries.count - 1, to: &out)
            }
        case .sequence(let items):
            let dash = indent + (layout.indentsSequences ? layout.indentStep : 0)
            for (index, item) in items.enumerated() {
                newLine(dash, &out)
                appendItem(item, dashIndent: dash, contentOffset: 2, endsText: endsText && index == items.count - 1, to: &out)
            }
        default:
            break
        }
    }

    private func appendItem(_ value: YAMLValue, dashIndent: Int, contentOffset: Int, endsText: Bool,
                            to out: inout String) {
        out += "-"
        out += Self.blanks(max(1, contentOffset - 1))
        let contentIndent = dashIndent + max(2, contentOffset)
        if let text = inline(value, endsText: endsText) {
            out += text
            return
        }
        switch value {
        case .string(let s):
            out += LiteralBlock.text(s, indent: contentIndent, lineBreak: layout.lineBreak) ?? ""
        case .mapping(let entries):
            for (index, entry) in entries.enumerated() {
                if index > 0 { newLine(contentIndent, &out) }
                appendPair(entry.key, entry.value, indent: contentIndent,
                           endsText: endsText && index == entries.count - 1, to: &out)
            }
        case .sequence(let items):
            for (index, item) in items.enumerated() {
                if index > 0 { newLine(contentIndent, &out) }
                appendItem(item, dashIndent: contentIndent, contentOffset: 2, endsText: endsText && index == items.count - 1,
                           to: &out)
            }
        default:
            break
        }
    }

    /// A line break and `indent` blanks.
    private func newLine(_ indent: Int, _ out: inout String) {
        out += layout.lineBreak
        out += Self.blanks(indent)
    }

    private static let indentations = (0...64).map { String(repeating: " ", count: $0) }

    /// `n` blanks, without a new string for the usual indentations.
    private static func blanks(_ n: Int) -> String {
        indentations.indices.contains(n) ? indentations[n] : String(repeating: " ", count: max(0, n))
    }
}

/// A multi-line string as a literal block scalar (`|`, `|-` or `|+`), when one can carry it exactly.
enum LiteralBlock {
    /// The header and content lines (content at `indent`), or nil when the string cannot be written this way.
    static func text(_ s: String, indent: Int, lineBreak: String) -> String? {
        guard s.hasLineFeed else { return nil }
        return memo.value(for: Key(text: s, indent: indent, lineBreak: lineBreak)) {
            render(s, indent: indent, lineBreak: lineBreak)
        }
    }

    private struct Key: Hashable, Sendable {
        var text: String
        var indent: Int
        var lineBreak: String
    }

    /// Texts written before: an init script is the same for every workload of a mesh.
    private static let memo = RenderMemo<Key, String?>(capacity: 64)

    private static func render(_ s: String, indent: Int, lineBreak: String) -> String? {
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if (v < 0x20 && v != 0x0A && v != 0x09) || v == 0x7F || v == 0xFEFF || v == 0x85 || v == 0x2028 || v == 0x2029 {
                return nil
            }
        }
        var lines = s.split(separator: "\n", omittingEmptySubsequences: false)
        var trailingBreaks = 0
        while let last = lines.last, last.isEmpty, lines.count > 1 {
            lines.removeLast()
            trailingBreaks += 1
        }
        guard let firstContent = lines.first(where: { !$0.isEmpty }),
              firstContent.first != " ", firstContent.first != "\t" else { return nil }
        // A line of only spaces before the first content line would change the detected indentation.
        if let firstIndex = lines.firstIndex(where: { !$0.isEmpty }),
           lines[..<firstIndex].contains(where: { !$0.isEmpty }) { return nil }
        let chomp = trailingBreaks == 0 ? "-" : (trailingBreaks == 1 ? "" : "+")
        let pad = String(repeating: " ", count: indent)
        var out = "|" + chomp
        for line in lines {
            out += lineBreak + (line.isEmpty ? "" : pad + line)
        }
        if trailingBreaks > 1 {
            for _ in 1..<trailingBreaks { out += lineBreak }
        }
        return out
    }
}

extension String {
    /// Whether the string holds a line feed, searched in its UTF-8 bytes (a `Character` search is far slower).
    var hasLineFeed: Bool {
        utf8.withContiguousStorageIfAvailable { $0.contains(0x0A) } ?? utf8.contains(0x0A)
    }
}

/// One string as a plain or double-quoted scalar.
enum ScalarText {
    static func render(_ s: String) -> String {
        Quoting.needsQuotes(s) ? Quoting.doubleQuoted(s) : s
    }
}
