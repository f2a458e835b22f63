import LosslessYAML

/// A `DocumentEditor` that logs the inverse of every edit it makes, for an exact `uninject`.
struct RecordingEditor {
    var editor: DocumentEditor
    private(set) var log = RestoreLog()
    /// The last view edited and its stable path: edits come in runs on one mapping (labels, a probe's httpGet).
    private var lastStable: (view: ObjectView, path: String)?

    init(_ editor: DocumentEditor) {
        self.editor = editor
    }

    /// Sets `key` in the mapping `view`, remembering the entry's text before.
    mutating func set(_ key: String, to value: YAMLValue, in view: ObjectView) throws(InjectionError) {
        let original = editor.pairRegion(key, in: view.node).map { editor.text($0) }
        try run { (e) throws(EditError) in try e.set(key, to: value, in: view.node) }
        log.entries.append(.init(path: stable(view), key: key, original: original))
    }

    /// Replaces the entry `key` of `view` with `newKey: value`, remembering the entry's text before.
    mutating func replacePair(
        _ key: String, in view: ObjectView, withKey newKey: String,
        value: YAMLValue
    ) throws(InjectionError) {
        let original = editor.pairRegion(key, in: view.node).map { editor.text($0) }
        try run { (e) throws(EditError) in try e.replacePair(key, in: view.node, withKey: newKey, value: value) }
        log.entries.append(.init(path: stable(view), key: newKey, original: original))
    }

    /// Appends an item (a mapping with a `name`) to the sequence `view`.
    mutating func append(_ value: YAMLValue, to view: ObjectView) throws(InjectionError) {
        try run { (e) throws(EditError) in try e.append(value, to: view.node) }
        if case .string(let name)? = value["name"] { log.entries.append(.init(path: stable(view), item: name)) }
    }

    /// The view's path with named items addressed by name (containers may be added or moved between runs).
    private mutating func stable(_ view: ObjectView) -> String {
        if let lastStable, lastStable.view.isSameView(as: view) { return lastStable.path }
        let path = view.stablePath()
        lastStable = (view, path)
        return path
    }

    private mutating func run(_ body: (inout DocumentEditor) throws(EditError) -> Void) throws(InjectionError) {
        do {
            try body(&editor)
        } catch {
            throw InjectionError("cannot edit here: \(error.message)", at: error.mark)
        }
    }
}
