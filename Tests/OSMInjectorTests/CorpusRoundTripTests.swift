import Foundation
import Testing
import LosslessYAML
@testable import OSMInjector

/// Over the whole shared corpus, every namespace in the mesh: a second injection changes nothing, and
/// uninject gives back the input byte for byte.
@Suite struct CorpusRoundTripTests {
    @Test func injectIsIdempotentAndUninjectRestoresEveryFile() throws {
        var problems: [String] = []
        var checked = 0
        for url in corpusManifests() {
            let input = Array(try Data(contentsOf: url))
            guard let stream = try? Parser().parse(input) else { continue }
            let cluster = everyNamespaceEnabled(stream)
            let first = Injector(cluster: cluster).run(stream)
            if first.hasErrors { continue }
            guard let injected = try? Parser().parse(first.bytes) else {
                problems.append("\(url.lastPathComponent): injected output does not parse")
                continue
            }
            let second = Injector(cluster: cluster).run(injected)
            if second.bytes != first.bytes || second.hasErrors {
                problems.append(
                    "\(url.lastPathComponent): second injection changed the output: \(second.reports.map(\.line).prefix(3))"
                )
            }
            let undone = Injector(cluster: cluster, mode: .uninject).run(injected)
            if undone.bytes != input || undone.hasErrors {
                problems.append(
                    "\(url.lastPathComponent): uninject did not restore the input: \(undone.reports.filter(\.isError).map(\.line).prefix(3))"
                )
            }
            checked += 1
        }
        #expect(problems.isEmpty, "\(problems.prefix(15))")
        #expect(checked > 900)
    }
}
