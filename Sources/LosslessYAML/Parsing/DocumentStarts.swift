/// Where a stream's documents start, found from the bytes alone, so that parts of a stream can be read on
/// their own: a `---` at the start of a line and followed by a blank or a line break always starts a
/// document (libyaml takes it for one in every context, or fails there), and after the first document none
/// starts without one.
public struct DocumentStarts: Sendable {
    /// One part of a stream that parses on its own to the documents the whole stream has there.
    public struct Part: Sendable, Equatable {
        /// Its bytes: from a `---` line (or the start) to the next `---` line (or the end).
        public var bytes: Range<Int>
        /// Where it starts.
        public var start: Mark
        /// The stream index of its first document.
        public var firstIndex: Int
    }

    /// The parts, in order; together they cover the stream.
    public let parts: [Part]

    /// The parts of `source`, or nil when its bytes alone cannot say (a byte-order mark, a directive, a `...`
    /// line, line breaks other than LF and CR LF): then only a reading of the whole stream can.
    public init?(_ source: [UInt8]) {
        var starts: [Mark] = []
        var implicitFirst = false
        let readable: Bool = source.withUnsafeBufferPointer { bytes in
            let count = bytes.count
            if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return false }
            // A lone CR, or NEL, LS or PS in UTF-8: line breaks to libyaml that a count of LFs misses.
            if Self.offsets(of: 0x0D, in: bytes).contains(where: { $0 + 1 == count || bytes[$0 + 1] != 0x0A }) { return false }
            if Self.offsets(of: 0xC2, in: bytes).contains(where: { $0 + 1 < count && bytes[$0 + 1] == 0x85 }) { return false }
            if Self.offsets(of: 0xE2, in: bytes).contains(where: {
                $0 + 2 < count && bytes[$0 + 1] == 0x80 && (bytes[$0 + 2] == 0xA8 || bytes[$0 + 2] == 0xA9)
            }) { return false }
            var line = 1
            var lineStart = 0
            while lineStart < count {
                let end = ByteSearch.firstOffset(of: 0x0A, in: bytes, from: lineStart) ?? count
                switch bytes[lineStart] {
                case UInt8(ascii: "%"):
                    return false
                case UInt8(ascii: "."):
                    if Self.isMarker(bytes, UInt8(ascii: "."), at: lineStart, lineEnd: end) { return false }
                case UInt8(ascii: "-"):
                    if Self.isMarker(bytes, UInt8(ascii: "-"), at: lineStart, lineEnd: end) {
                        starts.append(Mark(offset: lineStart, line: line, column: 1))
                    }
                default:
                    break
                }
                if starts.isEmpty, !implicitFirst {
                    var i = lineStart
                    while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D { i += 1 }
                    if i < end, bytes[i] != UInt8(ascii: "#") { implicitFirst = true }
                }
                line += 1
                lineStart = end + 1
            }
            return true
        }
        guard readable else { return nil }
        let origin = Mark(offset: 0, line: 1, column: 1)
        // Comments before the first `---` belong to its document; content there is a document of its own.
        var marks = starts
        if implicitFirst || marks.isEmpty {
            marks.insert(origin, at: 0)
        } else {
            marks[0] = origin
        }
        var parts: [Part] = []
        for (index, mark) in marks.enumerated() {
            let end = index + 1 < marks.count ? marks[index + 1].offset : source.count
            parts.append(Part(bytes: mark.offset..<end, start: mark, firstIndex: index))
        }
        self.parts = parts
    }

    /// Every offset of `byte`.
    private static func offsets(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var found: [Int] = []
        var offset = 0
        while let index = ByteSearch.firstOffset(of: byte, in: bytes, from: offset) {
            found.append(index)
            offset = index + 1
        }
        return found
    }

    /// `---` (or `...`) at `offset`, followed by a blank, a line break or the end.
    private static func isMarker(_ bytes: UnsafeBufferPointer<UInt8>, _ dot: UInt8, at offset: Int, lineEnd: Int) -> Bool {
        guard offset + 3 <= lineEnd, bytes[offset] == dot, bytes[offset + 1] == dot, bytes[offset + 2] == dot else {
            return false
        }
        guard offset + 3 < lineEnd else { return true }
        let next = bytes[offset + 3]
        return next == 0x20 || next == 0x09 || next == 0x0D
    }
}
