import LosslessYAML

/// The work of one document of a stream: its plan, its undo, and what the injector made of it.
struct DocumentWork: Sendable {
    let plan: ReinjectionPlan
    let undone: Result<[UInt8], InjectionError>?
    var result: Injector.DocumentResult
    /// The workload identities the injection counted, in order.
    let identities: [String]

    /// Plans, undoes and injects `document`, counting its workloads' identities after those in `identities`.
    init(_ document: Document, injector: Injector, context: StreamContext, identities: inout IdentityCounter) {
        let before = identities.used.count
        plan = context.plan(for: document)
        undone = injector.undo(plan, source: context.source)
        result = injector.process(document, plan: plan, undone: undone, context: context, identities: &identities)
        // A fresh counter's identities are all the document's: no copy.
        self.identities = before == 0 ? identities.used : Array(identities.used[before...])
    }
}

extension Injector {
    /// The undo of `plan`'s workloads, when the mode undoes them at all (nil otherwise).
    func undo(_ plan: ReinjectionPlan, source: [UInt8]) -> Result<[UInt8], InjectionError>? {
        guard mode == .inject ? plan.canUndo : plan.canUninject else { return nil }
        do {
            return .success(try plan.undo(source: source))
        } catch {
            return .failure(error)
        }
    }
}
