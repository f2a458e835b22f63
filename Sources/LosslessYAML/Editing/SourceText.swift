/// Small questions about source bytes: columns, line starts and line ends. The line breaks are libyaml's:
/// LF, CRLF, a lone CR, and NEL, LS and PS (U+0085, U+2028, U+2029) in UTF-8.
enum SourceText {
    /// Bytes from the start of the line to `offset`.
    static func column(of offset: Int, in source: [UInt8]) -> Int {
        offset - lineStart(of: offset, in: source)
    }

    /// The offset of the first byte of the line holding `offset`.
    static func lineStart(of offset: Int, in source: [UInt8]) -> Int {
        var i = min(offset, source.count)
        while i > 0, !breakEnds(at: i, in: source) { i -= 1 }
        return i
    }

    /// The offset just past the line break ending the line that holds `offset`, or the end of the source.
    /// An offset already at the start of a line (after a block scalar's last break) is returned unchanged.
    static func nextLineStart(after offset: Int, in source: [UInt8]) -> (offset: Int, atEndWithoutBreak: Bool) {
        if offset > 0, offset <= source.count, breakEnds(at: offset, in: source) { return (offset, false) }
        var i = max(0, offset)
        while i < source.count {
            let length = lineBreakLength(at: i, in: source)
            if length > 0 { return (i + length, false) }
            i += 1
        }
        return (source.count, true)
    }

    /// True when only spaces and a sequence dash stand between the line start and `offset`.
    static func onlyIndentBefore(_ offset: Int, in source: [UInt8]) -> Bool {
        var i = lineStart(of: offset, in: source)
        while i < offset {
            if source[i] != 0x20 { return false }
            i += 1
        }
        return true
    }

    /// The length of the line break starting at `offset` (2 for CRLF and NEL, 3 for LS and PS), or 0.
    static func lineBreakLength<Bytes: RandomAccessCollection<UInt8>>(at offset: Int, in source: Bytes) -> Int
    where Bytes.Index == Int {
        guard offset >= 0, offset < source.count else { return 0 }
        switch source[offset] {
        case 0x0A:
            return 1
        case 0x0D:
            return offset + 1 < source.count && source[offset + 1] == 0x0A ? 2 : 1
        case 0xC2:
            return offset + 1 < source.count && source[offset + 1] == 0x85 ? 2 : 0
        case 0xE2:
            guard offset + 2 < source.count, source[offset + 1] == 0x80 else { return 0 }
            return source[offset + 2] == 0xA8 || source[offset + 2] == 0xA9 ? 3 : 0
        default:
            return 0
        }
    }

    /// Whether a line break ends right before `offset`, so that a line starts there.
    static func breakEnds(at offset: Int, in bytes: [UInt8]) -> Bool {
        guard offset > 0, offset <= bytes.count else { return false }
        switch bytes[offset - 1] {
        case 0x0A:
            return true
        case 0x0D:
            // The CR of a CRLF ends no line: its LF does.
            return offset == bytes.count || bytes[offset] != 0x0A
        case 0x85:
            return offset >= 2 && bytes[offset - 2] == 0xC2
        case 0xA8, 0xA9:
            return offset >= 3 && bytes[offset - 3] == 0xE2 && bytes[offset - 2] == 0x80
        default:
            return false
        }
    }
}

/// libyaml's line breaks, for code that adds or removes a final one.
public enum LineBreaks {
    /// The length of the line break that `bytes` end with (LF, CRLF, a lone CR, NEL, LS or PS), or 0.
    public static func trailingLength(_ bytes: [UInt8]) -> Int {
        let n = bytes.count
        guard SourceText.breakEnds(at: n, in: bytes) else { return 0 }
        switch bytes[n - 1] {
        case 0x0A: return n >= 2 && bytes[n - 2] == 0x0D ? 2 : 1
        case 0x0D: return 1
        case 0x85: return 2
        default: return 3
        }
    }
}
