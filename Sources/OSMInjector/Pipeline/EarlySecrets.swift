/// The bootstrap Secrets that stand before the workload they belong to and are replaced when its undo works,
/// by the index of the workload's document: the writing pass drops them when it meets them.
struct EarlySecrets: Sendable {
    private var byDocument: [Int: [String]] = [:]

    var isEmpty: Bool { byDocument.isEmpty }

    /// Every Secret name, whichever its workload's document.
    var names: Set<String> { Set(byDocument.values.joined()) }

    /// Whether the workloads of the document at `index` have Secrets standing before them.
    func hasSecrets(ofDocument index: Int) -> Bool { byDocument[index] != nil }

    /// Counts the Secret `name` as standing before its workload, in the document at `index`.
    mutating func add(_ name: String, ofDocument index: Int) {
        byDocument[index, default: []].append(name)
    }

    /// Keeps the Secrets of the document at `index` where they stand.
    mutating func keep(ofDocument index: Int) {
        byDocument[index] = nil
    }
}
