/// The sentences of the report's warnings about one workload.
enum WorkloadWarning {
    /// The pod carries another mesh's init container.
    static func otherMeshInitContainer(mesh: String, name: String) -> String {
        "the pod already carries \(mesh)'s init container \"\(name)\"; it was injected as the webhook would, so it "
            + "is now in two meshes"
    }

    /// The pod carries another mesh's proxy container.
    static func otherMeshSidecar(mesh: String, container: String) -> String {
        "the pod already carries \(mesh)'s sidecar (container \"\(container)\"); it was injected as the webhook "
            + "would, so it is now in two meshes"
    }

    /// The injected parts were edited by hand, so the workload was kept as it is.
    static func restoreLogMismatch(_ reason: String) -> String {
        "its injected parts no longer match its bootstrap Secret's restore log, so it was left as it is (\(reason))"
    }

    /// The workload names a Secret that belongs to another workload, so it was kept as it is.
    static func secretOfAnotherWorkload(_ secretName: String) -> String {
        "its bootstrap Secret \"\(secretName)\" belongs to another workload of the input (a copy?), so it was left "
            + "as it is"
    }
}
