import Foundation
import Testing
import LosslessYAML
@testable import OSMInjector

/// The bounded-memory run (two passes, a document at a time) writes exactly what the in-memory run writes,
/// injection and re-injection alike, over the whole shared corpus.
@Suite struct StreamingRunTests {
    @Test func streamingMatchesTheInMemoryRunOnTheCorpus() throws {
        var problems: [String] = []
        for url in corpusManifests() {
            let bytes = Array(try Data(contentsOf: url))
            guard let stream = try? Parser().parse(bytes) else { continue }
            let injector = Injector(cluster: everyNamespaceEnabled(stream))
            let whole = injector.run(stream)
            var pieces: [UInt8] = []
            let streamed = try injector.runStreaming(bytes) { pieces += $0 }
            if pieces != whole.bytes || streamed.reports != whole.reports {
                problems.append("\(url.lastPathComponent): first injection differs")
                continue
            }
            // Again on the injected output: the re-injection path (restore logs, replaced Secrets).
            var again: [UInt8] = []
            _ = try injector.runStreaming(pieces) { again += $0 }
            let wholeAgain = injector.run(try Parser().parse(pieces))
            if again != wholeAgain.bytes { problems.append("\(url.lastPathComponent): re-injection differs") }
        }
        #expect(problems.isEmpty, "\(problems.prefix(10))")
    }

    @Test func emptyAndCommentOnlyInputsPassThrough() throws {
        let injector = Injector(cluster: ClusterState())
        for text in ["", "# only a comment\n", "---\n"] {
            var out: [UInt8] = []
            _ = try injector.runStreaming(Array(text.utf8)) { out += $0 }
            #expect(out == Array(text.utf8), "\(text)")
        }
    }
}
