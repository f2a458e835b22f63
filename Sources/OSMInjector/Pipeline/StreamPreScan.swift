import LosslessYAML

/// The stream's pre-scan: what its bytes say before it is parsed, scanned once for both passes.
struct StreamPreScan {
    /// The bytes hold an escape that could spell any word (see `hasSpellingEscapes`).
    let hasSpellingEscapes: Bool
    /// The bytes hold the bootstrap volume's name, or an escape that could spell it.
    let mayNameBootstrapVolume: Bool

    init(_ source: [UInt8]) {
        hasSpellingEscapes = Self.hasSpellingEscapes(source)
        mayNameBootstrapVolume = hasSpellingEscapes || ByteSearch.contains(source, TreeNeeds.bootstrapName)
    }

    /// Whether `source` holds an escape of a double-quoted scalar that can spell a letter or a hyphen (`\x`,
    /// `\u`, `\U`), or an escaped line break (which joins two lines without a blank): without one, a word
    /// that is not in the bytes is in no value either.
    private static func hasSpellingEscapes(_ source: [UInt8]) -> Bool {
        ByteSearch.contains(
            source, 0x5C, followedBy: [UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"), 0x0A, 0x0D])
    }
}
