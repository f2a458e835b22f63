import LosslessYAML

/// The request's object as the webhook reads it: `json.Unmarshal` into a `corev1.Pod`, whatever the object says
/// its kind is and whether or not it has a spec (v1.2.4's TestCreatePatch sends pods without `kind`, and
/// TestWebhookMutate a pod without `spec`).
enum WebhookPod {
    /// `stream`'s object made one the engine injects: `kind: Pod`, and an empty `spec` where it has none
    /// (Go leaves a missing or null spec empty). The unchanged stream when it already is.
    static func make(_ stream: YAMLStream) throws(EditError) -> YAMLStream {
        guard let document = stream.documents.first, document.root.pairs != nil else { return stream }
        let root = document.resolve(document.root)
        let kind = root.pair("kind").map { document.resolve($0.value) }
        let spec = root.pair("spec").map { document.resolve($0.value) }
        let isPod = kind?.scalar?.value == "Pod"
        let hasSpec = spec.map { !$0.isNull } ?? false
        if isPod && hasSpec { return stream }
        var editor = DocumentEditor(source: stream.source, document: document)
        if !isPod { try editor.set("kind", to: .string("Pod"), in: root) }
        if !hasSpec { try editor.set("spec", to: .map([]), in: root) }
        let bytes = try editor.output()
        do {
            return try Parser().parse(bytes)
        } catch {
            throw EditError("internal: the object does not parse once made a Pod: \(error.message)")
        }
    }

    /// `current` with the `kind` of `original` (or none, as it had): `json.Marshal` of the decoded pod writes
    /// back the kind the object came with, so the webhook's patch never touches it.
    static func restoringKind(of original: GoJSONValue, in current: GoJSONValue) -> GoJSONValue {
        guard case .object(var members) = current else { return current }
        members["kind"] = original["kind"]
        return .object(members)
    }
}
