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
              let hit = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// The first place at or after `start` where `needle` starts in `bytes`.
    static func firstOffset(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let first = needle.first else { return start <= bytes.count ? start : nil }
        return needle.withUnsafeBufferPointer { n -> Int? in
            guard let base = bytes.baseAddress, let nb = n.baseAddress else { return nil }
            var offset = max(0, start)
            while bytes.count - offset >= n.count, let index = firstOffset(of: first, in: bytes, from: offset) {
                guard bytes.count - index >= n.count else { return nil }
                if memcmp(base + index, nb, n.count) == 0 { return index }
                offset = index + 1
            }
            return nil
        }
    }
}
