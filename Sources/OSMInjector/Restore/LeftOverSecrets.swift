import LosslessYAML

/// The bootstrap Secrets no workload of the stream names (left over from an earlier injection?), where each
/// starts: an injection must not write a second Secret of one of these names.
struct LeftOverSecrets: Sendable {
    private var marks: [String: Mark] = [:]

    /// Where the left-over Secret `name` starts, if there is one.
    subscript(name: String) -> Mark? {
        get { marks[name] }
        set { marks[name] = newValue }
    }
}
