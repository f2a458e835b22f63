import Testing
@testable import LosslessYAML

@Suite struct ParserTests {
    @Test func documentsTileTheInput() throws {
        let text = "# head\na: 1\n---\n# src\nb: [1, 2]\n...\n# x\n---\nc: |\n  x\n\n"
        let stream = try parse(text)
        #expect(stream.documents.count == 3)
        let joined = stream.documents.map { String(decoding: stream.bytes(of: $0), as: UTF8.self) }.joined()
        #expect(joined == text)
        #expect(stream.documents[1].hasExplicitStart)
        #expect(stream.documents[1].hasExplicitEnd)
        #expect(!stream.documents[0].hasExplicitStart)
    }

    @Test func byteOffsetsCountBytesNotCharacters() throws {
        let stream = try parse("a: é\nb: ünï\n")
        let root = stream.documents[0].root
        let b = try #require(root["b"])
        #expect(b.range.start.offset == 9)
        #expect(b.range.end.offset == 14)
        #expect(b.range.start.line == 2)
        #expect(b.range.start.column == 4)
    }

    @Test func byteOrderMarkIsKeptAndSkipped() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a: 1\n".utf8)
        let stream = try Parser().parse(bytes)
        let a = try #require(stream.documents[0].root["a"])
        #expect(a.range.start.offset == 6)
        #expect(stream.documents[0].range.start.offset == 0)
    }

    @Test func stylesAndTagsAreKept() throws {
        let stream = try parse("a: 'x'\nb: \"y\"\nc: |\n  z\nd: >\n  w\ne: !!str 1\nf: {g: h}\ni: [j]\n")
        let root = stream.documents[0].root
        #expect(root["a"]?.scalar?.style == .singleQuoted)
        #expect(root["b"]?.scalar?.style == .doubleQuoted)
        #expect(root["c"]?.scalar?.style == .literal)
        #expect(root["d"]?.scalar?.style == .folded)
        #expect(root["e"]?.tag == "tag:yaml.org,2002:str")
        #expect(root["f"]?.collectionStyle == .flow)
        #expect(root["i"]?.collectionStyle == .flow)
        #expect(root.collectionStyle == .block)
    }

    @Test func aliasesResolveToTheirAnchor() throws {
        let stream = try parse("a: &x {k: v}\nb: *x\n")
        let document = stream.documents[0]
        let b = try #require(document.root["b"])
        #expect(document.resolve(b)["k"]?.scalar?.value == "v")
    }

    @Test func undefinedAliasIsAnErrorWithPosition() {
        #expect(throws: YAMLError.self) { try parse("a: *nope\n") }
    }

    @Test func syntaxErrorNamesLineAndColumn() {
        do {
            _ = try parse("a: 1\nb: [1, 2\nc: 3\n")
            Issue.record("expected an error")
        } catch let error as YAMLError {
            #expect(error.mark?.line == 3)
            #expect(!error.message.isEmpty)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func deepNestingFailsCleanly() {
        let deep = String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)
        #expect(throws: YAMLError.self) { try parse(deep) }
    }

    @Test func utf16IsRefusedWithAClearMessage() {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x61, 0x00]
        #expect(throws: YAMLError.self) { try Parser().parse(bytes) }
    }

    @Test func emptyAndCommentOnlyStreamsHaveNoDocuments() throws {
        #expect(try parse("").documents.isEmpty)
        #expect(try parse("# only a comment\n").documents.isEmpty)
    }

    @Test func emptyValueSitsAfterItsColon() throws {
        let stream = try parse("a:\nb: 1\n")
        let a = try #require(stream.documents[0].root["a"])
        #expect(a.isNull)
        #expect(a.range.start.offset == 2)
    }
}
