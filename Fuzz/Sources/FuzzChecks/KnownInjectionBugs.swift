import LosslessYAML
import OSMInjector

/// Inputs that hit an injection bug already reported (each with a disabled regression test); the inject fuzzer
/// leaves them aside so that it keeps looking for new ones. Remove an entry when its bug is fixed.
enum KnownInjectionBugs {
    /// A block sequence with an anchor or a tag (`containers: &c`), which an append indents wrongly
    /// (FuzzRegressionInjectorTests.anchoredContainerList).
    static func hasDecoratedBlockSequence(_ document: Document) -> Bool {
        var stack = [document.root]
        var visited = 0
        while let node = stack.popLast(), visited < 100_000 {
            visited += 1
            if let items = node.items {
                if node.collectionStyle == .block, node.anchor != nil || node.tag != nil { return true }
                stack.append(contentsOf: items)
            } else if let pairs = node.pairs {
                stack.append(contentsOf: pairs.map(\.value))
            }
        }
        return false
    }
}
