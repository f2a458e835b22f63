import Foundation
import Testing
@testable import LosslessYAML

/// Documents a `DocumentFilter` says no to are read to their end without a tree, and nothing else changes.
@Suite struct DocumentFilterTests {
    /// Says no to every kind.
    static let none = DocumentFilter { _ in false }

    static func documents(_ text: String, filter: DocumentFilter?) throws(YAMLError) -> [Document] {
        var documents: [Document] = []
        try Parser().forEachDocument(in: Array(text.utf8), filter: filter) { documents.append($0) }
        return documents
    }

    @Test func rootHoldsEntriesUpToKind() throws {
        let text = "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec: {ports: [1, 2]}\n---\nkind: Pod\n"
        let filtered = try Self.documents(text, filter: DocumentFilter { $0.value == "Pod" })
        #expect(filtered.count == 2)
        #expect(filtered[0].isPartial)
        #expect(filtered[0].root.pairs?.map { $0.key.scalar?.value } == ["apiVersion", "kind"])
        #expect(!filtered[1].isPartial)
        let whole = try Self.documents(text, filter: nil)
        #expect(filtered.map(\.range) == whole.map(\.range))
    }

    @Test func secondKindKeyGivesTheWholeTree() throws {
        let text = "kind: Service\nspec: {a: &x 1, b: *x}\nkind: Pod\nmore: [1]\n"
        let filtered = try Self.documents(text, filter: DocumentFilter { $0.value == "Pod" })
        let whole = try Self.documents(text, filter: nil)
        #expect(!filtered[0].isPartial)
        #expect(filtered[0].root == whole[0].root)
        #expect(filtered[0].aliasTargets == whole[0].aliasTargets)
    }

    @Test func kindThatIsNoPlainUntaggedScalarKeepsTheTree() throws {
        for text in ["kind: !!str Service\nx: 1\n", "kind: [Service]\nx: 1\n", "x:\n  kind: Service\n  y: 1\n"] {
            let filtered = try Self.documents(text, filter: Self.none)
            #expect(!filtered[0].isPartial, "\(text)")
        }
    }

    @Test(arguments: [
        "kind: Service\nspec: {a: *nowhere}\n",
        "kind: Service\nspec:\n  a: [b, {c: \"unterminated\n",
        "kind: Service\nspec: " + String(repeating: "[", count: 1_200) + String(repeating: "]", count: 1_200) + "\n",
    ])
    func errorsInTheSkippedPartAreTheSame(text: String) {
        var filteredError: YAMLError?
        var wholeError: YAMLError?
        do { _ = try Self.documents(text, filter: Self.none) } catch { filteredError = error }
        do { _ = try Self.documents(text, filter: nil) } catch { wholeError = error }
        #expect(wholeError != nil)
        #expect(filteredError?.message == wholeError?.message)
        #expect(filteredError?.mark == wholeError?.mark)
    }

    /// Over the corpus: the same documents with the same ranges; those built whole are the same trees.
    @Test func corpusReadsTheSameWithAFilter() throws {
        let filter = DocumentFilter { $0.value.hasPrefix("D") || $0.value.hasPrefix("S") }
        var checked = 0
        for url in corpusFiles() {
            let bytes = Array(try Data(contentsOf: url))
            var whole: [Document] = []
            var filtered: [Document] = []
            do {
                try Parser().forEachDocument(in: bytes) { whole.append($0) }
            } catch {
                #expect(throws: YAMLError.self) { try Parser().forEachDocument(in: bytes, filter: filter) { _ in } }
                continue
            }
            try Parser().forEachDocument(in: bytes, filter: filter) { filtered.append($0) }
            #expect(filtered.map(\.range) == whole.map(\.range), "\(url.lastPathComponent)")
            for (a, b) in zip(filtered, whole) where !a.isPartial {
                #expect(a.root == b.root, "\(url.lastPathComponent) document \(a.index)")
                checked += 1
            }
        }
        #expect(checked > 500)
    }
}
