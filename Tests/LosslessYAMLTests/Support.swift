import Foundation
@testable import LosslessYAML

/// Parses a string, failing the test on error.
func parse(_ text: String) throws -> YAMLStream {
    try Parser().parse(Array(text.utf8))
}

/// Applies `edits` to the first document of `text` and returns the whole output as a string.
func edited(_ text: String, _ edits: (inout DocumentEditor, Node) throws -> Void) throws -> String {
    let stream = try parse(text)
    guard let document = stream.documents.first else { return text }
    var editor = DocumentEditor(source: stream.source, document: document)
    try edits(&editor, document.root)
    var out = try editor.output()
    out.append(contentsOf: stream.source[document.range.end.offset...])
    return String(decoding: out, as: UTF8.self)
}

/// The folder holding the shared corpus, beside the repository.
let sharedFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared")

/// Every file of the shared corpus (YAML and JSON), sorted.
func corpusFiles() -> [URL] {
    let root = sharedFolder.appendingPathComponent("corpus")
    guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
    var files: [URL] = []
    for case let url as URL in walker where ["yaml", "yml", "json", "golden"].contains(url.pathExtension) {
        files.append(url)
    }
    return files.sorted { $0.path < $1.path }
}
