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
        var out: [UInt8] = []
        appendPair(key, value, indent: indent, endsText: true, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `- value` as text; the first line starts at the dash, without indentation. No final line break.
    func item(_ value: YAMLValue, dashIndent: Int, contentOffset: Int = 2) -> String {
        var out: [UInt8] = []
        appendItem(value, dashIndent: dashIndent, contentOffset: contentOffset, endsText: true, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// A scalar or flow value for the same line as its key, or nil when the value needs block lines.
    func inline(_ value: YAMLValue) -> String? {
        var out: [UInt8] = []
        return appendInline(value, endsText: true, to: &out) ? String(decoding: out, as: UTF8.self) : nil
    }

    /// Appends `value` as a scalar or flow value for its key's line; false (nothing appended) when it needs
    /// block lines.
    private func appendInline(_ value: YAMLValue, endsText: Bool, to out: inout [UInt8]) -> Bool {
        switch value {
        case .string(let s):
            let fits = !endsText || (nextLine != .comment && (nextLine != .blank || !s.hasSuffix("\n\n")))
            if s.hasLineFeed, fits, LiteralBlock.text(s, indent: 0, lineBreak: "\n") != nil { return false }
            ScalarText.append(s, to: &out)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case .mapping(let entries):
            guard entries.isEmpty else { return false }
            out.append(contentsOf: "{}".utf8)
        case .sequence(let items):
            guard items.isEmpty else { return false }
            out.append(contentsOf: "[]".utf8)
        }
        return true
    }

    private func appendPair(_ key: String, _ value: YAMLValue, indent: Int, endsText: Bool, to out: inout [UInt8]) {
        ScalarText.append(key, to: &out)
        out.append(UInt8(ascii: ":"))
        let mark = out.count
        out.append(UInt8(ascii: " "))
        if appendInline(value, endsText: endsText, to: &out) { return }
        switch value {
        case .string(let s):
            out.append(
                contentsOf: (LiteralBlock.text(s, indent: indent + layout.indentStep, lineBreak: layout.lineBreak) ?? "")
                    .utf8)
        case .mapping(let entries):
            out.removeSubrange(mark...)
            for (index, entry) in entries.enumerated() {
                newLine(indent + layout.indentStep, &out)
                appendPair(
                    entry.key, entry.value, indent: indent + layout.indentStep,
                    endsText: endsText && index == entries.count - 1, to: &out)
            }
        case .sequence(let items):
            out.removeSubrange(mark...)
            let dash = indent + (layout.indentsSequences ? layout.indentStep : 0)
            for (index, item) in items.enumerated() {
                newLine(dash, &out)
                appendItem(
                    item, dashIndent: dash, contentOffset: 2, endsText: endsText && index == items.count - 1, to: &out)
            }
        default:
            break
        }
    }

    private func appendItem(
        _ value: YAMLValue, dashIndent: Int, contentOffset: Int, endsText: Bool,
        to out: inout [UInt8]
    ) {
        out.append(UInt8(ascii: "-"))
        Self.appendBlanks(max(1, contentOffset - 1), to: &out)
        let contentIndent = dashIndent + max(2, contentOffset)
        if appendInline(value, endsText: endsText, to: &out) { return }
        switch value {
        case .string(let s):
            out.append(
                contentsOf: (LiteralBlock.text(s, indent: contentIndent, lineBreak: layout.lineBreak) ?? "").utf8)
        case .mapping(let entries):
            for (index, entry) in entries.enumerated() {
                if index > 0 { newLine(contentIndent, &out) }
                appendPair(
                    entry.key, entry.value, indent: contentIndent,
                    endsText: endsText && index == entries.count - 1, to: &out)
            }
        case .sequence(let items):
            for (index, item) in items.enumerated() {
                if index > 0 { newLine(contentIndent, &out) }
                appendItem(
                    item, dashIndent: contentIndent, contentOffset: 2, endsText: endsText && index == items.count - 1,
                    to: &out)
            }
        default:
            break
        }
    }

    /// A line break and `indent` blanks.
    private func newLine(_ indent: Int, _ out: inout [UInt8]) {
        out.append(contentsOf: layout.lineBreak.utf8)
        Self.appendBlanks(indent, to: &out)
    }

    /// Appends `n` blanks.
    private static func appendBlanks(_ n: Int, to out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: max(0, n)))
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
            if (v < 0x20 && v != 0x0A && v != 0x09) || v == 0x7F || v == 0xFEFF || v == 0x85 || v == 0x2028
                || v == 0x2029
            {
                return nil
            }
        }
        var lines = Array(s.utf8).split(separator: 0x0A, omittingEmptySubsequences: false)
        var trailingBreaks = 0
        while let last = lines.last, last.isEmpty, lines.count > 1 {
            lines.removeLast()
            trailingBreaks += 1
        }
        // The first content line sets the block's indentation, so it must not start with a blank of its own.
        guard let firstContent = lines.first(where: { !$0.isEmpty }),
            firstContent.first != 0x20, firstContent.first != 0x09
        else { return nil }
        var out: [UInt8] = [UInt8(ascii: "|")]
        if trailingBreaks != 1 { out.append(trailingBreaks == 0 ? UInt8(ascii: "-") : UInt8(ascii: "+")) }
        for line in lines {
            out.append(contentsOf: lineBreak.utf8)
            if !line.isEmpty {
                out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
                out.append(contentsOf: line)
            }
        }
        for _ in 1..<max(1, trailingBreaks) { out.append(contentsOf: lineBreak.utf8) }
        return String(decoding: out, as: UTF8.self)
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
    /// Appends `s` as a plain or double-quoted scalar.
    static func append(_ s: String, to out: inout [UInt8]) {
        out.append(contentsOf: (Quoting.needsQuotes(s) ? Quoting.doubleQuoted(s) : s).utf8)
    }
}
