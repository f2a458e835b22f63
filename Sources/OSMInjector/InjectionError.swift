import LosslessYAML

/// An error that stops the injection of one workload (or the whole run), with the position it concerns.
public struct InjectionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One sentence, without position.
    public var message: String
    /// Where in the source the problem is, when known.
    public var mark: Mark?
    /// The problem is in the document's text (a duplicate key), not in what one object means: reports give the
    /// message alone, without the object it was found in.
    public var isAboutTheText = false

    public init(_ message: String, at mark: Mark? = nil) {
        self.message = message
        self.mark = mark
    }

    public var description: String { mark.map { "\($0): \(message)" } ?? message }
}
