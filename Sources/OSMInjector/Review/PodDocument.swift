import LosslessYAML

/// The pod of a review request as a document of its own: the object's bytes, with its line's indentation,
/// parsed again, so that the engine edits it as it edits any manifest.
enum PodDocument {
    /// The stream holding only `object`, cut from `source`.
    static func make(_ object: Node, in source: [UInt8]) throws(YAMLError) -> YAMLStream {
        let start = object.range.start.offset
        var lineStart = start
        while lineStart > 0, source[lineStart - 1] != 0x0A { lineStart -= 1 }
        var end = object.range.end.offset
        if object.collectionStyle != .flow {
            while end < source.count, source[end - 1] != 0x0A { end += 1 }
        }
        var bytes = [UInt8](repeating: 0x20, count: start - lineStart)
        bytes += source[start..<end]
        if bytes.last != 0x0A { bytes.append(0x0A) }
        return try Parser().parse(bytes)
    }
}
