/// The implicit number patterns of PyYAML's YAML 1.1 resolver and of the YAML 1.2 core schema, matched by hand.
///
/// `ScalarResolver` answers for go-yaml v2; these add what other readers take for numbers, e.g. PyYAML's
/// `0b_` or `._` (which it even fails to construct) and YAML 1.2's `0789` (an integer, not octal).
enum PlainScalarRules {
    /// PyYAML's `tag:yaml.org,2002:int` pattern.
    static func isPyYAMLInt(_ text: String) -> Bool {
        var c = ScalarPatternCursor(text)
        c.skipSign()
        if c.skip("0b") { return c.skipAll(of: "01_") > 0 && c.atEnd }
        if c.skip("0x") {
            return c.skipAll(where: { ScalarPatternCursor.isHex($0) || $0 == UInt8(ascii: "_") }) > 0 && c.atEnd
        }
        if c.skip("0") { return c.atEnd || (c.skipAll(of: "01234567_") > 0 && c.atEnd) }
        guard c.skipOne(where: { $0 >= UInt8(ascii: "1") && $0 <= UInt8(ascii: "9") }) else { return false }
        c.skipAll(of: "0123456789_")
        if c.atEnd { return true }
        return c.skipSexagesimalGroups() && c.atEnd
    }

    /// PyYAML's `tag:yaml.org,2002:float` pattern.
    static func isPyYAMLFloat(_ text: String) -> Bool {
        switch text {
        case ".nan", ".NaN", ".NAN": return true
        default: break
        }
        var c = ScalarPatternCursor(text)
        let signed = c.skipSign()
        if c.skip(".") {
            if ["inf", "Inf", "INF"].contains(String(decoding: c.rest, as: UTF8.self)) { return true }
            // \.[0-9_]+([eE][-+][0-9]+)? takes no sign.
            guard !signed, c.skipAll(of: "0123456789_") > 0 else { return false }
            return c.skipPyYAMLExponent() && c.atEnd
        }
        guard c.skipOne(where: ScalarPatternCursor.isDigit) else { return false }
        c.skipAll(of: "0123456789_")
        if c.peek == UInt8(ascii: ":") {
            // [-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*
            guard c.skipSexagesimalGroups(), c.skip(".") else { return false }
            c.skipAll(of: "0123456789_")
            return c.atEnd
        }
        // [-+]?[0-9][0-9_]*\.[0-9_]*([eE][-+][0-9]+)?
        guard c.skip(".") else { return false }
        c.skipAll(of: "0123456789_")
        return c.skipPyYAMLExponent() && c.atEnd
    }

    /// A number, boolean or null of the YAML 1.2 core schema (the JSON schema is a subset).
    static func isYAML12CoreNonString(_ text: String) -> Bool {
        switch text {
        case "", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE",
            ".nan", ".NaN", ".NAN":
            return true
        default: break
        }
        var c = ScalarPatternCursor(text)
        if c.skip("0o") { return c.skipAll(of: "01234567") > 0 && c.atEnd }
        if c.skip("0x") { return c.skipAll(where: ScalarPatternCursor.isHex) > 0 && c.atEnd }
        c.skipSign()
        if c.skip(".") {
            if [".inf", ".Inf", ".INF"].contains("." + String(decoding: c.rest, as: UTF8.self)) { return true }
            guard c.skipAll(of: "0123456789") > 0 else { return false }
            return c.skipCoreExponent() && c.atEnd
        }
        guard c.skipAll(of: "0123456789") > 0 else { return false }
        if c.skip(".") { c.skipAll(of: "0123456789") }
        return c.skipCoreExponent() && c.atEnd
    }
}

/// A forward-only reader over the UTF-8 bytes of a string, for the small patterns above.
struct ScalarPatternCursor {
    private let bytes: [UInt8]
    private var index = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    /// `0`–`9`.
    static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    /// `0`–`9`, `a`–`f`, `A`–`F`.
    static func isHex(_ b: UInt8) -> Bool {
        isDigit(b) || (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "f"))
            || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "F"))
    }

    var atEnd: Bool { index >= bytes.count }
    var peek: UInt8? { bytes.dropFirst(index).first }
    var rest: ArraySlice<UInt8> { bytes.dropFirst(index) }

    /// Consumes `literal` when the input continues with it.
    mutating func skip(_ literal: String) -> Bool {
        let needle = Array(literal.utf8)
        guard bytes.dropFirst(index).starts(with: needle) else { return false }
        index += needle.count
        return true
    }

    /// Consumes one byte matching `predicate`.
    mutating func skipOne(where predicate: (UInt8) -> Bool) -> Bool {
        guard let b = peek, predicate(b) else { return false }
        index += 1
        return true
    }

    /// Consumes bytes while they match; returns how many.
    @discardableResult
    mutating func skipAll(where predicate: (UInt8) -> Bool) -> Int {
        let start = index
        while let b = peek, predicate(b) { index += 1 }
        return index - start
    }

    /// Consumes bytes while they are among `set` (ASCII); returns how many.
    @discardableResult
    mutating func skipAll(of set: String) -> Int {
        let allowed = Set(set.utf8)
        return skipAll(where: { allowed.contains($0) })
    }

    /// Consumes an optional `+` or `-`; true when there was one.
    @discardableResult
    mutating func skipSign() -> Bool {
        skipOne(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") })
    }

    /// `(:[0-5]?[0-9])+`
    mutating func skipSexagesimalGroups() -> Bool {
        var groups = 0
        while skip(":") {
            let first = peek
            let digits = skipAll(where: ScalarPatternCursor.isDigit)
            guard digits == 1 || digits == 2 else { return false }
            if digits == 2, let first, first > UInt8(ascii: "5") { return false }
            groups += 1
        }
        return groups > 0
    }

    /// PyYAML's optional exponent `([eE][-+][0-9]+)?` (the sign is required).
    mutating func skipPyYAMLExponent() -> Bool {
        guard skipOne(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) else { return true }
        guard skipOne(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }) else { return false }
        return skipAll(where: ScalarPatternCursor.isDigit) > 0
    }

    /// The YAML 1.2 core optional exponent `([eE][-+]?[0-9]+)?`.
    mutating func skipCoreExponent() -> Bool {
        guard skipOne(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) else { return true }
        skipSign()
        return skipAll(where: ScalarPatternCursor.isDigit) > 0
    }
}
