import LosslessYAML

/// Writes `MetadataChanges` into an object's `metadata` with byte-preserving edits, one step at a time: first
/// all the keys to set (a new key goes at the end of its map; a missing map, or `metadata`, is created), then
/// one removal per step (a map that would lose all its keys goes as a whole). Steps are needed because
/// removals of neighbouring entries of one flow mapping cannot be spliced together; the caller re-reads the
/// document between steps, and a key whose value already is the one asked for is never touched.
struct MetadataEditing {
    /// The node that holds `metadata` (a Namespace object, a pod template), as the document now stands.
    let owner: ObjectView
    let source: Int

    /// Adds the next step towards `changes` to `editor`; false when the metadata already reflects them.
    func applyNextStep(_ changes: MetadataChanges, to editor: inout DocumentEditor) throws(EnrolmentError) -> Bool {
        let metadata = try read { () throws(InjectionError) in try owner.mapping("metadata") }
        let labels = try read { () throws(InjectionError) in try metadata?.stringMap("labels") } ?? [:]
        let annotations = try read { () throws(InjectionError) in try metadata?.stringMap("annotations") } ?? [:]
        var pending = MetadataChanges()
        for change in changes.changes {
            let current = change.field == .labels ? labels[change.key] : annotations[change.key]
            if current != change.value { pending.set(change.field, change.key, to: change.value) }
        }
        guard !pending.isEmpty else { return false }
        let sets = pending.newMetadataEntries()
        guard let metadata else {
            let value = YAMLValue.map(sets.map { ($0.0, .map($0.1.map { ($0.0, .string($0.1)) })) })
            try edit(&editor) { (e) throws(EditError) in try e.set("metadata", to: value, in: owner.node) }
            return true
        }
        if !sets.isEmpty {
            for (field, entries) in sets { try set(entries, field: field, in: metadata, editor: &editor) }
            return true
        }
        guard let removal = pending.changes.first,
            let map = try read({ () throws(InjectionError) in try metadata.mapping(removal.field.rawValue) })
        else {
            return false
        }
        let removedKeys = Set(pending.changes(to: removal.field).map(\.key))
        let emptiesMap = (map.node.pairs ?? []).allSatisfy { removedKeys.contains($0.key.scalar?.value ?? "") }
        try edit(&editor) { (e) throws(EditError) in
            if emptiesMap {
                try e.removePair(removal.field.rawValue, from: metadata.node)
            } else {
                try e.removePair(removal.key, from: map.node)
            }
        }
        return true
    }

    /// Sets `entries` in the map `field` of `metadata`, creating the map when it is missing, null or empty.
    private func set(
        _ entries: [(String, String)], field: String, in metadata: ObjectView,
        editor: inout DocumentEditor
    ) throws(EnrolmentError) {
        let map = try read { () throws(InjectionError) in try metadata.mapping(field) }
        try edit(&editor) { (e) throws(EditError) in
            if let map, !(map.node.pairs ?? []).isEmpty || map.node.collectionStyle == .flow {
                for (key, value) in entries { try e.set(key, to: .string(value), in: map.node) }
            } else {
                try e.set(field, to: .map(entries.map { ($0.0, .string($0.1)) }), in: metadata.node)
            }
        }
    }

    private func read<T>(_ body: () throws(InjectionError) -> T) throws(EnrolmentError) -> T {
        do {
            return try body()
        } catch {
            throw EnrolmentError(error.message, at: location(error.mark))
        }
    }

    private func edit(
        _ editor: inout DocumentEditor,
        _ body: (inout DocumentEditor) throws(EditError) -> Void
    ) throws(EnrolmentError) {
        do {
            try body(&editor)
        } catch {
            throw EnrolmentError("cannot edit here: \(error.message)", at: location(error.mark))
        }
    }

    private func location(_ mark: Mark?) -> EnrolmentLocation {
        EnrolmentLocation(source: source, mark: mark ?? owner.node.range.start)
    }
}
