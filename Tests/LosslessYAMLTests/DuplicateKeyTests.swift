import Testing
@testable import LosslessYAML

/// `Node.firstDuplicateKey`: keys compared as the Kubernetes decoder resolves them.
@Suite struct DuplicateKeyTests {
    private func duplicate(_ text: String, recursive: Bool = true) throws -> DuplicateKey? {
        let stream = try Parser().parse(Array(text.utf8))
        let document = try #require(stream.documents.first)
        return document.root.firstDuplicateKey(recursive: recursive)
    }

    @Test func noneInDistinctKeys() throws {
        #expect(try duplicate("a: 1\nb: {c: 1, d: [ {e: 1, f: 2} ]}\n") == nil)
    }

    @Test func plainAndQuotedSpellingsAreOneKey() throws {
        let found = try #require(try duplicate("kind: A\nmetadata: {}\n'kind': B\n"))
        #expect(found.key == "kind")
        #expect(found.first == Mark(offset: 0, line: 1, column: 1))
        #expect(found.second.line == 3 && found.second.column == 1)
        #expect(found.message == "duplicate key \"kind\" (first at line 1)")
    }

    @Test func resolvedValuesCompare() throws {
        #expect(try duplicate("1: a\n0x1: b\n")?.key == "0x1")
        #expect(try duplicate("true: a\nyes: b\n")?.key == "yes")
        #expect(try duplicate("~: a\nnull: b\n")?.key == "null")
        #expect(try duplicate("1: a\n\"1\": b\n") == nil)
        #expect(try duplicate("!!str 1: a\n\"1\": b\n")?.key == "1")
        #expect(try duplicate("<<: {a: 1}\n<<: {b: 1}\nc: 1\n") == nil)
    }

    @Test func theEarliestRepetitionInTheSourceWins() throws {
        // The nested repetition (line 3) comes before the top-level one (line 5).
        let found = try #require(try duplicate("a:\n  x: 1\n  x: 2\nb: 1\na: 3\n"))
        #expect(found.second.line == 3)
        #expect(try duplicate("a:\n  x: 1\n  x: 2\nb: 1\na: 3\n", recursive: false)?.second.line == 5)
        #expect(try duplicate("list:\n- {n: 1, n: 2}\n")?.second.line == 2)
    }

    @Test func longMappingsAreHashed() throws {
        var text = (0..<40).map { "k\($0): \($0)\n" }.joined()
        #expect(try duplicate(text) == nil)
        text += "k7: again\n"
        let found = try #require(try duplicate(text))
        #expect(found.key == "k7")
        #expect(found.first.line == 8)
        #expect(found.second.line == 41)
    }

    @Test func deepNestingUsesNoRecursion() throws {
        let depth = 900
        let text = String(repeating: "[", count: depth) + "{a: 1, a: 2}" + String(repeating: "]", count: depth) + "\n"
        #expect(try duplicate(text)?.key == "a")
    }
}
