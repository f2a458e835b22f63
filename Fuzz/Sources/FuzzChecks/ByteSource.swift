/// Decisions drawn from fuzzer bytes, so that libFuzzer's mutations steer them; once the bytes run out, from
/// a generator seeded by them (the same input always makes the same decisions).
struct ByteSource {
    private let bytes: [UInt8]
    private var index = 0
    private var state: UInt64

    /// Decisions from `bytes`, then from a generator seeded with their FNV-1a hash.
    init<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        self.bytes = Array(bytes)
        // FNV-1a of the bytes seeds the generator used after them.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        state = hash | 1
    }

    /// The next byte.
    mutating func byte() -> UInt8 {
        if index < bytes.count {
            defer { index += 1 }
            return bytes[index]
        }
        // xorshift64*
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return UInt8(truncatingIfNeeded: (state &* 0x2545_F491_4F6C_DD1D) >> 56)
    }

    /// A number in `0..<bound` (0 when `bound` is not positive).
    mutating func below(_ bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        let wide = (Int(byte()) << 8) | Int(byte())
        return wide % bound
    }

    /// True with a probability of about `percent` in a hundred.
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    /// One element of a non-empty array.
    mutating func pick<T>(_ options: [T]) -> T? {
        options.isEmpty ? nil : options[below(options.count)]
    }
}
