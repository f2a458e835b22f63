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

    @Test(arguments: [
        ("aXaXa", "aXa", [0, 2]), ("kind: List\nListX", "List", [6, 11]), ("abc", "abcd", []), ("", "a", []),
        ("abc", "", []), ("envoy-bootstrap-config envoy-bootstrap-confi", "envoy-bootstrap-config", [0]),
        ("xNamespace", "Namespace", [1]), ("Nx", "Namespace", []),
    ])
    func offsets(haystack: String, needle: String, expected: [Int]) {
        #expect(ByteSearch.offsets(of: Array(needle.utf8), in: Array(haystack.utf8)) == expected)
    }

    @Test func byteFollowedBy() {
        let set: Set<UInt8> = [UInt8(ascii: "x"), 0x0A]
        #expect(ByteSearch.contains(Array(#"a\b\x"#.utf8), 0x5C, followedBy: set))
        #expect(ByteSearch.contains(Array("a\\\nb".utf8), 0x5C, followedBy: set))
        #expect(!ByteSearch.contains(Array(#"a\b\c\"#.utf8), 0x5C, followedBy: set))
        #expect(!ByteSearch.contains([], 0x5C, followedBy: set))
    }
}
