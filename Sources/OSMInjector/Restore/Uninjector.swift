import LosslessYAML

/// Undoes one injection exactly, from its restore log. Parts the user removed since stay removed.
enum Uninjector {
    /// Applies the inverse of every logged edit to `editor`'s document; `root` is the object the paths start at.
    static func undo(_ log: RestoreLog, root: ObjectView, editor: inout DocumentEditor) throws(InjectionError) {
        for entry in log.entries {
            // What the injection added and the user has removed since is already undone.
            guard let target = try root.descend(entry.path) else { continue }
            do throws(EditError) {
                if let item = entry.item {
                    let items = target.node.items ?? []
                    guard
                        let index = items.lastIndex(where: { root.document.resolve($0)["name"]?.scalar?.value == item })
                    else {
                        continue
                    }
                    try editor.removeItem(at: index, from: target.node)
                } else if let key = entry.key {
                    guard target.node.pair(key) != nil else { continue }
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
