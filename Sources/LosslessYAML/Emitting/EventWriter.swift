internal import CYAML

/// The styles the emitter asks libyaml for (libyaml may still fall back to a safer one).
enum RequestedScalarStyle {
    case plain, singleQuoted, doubleQuoted, literal
}

/// One libyaml emitter writing into memory; owns the C emitter and releases it in `deinit`.
final class EventWriter {
    /// Collects what libyaml's write handler hands over.
    private final class Sink {
        var bytes: [UInt8] = []
    }

    private let emitter: UnsafeMutablePointer<yaml_emitter_t>
    private let event: UnsafeMutablePointer<yaml_event_t>
    private let sink = Sink()

    /// A block-style, 2-space, unicode, LF emitter wrapping lines at `width` (-1 for never).
    init(width: Int32) throws(EmitterError) {
        emitter = .allocate(capacity: 1)
        event = .allocate(capacity: 1)
        guard yaml_emitter_initialize(emitter) == 1 else {
            emitter.deallocate()
            event.deallocate()
            throw EmitterError(.memory, "libyaml could not create an emitter")
        }
        yaml_emitter_set_output(
            emitter,
            { data, buffer, size in
                guard let data, let buffer else { return 0 }
                let sink = Unmanaged<Sink>.fromOpaque(data).takeUnretainedValue()
                sink.bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
                return 1
            }, Unmanaged.passUnretained(sink).toOpaque())
        yaml_emitter_set_encoding(emitter, YAML_UTF8_ENCODING)
        yaml_emitter_set_indent(emitter, 2)
        yaml_emitter_set_width(emitter, width)
        yaml_emitter_set_unicode(emitter, 1)
        yaml_emitter_set_break(emitter, YAML_LN_BREAK)
    }

    deinit {
        yaml_emitter_delete(emitter)
        emitter.deallocate()
        event.deallocate()
    }

    /// Everything written so far.
    var bytes: [UInt8] { sink.bytes }

    func streamStart() throws(EmitterError) {
        try emit(yaml_stream_start_event_initialize(event, YAML_UTF8_ENCODING))
    }

    /// Ends the stream like yaml.v2's `encoder.finish`: without a trailing `...` after a keep-chomped block scalar.
    func streamEnd() throws(EmitterError) {
        emitter.pointee.open_ended = 0
        try emit(yaml_stream_end_event_initialize(event))
    }

    func documentStart(implicit: Bool) throws(EmitterError) {
        try emit(yaml_document_start_event_initialize(event, nil, nil, nil, implicit ? 1 : 0))
    }

    func documentEnd() throws(EmitterError) {
        try emit(yaml_document_end_event_initialize(event, 1))
    }

    func mappingStart() throws(EmitterError) {
        try emit(yaml_mapping_start_event_initialize(event, nil, nil, 1, YAML_BLOCK_MAPPING_STYLE))
    }

    func mappingEnd() throws(EmitterError) {
        try emit(yaml_mapping_end_event_initialize(event))
    }

    func sequenceStart() throws(EmitterError) {
        try emit(yaml_sequence_start_event_initialize(event, nil, nil, 1, YAML_BLOCK_SEQUENCE_STYLE))
    }

    func sequenceEnd() throws(EmitterError) {
        try emit(yaml_sequence_end_event_initialize(event))
    }

    /// An untagged scalar in the requested style.
    func scalar(_ text: String, style: RequestedScalarStyle) throws(EmitterError) {
        let utf8 = Array(text.utf8)
        guard let length = Int32(exactly: utf8.count) else {
            throw EmitterError(.scalarTooLong, "a scalar of \(utf8.count) bytes is too long to write")
        }
        let cStyle: yaml_scalar_style_t
        switch style {
        case .plain: cStyle = YAML_PLAIN_SCALAR_STYLE
        case .singleQuoted: cStyle = YAML_SINGLE_QUOTED_SCALAR_STYLE
        case .doubleQuoted: cStyle = YAML_DOUBLE_QUOTED_SCALAR_STYLE
        case .literal: cStyle = YAML_LITERAL_SCALAR_STYLE
        }
        // libyaml copies the value; an empty value still needs a valid pointer.
        let storage = utf8.isEmpty ? [0] : utf8
        let status = storage.withUnsafeBufferPointer { buffer in
            yaml_scalar_event_initialize(event, nil, nil, buffer.baseAddress, length, 1, 1, cStyle)
        }
        try emit(status)
    }

    /// Hands the initialised event to libyaml, which takes ownership of it.
    private func emit(_ initialised: Int32) throws(EmitterError) {
        guard initialised == 1 else {
            throw EmitterError(.memory, "libyaml could not create an event")
        }
        guard yaml_emitter_emit(emitter, event) == 1 else {
            let e = emitter.pointee
            if e.error == YAML_MEMORY_ERROR {
                throw EmitterError(.memory, "libyaml ran out of memory while writing")
            }
            let problem = e.problem.map { String(cString: $0) } ?? "unknown problem"
            throw EmitterError(.libyaml, "libyaml could not write the document: \(problem)")
        }
    }
}
