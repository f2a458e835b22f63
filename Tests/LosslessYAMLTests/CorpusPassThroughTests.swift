import Foundation
import Testing
@testable import LosslessYAML

/// Every corpus file either parses and comes back byte for byte from its documents, or fails with a
/// positioned error (the few files that are invalid YAML on purpose).
@Suite struct CorpusPassThroughTests {
    @Test func corpusIsPresent() {
        #expect(corpusFiles().count > 1000, "the shared corpus must sit beside the repository")
    }

    @Test func everyCorpusFileRoundTripsByteForByte() throws {
        var failures: [String] = []
        var invalid: [String] = []
        for url in corpusFiles() {
            let bytes = Array(try Data(contentsOf: url))
            do {
                let stream = try Parser().parse(bytes)
                var writer = StreamWriter()
                if stream.documents.isEmpty { writer.write(bytes) }
                for document in stream.documents { writer.write(stream.bytes(of: document)) }
                if writer.bytes != bytes { failures.append(url.path) }
            } catch {
                if error.mark == nil { failures.append("\(url.path): error without position: \(error.message)") }
                invalid.append(url.lastPathComponent)
            }
        }
        #expect(failures.isEmpty, "\(failures)")
        // SOURCES.md names the files that are not valid YAML; nothing else may fail.
        #expect(
            Set(invalid).isSubset(of: [
                "inject_gettest_deployment.bad.input.yml", "vllm-llama3-8b-instruct.yaml",
            ]), "\(invalid)")
    }
}
