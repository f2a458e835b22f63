import LosslessYAML

/// The injection's longer messages, named, so that the code that throws them reads as what went wrong.
extension InjectionError {
    /// A container the injection adds is already in the pod.
    static func containerNameTaken(_ name: String, at mark: Mark?) -> InjectionError {
        InjectionError(
            "the pod already has a container named \"\(name)\"; the webhook would add a second one and the API "
                + "server would reject the pod", at: mark)
    }

    /// The workload's bootstrap Secret would take the name of a Secret no workload of the input names.
    static func secretNameLeftOver(_ secretName: String, at mark: Mark) -> InjectionError {
        InjectionError(
            "its bootstrap Secret would take the name \"\(secretName)\" of the Secret at \(mark.line):\(mark.column), "
                + "which no workload of the input names (left over from an earlier injection?); remove that Secret "
                + "(nothing was changed)", at: mark)
    }

    /// Another workload of the document names a bootstrap Secret the input holds more than once.
    static func neighbourSecretRepeated(_ subject: String, at mark: Mark) -> InjectionError {
        InjectionError(
            "\(subject) of the same document names a bootstrap Secret that is in the input more than once; "
                + "nothing was changed", at: mark)
    }

    /// The workload's bootstrap Secret is in the input several times, at `places`.
    static func secretRepeated(_ secretName: String, count: Int, places: String, at mark: Mark) -> InjectionError {
        InjectionError(
            "its bootstrap Secret \"\(secretName)\" is in the input \(count) times (at \(places)), so which one "
                + "describes it is unknown; remove the one left over (nothing was changed)", at: mark)
    }

    /// Uninject of a workload whose Secret belongs to another workload.
    static func uninjectCopiedSecret(_ secretName: String) -> InjectionError {
        InjectionError(
            "cannot uninject: its bootstrap Secret \"\(secretName)\" belongs to another workload of the input "
                + "(a copy?), whose restore log does not describe it; nothing was changed")
    }

    /// Uninject of a workload whose Secret is not in the input.
    static var uninjectWithoutSecret: InjectionError {
        InjectionError(
            "cannot uninject: its bootstrap Secret is not in the input (it tells how the probes were); nothing "
                + "was changed")
    }

    /// Uninject blocked by another workload of the same document, `subject`, for the reason `why`.
    static func uninjectBlockedByNeighbour(_ subject: String, because why: String, at mark: Mark?) -> InjectionError {
        InjectionError(
            "cannot uninject: \(subject) of the same document \(why), and a document is uninjected whole; "
                + "nothing was changed", at: mark)
    }

    /// A list a restore log addresses by item name holds that name twice.
    static func itemNameRepeated(_ name: String, in path: String, at mark: Mark) -> InjectionError {
        InjectionError(
            "\(path) has several items named \"\(name)\"; its restore log cannot tell which one it edited", at: mark)
    }
}
