internal import CYAML

/// One libyaml parser over an input buffer, handing out its events typed; owns the C parser and the event it
/// reads into, and releases both in `deinit`.
final class EventReader {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let event: UnsafeMutablePointer<yaml_event_t>
    private var holdsEvent = false

    /// Starts reading `count` bytes at `base`, which must stay valid while the reader is used.
    init(base: UnsafePointer<UInt8>, count: Int) {
        parser = .allocate(capacity: 1)
        event = .allocate(capacity: 1)
        yaml_parser_initialize(parser)
        yaml_parser_set_input_string(parser, base, count)
    }

    deinit {
        if holdsEvent { yaml_event_delete(event) }
        yaml_parser_delete(parser)
        parser.deallocate()
        event.deallocate()
    }

    /// The next event; its texts are valid until the following call. Throws libyaml's own problem with its
    /// position. Inlined, so that the builder's switch reads the C event directly.
    @inline(__always)
    func next() throws(RawParseError) -> ParseEvent {
        if holdsEvent {
            yaml_event_delete(event)
            holdsEvent = false
        }
        guard yaml_parser_parse(parser, event) == 1 else { throw problem() }
        holdsEvent = true
        return ParseEvent(UnsafePointer(event))
    }

    /// libyaml's problem, after a failed parse.
    private func problem() -> RawParseError {
        let p = parser.pointee
        var message = p.problem.map { String(cString: $0) } ?? "invalid YAML"
        if let context = p.context.map({ String(cString: $0) }) {
            message = "\(context), \(message)"
        }
        // Reader errors (bad bytes) carry a byte offset instead of a mark.
        let byteOffset: Int? = p.error == YAML_READER_ERROR ? Int(p.problem_offset) : nil
        return RawParseError(
            message: message, index: p.problem_mark.index,
            line: p.problem_mark.line, column: p.problem_mark.column, byteOffset: byteOffset)
    }
}

/// libyaml's error before its character index is turned into a byte offset.
struct RawParseError: Error {
    var message: String
    var index: Int
    var line: Int
    var column: Int
    /// For errors of libyaml's reader: the offending byte.
    var byteOffset: Int?
}
