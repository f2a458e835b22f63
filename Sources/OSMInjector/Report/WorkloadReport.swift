import LosslessYAML

/// What happened to one object of the input, for the report on stderr.
public struct WorkloadReport: Sendable, Equatable {
    /// What was done.
    public enum Outcome: Sendable, Equatable {
        case injected
        /// Injected before; the Secret that would say how was not in the input, so it was left as it was.
        case alreadyInjected
        /// Injected before, but its injected parts no longer match its bootstrap Secret's restore log (edited by
        /// hand), so it was left as it was.
        case leftAsItWas
        /// Injected before, and a fresh injection gives the same bytes.
        case upToDate
        /// Injected before; the injected parts were brought up to date (the names of what changed).
        case updated([String])
        /// Injected before and no longer eligible (the reason), or uninjected on request (nil).
        case uninjected(SkipReason?)
        case skipped(SkipReason)
        /// A document with no `kind`, passed through.
        case noKind
        case failed(InjectionError)
    }

    public var kind: String
    public var name: String
    public var namespace: String
    public var outcome: Outcome
    /// Warnings about what the webhook accepts but will fail at run time.
    public var warnings: [String]
    /// Where the object starts.
    public var mark: Mark
    /// One sentence for each check the workload passed, in order (filled by `Injector.addingPassedChecks`
    /// for `--verbose`; empty otherwise).
    public var passedChecks: [String] = []
    /// True when the workload was injected and runs several pods of its template at once (`PodCount.runsSeveral`).
    public var runsSeveralPods = false

    public init(kind: String, name: String, namespace: String, outcome: Outcome, warnings: [String] = [], mark: Mark) {
        self.kind = kind
        self.name = name
        self.namespace = namespace
        self.outcome = outcome
        self.warnings = warnings
        self.mark = mark
    }

    /// `deployment "web"`, as kubectl names objects.
    public var subject: String {
        kind.isEmpty ? "document" : "\(kind.lowercased()) \"\(name)\""
    }

    /// The report line, without file name: `deployment "web" injected`.
    public var line: String {
        switch outcome {
        case .injected: return "\(subject) injected"
        case .alreadyInjected:
            return "\(subject) already injected (its bootstrap Secret is not in the input, so it was not checked)"
        case .leftAsItWas:
            return "\(subject) already injected, left as it was (its injected parts no longer match its bootstrap "
                + "Secret's restore log)"
        case .upToDate: return "\(subject) already injected, up to date"
        case .updated(let parts): return "\(subject) updated: \(parts.joined(separator: ", "))"
        case .uninjected(let reason?): return "\(subject) uninjected: \(reason.sentence)"
        case .uninjected(nil): return "\(subject) uninjected"
        case .skipped(let reason): return "\(subject) skipped: \(reason.sentence)"
        case .noKind: return "document skipped: it has no kind"
        case .failed(let error): return message(of: error)
        }
    }

    /// The report line of a run that writes nothing (`--check`, `--diff`): what would be done,
    /// `would inject deployment "web"`; skips and verdicts read as in `line`.
    public var wouldBeLine: String {
        switch outcome {
        case .injected: return "would inject \(subject)"
        case .updated(let parts): return "would update \(subject): \(parts.joined(separator: ", "))"
        case .uninjected(let reason?): return "would uninject \(subject): \(reason.sentence)"
        case .uninjected(nil): return "would uninject \(subject)"
        default: return line
        }
    }

    /// An error as reported: `deployment "web": …`, or the message alone when it is about the document's text
    /// (a duplicate key) or about a document of no known kind (declared state).
    public func message(of error: InjectionError) -> String {
        error.isAboutTheText || kind.isEmpty ? error.message : "\(subject): \(error.message)"
    }

    /// True when this object makes the run fail.
    public var isError: Bool {
        if case .failed = outcome { return true }
        return false
    }
}
