import LosslessYAML

/// A container's `resources` as Go's encoder writes `corev1.ResourceRequirements`: `limits`, `requests`,
/// `claims` in that order, resource names sorted, every quantity as a string in canonical form.
enum ResourceRequirements {
    static func canonical(_ value: YAMLValue, path: String, at mark: Mark) throws(InjectionError) -> YAMLValue {
        guard case .mapping = value else { throw InjectionError("\(path) must be a mapping", at: mark) }
        var entries: [YAMLValue.Entry] = []
        for field in ["limits", "requests"] {
            guard let list = value[field], list != .null else { continue }
            guard case .mapping(let quantities) = list else {
                throw InjectionError("\(path).\(field) must be a mapping", at: mark)
            }
            var canonical: [YAMLValue.Entry] = []
            for entry in quantities.sorted(by: { $0.key < $1.key }) {
                let text: String
                switch entry.value {
                case .string(let s): text = s
                case .int(let i): text = String(i)
                default: throw InjectionError("\(path).\(field).\(entry.key) must be a quantity", at: mark)
                }
                guard let quantity = Quantity(text) else {
                    throw InjectionError("\(path).\(field).\(entry.key): \"\(text)\" is not a valid quantity", at: mark)
                }
                canonical.append(.init(entry.key, .string(quantity.canonical)))
            }
            entries.append(.init(field, .mapping(canonical)))
        }
        if let claims = value["claims"], claims != .null { entries.append(.init("claims", claims)) }
        return .mapping(entries)
    }
}
