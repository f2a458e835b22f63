// PLACEHOLDER written by the lead engineer so the package builds; the emitter/quoting helper owns this file
// and replaces it entirely with the real implementation (same API: needsQuotes, doubleQuoted).

/// Decides when a string must be quoted.
public enum Quoting {
    /// True when some YAML reader could read `s` as something other than that string.
    public static func needsQuotes(_ s: String) -> Bool {
        if s.isEmpty || ScalarResolver.resolve(s) != .string { return true }
        if s.first == " " || s.last == " " || s.contains(": ") || s.contains(" #") || s.contains("\n") { return true }
        if let f = s.first, "-?:,[]{}#&*!|>'\"%@`".contains(f) { return !(f == "-" && s.count > 1 && s.dropFirst().first != " " && !s.hasPrefix("---")) }
        return s.unicodeScalars.contains { $0.value < 0x20 }
    }

    /// `s` as a YAML double-quoted scalar.
    public static func doubleQuoted(_ s: String) -> String { JSONString.quote(s) }
}
