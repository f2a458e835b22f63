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

    /// A mapping with a repeated key in a document that was injected before (it names the bootstrap volume):
    /// undoing the logged edits may leave an earlier copy of an injected part behind
    /// (FuzzRegressionInjectorTests.injectedPartsDuplicatedByHand).
    static func hasRepeatedKeys(_ stream: YAMLStream) -> Bool {
        let volume = Array(OSMConstants.envoyBootstrapConfigVolumeName.utf8)
        for document in stream.documents {
            let bytes = Array(stream.bytes(of: document))
            guard InjectInvariants.find(volume, in: bytes, from: 0) != nil else { continue }
            var stack = [document.root]
            var visited = 0
            while let node = stack.popLast(), visited < 100_000 {
                visited += 1
                if let pairs = node.pairs {
                    let keys = pairs.compactMap { $0.key.scalar?.value }
                    if Set(keys).count != keys.count { return true }
                    stack.append(contentsOf: pairs.map(\.value))
                } else if let items = node.items {
                    stack.append(contentsOf: items)
                }
            }
        }
        return false
    }

    /// A bootstrap Secret name that two documents other than Secrets mention
    /// (FuzzRegressionInjectorTests.workloadNamingAnotherWorkloadsSecret).
    static func secretNamedByTwoDocuments(_ stream: YAMLStream) -> Bool {
        let prefix = Array(OSMConstants.bootstrapSecretPrefix.utf8)
        var owners: [ArraySlice<UInt8>: Int] = [:]
        for document in stream.documents {
            guard (try? ObjectView(document: document).string("kind")) != "Secret" else { continue }
            let bytes = Array(stream.bytes(of: document))
            var from = 0
            while let found = InjectInvariants.find(prefix, in: bytes, from: from) {
                let end = min(bytes.count, found + prefix.count + 36)
                let name = bytes[found..<end]
                if let owner = owners[name], owner != document.index { return true }
                owners[name] = document.index
                from = found + 1
            }
        }
        return false
    }

    /// A bootstrap Secret of the input that the output drops while a document of the output still names it: a
    /// re-injection that found the restored workload still looking injected
    /// (FuzzRegressionInjectorTests.injectedPartsDuplicatedByHand).
    static func dropsReferencedSecret(_ input: YAMLStream, _ output: YAMLStream) -> Bool {
        let before = secretNames(input), after = secretNames(output)
        let prefix = Array(OSMConstants.bootstrapSecretPrefix.utf8)
        for name in before.subtracting(after) {
            let bytes = Array(name.utf8)
            guard bytes.starts(with: prefix) else { continue }
            if InjectInvariants.find(bytes, in: Array(output.source), from: 0) != nil { return true }
        }
        return false
    }

    /// The names of the Secrets of a stream.
    private static func secretNames(_ stream: YAMLStream) -> Set<String> {
        var names: Set<String> = []
        for document in stream.documents {
            let object = ObjectView(document: document)
            guard (try? object.string("kind")) == "Secret",
                  let name = (try? object.mapping("metadata")?.string("name")) ?? nil else { continue }
            names.insert(name)
        }
        return names
    }

    /// Two items of one sequence with the same `name` (two containers called `web`): the restore log addresses
    /// containers by name (FuzzRegressionInjectorTests.containersWithOneName).
    static func hasItemsWithOneName(_ stream: YAMLStream) -> Bool {
        for document in stream.documents {
            var stack = [document.root]
            var visited = 0
            while let node = stack.popLast(), visited < 100_000 {
                visited += 1
                if let items = node.items {
                    let names = items.compactMap { document.resolve($0)["name"]?.scalar?.value }
                    if Set(names).count != names.count { return true }
                    stack.append(contentsOf: items)
                } else if let pairs = node.pairs {
                    stack.append(contentsOf: pairs.map(\.value))
                }
            }
        }
        return false
    }
}
