import LosslessYAML

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

    /// Takes out of `early` the Secrets of `document` when re-injection leaves it as it was, so that they stay
    /// where they stand instead of being dropped before it is met (a List of Secrets could not be written again).
    func keepEarlySecrets(of document: Document, in early: inout [Int: [String]], survey: StreamSurvey,
                          owners: [String: Int], source: [UInt8]) {
        guard mode == .inject, early[document.index] != nil else { return }
        let plan = ReinjectionPlan(document: document, secrets: survey.secrets, owners: owners,
                                   defaultNamespace: survey.cluster.settings.defaultNamespace)
        // Whether a document is left as it was depends neither on the identities counted before it nor on
        // left-over Secrets (which fail an injection, never leave a document as it was).
        var identities = IdentityCounter()
        let result = process(document, plan: plan, undone: undo(plan, source: source), source: source,
                             cluster: survey.cluster, leftOvers: [:], identities: &identities)
        if result.keepsSecrets { early[document.index] = nil }
    }
}
