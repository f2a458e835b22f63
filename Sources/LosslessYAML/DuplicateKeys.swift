/// A key written twice in one mapping. Kubernetes' strict decoding (`kubectl apply`'s default field
/// validation) refuses such an object, while a lenient reading silently keeps the last value.
public struct DuplicateKey: Sendable, Equatable {
    /// The key as written (the scalar's value).
    public var key: String
    /// Where the key stands first.
    public var first: Mark
    /// Where it stands again.
    public var second: Mark

    /// `duplicate key "kind" (first at line 3)`.
    public var message: String { "duplicate key \"\(key)\" (first at line \(first.line))" }
}

extension Node {
    /// The repeated key of this node's subtree whose repetition comes first in the source, or nil. Keys compare
    /// as the Kubernetes decoder resolves them (YAML 1.1, go-yaml v2): `kind` and `"kind"` are one key, `1` and
    /// `0x1` too, `1` and `"1"` are two. Merge keys (`<<`) and keys that are no scalar are not compared, and
    /// aliases are not followed (the anchored node is checked where it stands, when it is in the subtree).
    /// With `recursive` false, only this mapping's own keys are compared.
    public func firstDuplicateKey(recursive: Bool = true) -> DuplicateKey? {
        var found: DuplicateKey?
        // An explicit stack: a hostile document may nest a thousand levels deep.
        var pending: [Node] = [self]
        while let node = pending.popLast() {
            switch node.content {
            case .mapping(let pairs):
                if pairs.count > 1, let duplicate = Self.firstDuplicate(among: pairs),
                    duplicate.second.offset < found?.second.offset ?? .max
                {
                    found = duplicate
                }
                guard recursive else { return found }
                pairs.withUnsafeBufferPointer { buffer in
                    for index in buffer.indices where buffer[index].value.isCollection {
                        pending.append(buffer[index].value)
                    }
                }
            case .sequence(let items):
                guard recursive else { return found }
                items.withUnsafeBufferPointer { buffer in
                    for index in buffer.indices where buffer[index].isCollection { pending.append(buffer[index]) }
                }
            case .scalar, .alias:
                break
            }
        }
        return found
    }

    /// True for a mapping or a sequence.
    private var isCollection: Bool {
        switch content {
        case .mapping, .sequence: return true
        case .scalar, .alias: return false
        }
    }

    /// The key of `pairs` that repeats an earlier one, first in source order.
    private static func firstDuplicate(among pairs: [Pair]) -> DuplicateKey? {
        // Mappings are mostly short: comparing texts pairwise is cheaper than hashing every key, up to a point.
        if pairs.count > 16 { return firstDuplicateHashing(pairs) }
        return pairs.withUnsafeBufferPointer { buffer -> DuplicateKey? in
            for later in 1..<buffer.count {
                guard case .scalar(let second) = buffer[later].key.content else { continue }
                let secondClass = NonStringClass(second, tag: buffer[later].key.tag)
                for earlier in 0..<later {
                    guard case .scalar(let first) = buffer[earlier].key.content else { continue }
                    // Keys of two texts are one only when both resolve to the same non-string (`1`, `0x1`); most
                    // keys cannot, and are told apart by their texts alone.
                    guard
                        first.value == second.value
                            || (secondClass != .none
                                && secondClass.mayEqual(NonStringClass(first, tag: buffer[earlier].key.tag))),
                        let identity = KeyIdentity(buffer[later].key),
                        KeyIdentity(buffer[earlier].key) == identity
                    else { continue }
                    return DuplicateKey(
                        key: second.value, first: buffer[earlier].key.range.start,
                        second: buffer[later].key.range.start)
                }
            }
            return nil
        }
    }

    /// `firstDuplicate` for a long mapping.
    private static func firstDuplicateHashing(_ pairs: [Pair]) -> DuplicateKey? {
        var seen: [KeyIdentity: Mark] = [:]
        seen.reserveCapacity(pairs.count)
        for pair in pairs {
            guard let identity = KeyIdentity(pair.key) else { continue }
            if let first = seen.updateValue(seen[identity] ?? pair.key.range.start, forKey: identity) {
                return DuplicateKey(key: pair.key.scalar?.value ?? "", first: first, second: pair.key.range.start)
            }
        }
        return nil
    }
}

/// Which non-string a scalar key could resolve to, told from its first byte and length without resolving it:
/// keys of two texts can be one key only when both could be the same kind of value.
private enum NonStringClass: Equatable {
    /// Only a string, or a float or timestamp (which compare by their text).
    case none
    /// An integer (a digit or a sign first).
    case number
    /// A null or a boolean: `~`, empty, or a word of five letters at most (`null`, `false`, `yes`, `off`).
    case word
    /// A tagged key: anything.
    case tagged

    init(_ scalar: Scalar, tag: String?) {
        if tag != nil {
            self = .tagged
            return
        }
        guard scalar.style == .plain else {
            self = .none
            return
        }
        let utf8 = scalar.value.utf8
        guard let first = utf8.first else {
            self = .word
            return
        }
        switch first {
        case UInt8(ascii: "~"):
            self = .word
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"):
            self = .number
        case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "t"),
            UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"):
            self = utf8.count <= 5 ? .word : .none
        default:
            self = .none
        }
    }

    /// Whether keys of these classes may resolve to one value.
    func mayEqual(_ other: NonStringClass) -> Bool {
        switch (self, other) {
        case (.none, _), (_, .none): return false
        case (.tagged, _), (_, .tagged): return true
        default: return self == other
        }
    }
}

/// A mapping key as the Kubernetes decoder tells keys apart: a string, or the value of a null, boolean or
/// integer (other resolved values by their text).
private enum KeyIdentity: Hashable {
    case string(String)
    case null
    case bool(Bool)
    case int(Int)
    case other(String)

    /// The identity of a scalar key; nil for a merge key, a collection or an alias.
    init?(_ key: Node) {
        guard let scalar = key.scalar else { return nil }
        if let tag = key.tag {
            self = tag == "tag:yaml.org,2002:str" ? .string(scalar.value) : .other(tag + " " + scalar.value)
            return
        }
        guard scalar.style == .plain else {
            self = .string(scalar.value)
            return
        }
        if scalar.value == "<<" { return nil }
        switch ScalarResolver.resolve(scalar.value) {
        case .string: self = .string(scalar.value)
        case .null: self = .null
        case .bool(let value): self = .bool(value)
        case .int(let value): self = .int(value)
        case .float, .timestamp: self = .other(scalar.value)
        }
    }
}
