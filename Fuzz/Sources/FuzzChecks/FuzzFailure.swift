import LosslessYAML

/// A broken invariant: what a fuzzer reports as a crash.
public struct FuzzFailure: Error, Sendable, CustomStringConvertible {
    /// Which invariant broke and how, in one or a few lines.
    public var message: String
    /// The document before and after, when the failure concerns one (for `fuzz-replay --dump`).
    public var before: [UInt8]?
    public var after: [UInt8]?

    /// A failure saying `message`, with the bytes before and after when they help.
    public init(_ message: String, before: [UInt8]? = nil, after: [UInt8]? = nil) {
        self.message = message
        self.before = before
        self.after = after
    }

    /// The message.
    public var description: String { message }
}

/// Shortens bytes for a failure message: the text, cut at `limit` characters, with line breaks shown as `⏎`.
func excerpt<C: Collection>(_ bytes: C, limit: Int = 300) -> String where C.Element == UInt8 {
    let text = String(decoding: bytes.prefix(limit), as: UTF8.self)
    return text.replacingOccurrences(of: "\n", with: "⏎") + (bytes.count > limit ? "…" : "")
}

/// The first byte offset where two byte sequences differ, with a little context of each, for messages.
func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> String {
    var index = 0
    while index < a.count, index < b.count, a[index] == b[index] { index += 1 }
    let from = max(0, index - 40)
    return
        "at byte \(index): \"\(excerpt(a[from..<min(a.count, index + 60)]))\" vs \"\(excerpt(b[from..<min(b.count, index + 60)]))\""
}

/// Where two values first differ, as a path and the two sides, for messages.
func valueDifference(_ a: YAMLValue, _ b: YAMLValue, path: String = "$") -> String? {
    switch (a, b) {
    case (.mapping(let x), .mapping(let y)):
        for index in 0..<max(x.count, y.count) {
            guard index < x.count, index < y.count else {
                return
                    "\(path): \(x.count) entries vs \(y.count) (\(index < x.count ? x[index].key : y[index].key) extra)"
            }
            if x[index].key != y[index].key {
                return "\(path)[\(index)]: key \(x[index].key.debugDescription) vs \(y[index].key.debugDescription)"
            }
            if let d = valueDifference(x[index].value, y[index].value, path: "\(path).\(x[index].key)") { return d }
        }
        return nil
    case (.sequence(let x), .sequence(let y)):
        for index in 0..<max(x.count, y.count) {
            guard index < x.count, index < y.count else { return "\(path): \(x.count) items vs \(y.count)" }
            if let d = valueDifference(x[index], y[index], path: "\(path)[\(index)]") { return d }
        }
        return nil
    default:
        return a == b ? nil : "\(path): \(String(describing: a).prefix(200)) vs \(String(describing: b).prefix(200))"
    }
}
