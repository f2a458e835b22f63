/// A plain YAML value built in code, for content the tool writes: new objects and inserted fragments.
public indirect enum YAMLValue: Sendable, Hashable {
    /// A string; writers quote it whenever some reader could take it for anything else.
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case sequence([YAMLValue])
    /// Keys in the order they are written.
    case mapping([Entry])

    /// One key and value of a mapping.
    public struct Entry: Sendable, Hashable {
        public var key: String
        public var value: YAMLValue

        public init(_ key: String, _ value: YAMLValue) {
            self.key = key
            self.value = value
        }
    }

    /// A mapping from key-value pairs, in the order given.
    public static func map(_ entries: [(String, YAMLValue)]) -> YAMLValue {
        .mapping(entries.map { Entry($0.0, $0.1) })
    }

    /// The value under `key`, when this is a mapping that has it.
    public subscript(key: String) -> YAMLValue? {
        guard case .mapping(let entries) = self else { return nil }
        return entries.last { $0.key == key }?.value
    }

    /// True for an empty mapping or sequence.
    public var isEmptyCollection: Bool {
        switch self {
        case .mapping(let e): return e.isEmpty
        case .sequence(let s): return s.isEmpty
        default: return false
        }
    }
}
