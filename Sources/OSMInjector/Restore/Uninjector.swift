import LosslessYAML

/// Undoes one injection exactly, from its restore log.
enum Uninjector {
    /// Applies the inverse of every logged edit to `editor`'s document; `root` is the object the paths start at.
    static func undo(_ log: RestoreLog, root: ObjectView, editor: inout DocumentEditor) throws(InjectionError) {
        for entry in log.entries {
            guard let target = root.descend(entry.path) else {
                throw InjectionError("cannot uninject: \(entry.path.isEmpty ? "the object" : entry.path) is gone (was the injected part edited by hand?)",
                                     at: root.node.range.start)
            }
            do throws(EditError) {
                if let item = entry.item {
                    let items = target.node.items ?? []
                    guard let index = items.lastIndex(where: { root.document.resolve($0)["name"]?.scalar?.value == item }) else {
                        throw EditError("\(target.path) has no item named \"\(item)\"", at: target.node.range.start)
                    }
                    try editor.removeItem(at: index, from: target.node)
                } else if let key = entry.key {
                    if let original = entry.original {
                        try editor.replacePairRegion(key, in: target.node, with: original)
                    } else {
                        try editor.removePair(key, from: target.node)
                    }
                }
            } catch {
                throw InjectionError("cannot uninject: \(error.message)", at: error.mark)
            }
        }
    }
}
