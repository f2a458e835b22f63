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

    /// Wants every kind, and the rest of a document only when its metadata names namespace `mesh`.
    static let meshOnly = DocumentFilter(needsTree: { _ in true }) { _, metadata in
        metadata["namespace"]?.scalar?.value == "mesh"
    }

    @Test func rootHoldsEntriesUpToKindAndMetadataWhenTheRestIsNotNeeded() throws {
        let text = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: a, namespace: other}
            spec: {template: {spec: {containers: []}}}
            ---
            metadata: {name: b, namespace: other}
            kind: Deployment
            spec: {x: 1}
            ---
            kind: Deployment
            metadata: {name: c, namespace: mesh}
            spec: {x: 1}

            """
        let filtered = try Self.documents(text, filter: Self.meshOnly)
        let whole = try Self.documents(text, filter: nil)
        #expect(filtered.map(\.range) == whole.map(\.range))
        #expect(filtered.map(\.isPartial) == [true, true, false])
        #expect(filtered[0].root.pairs?.map { $0.key.scalar?.value } == ["apiVersion", "kind", "metadata"])
        #expect(filtered[1].root.pairs?.map { $0.key.scalar?.value } == ["metadata", "kind"])
        #expect(filtered[2].root == whole[2].root)
    }

    /// A second `metadata` after the rest was left unbuilt (the last one counts) gives the whole tree; after a
    /// skip at `kind`, a `metadata` key is only more of the rest.
    @Test func secondMetadataKeyGivesTheWholeTree() throws {
        let repeated = "kind: Deployment\nmetadata: {namespace: other}\nspec: {a: 1}\nmetadata: {namespace: mesh}\n"
        let filtered = try Self.documents(repeated, filter: Self.meshOnly)
        #expect(!filtered[0].isPartial)
        #expect(filtered[0].root == (try Self.documents(repeated, filter: nil))[0].root)
        let service = "kind: Service\nmetadata: {name: s}\nspec: {a: 1}\n"
        let skipped = try Self.documents(service, filter: DocumentFilter(needsTree: { _ in false }) { _, _ in true })
        #expect(skipped[0].isPartial)
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
