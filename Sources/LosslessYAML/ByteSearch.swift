#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Fast searches over raw bytes (the C library's `memchr` and `memcmp`): a whole input is scanned before it
/// is parsed, to know what kinds of documents it can hold.
public enum ByteSearch {
    /// Whether `needle` occurs in `haystack`.
    public static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        haystack.withUnsafeBufferPointer { contains($0, needle) }
    }

    /// Whether `needle` occurs in `haystack`.
    public static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        firstOffset(of: needle, in: haystack, from: 0) != nil
    }

    /// Whether `byte` occurs in `haystack` followed by one of `next`.
    public static func contains(_ haystack: [UInt8], _ byte: UInt8, followedBy next: Set<UInt8>) -> Bool {
        haystack.withUnsafeBufferPointer { h in
            var offset = 0
            while let index = firstOffset(of: byte, in: h, from: offset) {
                if index + 1 < h.count, next.contains(h[index + 1]) { return true }
                offset = index + 1
            }
            return false
        }
    }

    /// The first offset of `byte` at or after `start`.
    static func firstOffset(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress, start >= 0, start < bytes.count,
            let hit = memchr(base + start, Int32(byte), bytes.count - start)
        else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// Every offset where `needle` starts in `haystack`, in order (overlapping ones included); none for an
    /// empty needle.
    public static func offsets(of needle: [UInt8], in haystack: [UInt8]) -> [Int] {
        guard !needle.isEmpty else { return [] }
        return haystack.withUnsafeBufferPointer { bytes in
            var found: [Int] = []
            var offset = 0
            while let index = firstOffset(of: needle, in: bytes, from: offset) {
                found.append(index)
                offset = index + 1
            }
            return found
        }
    }

    /// The first place at or after `start` where `needle` starts in `bytes`.
    static func firstOffset(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard !needle.isEmpty else { return start <= bytes.count ? start : nil }
        // memchr looks for the needle's rarest byte: a common one (`e`) stops it every few bytes.
        let anchor = rarestIndex(in: needle)
        // A second byte, compared before calling memcmp: most places of the anchor differ there.
        let check = anchor == 0 ? min(1, needle.count - 1) : 0
        return needle.withUnsafeBufferPointer { n -> Int? in
            guard let base = bytes.baseAddress, let nb = n.baseAddress else { return nil }
            var offset = max(0, start) + anchor
            while bytes.count - (offset - anchor) >= n.count,
                let index = firstOffset(of: n[anchor], in: bytes, from: offset)
            {
                let candidate = index - anchor
                guard bytes.count - candidate >= n.count else { return nil }
                if base[candidate + check] == n[check], memcmp(base + candidate, nb, n.count) == 0 { return candidate }
                offset = index + 1
            }
            return nil
        }
    }

    /// The index of the byte of `needle` least common in YAML text (the first of equals).
    private static func rarestIndex(in needle: [UInt8]) -> Int {
        var best = 0
        for i in needle.indices where commonness(needle[i]) < commonness(needle[best]) { best = i }
        return best
    }

    /// How common a byte is in Kubernetes YAML: its place from the end of a list of the commonest (0 for the
    /// bytes not in it: capitals, rare punctuation, non-ASCII).
    private static func commonness(_ byte: UInt8) -> Int {
        guard let index = commonest.firstIndex(of: byte) else { return 0 }
        return commonest.count - index
    }

    /// Bytes of Kubernetes manifests, the commonest first.
    private static let commonest = Array(" eat:\nornsipcml-u.d/0hgvybf1\"k2".utf8)
}
