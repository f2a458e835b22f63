import LosslessYAML

/// A document's work done ahead of its turn, on any thread, as if it were the stream's first: it stands when its
/// turn comes unless an identity it counted was met before (a repeated workload takes the next name, and that
/// depends on the documents before it).
struct WorkAhead: Sendable {
    let work: DocumentWork

    /// The work of `document` (see `StreamPass.workAhead`).
    init(_ document: Document, injector: Injector, context: StreamContext) {
        var fresh = IdentityCounter()
        work = DocumentWork(document, injector: injector, context: context, identities: &fresh)
    }

    /// The work, when it stands after the identities `counted` so far; they then count its own.
    func standing(after counted: inout IdentityCounter) -> DocumentWork? {
        guard work.identities.allSatisfy({ !counted.hasCounted($0) }) else { return nil }
        counted.count(work.identities)
        return work
    }
}
