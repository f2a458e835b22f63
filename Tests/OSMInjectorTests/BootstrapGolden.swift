import Foundation
import Testing

/// The folder of the bootstrap goldens (`fixtures/bootstrap/`, see its README).
let bootstrapFixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("fixtures/bootstrap")

/// The golden bootstrap text `name`; empty when it cannot be read, which no comparison passes.
func bootstrapGolden(_ name: String) -> String {
    (try? String(contentsOf: bootstrapFixtures.appendingPathComponent(name), encoding: .utf8)) ?? ""
}

/// Compares `actual` with the golden `name` byte for byte. `OSM_INJECT_RECORD=1` rewrites the golden instead
/// and fails, so that a recording is never taken for a pass.
func expectBootstrapGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let file = bootstrapFixtures.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["OSM_INJECT_RECORD"] == "1" {
        try Data(actual.utf8).write(to: file)
        Issue.record("recorded \(name); run again without OSM_INJECT_RECORD", sourceLocation: sourceLocation)
        return
    }
    let expected = Array(try Data(contentsOf: file)), bytes = Array(actual.utf8)
    let matches = bytes == expected
    let first =
        zip(bytes, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        ?? min(bytes.count, expected.count)
    #expect(matches, "\(name) differs from the golden from byte \(first) on", sourceLocation: sourceLocation)
}
