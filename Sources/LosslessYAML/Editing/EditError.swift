/// An edit that cannot be made on the document as written.
public struct EditError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var mark: Mark?

    public init(_ message: String, at mark: Mark? = nil) {
        self.message = message
        self.mark = mark
    }

    public var description: String { mark.map { "\($0): \(message)" } ?? message }
}
