import LosslessYAML

/// Turns a parsed node into the value Go's `encoding/json` gives for the same JSON text (or, for YAML, for the
/// JSON `sigs.k8s.io/yaml` converts it to): numbers become doubles, duplicated keys keep their last value.
public struct GoJSONReader: Sendable {
    public let document: Document
    public let limits: Limits

    public init(document: Document, limits: Limits = .default) {
        self.document = document
        self.limits = limits
    }

    /// The value of `node`.
    public func value(of node: Node) throws(YAMLError) -> GoJSONValue {
        try TreeFolder<GoJSONValue>(
            document: document, limits: limits,
            scalar: { scalar, node in
                guard scalar.style == .plain, node.tag == nil else { return .string(scalar.value) }
                return Self.plain(scalar.value)
            }, sequence: { .array($0) },
            mapping: { entries in
                var members: [String: GoJSONValue] = [:]
                for entry in entries { members[entry.key] = entry.value }
                return .object(members)
            }
        ).fold(node)
    }

    /// A plain scalar: null, a boolean, a number (as float64), or else a string.
    static func plain(_ text: String) -> GoJSONValue {
        switch ScalarResolver.resolve(text) {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i):
            return .number(Double(i))
        case .float, .string:
            if isDecimalNumber(text), let d = Double(text), d.isFinite { return .number(d) }
            return .string(text)
        case .timestamp:
            return .string(text)
        }
    }

    /// True for JSON's number syntax: `-?digits[.digits][e[+-]digits]`.
    static func isDecimalNumber(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        func digits(_ s: inout Substring.UTF8View.SubSequence) -> Int {
            var n = 0
            while let b = s.first, b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") {
                s = s.dropFirst()
                n += 1
            }
            return n
        }
        guard digits(&bytes) > 0 else { return false }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            guard digits(&bytes) > 0 else { return false }
        }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                bytes = bytes.dropFirst()
            }
            guard digits(&bytes) > 0 else { return false }
        }
        return bytes.isEmpty
    }
}
