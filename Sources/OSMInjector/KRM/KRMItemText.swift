import LosslessYAML

/// Text for new items of a ResourceList: a bootstrap Secret document, given its workload's file annotations
/// and written in the list's style right after its workload.
enum KRMItemText {
    /// The annotations a new item takes from its workload, with its own path and index (see
    /// `KRMPlacement.fileAnnotations`), and the sequence indentation as it is.
    static let copiedAnnotations = [
        "config.kubernetes.io/path", "internal.config.kubernetes.io/path",
        "config.kubernetes.io/index", "internal.config.kubernetes.io/index",
        "internal.config.kubernetes.io/seqindent",
    ]

    /// The Secret document text with `annotations` added to its `metadata.annotations`.
    static func annotate(_ text: [UInt8], with annotations: [(String, String)]) throws(InjectionError) -> [UInt8] {
        guard !annotations.isEmpty else { return text }
        do {
            let stream = try Parser().parse(text)
            guard let document = stream.documents.first, let metadata = document.root["metadata"],
                metadata.pairs != nil
            else { throw InjectionError("internal: the bootstrap Secret has no metadata") }
            var editor = DocumentEditor(source: stream.source, document: document)
            if let existing = metadata["annotations"], existing.pairs?.isEmpty == false {
                for (key, value) in annotations where existing[key] == nil {
                    try editor.insert(key, .string(value), into: existing)
                }
            } else {
                try editor.set(
                    "annotations", to: .map(annotations.map { ($0.0, YAMLValue.string($0.1)) }), in: metadata)
            }
            return try editor.output()
        } catch let error as InjectionError {
            throw error
        } catch let error as EditError {
            throw InjectionError("internal: cannot annotate the bootstrap Secret: \(error.message)")
        } catch {
            throw InjectionError("internal: cannot annotate the bootstrap Secret: \(error)")
        }
    }

    /// The `metadata.name` of a document's text.
    static func name(of text: [UInt8]) -> String? {
        guard let stream = try? Parser().parse(text), let document = stream.documents.first else { return nil }
        return document.root["metadata"]?["name"]?.scalar?.value
    }

    /// A block sequence item: the document's lines indented to the item's column, the first behind a dash.
    static func blockItem(_ text: [UInt8], dashColumn: Int, column: Int, lineBreak: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        let lines = text.split(separator: 0x0A, omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if index == lines.count - 1 && line.isEmpty { break }
            var content = Array(line)
            if content.last == 0x0D { content.removeLast() }
            if index == 0 {
                out += [UInt8](repeating: 0x20, count: dashColumn) + [UInt8(ascii: "-")]
                out += [UInt8](repeating: 0x20, count: max(1, column - dashColumn - 1))
            } else if !content.isEmpty {
                out += [UInt8](repeating: 0x20, count: column)
            }
            out += content + lineBreak
        }
        return out
    }

    /// A flow sequence item: the document as one flow (JSON when the list is JSON) value.
    static func flowItem(_ text: [UInt8], json: Bool) throws(InjectionError) -> [UInt8] {
        do {
            let stream = try Parser().parse(text)
            guard let document = stream.documents.first else {
                throw InjectionError("internal: empty bootstrap Secret")
            }
            let value = try ValueConverter(document: document).value(of: document.root)
            return Array(FlowRenderer(json: json).render(value).utf8)
        } catch let error as InjectionError {
            throw error
        } catch {
            throw InjectionError("internal: cannot write the bootstrap Secret as a flow item: \(error)")
        }
    }
}

extension KRMItemText {
    /// Whether `key` is an annotation kpt or kustomize put on an item (its file, index, id), not the object's own.
    static func isOrchestrators(_ key: String) -> Bool {
        key.hasPrefix("internal.config.kubernetes.io/") || copiedAnnotations.contains(key)
            || key == "config.k8s.io/id" || key == "kustomize.config.k8s.io/id"
    }

    /// A bootstrap Secret item as the engine writes the document: its lines moved back to column zero and
    /// the orchestrators' annotations (those set from its workload's, and the ids kpt adds) taken off, so that
    /// an unchanged Secret compares equal.
    static func engineForm(_ slice: ItemSlice) -> [UInt8] {
        var out: [UInt8] = []
        for line in slice.text.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast() {
            out += line.dropFirst(min(slice.column, line.prefix { $0 == 0x20 }.count)) + [0x0A]
        }
        guard let stream = try? Parser().parse(out), let document = stream.documents.first,
            let annotations = document.root["metadata"]?["annotations"], let pairs = annotations.pairs
        else { return out }
        let copied = pairs.compactMap { $0.key.scalar?.value }.filter(isOrchestrators)
        guard !copied.isEmpty, copied.count < pairs.count else { return out }
        var editor = DocumentEditor(source: stream.source, document: document)
        for key in copied { try? editor.removePair(key, from: annotations) }
        return (try? editor.output()) ?? out
    }
}
