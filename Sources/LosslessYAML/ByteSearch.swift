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
        guard let first = needle.first else { return true }
        return haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                guard let base = h.baseAddress, let nb = n.baseAddress else { return false }
                var offset = 0
                while h.count - offset >= n.count,
                      let found = memchr(base + offset, Int32(first), h.count - offset - n.count + 1) {
                    let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + index, nb, n.count) == 0 { return true }
                    offset = index + 1
                }
                return false
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
