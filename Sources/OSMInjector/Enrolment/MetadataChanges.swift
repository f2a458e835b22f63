/// Label and annotation changes to one object's metadata, in the order asked for: what a strategic-merge
/// patch of `metadata.labels` / `metadata.annotations` does (a value sets the key, nil removes it).
struct MetadataChanges: Sendable, Equatable {
    /// The two string maps of `metadata` the commands change.
    enum Field: String, Sendable, CaseIterable {
        case labels, annotations
    }

    /// One key to set (a value) or remove (nil).
    struct Change: Sendable, Equatable {
        var field: Field
        var key: String
        var value: String?
    }

    /// The changes, each key once: a later change of a key replaces the earlier one in its place.
    private(set) var changes: [Change] = []

    var isEmpty: Bool { changes.isEmpty }

    mutating func set(_ field: Field, _ key: String, to value: String?) {
        if let index = changes.firstIndex(where: { $0.field == field && $0.key == key }) {
            changes[index].value = value
        } else {
            changes.append(Change(field: field, key: key, value: value))
        }
    }

    mutating func merge(_ other: MetadataChanges) {
        for change in other.changes { set(change.field, change.key, to: change.value) }
    }

    /// The changes to `field`, in order.
    func changes(to field: Field) -> [Change] {
        changes.filter { $0.field == field }
    }

    /// Applies the changes to maps of labels and annotations.
    func apply(labels: inout [String: String], annotations: inout [String: String]) {
        for change in changes {
            switch change.field {
            case .labels: labels[change.key] = change.value
            case .annotations: annotations[change.key] = change.value
            }
        }
    }

    /// The entries set, as new YAML content (a `labels` and/or `annotations` mapping) in order.
    func newMetadataEntries() -> [(String, [(String, String)])] {
        Field.allCases.compactMap { field in
            let entries = changes(to: field).compactMap { change in change.value.map { (change.key, $0) } }
            return entries.isEmpty ? nil : (field.rawValue, entries)
        }
    }
}
