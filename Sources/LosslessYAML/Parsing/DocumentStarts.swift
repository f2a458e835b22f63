/// Where a stream's documents start, found from the bytes alone, so that parts of a stream can be read on
/// their own: a `---` at the start of a line and followed by a blank or a line break always starts a
/// document (libyaml takes it for one in every context, or fails there), and after the first document none
/// starts without one.
public enum DocumentStarts {
    /// One part of a stream that parses on its own to the documents the whole stream has there.
    public struct Part: Sendable, Equatable {
        /// Its bytes: from a `---` line (or the start) to the next `---` line (or the end).
        public var bytes: Range<Int>
        /// Where it starts.
        public var start: Mark
        /// The stream index of its first document.
        public var firstIndex: Int
    }

    /// `source` cut into runs of whole parts of about `size` bytes, in order, covering the stream, each of which
    /// parses on its own; nil when the bytes alone cannot say where documents start, or are not UTF-8.
    public static func chunks(of source: [UInt8], size: Int = 1 << 15) -> [Part]? {
        do { try Encoding.check(source) } catch { return nil }
        var chunks: [Part] = []
        var open: Part?
        let split = forEachPart(in: source) { part in
            if var chunk = open, part.bytes.lowerBound - chunk.bytes.lowerBound < size {
                chunk.bytes = chunk.bytes.lowerBound..<part.bytes.upperBound
                open = chunk
            } else {
                if let chunk = open { chunks.append(chunk) }
                open = part
            }
            return true
        }
        guard split else { return nil }
        if let chunk = open { chunks.append(chunk) }
        return chunks
    }

    /// Every part of `source`, in order (they cover the stream), or nil when the bytes alone cannot say.
    public static func parts(of source: [UInt8]) -> [Part]? {
        var parts: [Part] = []
        return forEachPart(in: source) {
            parts.append($0)
            return true
        } ? parts : nil
    }

    /// Hands `body` each part of `source` that `keep` wants, in order, until `body` says stop; false when the
    /// bytes alone cannot say where documents start (a byte-order mark, a directive, a `...` line, line
    /// breaks other than LF and CR LF), which may be found after some parts were handed over: then only a
    /// reading of the whole stream can. No list of parts is made, so a stream of many tiny documents costs
    /// no memory.
    @discardableResult
    public static func forEachPart(
        in source: [UInt8], keep: (Range<Int>) -> Bool = { _ in true },
        _ body: (Part) -> Bool
    ) -> Bool {
        source.withUnsafeBufferPointer { bytes in
            let count = bytes.count
            if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return false }
            // A lone CR, or NEL, LS or PS in UTF-8: line breaks to libyaml that a count of LFs misses.
            if Self.any(0x0D, in: bytes, where: { $0 + 1 == count || bytes[$0 + 1] != 0x0A }) { return false }
            if Self.any(0xC2, in: bytes, where: { $0 + 1 < count && bytes[$0 + 1] == 0x85 }) { return false }
            if Self.any(
                0xE2, in: bytes,
                where: {
                    $0 + 2 < count && bytes[$0 + 1] == 0x80 && (bytes[$0 + 2] == 0xA8 || bytes[$0 + 2] == 0xA9)
                })
            {
                return false
            }
            let origin = Mark(offset: 0, line: 1, column: 1)
            // The part being read: where it starts and its first document's index; nil before the first `---`.
            var current: (start: Mark, index: Int)?
            var implicitFirst = false
            var going = true
            func close(at end: Int) {
                guard going, let part = current else { return }
                let range = part.start.offset..<end
                if keep(range) { going = body(Part(bytes: range, start: part.start, firstIndex: part.index)) }
            }
            var line = 1
            var lineStart = 0
            while lineStart < count {
                let end = ByteSearch.firstOffset(of: 0x0A, in: bytes, from: lineStart) ?? count
                switch bytes[lineStart] {
                case UInt8(ascii: "%"):
                    return false
                case UInt8(ascii: "."):
                    if Self.isMarker(bytes, UInt8(ascii: "."), at: lineStart, lineEnd: end) { return false }
                case UInt8(ascii: "-") where Self.isMarker(bytes, UInt8(ascii: "-"), at: lineStart, lineEnd: end):
                    if let part = current {
                        close(at: lineStart)
                        current = (Mark(offset: lineStart, line: line, column: 1), part.index + 1)
                    } else if implicitFirst {
                        // Content before the first `---` is a document of its own.
                        current = (origin, 0)
                        close(at: lineStart)
                        current = (Mark(offset: lineStart, line: line, column: 1), 1)
                    } else {
                        // Comments before the first `---` belong to its document.
                        current = (origin, 0)
                    }
                default:
                    break
                }
                if current == nil, !implicitFirst {
                    var i = lineStart
                    while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D { i += 1 }
                    if i < end, bytes[i] != UInt8(ascii: "#") { implicitFirst = true }
                }
                line += 1
                lineStart = end + 1
            }
            if current == nil { current = (origin, 0) }
            close(at: count)
            return true
        }
    }

    /// Whether some offset of `byte` satisfies `test`.
    private static func any(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, where test: (Int) -> Bool) -> Bool {
        var offset = 0
        while let index = ByteSearch.firstOffset(of: byte, in: bytes, from: offset) {
            if test(index) { return true }
            offset = index + 1
        }
        return false
    }

    /// `---` (or `...`) at `offset`, followed by a blank, a line break or the end.
    private static func isMarker(_ bytes: UnsafeBufferPointer<UInt8>, _ dot: UInt8, at offset: Int, lineEnd: Int)
        -> Bool
    {
        guard offset + 3 <= lineEnd, bytes[offset] == dot, bytes[offset + 1] == dot, bytes[offset + 2] == dot else {
            return false
        }
        guard offset + 3 < lineEnd else { return true }
        let next = bytes[offset + 3]
        return next == 0x20 || next == 0x09 || next == 0x0D
    }
}
