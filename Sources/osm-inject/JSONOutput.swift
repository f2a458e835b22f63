import LosslessYAML

/// Converts an output stream to the requested format: one JSON document stays as it is, several become a
/// `kind: List`; YAML asked of JSON input is emitted through libyaml.
enum JSONOutput {
    static func convert(_ bytes: [UInt8], to format: OutputFormat, file: InputFile) throws(CLIError) -> [UInt8] {
        let stream: YAMLStream
        do { stream = try Parser().parse(bytes) } catch {
            throw CLIError("\(file.name): internal: output does not parse: \(error)")
        }
        let values: [YAMLValue]
        do {
            values = try stream.documents.filter { !$0.root.isNull }.map { (d) throws(YAMLError) -> YAMLValue in
                try ValueConverter(document: d).value(of: d.root)
            }
        } catch {
            throw CLIError("\(file.name): \(error)")
        }
        switch format {
        case .json:
            if stream.documents.count == 1, stream.documents[0].root.collectionStyle == .flow { return bytes }
            let value =
                values.count == 1
                ? values[0]
                : .map([("apiVersion", .string("v1")), ("kind", .string("List")), ("items", .sequence(values))])
            return Array((FlowRenderer(json: true, indentStep: 4).render(value) + "\n").utf8)
        case .yaml:
            do { return try Emitter().emit(documents: values) } catch { throw CLIError("\(file.name): \(error)") }
        }
    }
}
