/// Assembles an output stream from original documents, edited documents and new documents.
public struct StreamWriter: Sendable {
    /// The bytes written so far (since the last `drain`).
    public private(set) var bytes: [UInt8] = []
    private let lineBreak: [UInt8]
    /// The last bytes ever written (up to 3, a line break's longest), also after a `drain`.
    private var tail: [UInt8] = []
    private var wroteAnything = false

    public init(lineBreak: String = "\n", capacity: Int = 0) {
        self.lineBreak = Array(lineBreak.utf8)
        bytes.reserveCapacity(capacity)
    }

    /// Appends bytes exactly as given (an untouched document, or an edited one).
    public mutating func write<C: Collection>(_ chunk: C) where C.Element == UInt8 {
        bytes.append(contentsOf: chunk)
    }

    /// Hands over the bytes written so far and starts afresh (for output streamed in pieces).
    public mutating func drain() -> [UInt8] {
        if !bytes.isEmpty {
            tail = Array((tail + bytes.suffix(3)).suffix(3))
            wroteAnything = true
        }
        defer { bytes = [] }
        return bytes
    }

    private var isEmpty: Bool { bytes.isEmpty && !wroteAnything }
    /// Whether what was written, across drains, ends with a line break (any of libyaml's).
    private var endsLine: Bool {
        LineBreaks.trailingLength(bytes.count >= 3 ? Array(bytes.suffix(3)) : tail + bytes) > 0
    }

    /// Appends a new document (text without a `---` line): a separator line first, and a line break
    /// before it when the output does not end with one.
    public mutating func writeNewDocument(_ text: [UInt8]) {
        if !isEmpty, !endsLine { bytes.append(contentsOf: lineBreak) }
        bytes.append(contentsOf: Array("---".utf8) + lineBreak)
        bytes.append(contentsOf: text)
        if !text.isEmpty, LineBreaks.trailingLength(text) == 0 { bytes.append(contentsOf: lineBreak) }
    }

    /// Makes sure the next document starts on a fresh `---` line (needed when a document without an explicit
    /// start follows one that was inserted).
    public mutating func writeSeparatorIfNeeded(before document: Document) {
        guard !document.hasExplicitStart, !isEmpty else { return }
        if !endsLine { bytes.append(contentsOf: lineBreak) }
        bytes.append(contentsOf: Array("---".utf8) + lineBreak)
    }
}
