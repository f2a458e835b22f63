import LosslessYAML

extension ObjectView {
    /// Throws at the first key written twice in this object, or in the own keys of the List holding it: a
    /// lenient reading would silently keep the last value (a MeshConfig pasted above a Namespace without `---`
    /// would vanish), where `kubectl apply`'s strict validation refuses the document.
    func refuseDuplicateKeys() throws(InjectionError) {
        var duplicate = node.firstDuplicateKey()
        let root = document.resolve(document.root)
        if root.range != node.range, let own = root.firstDuplicateKey(recursive: false),
            own.second.offset < duplicate?.second.offset ?? .max
        {
            duplicate = own
        }
        guard let duplicate else { return }
        var error = InjectionError(duplicate.message, at: duplicate.second)
        error.isAboutTheText = true
        throw error
    }
}
