import LosslessYAML

/// An error that stops the injection of one workload (or the whole run), with the position it concerns.
public struct InjectionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One sentence, without position.
    public var message: String
    /// Where in the source the problem is, when known.
    public var mark: Mark?

    public init(_ message: String, at mark: Mark? = nil) {
        self.message = message
        self.mark = mark
    }

    public var description: String { mark.map { "\($0): \(message)" } ?? message }
}
