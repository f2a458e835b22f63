/// A JSON value as Go's `encoding/json` decodes one into `interface{}`: objects are maps without key order,
/// every number is a `float64`. The values jsonpatch v2.2.0 diffs.
public indirect enum GoJSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([GoJSONValue])
    case object([String: GoJSONValue])

    /// The member `key` of an object, nil when absent or not an object.
    public subscript(key: String) -> GoJSONValue? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }

    /// The Go dynamic type `reflect.TypeOf` reports: nil for null, else one per JSON type.
    var goType: GoType? {
        switch self {
        case .null: return nil
        case .bool: return .bool
        case .number: return .float64
        case .string: return .string
        case .array: return .slice
        case .object: return .map
        }
    }

    /// True for Go's basic types: string, float64 and bool.
    var isBasic: Bool {
        switch self {
        case .bool, .number, .string: return true
        default: return false
        }
    }

    /// The dynamic types of decoded JSON.
    enum GoType: Equatable {
        case bool, float64, string, slice, map
    }
}

extension Collection where Element == String {
    /// The strings in Go's `sort.Strings` order: bytewise on UTF-8.
    func sortedAsGo() -> [String] {
        sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
