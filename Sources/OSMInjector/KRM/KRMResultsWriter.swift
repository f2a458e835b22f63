import LosslessYAML

/// Adds `results` to a ResourceList's bytes: appended to a `results` list it already has, else set at the end.
enum KRMResultsWriter {
    static func add(_ results: [KRMResult], to bytes: [UInt8]) throws(InjectionError) -> [UInt8] {
        do {
            let stream = try Parser().parse(bytes)
            guard let document = stream.documents.first(where: { !$0.root.isNull }), document.root.pairs != nil else {
                throw InjectionError("internal: the ResourceList is gone")
            }
            var editor = DocumentEditor(source: stream.source, document: document)
            let values = results.map(\.value)
            if let existing = document.root["results"].map({ document.resolve($0) }), let items = existing.items,
                !items.isEmpty
            {
                for value in values { try editor.append(value, to: existing) }
            } else {
                try editor.set("results", to: .sequence(values), in: document.root)
            }
            var out = Array(stream.source[..<document.range.start.offset])
            out += try editor.output()
            out += stream.source[document.range.end.offset...]
            return out
        } catch let error as InjectionError {
            throw error
        } catch let error as YAMLError {
            throw InjectionError(error.message)
        } catch let error as EditError {
            throw InjectionError(error.message)
        } catch {
            throw InjectionError("\(error)")
        }
    }
}
