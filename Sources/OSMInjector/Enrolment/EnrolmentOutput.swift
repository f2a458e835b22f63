import LosslessYAML

extension EnrolmentSession {
    /// The new bytes of every source the command changes, in source order; nothing else is touched.
    public func changedFiles() throws(EnrolmentError) -> [(source: Int, bytes: [UInt8])] {
        var files: [(source: Int, bytes: [UInt8])] = []
        for index in sources.indices {
            let bytes = try output(of: index)
            if bytes != sources[index].stream.source { files.append((index, bytes)) }
        }
        return files
    }

    /// One object whose metadata changes: the object, the path to the node holding `metadata`, the changes.
    private struct Target {
        let object: SourceObject
        let templatePath: [String]
        let changes: MetadataChanges
    }

    /// The bytes of one source with the changes of its declarations and pods applied and new Namespaces appended.
    private func output(of index: Int) throws(EnrolmentError) -> [UInt8] {
        var targets: [Target] = []
        for declaration in declarations where declaration.object.source == index {
            guard let changes = namespaceChanges[declaration.info.name] else { continue }
            targets.append(Target(object: declaration.object, templatePath: [], changes: changes))
        }
        for (podIndex, pod) in injectedPodTemplates.enumerated() where pod.object.source == index {
            guard let changes = podChanges[podIndex] else { continue }
            targets.append(Target(object: pod.object, templatePath: pod.templatePath, changes: changes))
        }
        var stream = sources[index].stream
        var passes = 0
        while !targets.isEmpty, let edited = try nextStep(targets, in: stream, source: index) {
            passes += 1
            guard passes <= Self.maximumPasses else {
                throw EnrolmentError("cannot edit \(sources[index].name): the changes do not settle")
            }
            do {
                stream = try Parser().parse(edited)
            } catch {
                throw EnrolmentError(
                    "cannot edit \(sources[index].name): the edited text does not parse: \(error.message)")
            }
        }
        let created = index == newNamespaceSource ? createdNamespaces : []
        guard !created.isEmpty else { return stream.source }
        let lineBreak = Self.lineBreak(of: stream)
        var writer = StreamWriter(lineBreak: lineBreak, capacity: stream.source.count + 256 * created.count)
        writer.write(stream.source)
        for name in created {
            writer.writeNewDocument(
                try NewNamespaceDocument.text(
                    name: name, changes: namespaceChanges[name] ?? MetadataChanges(), lineBreak: lineBreak))
        }
        return writer.bytes
    }

    /// Enough for every change of every command: one pass for the sets and one per removal.
    private static let maximumPasses = 32

    /// The source's bytes after one step of every target (see `MetadataEditing`), nil when none has a step left.
    private func nextStep(_ targets: [Target], in stream: YAMLStream, source: Int) throws(EnrolmentError) -> [UInt8]? {
        var editors: [Int: DocumentEditor] = [:]
        for target in targets {
            let document = target.object.document
            guard let object = target.object.view(in: stream),
                let owner = try? InjectedPodTemplate.template(of: object, path: target.templatePath)
            else {
                throw EnrolmentError("cannot find the object again after editing", at: target.object.location)
            }
            var editor =
                editors[document] ?? DocumentEditor(source: stream.source, document: stream.documents[document])
            if try MetadataEditing(owner: owner, source: source).applyNextStep(target.changes, to: &editor) {
                editors[document] = editor
            }
        }
        guard !editors.isEmpty else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(stream.source.count + 512)
        if stream.documents.isEmpty { bytes = stream.source }
        for (documentIndex, document) in stream.documents.enumerated() {
            guard let editor = editors[documentIndex] else {
                bytes.append(contentsOf: stream.bytes(of: document))
                continue
            }
            do {
                bytes.append(contentsOf: try editor.output())
            } catch {
                throw EnrolmentError(
                    "cannot edit here: \(error.message)",
                    at: EnrolmentLocation(source: source, mark: error.mark ?? document.root.range.start))
            }
        }
        return bytes
    }

    /// The line break a source uses: CRLF when its first line ends with one, else LF.
    static func lineBreak(of stream: YAMLStream) -> String {
        guard let lf = stream.source.firstIndex(of: 0x0A), lf > 0, stream.source[lf - 1] == 0x0D else { return "\n" }
        return "\r\n"
    }
}
