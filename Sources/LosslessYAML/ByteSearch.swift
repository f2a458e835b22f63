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
        firstOffset(of: needle, in: haystack, from: 0) != nil
    }

    /// Where `needle` starts in `haystack`, every time (overlapping occurrences included).
    public static func offsets(of needle: [UInt8], in haystack: [UInt8]) -> [Int] {
        guard !needle.isEmpty else { return [] }
        var found: [Int] = []
        var offset = 0
        while let next = firstOffset(of: needle, in: haystack, from: offset) {
            found.append(next)
            offset = next + 1
        }
        return found
    }

    /// The first place at or after `start` where `needle` starts in `haystack`.
    private static func firstOffset(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first else { return start <= haystack.count ? start : nil }
        return haystack.withUnsafeBufferPointer { h -> Int? in
            needle.withUnsafeBufferPointer { n -> Int? in
                guard let base = h.baseAddress, let nb = n.baseAddress else { return nil }
                var offset = max(0, start)
                while h.count - offset >= n.count,
                      let found = memchr(base + offset, Int32(first), h.count - offset - n.count + 1) {
                    let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + index, nb, n.count) == 0 { return index }
                    offset = index + 1
                }
                return nil
            }
        }
    }

    /// Whether `byte` occurs in `haystack` followed by one of `next`.
    public static func contains(_ haystack: [UInt8], _ byte: UInt8, followedBy next: Set<UInt8>) -> Bool {
        haystack.withUnsafeBufferPointer { h in
            guard let base = h.baseAddress else { return false }
            var offset = 0
            while offset < h.count, let found = memchr(base + offset, Int32(byte), h.count - offset) {
                let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if index + 1 < h.count, next.contains(h[index + 1]) { return true }
                offset = index + 1
            }
            return false
        }
    }
}
