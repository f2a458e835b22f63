#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A byte string to look for in whole inputs, found through the rarest of its bytes: `memchr` for its first
/// byte stops wherever that byte is, and for `envoy-bootstrap-config` that is every `e` of a manifest.
struct RareByteNeedle: Sendable {
    let bytes: [UInt8]
    /// The offset in `bytes` of the byte `memchr` looks for.
    private let anchor: Int

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        anchor = bytes.indices.max { Self.rarity(bytes[$0]) < Self.rarity(bytes[$1]) } ?? 0
    }

    /// Whether the bytes occur in `haystack`.
    func occurs(in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.isEmpty else { return true }
        guard let base = haystack.baseAddress, haystack.count >= bytes.count else { return false }
        let key = Int32(bytes[anchor])
        // The anchor byte stands at least `anchor` bytes in, and leaves room for the rest of the needle.
        let last = haystack.count - bytes.count + anchor
        var offset = anchor
        return bytes.withUnsafeBufferPointer { needle in
            guard let needleBase = needle.baseAddress else { return false }
            while offset <= last, let hit = memchr(base + offset, key, last - offset + 1) {
                let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + index - anchor, needleBase, needle.count) == 0 { return true }
                offset = index + 1
            }
            return false
        }
    }

    /// How rare a byte is in manifests, roughly: capitals, then lower-case letters by English letter frequency;
    /// digits and punctuation count as common.
    private static func rarity(_ byte: UInt8) -> Int {
        if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { return 100 }
        return commonFirst.firstIndex(of: byte) ?? 0
    }

    /// The lower-case letters, the most frequent first.
    private static let commonFirst = Array("etaoinsrhldcumfpgwybvkxjqz".utf8)
}
