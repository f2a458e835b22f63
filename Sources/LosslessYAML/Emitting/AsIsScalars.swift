/// Scalars whose emitted text does not depend on where they stand, so that text rendered once with a stand-in
/// can take another string later, byte for byte as the emitter would have written it there.
extension Emitter {
    /// Appends `text` as this emitter writes it as a block mapping value or block sequence item, and returns true,
    /// when that text is the same at any indentation: plain and unchanged (a letter or digit, then only letters,
    /// digits and `. _ / + = -`), or double-quoted printable ASCII on one line (`.goYAMLv2` folds double-quoted
    /// text at spaces past column 80, so there only without spaces). Appends nothing and returns false otherwise.
    public func appendAsIs(_ text: String, to bytes: inout [UInt8]) -> Bool {
        var contiguous = text
        return contiguous.withUTF8 { utf8 in
            var plainBytes = true, printableASCII = true, hasSpace = false
            for byte in utf8 {
                if !Self.isPlainByte(byte) { plainBytes = false }
                if byte < 0x20 || byte > 0x7E { printableASCII = false }
                if byte == UInt8(ascii: " ") { hasSpace = true }
            }
            if plainBytes, let first = utf8.first, Self.isLetterOrDigit(first),
                Self.evidentlyPlain(utf8) || policy.requestedStyle(forLine: text) == .plain
            {
                bytes.append(contentsOf: utf8)
                return true
            }
            // libyaml keeps a requested double-quoted style; it escapes only `"` and `\` among printable ASCII.
            guard printableASCII, policy == .safe || !hasSpace, policy.requestedStyle(forLine: text) == .doubleQuoted
            else {
                return false
            }
            bytes.append(UInt8(ascii: "\""))
            for byte in utf8 {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { bytes.append(UInt8(ascii: "\\")) }
                bytes.append(byte)
            }
            bytes.append(UInt8(ascii: "\""))
            return true
        }
    }

    /// Whether every emitter writes `bytes` as a plain scalar exactly as they are, known from the bytes alone: six
    /// or more letters, digits and `. _ / + = -`, the first a letter. No YAML reader's keyword (five letters at
    /// most), number or timestamp (a digit, sign or dot first) reads so, and libyaml finds no indicator in it:
    /// base64 text that starts with a letter is such, however long, without running the resolvers over it.
    public static func isEvidentlyPlain(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { evidentlyPlain($0) }
    }

    private static func evidentlyPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 6, let first = bytes.first, isLetter(first) else { return false }
        return plainByteTable.withUnsafeBufferPointer { table in
            var all = true
            for byte in bytes { all = all && table[Int(byte)] }
            return all
        }
    }

    /// `isPlainByte` of every byte value, for scans of long text (a Secret's base64).
    private static let plainByteTable: [Bool] = (0...255).map { isPlainByte(UInt8($0)) }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    private static func isPlainByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "/"), UInt8(ascii: "+"), UInt8(ascii: "="),
            UInt8(ascii: "-"):
            return true
        default:
            return isLetterOrDigit(byte)
        }
    }
}
