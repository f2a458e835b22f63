import LosslessYAML

/// The text of a `Namespace` object this tool adds, written by the `Emitter`.
enum NewNamespaceDocument {
    /// `apiVersion`, `kind` and `metadata` with the name and the labels and annotations `changes` set,
    /// with `lineBreak` ending each line.
    static func text(name: String, changes: MetadataChanges, lineBreak: String) throws(EnrolmentError) -> [UInt8] {
        var metadata: [(String, YAMLValue)] = [("name", .string(name))]
        for (field, entries) in changes.newMetadataEntries() {
            metadata.append((field, .map(entries.map { ($0.0, .string($0.1)) })))
        }
        let object = YAMLValue.map([
            ("apiVersion", .string("v1")), ("kind", .string("Namespace")),
            ("metadata", .map(metadata)),
        ])
        let bytes: [UInt8]
        do {
            bytes = try Emitter().emit(object)
        } catch {
            throw EnrolmentError("cannot write the Namespace [\(name)]: \(error)")
        }
        guard lineBreak != "\n" else { return bytes }
        var converted: [UInt8] = []
        converted.reserveCapacity(bytes.count + bytes.count / 16)
        for byte in bytes {
            if byte == 0x0A { converted.append(contentsOf: Array(lineBreak.utf8)) } else { converted.append(byte) }
        }
        return converted
    }
}
