/// Replacements of byte ranges of one source, applied together; an empty range is an insertion, and
/// insertions at one offset keep the order they were made in.
struct ByteSplicer {
    private struct Splice {
        var range: Range<Int>
        var bytes: [UInt8]
        var order: Int
    }

    private var splices: [Splice] = []

    var isEmpty: Bool { splices.isEmpty }

    mutating func replace(_ range: Range<Int>, with bytes: [UInt8]) {
        splices.append(Splice(range: range, bytes: bytes, order: splices.count))
    }

    mutating func insert(_ bytes: [UInt8], at offset: Int) {
        replace(offset..<offset, with: bytes)
    }

    /// `source` with every splice applied; nil when two of them overlap.
    func apply(to source: [UInt8]) -> [UInt8]? {
        let ordered = splices.sorted { a, b in
            if a.range.lowerBound != b.range.lowerBound { return a.range.lowerBound < b.range.lowerBound }
            if a.range.isEmpty != b.range.isEmpty { return a.range.isEmpty }
            return a.order < b.order
        }
        var out: [UInt8] = []
        out.reserveCapacity(source.count + ordered.reduce(0) { $0 + $1.bytes.count })
        var cursor = 0
        for splice in ordered {
            guard splice.range.lowerBound >= cursor, splice.range.upperBound <= source.count else { return nil }
            out += source[cursor..<splice.range.lowerBound]
            out += splice.bytes
            cursor = splice.range.upperBound
        }
        out += source[cursor...]
        return out
    }
}
