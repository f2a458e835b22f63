import LosslessYAML

extension ObjectView {
    /// The view at a field path as `ObjectView.path` writes it (`spec.template.spec.containers[0]`), or nil.
    public func descend(_ path: String) -> ObjectView? {
        var view = self
        for segment in path.split(separator: ".", omittingEmptySubsequences: true) {
            var rest = Substring(segment)
            var key = rest
            if let bracket = rest.firstIndex(of: "[") {
                key = rest[..<bracket]
                rest = rest[bracket...]
            } else {
                rest = ""
            }
            if !key.isEmpty {
                guard let next = try? view.field(String(key)) else { return nil }
                view = next
            }
            while rest.first == "[", let close = rest.firstIndex(of: "]") {
                let selector = rest[rest.index(after: rest.startIndex)..<close]
                guard let items = try? view.items() else { return nil }
                if selector.hasPrefix("name=") {
                    let name = String(selector.dropFirst(5))
                    guard let item = items.last(where: { $0.node["name"]?.scalar?.value == name }) else { return nil }
                    view = item
                } else {
                    guard let index = Int(selector), items.indices.contains(index) else { return nil }
                    view = items[index]
                }
                rest = rest[rest.index(after: close)...]
            }
        }
        return view
    }

    /// `path` (from this view, the document root) with each index of an item that has a `name` replaced by
    /// `[name=…]`, so that it still finds the same container after others are added or moved.
    public func stablePath(_ path: String) -> String {
        var view = self
        var out: [String] = []
        for segment in path.split(separator: ".", omittingEmptySubsequences: true) {
            var rest = Substring(segment)
            var key = rest
            if let bracket = rest.firstIndex(of: "[") {
                key = rest[..<bracket]
                rest = rest[bracket...]
            } else {
                rest = ""
            }
            var piece = String(key)
            if !key.isEmpty, let next = try? view.field(String(key)) { view = next }
            while rest.first == "[", let close = rest.firstIndex(of: "]") {
                let selector = String(rest[rest.index(after: rest.startIndex)..<close])
                if let index = Int(selector), let items = try? view.items(), items.indices.contains(index) {
                    view = items[index]
                    if let name = view.node["name"]?.scalar?.value, !name.isEmpty, !name.contains("]"),
                       !name.contains("."), (view.node.pairs ?? []).count > 0 {
                        piece += "[name=\(name)]"
                    } else {
                        piece += "[\(index)]"
                    }
                } else {
                    piece += "[\(selector)]"
                }
                rest = rest[rest.index(after: close)...]
            }
            out.append(piece)
        }
        return out.joined(separator: ".")
    }
}
