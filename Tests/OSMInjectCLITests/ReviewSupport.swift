import Foundation
import Testing

/// JSON for the review tests: Foundation's parse as a comparable value, and an RFC 6902 applier.
indirect enum ReviewValue: Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([ReviewValue])
    case object([String: ReviewValue])

    init(json text: String) throws {
        self = try ReviewValue(any: JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]))
    }

    init(any: Any) throws {
        switch any {
        case is NSNull: self = .null
        case let n as NSNumber where String(cString: n.objCType) == "c": self = .bool(n.boolValue)
        case let n as NSNumber: self = .number(n.doubleValue)
        case let s as String: self = .string(s)
        case let a as [Any]: self = .array(try a.map { try ReviewValue(any: $0) })
        case let o as [String: Any]: self = .object(try o.mapValues { try ReviewValue(any: $0) })
        default: throw ReviewPatchError("not JSON: \(any)")
        }
    }

    subscript(key: String) -> ReviewValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    var description: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return "\(b)"
        case .number(let n): return "\(n)"
        case .string(let s): return "\"\(s)\""
        case .array(let a): return "[" + a.map(\.description).joined(separator: ",") + "]"
        case .object(let o):
            return "{"
                + o.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\($0.value.description)" }.joined(separator: ",")
                + "}"
        }
    }

    /// Applies the RFC 6902 patch `operations` (add, remove, replace), in order.
    func applying(_ operations: ReviewValue) throws -> ReviewValue {
        guard case .array(let ops) = operations else { throw ReviewPatchError("the patch is not a list") }
        var result = self
        for op in ops {
            guard let name = op["op"]?.string, let path = op["path"]?.string, path.hasPrefix("/") else {
                throw ReviewPatchError("bad operation \(op)")
            }
            let tokens = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
                $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            }
            result = try result.apply(name, tokens[...], op["value"] ?? .null, path: path)
        }
        return result
    }

    private func apply(_ op: String, _ tokens: ArraySlice<String>, _ value: ReviewValue, path: String) throws
        -> ReviewValue
    {
        guard let token = tokens.first else { throw ReviewPatchError("empty path") }
        let last = tokens.count == 1
        switch self {
        case .object(var members):
            if last {
                if op != "add", members[token] == nil { throw ReviewPatchError("\(op) of missing \(path)") }
                if op == "remove" { members[token] = nil } else { members[token] = value }
            } else {
                guard let child = members[token] else { throw ReviewPatchError("no \(path)") }
                members[token] = try child.apply(op, tokens.dropFirst(), value, path: path)
            }
            return .object(members)
        case .array(var items):
            guard let index = token == "-" ? items.count : Int(token) else {
                throw ReviewPatchError("bad index in \(path)")
            }
            if last {
                switch op {
                case "add" where index <= items.count: items.insert(value, at: index)
                case "replace" where index < items.count: items[index] = value
                case "remove" where index < items.count: items.remove(at: index)
                default: throw ReviewPatchError("\(op) out of range at \(path)")
                }
            } else {
                guard index < items.count else { throw ReviewPatchError("no \(path)") }
                items[index] = try items[index].apply(op, tokens.dropFirst(), value, path: path)
            }
            return .array(items)
        default:
            throw ReviewPatchError("\(path) goes through a scalar")
        }
    }
}

struct ReviewPatchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// An AdmissionReview request for a pod CREATE.
func admissionReview(uid: String = "705ab4f5-6393-11e8-b7cc-42010a800002", namespace: String, pod: String) -> [UInt8] {
    Array(
        """
        {"kind":"AdmissionReview","apiVersion":"admission.k8s.io/v1","request":{"uid":"\(uid)",\
        "kind":{"group":"","version":"v1","kind":"Pod"},"resource":{"group":"","version":"v1","resource":"pods"},\
        "requestKind":{"group":"","version":"v1","kind":"Pod"},"namespace":"\(namespace)","operation":"CREATE",\
        "userInfo":{"username":"system:serviceaccount:kube-system:replicaset-controller"},"object":\(pod),\
        "oldObject":null,"dryRun":false,"options":{"kind":"CreateOptions","apiVersion":"meta.k8s.io/v1"}}}
        """.utf8)
}

/// The decoded JSON patch of a review response.
func reviewPatch(_ response: ReviewValue) throws -> ReviewValue {
    guard let encoded = response["response"]?["patch"]?.string, let data = Data(base64Encoded: encoded) else {
        throw ReviewPatchError("no patch in \(response)")
    }
    return try ReviewValue(json: String(decoding: data, as: UTF8.self))
}
