/// One RFC 6902 operation as gomodules jsonpatch v2.2.0 builds it.
public struct JSONPatchOperation: Sendable, Equatable {
    /// `add`, `remove` or `replace` (the only ones `CreatePatch` makes).
    public var op: String
    /// The RFC 6901 pointer.
    public var path: String
    /// The value; `.null` also stands for Go's nil, which `remove` leaves out.
    public var value: GoJSONValue

    public init(op: String, path: String, value: GoJSONValue = .null) {
        self.op = op
        self.path = path
        self.value = value
    }

    /// The operation's JSON as `Operation.MarshalJSON` writes it (the path verbatim, not re-quoted), after
    /// `json.Marshal` has compacted it with HTML escaping.
    public func json() throws(JSONPatchError) -> String {
        var out = "{\"op\":\"\(op)\",\"path\":\"" + (try Self.compactedPath(path)) + "\""
        if value != .null || op == "replace" || op == "add" {
            out += ",\"value\":" + GoJSONEncoder.encode(value)
        }
        return out + "}"
    }

    /// The path as it comes out of `json.Marshal`'s compaction of the verbatim text: `<`, `>`, `&`, U+2028 and
    /// U+2029 escaped; a quote, a control character or a bad escape makes the marshalling fail, as in Go.
    static func compactedPath(_ path: String) throws(JSONPatchError) -> String {
        let prefix = "json: error calling MarshalJSON for type *jsonpatch.Operation: "
        var out = ""
        let scalars = Array(path.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "\"":
                let next = index + 1 < scalars.count ? scalars[index + 1] : "\""
                throw JSONPatchError(prefix + "invalid character \(goQuoteChar(next)) after object key:value pair")
            case "\\":
                let escapes: Set<Unicode.Scalar> = ["\"", "\\", "/", "b", "f", "n", "r", "t", "u"]
                let next = index + 1 < scalars.count ? scalars[index + 1] : "\""
                guard escapes.contains(next) else {
                    throw JSONPatchError(prefix + "invalid character \(goQuoteChar(next)) in string escape code")
                }
                out.unicodeScalars.append(scalar)
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                out += GoJSONEncoder.quote(String(scalar)).dropFirst().dropLast()
            default:
                if scalar.value < 0x20 {
                    throw JSONPatchError(prefix + "invalid character \(goQuoteChar(scalar)) in string literal")
                }
                out.unicodeScalars.append(scalar)
            }
            index += 1
        }
        return out
    }

    /// A character as Go's JSON scanner quotes it in messages (`'x'`, `'"'`, `'\n'`).
    private static func goQuoteChar(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "'": return "'\\''"
        case "\"": return "'\"'"
        case "\n": return "'\\n'"
        case "\r": return "'\\r'"
        case "\t": return "'\\t'"
        case "\u{07}": return "'\\a'"
        case "\u{08}": return "'\\b'"
        case "\u{0C}": return "'\\f'"
        case "\u{0B}": return "'\\v'"
        default:
            if scalar.value < 0x20 {
                let hex = String(scalar.value, radix: 16)
                return "'\\x" + (hex.count < 2 ? "0" + hex : hex) + "'"
            }
            return "'\(scalar)'"
        }
    }
}

/// The patch could not be serialized (Go's `json.Marshal` of the operations failed).
public struct JSONPatchError: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

extension Array where Element == JSONPatchOperation {
    /// The patch document: `json.Marshal([]Operation)`, a compact JSON array.
    public func json() throws(JSONPatchError) -> String {
        var parts: [String] = []
        for operation in self { parts.append(try operation.json()) }
        return "[" + parts.joined(separator: ",") + "]"
    }
}
