import LosslessYAML
@testable import OSMInjector

/// Review test helpers: JSON text to Go values, and a small RFC 6902 applier to check patches by their effect.
enum ReviewJSON {
    /// The value Go's `json.Unmarshal` gives for `text`.
    static func value(_ text: String) throws -> GoJSONValue {
        let stream = try Parser().parse(Array(text.utf8))
        guard let document = stream.documents.first else { return .null }
        return try GoJSONReader(document: document).value(of: document.root)
    }

    /// The patch of two JSON texts, as the library's `CreatePatch` makes it.
    static func patch(_ a: String, _ b: String) throws -> [JSONPatchOperation] {
        JSONPatch.create(from: try value(a), to: try value(b))
    }
}

/// Why a patch does not apply.
struct PatchApplyError: Error, CustomStringConvertible {
    var description: String
}

/// Applies RFC 6902 `add`, `remove` and `replace` operations in order.
enum PatchApplier {
    static func apply(_ operations: [JSONPatchOperation], to document: GoJSONValue) throws -> GoJSONValue {
        var result = document
        for operation in operations {
            let tokens = try pointer(operation.path)
            result = try apply(operation, tokens: tokens[...], to: result)
        }
        return result
    }

    /// RFC 6901 reference tokens (`~1` → `/`, then `~0` → `~`).
    static func pointer(_ path: String) throws -> [String] {
        guard path.hasPrefix("/") else { throw PatchApplyError(description: "bad pointer \(path)") }
        return path.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    private static func apply(_ op: JSONPatchOperation, tokens: ArraySlice<String>, to value: GoJSONValue) throws
        -> GoJSONValue
    {
        guard let token = tokens.first else { throw PatchApplyError(description: "empty path in \(op.path)") }
        let rest = tokens.dropFirst()
        switch value {
        case .object(var members):
            if rest.isEmpty {
                switch op.op {
                case "add": members[token] = op.value
                case "replace":
                    guard members[token] != nil else {
                        throw PatchApplyError(description: "replace of missing \(op.path)")
                    }
                    members[token] = op.value
                case "remove":
                    guard members.removeValue(forKey: token) != nil else {
                        throw PatchApplyError(description: "remove of missing \(op.path)")
                    }
                default: throw PatchApplyError(description: "unknown op \(op.op)")
                }
            } else {
                guard let child = members[token] else {
                    throw PatchApplyError(description: "no \(token) in \(op.path)")
                }
                members[token] = try apply(op, tokens: rest, to: child)
            }
            return .object(members)
        case .array(var items):
            let index = token == "-" ? items.count : Int(token) ?? -1
            if rest.isEmpty {
                switch op.op {
                case "add":
                    guard (0...items.count).contains(index) else {
                        throw PatchApplyError(description: "add out of range \(op.path)")
                    }
                    items.insert(op.value, at: index)
                case "replace":
                    guard items.indices.contains(index) else {
                        throw PatchApplyError(description: "replace out of range \(op.path)")
                    }
                    items[index] = op.value
                case "remove":
                    guard items.indices.contains(index) else {
                        throw PatchApplyError(description: "remove out of range \(op.path)")
                    }
                    items.remove(at: index)
                default: throw PatchApplyError(description: "unknown op \(op.op)")
                }
            } else {
                guard items.indices.contains(index) else {
                    throw PatchApplyError(description: "no item \(token) in \(op.path)")
                }
                items[index] = try apply(op, tokens: rest, to: items[index])
            }
            return .array(items)
        default:
            throw PatchApplyError(description: "\(op.path) goes through a scalar")
        }
    }
}
