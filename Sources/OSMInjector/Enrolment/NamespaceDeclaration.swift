import LosslessYAML

/// A `Namespace` object declared in a source, with what it declares.
struct NamespaceDeclaration: Sendable {
    let object: SourceObject
    let info: NamespaceInfo

    /// The `Namespace` objects of `objects` that have a name, in order.
    static func all(in objects: [SourceObject]) throws(EnrolmentError) -> [NamespaceDeclaration] {
        var declarations: [NamespaceDeclaration] = []
        for object in objects where object.kind == "Namespace" {
            let info: NamespaceInfo
            do { info = try NamespaceInfo(object.view) } catch { throw object.error(error) }
            if !info.name.isEmpty { declarations.append(NamespaceDeclaration(object: object, info: info)) }
        }
        return declarations
    }

    /// Where the value of the label `key` is written, else where the object starts.
    func location(ofLabel key: String) -> EnrolmentLocation {
        let metadata = try? object.view.mapping("metadata")
        let labels = (try? metadata?.mapping("labels")) ?? nil
        let mark = labels?.node.pair(key)?.value.range.start ?? object.view.node.range.start
        return EnrolmentLocation(source: object.source, mark: mark)
    }
}
