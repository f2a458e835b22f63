/// Turns libyaml's character indexes into byte offsets: libyaml counts characters, not bytes (with the
/// encoding set to UTF-8 up front, a byte-order mark counts as one character like any other).
struct OffsetTranslator {
    private let source: UnsafeBufferPointer<UInt8>
    private let ascii: Bool
    private var charCursor = 0
    private var byteCursor = 0

    init(source: UnsafeBufferPointer<UInt8>) {
        self.source = source
        var ascii = true
        for byte in source where byte >= 0x80 {
            ascii = false
            break
        }
        self.ascii = ascii
    }

    /// The byte offset of character `index`.
    mutating func byteOffset(ofCharacter index: Int) -> Int {
        if ascii { return min(index, source.count) }
        while charCursor < index, byteCursor < source.count {
            byteCursor += 1
            while byteCursor < source.count, source[byteCursor] & 0xC0 == 0x80 { byteCursor += 1 }
            charCursor += 1
        }
        while charCursor > index, byteCursor > 0 {
            byteCursor -= 1
            while byteCursor > 0, source[byteCursor] & 0xC0 == 0x80 { byteCursor -= 1 }
            charCursor -= 1
        }
        return byteCursor
    }
}
