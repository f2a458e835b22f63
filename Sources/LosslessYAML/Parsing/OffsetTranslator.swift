/// Turns libyaml's character indexes into byte offsets: libyaml counts characters, not bytes, and does not
/// count a byte-order mark at the start of the input.
struct OffsetTranslator {
    private let source: UnsafeBufferPointer<UInt8>
    private let ascii: Bool
    private let base: Int
    private var charCursor = 0
    private var byteCursor: Int

    init(source: UnsafeBufferPointer<UInt8>) {
        self.source = source
        let bom = source.count >= 3 && source[0] == 0xEF && source[1] == 0xBB && source[2] == 0xBF
        self.base = bom ? 3 : 0
        self.byteCursor = base
        self.ascii = Self.isASCII(source)
    }

    /// Whether no byte of `bytes` has its high bit set, read eight bytes at a time (a part is read whole).
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let raw = UnsafeRawBufferPointer(bytes)
        var bits: UInt64 = 0
        var i = 0
        while i + 32 <= raw.count {
            bits |=
                raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)
            i += 32
        }
        while i < raw.count {
            bits |= UInt64(raw[i])
            i += 1
        }
        return bits & 0x8080_8080_8080_8080 == 0
    }

    /// The byte offset of character `index`.
    @inline(__always)
    mutating func byteOffset(ofCharacter index: Int) -> Int {
        if ascii { return min(base + index, source.count) }
        return walk(toCharacter: index)
    }

    /// The byte offset of character `index` in a source that is not all ASCII, walked to from the last one.
    private mutating func walk(toCharacter index: Int) -> Int {
        while charCursor < index, byteCursor < source.count {
            byteCursor += 1
            while byteCursor < source.count, source[byteCursor] & 0xC0 == 0x80 { byteCursor += 1 }
            charCursor += 1
        }
        while charCursor > index, byteCursor > base {
            byteCursor -= 1
            while byteCursor > base, source[byteCursor] & 0xC0 == 0x80 { byteCursor -= 1 }
            charCursor -= 1
        }
        return byteCursor
    }
}
