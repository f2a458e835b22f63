internal import CYAML

/// Reads a byte stream of YAML (or JSON) documents into lossless trees.
public struct Parser: Sendable {
    public var limits: Limits

    public init(limits: Limits = .default) {
        self.limits = limits
    }

    /// Parses every document of `source`.
    public func parse(_ source: [UInt8]) throws(YAMLError) -> YAMLStream {
        var documents: [Document] = []
        try forEachDocument(in: source) { documents.append($0) }
        return YAMLStream(source: source, documents: documents)
    }

    /// Parses `source` one document at a time, handing each to `body` as soon as it is complete, so that only
    /// one document's tree is alive at a time (the last one owns the bytes up to the end of the input).
    /// With a `filter`, documents it says no to are delivered partly built (`Document.isPartial`).
    public func forEachDocument(
        in source: [UInt8], filter: DocumentFilter? = nil,
        _ body: (Document) -> Void
    ) throws(YAMLError) {
        try forEachDocument(in: source, part: DocumentStarts.Part(whole: source), filter: filter, body)
    }

    /// Parses one part of `source` on its own (see `DocumentStarts`), with the marks and indexes its documents
    /// have in the whole stream.
    public func forEachDocument(
        in source: [UInt8], part: DocumentStarts.Part, filter: DocumentFilter? = nil,
        _ body: (Document) -> Void
    ) throws(YAMLError) {
        guard part.bytes.lowerBound >= 0, part.bytes.upperBound <= source.count else {
            throw YAMLError("internal: a part outside its stream", at: part.start)
        }
        try admit(source)
        let failure: YAMLError? = source.withUnsafeBufferPointer { buffer in
            guard !part.bytes.isEmpty else { return nil }
            var builder = TreeBuilder(
                source: buffer, limits: limits, filter: filter, window: part.bytes,
                base: part.start, firstIndex: part.firstIndex)
            do throws(YAMLError) {
                try builder.run(deliver: body)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }

    /// Refuses an input that is not UTF-8 or is over the size limit, before libyaml reads it.
    private func admit(_ source: [UInt8]) throws(YAMLError) {
        try Encoding.check(source)
        guard source.count <= limits.maxInputBytes else {
            throw YAMLError("input is larger than the limit of \(limits.maxInputBytes) bytes")
        }
    }
}

extension DocumentStarts.Part {
    /// The whole of `source`, as one part.
    init(whole source: [UInt8]) {
        self.init(bytes: 0..<source.count, start: Mark(offset: 0, line: 1, column: 1), firstIndex: 0)
    }
}
