import Foundation
import Testing
@testable import LosslessYAML

@Suite struct QuotingTests {
    /// Strings some YAML 1.1 or 1.2 reader takes for something else, or that are no valid plain scalar.
    static let mustQuote: [String] = [
        // Booleans and null, in any letter case.
        "yes", "Yes", "YES", "yEs", "no", "NO", "on", "On", "off", "OFF", "y", "Y", "n", "N",
        "true", "True", "tRuE", "false", "FALSE", "null", "Null", "nULL", "~", "",
        // Numbers in every base and form.
        "0", "+0", "-1", "42", "0755", "0789", "0x1F", "0X1f", "0o17", "0O17", "0b101", "0B11", "1e3", "1E3", "1e+3",
        "-1e-3", "1e_-5", String(repeating: "1", count: 200), "1.5", "1.", ".5", "+.5", "1_000", "1_000.5", ".inf",
        ".Inf", "-.inf", "+.INF", ".nan", ".NaN", "+12",
        "12:30", "1:2:3", "190:20:30.15", "-1:30", "._", "0b_", "0x_", "1e400", "9223372036854775808",
        // Timestamps.
        "2024-03-15", "2024-3-5", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "2001-12-14T21:59:43Z",
        // Value and merge keys.
        "=", "<<",
        // Leading indicators.
        "-", "- a", "-\ta", "?", "? a", "?a", ":", ": a", ":a", ",a", "[a", "]a", "{a", "}a", "#a", "&a", "*a", "!a",
        "|a", ">a", "'a", "\"a", "%a", "@a", "`a",
        // Blanks, comments, key markers.
        " a", "a ", "\ta", "a\t", " ", "a: b", "a:\tb", "a:", "a #b", "a\t#b",
        // Breaks, control characters, document markers.
        "a\nb", "\n", "a\rb", "a\u{85}b", "a\u{2028}b", "a\u{2029}b", "\u{0}", "a\u{7}b", "a\u{1B}", "\u{7F}",
        "\u{9F}", "\u{FEFF}a", "a\u{FFFE}", "---", "--- a", "---a", "...", "...a",
    ]

    /// Strings every reader takes as themselves when written plain.
    static let plainIsFine: [String] = [
        "a", "hello world", "/osm-liveness-probe", "-foo", "-1x", "a-b", "a:b", "a#b", "a,b", "a[b]", "a{b}", "a?",
        "foo.bar", "http://example.com/x?y=z#frag", "1.2.3", "v1.2.4", "1.2.3.4", "10.0.0.0/8", "0x", "0xg", "08x",
        "yes please", "nullable", "onion", "Trueish", "TLSv1_2", "ECDHE-RSA-AES128-GCM-SHA256",
        "app.kubernetes.io/name",
        "<foo>", "a=b", "==", "<", "é", "日本語", "😀", "a b c", "2024-03-15x", "12:30:xx", "openservicemesh.io",
        "a%", "a'b", "a\"b", "a\\b", "a!b", "a&b", "a*b", "a|b", "a>b", "a@b", "a`b", "-- a", "..a", "a...",
        // A sign inside a number-like word makes it no number (a proxy UUID, a label value).
        "+-1", "1-2", "1:-5", "d5dc1602-2209-51c6-bbbc-d75299a31d75",
        // Longer than what the memo keeps: decided all the same (a Secret's base64 data).
        "YWRtaW46CiAgYWNjZXNz" + String(repeating: "X2xvZzo", count: 30),
    ]

    @Test(arguments: mustQuote)
    func quotes(_ s: String) {
        #expect(Quoting.needsQuotes(s), "\(s.debugDescription)")
    }

    @Test(arguments: plainIsFine)
    func leavesPlain(_ s: String) {
        #expect(!Quoting.needsQuotes(s), "\(s.debugDescription)")
    }

    @Test func doubleQuotedEscapes() {
        #expect(Quoting.doubleQuoted("plain") == "\"plain\"")
        #expect(Quoting.doubleQuoted("") == "\"\"")
        #expect(Quoting.doubleQuoted("a\"b\\c") == #""a\"b\\c""#)
        #expect(Quoting.doubleQuoted("\0\u{7}\u{8}\t\n\u{B}\u{C}\r\u{1B}") == #""\0\a\b\t\n\v\f\r\e""#)
        #expect(Quoting.doubleQuoted("\u{1}\u{1F}\u{7F}\u{80}\u{9F}") == #""\x01\x1F\x7F\x80\x9F""#)
        #expect(Quoting.doubleQuoted("\u{85}\u{2028}\u{2029}\u{FEFF}\u{FFFE}") == #""\N\L\P\uFEFF\uFFFE""#)
        #expect(Quoting.doubleQuoted("é 日本 😀 \u{A0}") == "\"é 日本 😀 \u{A0}\"")
    }

    @Test func doubleQuotedReadsBackWithPyYAML() throws {
        let strings = Self.mustQuote + Self.plainIsFine + ["\u{1}\u{1F}\u{80}", "tab\there", "  two  spaces  "]
        let document = "- " + strings.map(Quoting.doubleQuoted).joined(separator: "\n- ") + "\n"
        let loaded = try PyYAML.safeLoadAsJSON(Array(document.utf8))
        #expect(loaded as? [String] == strings)
    }

    @Test func plainReadsBackWithPyYAML() throws {
        let document = "- " + Self.plainIsFine.joined(separator: "\n- ") + "\n"
        let loaded = try PyYAML.safeLoadAsJSON(Array(document.utf8))
        #expect(loaded as? [String] == Self.plainIsFine)
    }
}

/// The allocation-free ASCII path of the structural check agrees with the one over Unicode scalars.
@Suite struct QuotingFastPathTests {
    /// Every string of up to three characters from the ones the rules look at.
    @Test func asciiPathAgreesWithScalarPath() {
        let alphabet = Array("ab-.:# \t?,[]{}&*!|>'\"%@`~=<0\u{7F}\u{01}\n\r")
        var strings = [""]
        var last = [""]
        for _ in 1...3 {
            last = last.flatMap { prefix in alphabet.map { prefix + String($0) } }
            strings += last
        }
        for s in strings where Quoting.asciiStructuralProblem(s) != Quoting.scalarStructuralProblem(s) {
            Issue.record("\(s.debugDescription)")
        }
        #expect(strings.count > 30_000)
        #expect(Quoting.asciiStructuralProblem("é") == nil)
    }
}
