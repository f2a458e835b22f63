import LosslessYAML

/// One parsed file an enrolment command reads and may rewrite: its name for messages and its stream.
public struct EnrolmentSource: Sendable {
    /// The path as given on the command line.
    public var name: String
    public var stream: YAMLStream

    public init(name: String, stream: YAMLStream) {
        self.name = name
        self.stream = stream
    }
}
