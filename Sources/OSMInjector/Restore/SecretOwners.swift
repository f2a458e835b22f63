/// The workload each bootstrap Secret with a restore log belongs to, by the offset where the workload starts
/// (see `StreamSurvey.secretOwners`).
struct SecretOwners: Sendable {
    private var offsets: [String: Int] = [:]

    /// The start of the workload the Secret `name` belongs to, when it has a log and a workload names it.
    subscript(name: String) -> Int? {
        get { offsets[name] }
        set { offsets[name] = newValue }
    }

    /// Whether the workload starting at `offset` may take the Secret `name` as its own: it is the Secret's
    /// owner, or the Secret has none.
    func allows(_ name: String, workloadAt offset: Int) -> Bool {
        offsets[name].map { $0 == offset } ?? true
    }
}
