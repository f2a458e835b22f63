import LosslessYAML
import ThreadedPipeline

/// Where the writing pass's workers take their documents from.
enum DocumentBatches {
    /// The chunks of `source` (runs of `DocumentStarts` parts), each parsed by the worker that takes it; or, when
    /// the bytes cannot say where documents start, one thread parsing the whole stream ahead of the workers.
    static func of(
        _ source: [UInt8], chunks: [DocumentStarts.Part]?, parser: Parser,
        filter: DocumentFilter?
    ) -> any BatchSource<Document, YAMLError> {
        guard let chunks else {
            return BoundedProducer { (emit: (Document) -> Void) throws(YAMLError) in
                try parser.forEachDocument(in: source, filter: filter, emit)
            }
        }
        return ChunkQueue(chunks) { (chunk: DocumentStarts.Part) throws(YAMLError) -> [Document] in
            var documents: [Document] = []
            try parser.forEachDocument(in: source, part: chunk, filter: filter) { documents.append($0) }
            return documents
        }
    }
}
