import Foundation
import LosslessYAML
@testable import OSMInjector

/// The folder holding the shared corpus, beside the repository.
let sharedCorpus = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared/corpus")

/// Every manifest of the shared corpus, sorted.
func corpusManifests() -> [URL] {
    guard let walker = FileManager.default.enumerator(at: sharedCorpus, includingPropertiesForKeys: nil) else {
        return []
    }
    var files: [URL] = []
    for case let url as URL in walker where ["yaml", "yml", "json", "golden"].contains(url.pathExtension) {
        files.append(url)
    }
    return files.sorted { $0.path < $1.path }
}

/// A cluster in which every namespace the stream names is in the mesh with injection enabled.
func everyNamespaceEnabled(_ stream: YAMLStream, settings: InjectorSettings = InjectorSettings()) -> ClusterState {
    var cluster = ClusterState(settings: settings)
    var names: Set<String> = [settings.defaultNamespace]
    for document in stream.documents {
        collectNamespaces(ObjectView(document: document), into: &names)
    }
    for name in names {
        cluster.namespaces[name] = NamespaceInfo(
            name: name, labels: [OSMConstants.monitoredByLabel: settings.meshName],
            annotations: [OSMConstants.sidecarInjectionAnnotation: "enabled"])
    }
    return cluster
}

private func collectNamespaces(_ object: ObjectView, into names: inout Set<String>) {
    guard object.node.pairs != nil else { return }
    if let metadata = try? object.mapping("metadata"), let ns = try? metadata.string("namespace") { names.insert(ns) }
    if let items = try? object.sequence("items") { for item in items { collectNamespaces(item, into: &names) } }
}
