import LosslessYAML

/// A read-only, typed window on one node of a document: aliases resolved, values checked the way
/// Kubernetes' decoder checks them, and every failure an `InjectionError` at the node's position.
public struct ObjectView: Sendable {
    /// The node itself (an alias already resolved).
    public let node: Node
    /// The document the node belongs to.
    public var document: Document { shared.document }
    /// Where the node sits, as Kubernetes names fields (`spec.template.spec.containers[0]`); made when asked
    /// for, since most views are read and dropped without ever naming themselves.
    public var path: String {
        switch origin {
        case .base(let path, _): return path
        case .key(let parent, let key):
            let parentPath = parent.view.path
            return parentPath.isEmpty ? key : parentPath + "." + key
        case .index(let parent, let index): return parent.view.path + "[" + String(index) + "]"
        }
    }

    /// The document, boxed once so that copying a view retains one object rather than a whole tree's worth.
    let shared: SharedDocument
    /// How the view was reached.
    let origin: Origin

    public init(node: Node, document: Document, path: String) {
        let shared = SharedDocument(document)
        self.init(node: node, shared: shared, origin: .base(path, isRoot: false))
    }

    private init(node: Node, shared: SharedDocument, origin: Origin) {
        self.node = shared.resolve(node)
        self.shared = shared
        self.origin = origin
    }

    /// The view of the document's root.
    public init(document: Document) {
        self.init(node: document.root, shared: SharedDocument(document), origin: .base("", isRoot: true))
    }

    /// True when the node is null (absent values are nil instead).
    public var isNull: Bool { node.isNull }

    /// The child under `key`, or nil when the key is absent or null. A duplicated key counts once, the last
    /// occurrence winning, as `sigs.k8s.io/yaml` (and so `kubectl`) reads it.
    public func field(_ key: String) throws(InjectionError) -> ObjectView? {
        guard let value = try value(key) else { return nil }
        return ObjectView(node: value, shared: shared, origin: .key(ParentView(self), key))
    }

    /// The node under `key` (an alias resolved), or nil when absent or null: `field` without making a view, for
    /// values read and dropped.
    private func value(_ key: String) throws(InjectionError) -> Node? {
        guard node.pairs != nil else {
            if isNull { return nil }
            throw InjectionError("\(name) must be a mapping", at: node.range.start)
        }
        guard let found = node.pair(key) else { return nil }
        let value = shared.resolve(found.value)
        return value.isNull ? nil : value
    }

    /// The name of the child under `key`, for messages.
    private func childName(_ key: String) -> String {
        let parentPath = path
        let childPath = parentPath.isEmpty ? key : parentPath + "." + key
        return childPath.isEmpty ? "the document" : childPath
    }

    /// The child under `key`, which must be a mapping when present.
    public func mapping(_ key: String) throws(InjectionError) -> ObjectView? {
        guard let child = try field(key) else { return nil }
        guard child.node.pairs != nil else {
            throw InjectionError("\(child.name) must be a mapping", at: child.node.range.start)
        }
        return child
    }

    /// The items under `key`, which must be a sequence when present.
    public func sequence(_ key: String) throws(InjectionError) -> [ObjectView]? {
        guard let child = try field(key) else { return nil }
        return try child.items()
    }

    /// The items of this node, which must be a sequence.
    public func items() throws(InjectionError) -> [ObjectView] {
        guard let items = node.items else { throw InjectionError("\(name) must be a list", at: node.range.start) }
        let parent = ParentView(self)
        return items.enumerated().map {
            ObjectView(node: $0.element, shared: shared, origin: .index(parent, $0.offset))
        }
    }

    /// The string under `key`; a value YAML reads as a number, boolean or other non-string is an error.
    public func string(_ key: String) throws(InjectionError) -> String? {
        guard let value = try value(key) else { return nil }
        return try Self.string(value, named: childName(key))
    }

    /// This node as a string, checked like `sigs.k8s.io/yaml` reads into a Go string.
    public func stringValue() throws(InjectionError) -> String {
        try Self.string(node, named: name)
    }

