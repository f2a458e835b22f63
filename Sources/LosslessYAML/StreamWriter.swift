/// Assembles an output stream from original documents, edited documents and new documents.
public struct StreamWriter: Sendable {
    /// The bytes written so far (since the last `drain`).
    public private(set) var bytes: [UInt8] = []
    private let lineBreak: [UInt8]
    /// The last byte ever written, also after a `drain`.
    private var lastByte: UInt8?
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
        if let last = bytes.last { lastByte = last; wroteAnything = true }
        defer { bytes = [] }
        return bytes
    }

    /// The last byte written, across drains.
    private var last: UInt8? { bytes.last ?? lastByte }
    private var isEmpty: Bool { bytes.isEmpty && !wroteAnything }

    /// Appends a new document (text without a `---` line): a separator line first, and a line break
    /// before it when the output does not end with one.
    public mutating func writeNewDocument(_ text: [UInt8]) {
        if let last, last != 0x0A { bytes.append(contentsOf: lineBreak) }
        bytes.append(contentsOf: Array("---".utf8) + lineBreak)
        bytes.append(contentsOf: text)
        if let last = text.last, last != 0x0A { bytes.append(contentsOf: lineBreak) }
    }

    /// Makes sure the next document starts on a fresh `---` line (needed when a document without an explicit
    /// start follows one that was inserted).
    public mutating func writeSeparatorIfNeeded(before document: Document) {
        guard !document.hasExplicitStart, !isEmpty else { return }
        if let last, last != 0x0A { bytes.append(contentsOf: lineBreak) }
        bytes.append(contentsOf: Array("---".utf8) + lineBreak)
    }
}
