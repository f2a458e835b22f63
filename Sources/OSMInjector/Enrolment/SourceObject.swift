import LosslessYAML

/// One Kubernetes object of a source: a document's root, or an item of a `List` (typed lists too).
struct SourceObject: Sendable {
    /// The index of the source in the session.
    let source: Int
    /// The index of the document in the source's stream.
    let document: Int
    /// The indexes of the List items that lead to the object (empty for a document's root).
    let itemPath: [Int]
    let view: ObjectView
    let kind: String

    /// Where the object starts.
    var location: EnrolmentLocation { EnrolmentLocation(source: source, mark: view.node.range.start) }

    /// Every object of `sources`, in order, List items in place of their List; mappings without a kind are left out.
    static func all(in sources: [EnrolmentSource]) throws(EnrolmentError) -> [SourceObject] {
        var objects: [SourceObject] = []
        for (sourceIndex, source) in sources.enumerated() {
            for (documentIndex, document) in source.stream.documents.enumerated() {
                var pending: [(view: ObjectView, path: [Int])] = [(ObjectView(document: document), [])]
                while let (view, path) = pending.popLast() {
                    guard view.node.pairs != nil, let kind = try? view.string("kind"), !kind.isEmpty else { continue }
                    guard WorkloadKinds.isList(kind) else {
                        objects.append(
                            SourceObject(
                                source: sourceIndex, document: documentIndex, itemPath: path,
                                view: view, kind: kind))
                        continue
                    }
                    do {
                        let items = try view.sequence("items") ?? []
                        pending += items.enumerated().reversed().map { ($0.element, path + [$0.offset]) }
                    } catch {
                        throw EnrolmentError(
                            error.message, at: error.mark.map { EnrolmentLocation(source: sourceIndex, mark: $0) })
                    }
                }
            }
        }
        return objects
    }

    /// The same object in `stream`, a later version of its source whose Lists still have the same items.
    func view(in stream: YAMLStream) -> ObjectView? {
        guard stream.documents.indices.contains(document) else { return nil }
        var view = ObjectView(document: stream.documents[document])
        for index in itemPath {
            guard let items = try? view.sequence("items"), items.indices.contains(index) else { return nil }
            view = items[index]
        }
        return view
    }

    /// The namespace the object lives in: `metadata.namespace`, else `defaultNamespace`.
    func namespace(default defaultNamespace: String) -> String {
        let metadata = try? view.mapping("metadata")
        let namespace = (try? metadata?.string("namespace")) ?? nil
        guard let namespace, !namespace.isEmpty else { return defaultNamespace }
        return namespace
    }

    /// The object's labels, or none when they cannot be read.
    var labelsIfReadable: [String: String] {
        let metadata = try? view.mapping("metadata")
        return ((try? metadata?.stringMap("labels")) ?? nil) ?? [:]
    }

    /// Turns an `InjectionError` about this object's source into an `EnrolmentError`.
    func error(_ error: InjectionError) -> EnrolmentError {
        EnrolmentError(error.message, at: EnrolmentLocation(source: source, mark: error.mark ?? view.node.range.start))
    }
}