    /// `node` as a string, checked like `sigs.k8s.io/yaml` reads into a Go string; `name` names it in messages.
    private static func string(_ node: Node, named name: @autoclosure () -> String) throws(InjectionError) -> String {
        guard let scalar = node.scalar else { throw InjectionError("\(name()) must be a string", at: node.range.start) }
        if scalar.style == .plain, node.tag == nil, ScalarResolver.resolve(scalar.value) != .string {
            throw InjectionError("\(name()) must be a string, not \(scalar.value) (quote it)", at: node.range.start)
        }
        return scalar.value
    }

    /// The integer under `key`.
    public func int(_ key: String) throws(InjectionError) -> Int? {
        guard let value = try value(key) else { return nil }
        guard let scalar = value.scalar, scalar.style == .plain,
            case .int(let number) = ScalarResolver.resolve(scalar.value)
        else {
            throw InjectionError("\(childName(key)) must be an integer", at: value.range.start)
        }
        return number
    }

    /// The boolean under `key`.
    public func bool(_ key: String) throws(InjectionError) -> Bool? {
        guard let value = try value(key) else { return nil }
        guard let scalar = value.scalar, scalar.style == .plain,
            case .bool(let flag) = ScalarResolver.resolve(scalar.value)
        else {
            throw InjectionError("\(childName(key)) must be true or false", at: value.range.start)
        }
        return flag
    }

    /// A string-to-string map (labels, annotations, nodeSelector) under `key`, in source order.
    public func stringMap(_ key: String) throws(InjectionError) -> [String: String] {
        guard let child = try mapping(key) else { return [:] }
        var result: [String: String] = [:]
        for pair in child.node.pairs ?? [] {
            let k = try Self.string(shared.resolve(pair.key), named: child.name)
            let value = shared.resolve(pair.value)
            result[k] = value.isNull ? "" : try Self.string(value, named: child.path + "[" + k + "]")
        }
        return result
    }

    /// An int-or-string (a port), as the integer or the name written.
    public func intOrString(_ key: String) throws(InjectionError) -> IntOrString? {
        guard let value = try value(key) else { return nil }
        guard let scalar = value.scalar else {
            throw InjectionError("\(childName(key)) must be a number or a name", at: value.range.start)
        }
        if scalar.style == .plain, value.tag == nil {
            switch ScalarResolver.resolve(scalar.value) {
            case .int(let number):
                // An IntOrString holds an int32: Kubernetes' decoder refuses anything wider.
                guard number >= Int(Int32.min), number <= Int(Int32.max) else {
                    throw InjectionError(
                        "\(childName(key)) must fit in 32 bits, not \(scalar.value)", at: value.range.start)
                }
                return .int(number)
            case .string: return .string(scalar.value)
            default: throw InjectionError("\(childName(key)) must be a number or a name", at: value.range.start)
            }
        }
        return .string(scalar.value)
    }

    /// True when `other` is this very view, reached the same way from the same parent view.
    func isSameView(as other: ObjectView) -> Bool {
        switch (origin, other.origin) {
        case (.key(let parent, let key), .key(let otherParent, let otherKey)):
            return parent === otherParent && key == otherKey
        case (.index(let parent, let index), .index(let otherParent, let otherIndex)):
            return parent === otherParent && index == otherIndex
        default: return false
        }
    }

    /// The field name for messages.
    var name: String { path.isEmpty ? "the document" : path }
}

/// The document of a family of views, shared by reference.
final class SharedDocument: Sendable {
    let document: Document

    init(_ document: Document) {
        self.document = document
    }

    /// The node itself, or for an alias the anchored node it refers to.
    func resolve(_ node: Node) -> Node {
        document.resolve(node)
    }
}

/// The view a child view was reached from, boxed so that views can name their parents.
final class ParentView: Sendable {
    let view: ObjectView

    init(_ view: ObjectView) {
        self.view = view
    }
}

extension ObjectView {
    /// How a view was reached: made from a node and a path (`isRoot` for the document's root), or as the
    /// child of a parent view under a key or at an index.
    enum Origin: Sendable {
        case base(String, isRoot: Bool)
        case key(ParentView, String)
        case index(ParentView, Int)
    }
}

/// A Kubernetes IntOrString value.
public enum IntOrString: Sendable, Equatable {
    case int(Int)
    case string(String)
}
