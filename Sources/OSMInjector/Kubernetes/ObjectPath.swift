import LosslessYAML

extension ObjectView {
    /// One step of a field path: a key (maybe empty) and the bracketed selectors after it (`0`, `name=web`).
    private struct PathStep {
        var key: String
        var selectors: [String]
    }

    /// The steps of a path as `ObjectView.path` writes it (`spec.template.spec.containers[0]`).
    private static func steps(of path: String) -> [PathStep] {
        path.split(separator: ".", omittingEmptySubsequences: true).map { segment in
            var rest = Substring(segment)
            var key = rest
            if let bracket = rest.firstIndex(of: "[") {
                key = rest[..<bracket]
                rest = rest[bracket...]
            } else {
                rest = ""
            }
            var selectors: [String] = []
            while rest.first == "[", let close = rest.firstIndex(of: "]") {
                selectors.append(String(rest[rest.index(after: rest.startIndex)..<close]))
                rest = rest[rest.index(after: close)...]
            }
            return PathStep(key: String(key), selectors: selectors)
        }
    }

    /// The view at a field path (`spec.template.spec.containers[0]`, or `containers[name=web]`), or nil; a
    /// name that several items carry is an error (the path cannot say which one it meant).
    public func descend(_ path: String) throws(InjectionError) -> ObjectView? {
        var view = self
        for step in Self.steps(of: path) {
            if !step.key.isEmpty {
                guard let next = try? view.field(step.key) else { return nil }
                view = next
            }
            for selector in step.selectors {
                guard let items = try? view.items() else { return nil }
                if selector.hasPrefix("name=") {
                    let name = String(selector.dropFirst(5))
                    let named = items.filter { $0.node["name"]?.scalar?.value == name }
                    guard let item = named.first else { return nil }
                    if named.count > 1 {
                        throw .itemNameRepeated(name, in: view.path, at: named[1].node.range.start)
                    }
                    view = item
                } else {
                    guard let index = Int(selector), items.indices.contains(index) else { return nil }
                    view = items[index]
                }
            }
        }
        return view
    }

    /// `path` (from this view, the document root) with each index of an item that has a name no other item of
    /// its list has replaced by `[name=…]`, so that it still finds the same container after others are added
    /// or moved.
    public func stablePath(_ path: String) -> String {
        var view = self
        var out: [String] = []
        for step in Self.steps(of: path) {
            var piece = step.key
            if !step.key.isEmpty, let next = try? view.field(step.key) { view = next }
            for selector in step.selectors {
                guard let index = Int(selector), let items = try? view.items(), items.indices.contains(index) else {
                    piece += "[\(selector)]"
                    continue
                }
                view = items[index]
                if let name = view.node["name"]?.scalar?.value, !name.isEmpty, !name.contains("]"), !name.contains("."),
                    items.lazy.filter({ $0.node["name"]?.scalar?.value == name }).count == 1
                {
                    piece += "[name=\(name)]"
                } else {
                    piece += "[\(index)]"
                }
            }
            out.append(piece)
        }
        return out.joined(separator: ".")
    }

    /// `stablePath(path)` from the document root, made from the views this one was reached from instead of
    /// re-reading its path from the root.
    func stablePath() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(96)
        guard Self.appendStablePath(of: origin, to: &out) else {
            return ObjectView(document: document).stablePath(path)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the stable path of the view reached by `origin`, as UTF-8; false when the view was not reached
    /// from the document root, or through a key the path syntax cannot hold (its path reads back differently).
    private static func appendStablePath(of origin: Origin, to out: inout [UInt8]) -> Bool {
        switch origin {
        case .base(let path, let isRoot):
            return isRoot && path.isEmpty
        case .key(let parent, let key):
            guard isPlainPathKey(key), appendStablePath(of: parent.view.origin, to: &out) else { return false }
            if !out.isEmpty { out.append(UInt8(ascii: ".")) }
            out.append(contentsOf: key.utf8)
            return true
        case .index(let parent, let index):
            guard appendStablePath(of: parent.view.origin, to: &out) else { return false }
            out.append(UInt8(ascii: "["))
            appendStableSelector(index, in: parent.view, to: &out)
            out.append(UInt8(ascii: "]"))
            return true
        }
    }

    /// Appends `name=…` for the item at `index` of `list` when its name is one no other item has, else the index.
    private static func appendStableSelector(_ index: Int, in list: ObjectView, to out: inout [UInt8]) {
        let items = list.node.items ?? []
        let document = list.shared
        guard let name = document.resolve(items[index])["name"]?.scalar?.value, !name.isEmpty,
            !containsCharacter(name, "]", byte: UInt8(ascii: "]")),
            !containsCharacter(name, ".", byte: UInt8(ascii: ".")),
            isUnique(name, in: items, of: document)
        else {
            out.append(contentsOf: String(index).utf8)
            return
        }
        out.append(contentsOf: "name=".utf8)
        out.append(contentsOf: name.utf8)
    }

    /// True when exactly one of `items` has the name `name`.
    private static func isUnique(_ name: String, in items: [Node], of document: SharedDocument) -> Bool {
        var count = 0
        for item in items where document.resolve(item)["name"]?.scalar?.value == name {
            count += 1
            if count > 1 { return false }
        }
        return count == 1
    }

    /// `string.contains(character)` for a one-byte character, answered from the bytes when they lack it.
    private static func containsCharacter(_ string: String, _ character: Character, byte: UInt8) -> Bool {
        string.utf8.contains(byte) && string.contains(character)
    }

    /// A key that the path syntax reads back as itself: not empty, no `.` and no `[`.
    private static func isPlainPathKey(_ key: String) -> Bool {
        !key.isEmpty && !key.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "[") }
    }
}
