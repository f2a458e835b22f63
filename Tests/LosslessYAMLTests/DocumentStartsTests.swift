import Foundation
import Testing
@testable import LosslessYAML

/// Parts of a stream read on their own give the documents the whole stream gives there.
@Suite struct DocumentStartsTests {
    static func whole(_ bytes: [UInt8]) throws -> [Document] {
        var documents: [Document] = []
        try Parser().forEachDocument(in: bytes) { documents.append($0) }
        return documents
    }

    static func byParts(_ bytes: [UInt8], _ parts: [DocumentStarts.Part]) throws -> [Document] {
        var documents: [Document] = []
        for part in parts {
            try Parser().forEachDocument(in: bytes, part: part) { documents.append($0) }
        }
        return documents
    }

    static func expectSame(_ a: [Document], _ b: [Document], _ comment: Comment) {
        #expect(a.count == b.count, comment)
        for (x, y) in zip(a, b) {
            #expect(x.range == y.range, comment)
            #expect(x.index == y.index, comment)
            #expect(x.root == y.root, comment)
            #expect(x.hasExplicitStart == y.hasExplicitStart && x.hasExplicitEnd == y.hasExplicitEnd, comment)
            #expect(x.aliasTargets == y.aliasTargets, comment)
        }
    }

    @Test(arguments: [
        "a: 1\n---\nb: 2\n--- c\n---\n",
        "# head\n\n---\nkind: A\n# tail\n---\nkind: B\n",
        "---\na: [1,\n  2]\nb: |\n  ---x\n  text\n---\n- x\n",
        "",
        "# only a comment\n",
        "a: 1\r\n---\r\nb: 2\r\n",
        "--- >\n  folded\n--- \"quoted\"\n",
    ])
    func partsReadLikeTheWhole(text: String) throws {
        let bytes = Array(text.utf8)
        let starts = try #require(DocumentStarts.parts(of: bytes))
        Self.expectSame(try Self.byParts(bytes, starts), try Self.whole(bytes), "\(text.debugDescription)")
    }

    @Test(arguments: [
        "%YAML 1.1\n---\na: 1\n", "a: 1\n...\n---\nb: 2\n", "\u{FEFF}a: 1\n---\nb\n", "a: 1\rb: 2\n",
        "a: 1\u{85}---\nb\n", "a: 1\u{2028}b\n", "a: 1\r",
    ])
    func bytesThatCannotSayGiveNil(text: String) {
        #expect(DocumentStarts.parts(of: Array(text.utf8)) == nil, "\(text.debugDescription)")
    }

    @Test func onlyKeptPartsAreHandedOverUntilTold() {
        let bytes = Array("a: 1\n---\nb: keep\n---\nc: 3\n---\nd: keep\n---\ne: keep\n".utf8)
        var seen: [Int] = []
        let split = DocumentStarts.forEachPart(
            in: bytes,
            keep: { range in
                String(decoding: bytes[range], as: UTF8.self).contains("keep")
            }
        ) { part in
            seen.append(part.firstIndex)
            return seen.count < 2
        }
        #expect(split)
        #expect(seen == [1, 3])
    }

    /// Chunks are runs of whole parts that cover the stream and read like it.
    @Test func chunksCoverTheStreamAndReadLikeIt() throws {
        let text = (0..<500).map {
            "---\nkind: K\nmetadata: {name: n\($0)}\ndata: {a: \"\(String(repeating: "x", count: 100))\"}\n"
        }.joined()
        let bytes = Array(text.utf8)
        let chunks = try #require(DocumentStarts.chunks(of: bytes, size: 4096))
        #expect(chunks.count > 10)
        #expect(chunks.first?.bytes.lowerBound == 0)
        #expect(chunks.last?.bytes.upperBound == bytes.count)
        for (a, b) in zip(chunks, chunks.dropFirst()) { #expect(a.bytes.upperBound == b.bytes.lowerBound) }
        Self.expectSame(try Self.byParts(bytes, chunks), try Self.whole(bytes), "chunks")
        #expect(DocumentStarts.chunks(of: [0xFF, 0xFE, 0x61, 0x00]) == nil)
    }

    /// Over the corpus: every file the bytes can split reads the same by parts, errors included.
    @Test func corpusReadsTheSameByParts() throws {
        var split = 0
        for url in corpusFiles() {
            let bytes = Array(try Data(contentsOf: url))
            guard let starts = DocumentStarts.parts(of: bytes) else { continue }
            split += 1
            let whole: [Document]
            do {
                whole = try Self.whole(bytes)
            } catch {
                #expect(throws: YAMLError.self, "\(url.lastPathComponent)") { try Self.byParts(bytes, starts) }
                continue
            }
            Self.expectSame(try Self.byParts(bytes, starts), whole, "\(url.lastPathComponent)")
        }
        #expect(split > 900)
    }
}
