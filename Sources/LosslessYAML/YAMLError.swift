/// An error in a YAML source, with the position it concerns.
public struct YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, in one sentence without position.
    public var message: String
    /// Where it went wrong, when known.
    public var mark: Mark?

    public init(_ message: String, at mark: Mark? = nil) {
        self.message = message
        self.mark = mark
    }

    public var description: String {
        guard let mark else { return message }
        return "\(mark): \(message)"
    }
}

/// Renders a message the way compilers do: `file:line:column: error: message`, the source line and a caret.
public enum DiagnosticFormatter {
    /// The full text for one diagnostic; `source` supplies the quoted line.
    public static func format(
        file: String, mark: Mark?, severity: String = "error",
        message: String, source: [UInt8]?
    ) -> String {
        guard let mark else { return "\(file): \(severity): \(message)" }
        var text = "\(file):\(mark.line):\(mark.column): \(severity): \(message)"
        if let source, let line = lineText(containing: mark.offset, in: source) {
            text += "\n  \(line.text)\n  " + String(repeating: " ", count: max(0, line.caretColumn)) + "^"
        }
        return text
    }

    /// The line around a byte offset (tabs kept, control characters shown as `?`) and the caret's column in it.
    static func lineText(containing offset: Int, in source: [UInt8]) -> (text: String, caretColumn: Int)? {
        guard offset >= 0, offset <= source.count else { return nil }
        var start = min(offset, source.count)
        while start > 0, source[start - 1] != 0x0A { start -= 1 }
        var end = start
        while end < source.count, source[end] != 0x0A, source[end] != 0x0D { end += 1 }
        guard end - start <= 400 else { return nil }
        let bytes = source[start..<end].map { $0 < 0x20 && $0 != 0x09 ? UInt8(ascii: "?") : $0 }
        let text = String(decoding: bytes, as: UTF8.self)
        let prefix = String(decoding: source[start..<min(offset, end)], as: UTF8.self)
        return (text, prefix.count)
    }
}
