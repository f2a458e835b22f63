import LosslessYAML

/// What the whole stream tells the writing of each of its documents: the first pass's survey, the workload each
/// bootstrap Secret belongs to, the Secrets dropped before their workload is met, and those no workload names.
struct StreamContext: Sendable {
    /// The stream's bytes, which every document's ranges index.
    let source: [UInt8]
    let survey: StreamSurvey
    let owners: SecretOwners
    /// Taken from while the early Secrets are settled (`keepEarlySecrets`), before the writing pass.
    private(set) var early: EarlySecrets
    let leftOvers: LeftOverSecrets

    /// The declared state, with the stream's own Namespaces and MeshConfig (the survey's).
    let cluster: ClusterState

    init(survey: StreamSurvey, mode: Injector.Mode, source: [UInt8]) {
        self.source = source
        self.survey = survey
        cluster = survey.cluster
        owners = survey.secretOwners()
        early = survey.secretsReplacedEarly(mode: mode, owners: owners)
        leftOvers = survey.leftOverSecrets()
    }

    /// The injected workloads of `document` and the Secrets that can undo them.
    func plan(for document: Document) -> ReinjectionPlan {
        ReinjectionPlan(
            document: document, secrets: survey.secrets, owners: owners,
            defaultNamespace: cluster.settings.defaultNamespace)
    }

    /// Takes out of `early` the Secrets of `document` when re-injection leaves it as it was, so that they stay
    /// where they stand instead of being dropped before it is met (a List of Secrets could not be written again).
    mutating func keepEarlySecrets(of document: Document, injector: Injector) {
        guard injector.mode == .inject, early.hasSecrets(ofDocument: document.index) else { return }
        let plan = plan(for: document)
        // Whether a document is left as it was depends neither on the identities counted before it nor on
        // left-over Secrets (which fail an injection, never leave a document as it was).
        var identities = IdentityCounter()
        let result = injector.process(
            document, plan: plan, undone: injector.undo(plan, source: source),
            context: self, identities: &identities)
        if result.keepsSecrets { early.keep(ofDocument: document.index) }
    }
}
