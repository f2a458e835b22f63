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
                guard let index = Int(rest[rest.index(after: rest.startIndex)..<close]),
                      let items = try? view.items(), items.indices.contains(index) else { return nil }
                view = items[index]
                rest = rest[rest.index(after: close)...]
            }
        }
        return view
    }
}
