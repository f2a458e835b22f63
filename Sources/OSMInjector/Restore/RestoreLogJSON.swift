/// The restore log's JSON written directly: byte for byte what `JSONEncoder` writes for it with `.sortedKeys` and
/// `.withoutEscapingSlashes` (every bootstrap Secret carries a log, and the encoder cost more than the rest of a
/// Secret). Keys in sorted order, absent optionals left out, strings escaped as Foundation escapes them.
enum RestoreLogJSON {
    /// The log as compact JSON.
    static func encode(_ log: RestoreLog) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(64 + log.entries.count * 160)
        out.append(UInt8(ascii: "{"))
        if let added = log.addedFinalLineBreak {
            append(key: "addedFinalLineBreak", to: &out)
            out.append(contentsOf: (added ? "true" : "false").utf8)
            out.append(UInt8(ascii: ","))
        }
        if let adjustments = log.adjustments {
            append(key: "adjustments", to: &out)
            appendArray(adjustments, to: &out) { adjustment, out in
                append(key: "adjusted", to: &out)
                append(string: adjustment.adjusted, to: &out)
                out.append(UInt8(ascii: ","))
                append(key: "offset", to: &out)
                out.append(contentsOf: String(adjustment.offset).utf8)
                out.append(UInt8(ascii: ","))
                append(key: "original", to: &out)
                append(string: adjustment.original, to: &out)
            }
            out.append(UInt8(ascii: ","))
        }
        append(key: "entries", to: &out)
        appendArray(log.entries, to: &out) { entry, out in
            for (key, value) in [("item", entry.item), ("key", entry.key), ("original", entry.original)] {
                guard let value else { continue }
                append(key: key, to: &out)
                append(string: value, to: &out)
                out.append(UInt8(ascii: ","))
            }
            append(key: "path", to: &out)
            append(string: entry.path, to: &out)
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    /// `[` the objects written by `body`, separated by commas `]`.
    private static func appendArray<Element>(
        _ elements: [Element], to out: inout [UInt8],
        _ body: (Element, inout [UInt8]) -> Void
    ) {
        out.append(UInt8(ascii: "["))
        for (index, element) in elements.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "{"))
            body(element, &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
    }

    private static func append(key: String, to out: inout [UInt8]) {
        append(string: key, to: &out)
        out.append(UInt8(ascii: ":"))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A JSON string: `"` and `\` escaped, the controls that have a short escape so, the others as `\u00xx`;
    /// `/` and everything else (non-ASCII included) as it is.
    private static func append(string: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): escape(byte, to: &out)
            case 0x08: escape(UInt8(ascii: "b"), to: &out)
            case 0x09: escape(UInt8(ascii: "t"), to: &out)
            case 0x0A: escape(UInt8(ascii: "n"), to: &out)
            case 0x0C: escape(UInt8(ascii: "f"), to: &out)
            case 0x0D: escape(UInt8(ascii: "r"), to: &out)
            case 0..<0x20:
                escape(UInt8(ascii: "u"), to: &out)
                out.append(UInt8(ascii: "0"))
                out.append(UInt8(ascii: "0"))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func escape(_ byte: UInt8, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        out.append(byte)
    }
}
