/// How a scalar policy asks libyaml to write a string.
extension Emitter.ScalarPolicy {
    /// The style requested for `text`; libyaml's own analysis may still pick a safer quoting.
    func requestedStyle(for text: String) -> RequestedScalarStyle {
        // Literal for any "\n" (under `.safe` when libyaml can represent it, otherwise it falls back to double
        // quotes itself; yaml.v2's encoder.stringv asks for literal whenever).
        text.utf8.contains(0x0A) ? .literal : requestedStyle(forLine: text)
    }

    /// The style requested for `text` known to hold no line feed.
    func requestedStyle(forLine text: String) -> RequestedScalarStyle {
        switch self {
        case .safe:
            return Quoting.needsQuotes(text) ? .doubleQuoted : .plain
        case .goYAMLv2:
            // encoder.stringv of yaml.v2 v2.4.0: plain when it resolves to a string and is no base-60 float,
            // double quotes otherwise. Strings the emitter cannot write plain (`@type`, `*`, `%START_TIME%`) come
            // out single-quoted, as in yaml.v2.
            return GoYAMLv2Resolver.marshalsPlain(text) ? .plain : .doubleQuoted
        }
    }
}
