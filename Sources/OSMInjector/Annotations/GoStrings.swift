/// Go 1.19 `strings` functions re-implemented on Unicode scalars, so that Swift's grapheme
/// clustering (e.g. `"\r\n"` or `",\u{301}"` being one `Character`) can never change a result.
enum GoStrings {
    /// Go's `strings.Split(s, ",")` for a one-scalar separator: never empty, `""` gives `[""]`.
    static func split(_ s: String, on separator: Unicode.Scalar) -> [String] {
        var parts: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            if scalar == separator {
                parts.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        parts.append(String(current))
        return parts
    }

    /// Go's `strings.TrimSpace`: strips leading and trailing `unicode.IsSpace` scalars.
    static func trimSpace(_ s: String) -> String {
        let scalars = Array(s.unicodeScalars)
        var start = 0
        var end = scalars.count
        while start < end, isSpace(scalars[start]) { start += 1 }
        while end > start, isSpace(scalars[end - 1]) { end -= 1 }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }

    /// Go's `unicode.IsSpace` (Unicode White_Space; identical in Go 1.19 and current Unicode).
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Go's `strings.ToLower`: per-scalar simple lower-case mapping (`unicode.ToLower`), Unicode 13.
    static func toLower(_ s: String) -> String {
        // ASCII maps byte for byte: only A–Z change.
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: s.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
        }
        var view = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            view.append(contentsOf: lower(scalar).unicodeScalars)
        }
        return String(view)
    }

    /// Go's `unicode.ToLower` for one scalar, as a string of one scalar.
    private static func lower(_ scalar: Unicode.Scalar) -> String {
        if scalar.isASCII {
            if (0x41...0x5A).contains(scalar.value), let lowered = Unicode.Scalar(scalar.value + 0x20) {
                return String(lowered)
            }
            return String(scalar)
        }
        // The only unconditional full mapping that differs from the simple one Go uses.
        if scalar.value == 0x130 { return "i" }
        // Go 1.19 ships Unicode 13.0 tables: later characters have no mapping there.
        guard let age = scalar.properties.age, age.major < 13 || (age.major == 13 && age.minor == 0) else {
            return String(scalar)
        }
        let mapped = scalar.properties.lowercaseMapping
        return mapped.unicodeScalars.count == 1 ? mapped : String(scalar)
    }

    /// Go `strings.EqualFold`: equal under simple Unicode case folding, scalar by scalar (so `windowſ`, with
    /// a long s, equals `windows`).
    static func equalFold(_ a: String, _ b: String) -> Bool {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        guard x.count == y.count else { return false }
        return zip(x, y).allSatisfy { p, q in
            p == q || p.properties.lowercaseMapping == q.properties.lowercaseMapping
                || p.properties.uppercaseMapping == q.properties.uppercaseMapping
        }
    }
}
