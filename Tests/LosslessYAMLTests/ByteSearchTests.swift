import Testing
import LosslessYAML

@Suite struct ByteSearchTests {
    @Test(arguments: [
        ("abcdef", "cde", true), ("abcdef", "def", true), ("abcdef", "abc", true), ("abcdef", "dx", false),
        ("ab", "abc", false), ("", "a", false), ("abc", "", true),
    ])
    func contains(haystack: String, needle: String, expected: Bool) {
        #expect(ByteSearch.contains(Array(haystack.utf8), Array(needle.utf8)) == expected)
    }

    @Test func byteFollowedBy() {
        let set: Set<UInt8> = [UInt8(ascii: "x"), 0x0A]
        #expect(ByteSearch.contains(Array(#"a\b\x"#.utf8), 0x5C, followedBy: set))
        #expect(ByteSearch.contains(Array("a\\\nb".utf8), 0x5C, followedBy: set))
        #expect(!ByteSearch.contains(Array(#"a\b\c\"#.utf8), 0x5C, followedBy: set))
        #expect(!ByteSearch.contains([], 0x5C, followedBy: set))
    }
}
