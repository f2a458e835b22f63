/// gopkg.in/yaml.v2 v2.4.0's decision, in `encoder.stringv`, to write a string plain: `resolve("", s)` must give
/// `!!str` and `isBase60Float(s)` must be false; otherwise `yaml.Marshal` asks for double quotes.
///
/// `resolve` (resolve.go) looks only at strings whose first byte is a sign, a digit, `.` or one of `yYnNtTfFoO~`;
/// every other string (`<<`, `=`, `@type`, …) resolves to `!!str` without further checks.
enum GoYAMLv2Resolver {
    /// True when yaml.v2 writes `text` as a plain scalar (subject to the emitter's own checks).
    static func marshalsPlain(_ text: String) -> Bool {
        resolvesToString(text) && !isBase60Float(text)
    }

    /// The plain scalars yaml.v2 finds in its resolve map.
    private static let resolveMap: Set<String> = [
        "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON",
        "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF",
        "", "~", "null", "Null", "NULL",
        ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
        "<<",
    ]

    /// First bytes that send yaml.v2 to its resolve map (`M` in `resolveTable`).
    private static let mapHints: Set<UInt8> = Set("yYnNtTfFoO~".utf8)

    /// `resolve("", text)` returns `!!str`.
    static func resolvesToString(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first else { return false } // "" is null
        let isSign = first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
        let isDigit = first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")
        let inMap = mapHints.contains(first)
        let isDot = first == UInt8(ascii: ".")
        guard isSign || isDigit || inMap || isDot else { return true }
        if resolveMap.contains(text) { return false }
        if inMap { return true }
        if isDot { return !GoNumberSyntax.parseFloatAccepts(bytes) }
        if GoTimestamp.parses(text) { return false }
        let plain = bytes.filter { $0 != UInt8(ascii: "_") }
        if GoNumberSyntax.parseInt(plain[...], base: 0) { return false }
        if GoNumberSyntax.parseUint(plain[...], base: 0) { return false }
        if GoNumberSyntax.isYAMLStyleFloat(plain) && GoNumberSyntax.isFinite(plain) { return false }
        if plain.starts(with: Array("0b".utf8)) {
            let digits = plain.dropFirst(2)
            if GoNumberSyntax.parseInt(digits, base: 2) || GoNumberSyntax.parseUint(digits, base: 2) { return false }
        } else if plain.starts(with: Array("-0b".utf8)) {
            if GoNumberSyntax.parseInt([UInt8(ascii: "-")] + plain.dropFirst(3), base: 2) { return false }
        }
        return true
    }

    /// yaml.v2's `isBase60Float`: `^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`.
    static func isBase60Float(_ text: String) -> Bool {
        guard text.utf8.contains(UInt8(ascii: ":")) else { return false }
        var c = ScalarPatternCursor(text)
        c.skipSign()
        guard c.skipOne(where: ScalarPatternCursor.isDigit) else { return false }
        c.skipAll(of: "0123456789_")
        guard c.skipSexagesimalGroups() else { return false }
        if c.skip(".") { c.skipAll(of: "0123456789_") }
        return c.atEnd
    }
}
