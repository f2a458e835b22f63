import LosslessYAML
import OSMInjector

/// Inputs that hit an injection bug already reported (each with a disabled regression test); the inject fuzzer
/// leaves them aside so that it keeps looking for new ones. Remove an entry when its bug is fixed.
enum KnownInjectionBugs {
    /// Two Secrets with one bootstrap Secret name in `stream`
    /// (FuzzRegressionInjectorTests.leftOverSecretWithTheBootstrapName).
    static func duplicateBootstrapSecret(_ stream: YAMLStream) -> Bool {
        var seen: Set<String> = []
        for document in stream.documents {
            let object = ObjectView(document: document)
            guard (try? object.string("kind")) == "Secret",
                  let name = (try? object.mapping("metadata")?.string("name")) ?? nil,
                  name.hasPrefix(OSMConstants.bootstrapSecretPrefix) else { continue }
            if !seen.insert(name).inserted { return true }
        }
        return false
    }
}
