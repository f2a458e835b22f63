internal import CYAML
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One libyaml event, typed: what the tree builder reads of it, with libyaml's C union read only here. The
/// payloads read the reader's event in place (building nodes is the hottest loop of the program, and most of
/// the skipped events' texts are never looked at): they are valid until the reader's next event.
enum ParseEvent {
    case streamStart
    case streamEnd(end: EventMark)
    case documentStart(explicit: Bool)
    /// `explicit`: the document ends with `...`.
    case documentEnd(end: EventMark, explicit: Bool)
    case alias(AliasEvent)
    case scalar(ScalarEvent)
    case collectionStart(CollectionStartEvent)
    case collectionEnd(isMapping: Bool, end: EventMark)
    /// libyaml's empty event, which a parser that works never gives.
    case none

    /// The event libyaml wrote at `event`.
    @inline(__always)
    init(_ event: UnsafePointer<yaml_event_t>) {
        switch event.pointee.type {
        case YAML_STREAM_START_EVENT:
            self = .streamStart
        case YAML_STREAM_END_EVENT:
            self = .streamEnd(end: EventMark(event.pointee.end_mark))
        case YAML_DOCUMENT_START_EVENT:
            self = .documentStart(explicit: event.pointee.data.document_start.implicit == 0)
        case YAML_DOCUMENT_END_EVENT:
            self = .documentEnd(
                end: EventMark(event.pointee.end_mark),
                explicit: event.pointee.data.document_end.implicit == 0)
        case YAML_ALIAS_EVENT:
            self = .alias(AliasEvent(event: event))
        case YAML_SCALAR_EVENT:
            self = .scalar(ScalarEvent(event: event))
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            self = .collectionStart(CollectionStartEvent(event: event))
        case YAML_SEQUENCE_END_EVENT:
            self = .collectionEnd(isMapping: false, end: EventMark(event.pointee.end_mark))
        case YAML_MAPPING_END_EVENT:
            self = .collectionEnd(isMapping: true, end: EventMark(event.pointee.end_mark))
        default:
            self = .none
        }
    }
}

/// A position as libyaml counts it: the character index, and the line and column from 0.
struct EventMark {
    var index: Int
    var line: Int
    var column: Int

    @inline(__always)
    init(_ mark: yaml_mark_t) {
        index = mark.index
        line = mark.line
        column = mark.column
    }
}

/// Bytes of an event (a scalar's value, an anchor, a tag), borrowed from libyaml.
struct EventText {
    let bytes: UnsafeBufferPointer<UInt8>

    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// A NUL-terminated text of libyaml's, nil when absent.
    @inline(__always)
    init?(_ text: UnsafeMutablePointer<yaml_char_t>?) {
        guard let text else { return nil }
        bytes = UnsafeBufferPointer(
            start: text, count: strlen(UnsafeRawPointer(text).assumingMemoryBound(to: CChar.self)))
    }

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }
}

/// An alias: the anchor it names, and its extent.
struct AliasEvent {
    fileprivate let event: UnsafePointer<yaml_event_t>

    /// The anchor's name ("" should libyaml give none).
    var anchor: String { EventText(event.pointee.data.alias.anchor)?.string ?? "" }
    var start: EventMark { EventMark(event.pointee.start_mark) }
    var end: EventMark { EventMark(event.pointee.end_mark) }
}

/// A scalar: its value, properties, style and extent.
struct ScalarEvent {
    fileprivate let event: UnsafePointer<yaml_event_t>

    var value: EventText {
        let scalar = event.pointee.data.scalar
        return EventText(bytes: UnsafeBufferPointer(start: scalar.value, count: scalar.length))
    }
    var tag: EventText? { EventText(event.pointee.data.scalar.tag) }
    var anchor: EventText? { EventText(event.pointee.data.scalar.anchor) }
    var start: EventMark { EventMark(event.pointee.start_mark) }
    var end: EventMark { EventMark(event.pointee.end_mark) }

    var style: ScalarStyle {
        switch event.pointee.data.scalar.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }
}

/// The start of a mapping or a sequence: its properties, style and where it starts (the two C events differ
/// only in their union member).
struct CollectionStartEvent {
    fileprivate let event: UnsafePointer<yaml_event_t>

    var isMapping: Bool { event.pointee.type == YAML_MAPPING_START_EVENT }
    var start: EventMark { EventMark(event.pointee.start_mark) }

    var tag: EventText? {
        EventText(isMapping ? event.pointee.data.mapping_start.tag : event.pointee.data.sequence_start.tag)
    }

    var anchor: EventText? {
        EventText(isMapping ? event.pointee.data.mapping_start.anchor : event.pointee.data.sequence_start.anchor)
    }

    var style: CollectionStyle {
        let flow =
            isMapping
            ? event.pointee.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
            : event.pointee.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
        return flow ? .flow : .block
    }
}
