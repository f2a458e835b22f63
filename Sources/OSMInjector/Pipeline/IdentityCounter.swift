/// Gives each workload identity a unique name for its proxy UUID, even when a stream repeats one.
struct IdentityCounter: Sendable {
    private var seen: [String: Int] = [:]
    /// The identities asked for, in order.
    private(set) var used: [String] = []

    mutating func uniqueName(namespace: String, kind: String, name: String) -> String {
        let key = "\(namespace)/\(kind)/\(name)"
        let count = seen[key, default: 0]
        seen[key] = count + 1
        used.append(key)
        return count == 0 ? name : "\(name)#\(count)"
    }

    /// Whether the identity `key` (`namespace/kind/name`) was counted.
    func hasCounted(_ key: String) -> Bool {
        seen[key] != nil
    }

    /// Counts `keys` (identities named elsewhere) as asked for.
    mutating func count(_ keys: [String]) {
        for key in keys { seen[key, default: 0] += 1 }
    }
}
