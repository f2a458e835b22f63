import LosslessYAML

/// An error that stops an enrolment command: OSM's message, and the place in a source it concerns when there is one.
public struct EnrolmentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The message, OSM's wording where OSM has one.
    public var message: String
    /// The source and position the error points at, when it points at one.
    public var location: EnrolmentLocation?

    public init(_ message: String, at location: EnrolmentLocation? = nil) {
        self.message = message
        self.location = location
    }

    public var description: String { location.map { "\($0.mark): \(message)" } ?? message }
}

/// A position in one of the sources of an enrolment session.
public struct EnrolmentLocation: Sendable, Equatable {
    /// The index of the source in the session's `sources`.
    public var source: Int
    public var mark: Mark

    public init(source: Int, mark: Mark) {
        self.source = source
        self.mark = mark
    }
}
