import Foundation
import Testing
import LosslessYAML

/// Emits one document with the given policy as text.
private func emit(_ value: YAMLValue, _ policy: Emitter.ScalarPolicy = .safe, explicitStart: Bool = false) throws
    -> String
{
    try Emitter(policy: policy, explicitDocumentStart: explicitStart).emitString(value)
}

@Suite struct EmitterTests {
    // MARK: Layout

    @Test func blockLayoutWithIndentlessSequences() throws {
        let value = YAMLValue.map([
            ("name", .string("app")),
            ("ports", .sequence([.int(80), .int(443)])),
            (
                "spec",
                .map([
                    ("containers", .sequence([.map([("name", .string("c")), ("args", .sequence([.string("-v")]))])])),
                    ("enabled", .bool(true)),
                    ("off", .bool(false)),
                    ("nothing", .null),
                    ("empty", .mapping([])),
                    ("none", .sequence([])),
                ])
            ),
            ("nested", .sequence([.sequence([.int(1), .int(2)]), .mapping([])])),
        ])
        #expect(
            try emit(value) == """
                name: app
                ports:
                - 80
                - 443
                spec:
                  containers:
                  - name: c
                    args:
                    - -v
                  enabled: true
                  "off": false
                  nothing: null
                  empty: {}
                  none: []
                nested:
                - - 1
                  - 2
                - {}

                """)
    }

    @Test func keysKeepTheirOrder() throws {
        let value = YAMLValue.map([("z", .int(1)), ("a", .int(2)), ("m", .int(3))])
        #expect(try emit(value) == "z: 1\na: 2\nm: 3\n")
    }

    @Test func rootScalarsAndEmptyCollections() throws {
        #expect(try emit(.string("hello")) == "hello\n")
        #expect(try emit(.int(-5)) == "-5\n")
        #expect(try emit(.null) == "null\n")
        #expect(try emit(.mapping([])) == "{}\n")
        #expect(try emit(.sequence([])) == "[]\n")
    }

    @Test func explicitDocumentStartAndStreams() throws {
        #expect(try emit(.map([("a", .string("b"))]), explicitStart: true) == "---\na: b\n")
        #expect(try emit(.string("x"), explicitStart: true) == "--- x\n")
        let two = try Emitter().emit(documents: [.map([("a", .int(1))]), .map([("b", .int(2))])])
        #expect(String(decoding: two, as: UTF8.self) == "a: 1\n---\nb: 2\n")
        let explicit = try Emitter(explicitDocumentStart: true).emit(documents: [.int(1), .int(2)])
        #expect(String(decoding: explicit, as: UTF8.self) == "--- 1\n--- 2\n")
        #expect(try Emitter().emit(documents: []).isEmpty)
    }

    // MARK: The safe policy

    @Test func safeQuotesOnlyWhatNeedsIt() throws {
        let value = YAMLValue.map([
            ("plain", .string("/osm-liveness-probe")),
            ("bool", .string("yes")),
            ("octal", .string("0755")),
            ("indicator", .string("@type")),
            ("colon", .string("a: b")),
            ("empty", .string("")),
            ("unicode", .string("日本語 é")),
            ("tab", .string("a\tb")),
            ("true", .string("key is quoted")),
        ])
        #expect(
            try emit(value) == """
                plain: /osm-liveness-probe
                bool: "yes"
                octal: "0755"
                indicator: "@type"
                colon: "a: b"
                empty: ""
                unicode: 日本語 é
                tab: "a\\tb"
                "true": key is quoted

                """)
    }

    @Test func safeWritesMultiLineStringsAsLiteralBlocks() throws {
        let value = YAMLValue.map([
            ("strip", .string("a\nb")),
            ("clip", .string("a\nb\n")),
            ("keep", .string("a\n\n")),
            ("indented", .string("  x\ny\n")),
            ("list", .sequence([.string("l1\nl2")])),
            // Trailing spaces before a break cannot be written as a block: double quotes instead.
            ("spaces", .string("a \nb")),
        ])
        #expect(
            try emit(value) == """
                strip: |-
                  a
                  b
                clip: |
                  a
                  b
                keep: |+
                  a

                indented: |2
                    x
                  y
                list:
                - |-
                  l1
                  l2
                spaces: "a \\nb"

                """)
    }

    @Test func keepChompedBlockAtTheEndGetsNoDocumentEndMarker() throws {
        #expect(try emit(.map([("k", .string("a\n\n"))])) == "k: |+\n  a\n\n")
    }

    @Test func safeNeverWrapsLines() throws {
        let long = Array(repeating: "word", count: 40).joined(separator: " ")
        #expect(try emit(.map([("k", .string(long))])) == "k: \(long)\n")
    }

    @Test func deepValuesAreRejectedNotOverflowed() throws {
        var value = YAMLValue.int(1)
        for _ in 0..<20 { value = .sequence([value]) }
        let error = #expect(throws: EmitterError.self) { try Emitter(limits: Limits(maxDepth: 10)).emit(value) }
        #expect(error?.kind == .tooDeep)
        var deep = YAMLValue.string("leaf")
        for _ in 0..<1_500 { deep = .mapping([.init("k", deep)]) }
        let text = try Emitter(limits: Limits(maxDepth: 2_000)).emitString(deep)
        #expect(text.hasSuffix(String(repeating: " ", count: 2 * 1_499) + "k: leaf\n"))
    }

    @Test func safeOutputReadsBackWithPyYAML() throws {
        let tricky = [
            "yes", "No", "ON", "off", "y", "n", "true", "False", "null", "~", "", " ", "0755", "0x1F", "0o17", "0b101",
            "1e3", ".5", "1_000", ".inf", "-.INF", ".NaN", "+12", "12:30", "190:20:30.15", "2024-03-15",
            "2001-12-14t21:59:43.10-05:00", "=", "<<", "-", "- a", "? a", ": a", "a: b", "a:", "a #b", "#c", ",a",
            "[a]", "{a}", "&a", "*a", "!a", "|a", ">a", "'a", "\"a", "%a", "@a", "`a", " lead", "trail ", "a\tb",
            "a\nb", "a\n", "a\n\n", "\n", "  x\ny", "a \nb", "a\rb", "a\u{85}b", "a\u{2028}b", "---", "--- a", "...",
            "\u{7}", "\u{7F}", "\u{FEFF}x", "é", "日本", "😀", "0789", "._", "0b_", "0x_", "-foo", "a:b", "a#b",
            "it's", "back\\slash", "plain text",
        ]
        let value = YAMLValue.map([
            ("values", .sequence(tricky.map(YAMLValue.string))),
            ("keys", .mapping(tricky.enumerated().map { YAMLValue.Entry($0.element, .int($0.offset)) })),
        ])
        let loaded = try PyYAML.safeLoadAsJSON(try Emitter().emit(value))
        let object = try #require(loaded as? [String: Any])
        #expect(object["values"] as? [String] == tricky)
        let keys = try #require(object["keys"] as? [String: Int])
        #expect(keys == Dictionary(uniqueKeysWithValues: tricky.enumerated().map { ($0.element, $0.offset) }))
    }

    // MARK: The go-yaml v2 policy

    /// `{"k": input}` through ghodss/yaml `JSONToYAML` (yaml.v2 v2.4.0, Go 1.19), recorded.
    static let goYAMLv2Cases: [(String, String)] = [
        ("true", "k: \"true\"\n"),
        ("True", "k: \"True\"\n"),
        ("tRuE", "k: tRuE\n"),
        ("yes", "k: \"yes\"\n"),
        ("y", "k: \"y\"\n"),
        ("on", "k: \"on\"\n"),
        ("Off", "k: \"Off\"\n"),
        ("null", "k: \"null\"\n"),
        ("~", "k: \"~\"\n"),
        ("", "k: \"\"\n"),
        ("0", "k: \"0\"\n"),
        ("0755", "k: \"0755\"\n"),
        ("0789", "k: \"0789\"\n"),
        ("08", "k: \"08\"\n"),
        ("0x1F", "k: \"0x1F\"\n"),
        ("0X1F", "k: \"0X1F\"\n"),
        ("0o17", "k: \"0o17\"\n"),
        ("0b101", "k: \"0b101\"\n"),
        ("0B101", "k: \"0B101\"\n"),
        ("0b-101", "k: \"0b-101\"\n"),
        ("-0b101", "k: \"-0b101\"\n"),
        ("1e3", "k: \"1e3\"\n"),
        ("1e+3", "k: \"1e+3\"\n"),
        ("1.", "k: \"1.\"\n"),
        ("1.5", "k: \"1.5\"\n"),
        (".5", "k: \".5\"\n"),
        (".5_5", "k: \".5_5\"\n"),
        ("._5", "k: ._5\n"),
        (".", "k: .\n"),
        ("...", "k: '...'\n"),
        ("1_000", "k: \"1_000\"\n"),
        ("_1", "k: _1\n"),
        ("+12", "k: \"+12\"\n"),
        ("-", "k: '-'\n"),
        ("- a", "k: '- a'\n"),
        ("-a", "k: -a\n"),
        ("---", "k: '---'\n"),
        ("12:30", "k: \"12:30\"\n"),
        ("12:61", "k: 12:61\n"),
        ("190:20:30.15", "k: \"190:20:30.15\"\n"),
        ("+1:30", "k: \"+1:30\"\n"),
        ("2024-03-15", "k: \"2024-03-15\"\n"),
        ("2024-3-5", "k: \"2024-3-5\"\n"),
        ("2024-02-30", "k: 2024-02-30\n"),
        ("2024-02-29", "k: \"2024-02-29\"\n"),
        ("2023-02-29", "k: 2023-02-29\n"),
        ("2001-12-14t21:59:43.10-05:00", "k: \"2001-12-14t21:59:43.10-05:00\"\n"),
        ("2001-12-14T21:59:43Z", "k: \"2001-12-14T21:59:43Z\"\n"),
        ("2001-12-14T21:59:43", "k: 2001-12-14T21:59:43\n"),
        ("2001-12-14 21:59:43.10", "k: \"2001-12-14 21:59:43.10\"\n"),
        ("2001-12-14T21:59:43+-1:00", "k: \"2001-12-14T21:59:43+-1:00\"\n"),
        ("2001-12-14 21:59:43.1234567891", "k: 2001-12-14 21:59:43.1234567891\n"),
        ("20240315", "k: \"20240315\"\n"),
        ("=", "k: =\n"),
        ("<<", "k: <<\n"),
        ("<foo>", "k: <foo>\n"),
        ("@type", "k: '@type'\n"),
        ("%START_TIME%", "k: '%START_TIME%'\n"),
        ("*", "k: '*'\n"),
        ("a: b", "k: 'a: b'\n"),
        ("a:", "k: 'a:'\n"),
        ("a #b", "k: 'a #b'\n"),
        ("a#b", "k: a#b\n"),
        ("? x", "k: '? x'\n"),
        ("?x", "k: ?x\n"),
        (":x", "k: :x\n"),
        ("[a]", "k: '[a]'\n"),
        ("a[b]", "k: a[b]\n"),
        (",a", "k: ',a'\n"),
        ("it's", "k: it's\n"),
        ("\"q\"", "k: '\"q\"'\n"),
        ("a\\b", "k: a\\b\n"),
        ("inf", "k: inf\n"),
        (".inf", "k: \".inf\"\n"),
        ("+.inf", "k: \"+.inf\"\n"),
        (".NaN", "k: \".NaN\"\n"),
        ("nan", "k: nan\n"),
        ("1e400", "k: 1e400\n"),
        ("9223372036854775808", "k: \"9223372036854775808\"\n"),
        ("18446744073709551616", "k: \"18446744073709551616\"\n"),
        ("a\nb", "k: |-\n  a\n  b\n"),
        ("a\n", "k: |\n  a\n"),
        ("a\n\n", "k: |+\n  a\n\n"),
        ("\n", "k: |2+\n\n"),
        ("  lead\nx", "k: |2-\n    lead\n  x\n"),
        ("a \nb", "k: \"a \\nb\"\n"),
        ("a\tb", "k: \"a\\tb\"\n"),
        ("\t", "k: \"\\t\"\n"),
        ("a\rb", "k: \"a\\rb\"\n"),
        ("\u{A0}", "k: \u{A0}\n"),
        ("é", "k: é\n"),
        ("\u{1F600}", "k: \"\\U0001F600\"\n"),
        ("\u{7}", "k: \"\\a\"\n"),
        ("a\u{2028}b", "k: 'a\u{2028}  b'\n"),
        (" leading", "k: ' leading'\n"),
        ("trailing ", "k: 'trailing '\n"),
        (
            "word word word word word word word word word word word word word word word word word word word word end",
            "k: word word word word word word word word word word word word word word word word\n  word word word word end\n"
        ),
        (
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa b",
            "k: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n  b\n"
        ),
        (
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "k: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"
        ),
        (
            "'it's it's it's it's it's it's it's it's it's it's it's it's it's it's it's it's it's it's it's it's it's it's it's it's it's ",
            "k: '''it''s it''s it''s it''s it''s it''s it''s it''s it''s it''s it''s it''s it''s\n  it''s it''s it''s it''s it''s it''s it''s it''s it''s it''s it''s it''s '\n"
        ),
        (
            "\ttab tab tab tab tab tab tab tab tab tab tab tab tab tab tab tab tab tab tab tab tab tab tab tab tab ",
            "k: \"\\ttab tab tab tab tab tab tab tab tab tab tab tab tab tab tab tab tab tab tab\n  tab tab tab tab tab tab \"\n"
        ),
        (
            "a  b a  b a  b a  b a  b a  b a  b a  b a  b a  b a  b a  b a  b a  b a  b a  b a  b a  b a  b a  b ",
            "k: 'a  b a  b a  b a  b a  b a  b a  b a  b a  b a  b a  b a  b a  b a  b a  b a  b\n  a  b a  b a  b a  b '\n"
        ),
    ]

    @Test func goYAMLv2MatchesYAMLv2Marshal() throws {
        for (input, expected) in Self.goYAMLv2Cases {
            #expect(try emit(.map([("k", .string(input))]), .goYAMLv2) == expected, "\(input.debugDescription)")
        }
    }

    @Test func goYAMLv2NonStringScalarsAndCollections() throws {
        let value = YAMLValue.map([
            ("a", .sequence([])), ("b", .mapping([])), ("c", .sequence([.sequence([])])),
            ("d", .sequence([.mapping([])])),
            (
                "e",
                .sequence([
                    .map([("x", .int(1)), ("y", .sequence([.int(1), .int(2)]))]),
                    .sequence([.int(1), .sequence([.int(2), .map([("z", .null)])])]),
                ])
            ),
            ("f", .null), ("g", .bool(true)), ("h", .bool(false)), ("i", .int(-5)),
        ]).sortedLikeGoYAMLv2()
        #expect(
            try emit(value, .goYAMLv2) == """
                a: []
                b: {}
                c:
                - []
                d:
                - {}
                e:
                - x: 1
                  "y":
                  - 1
                  - 2
                - - 1
                  - - 2
                    - z: null
                f: null
                g: true
                h: false
                i: -5

                """)
    }

    @Test func goYAMLv2LongAndMultiLineKeys() throws {
        let long = String(repeating: "k", count: 130)
        let value = YAMLValue.map([
            (long, .string("long key")), ("multi\nline key", .string("v")), ("", .string("empty key")),
        ]).sortedLikeGoYAMLv2()
        #expect(
            try emit(value, .goYAMLv2) == """
                "": empty key
                ? \(long)
                : long key
                ? |-
                  multi
                  line key
                : v

                """)
    }

    @Test func goYAMLv2KeyOrder() throws {
        let keys = [
            "9", "Z", "a", "1", "a9", "_a", "é", "ab", "b1", "v1.10", "http_protocol_options", "a10", "aB",
            "v1.9", "a b", "a0", "a-b", "access_log", "x1y", "http2_protocol_options", "01", "10", "z", "-a",
            "@type", "a00", "A", "a.b", "b01", "x10y", "a2b", "b001", "a01", "a1", "a_b",
        ]
        let sorted = YAMLValue.mapping(keys.map { .init($0, .int(1)) }).sortedLikeGoYAMLv2()
        guard case .mapping(let entries) = sorted else {
            Issue.record("not a mapping")
            return
        }
        #expect(
            entries.map(\.key) == [
                "-a", "@type", "_a", "1", "01", "9", "10", "A", "Z", "a", "a b", "a-b", "a.b", "a_b", "a0", "a00", "a1",
                "a01", "a2b", "a9", "a10", "aB", "ab", "access_log", "b1", "b01", "b001", "http_protocol_options",
                "http2_protocol_options", "v1.9", "v1.10", "x10y", "x1y", "z", "é",
            ])
        #expect(GoYAMLKeyOrder.less("a_b", "aB"))
        #expect(GoYAMLKeyOrder.less("a9", "a10"))
        #expect(!GoYAMLKeyOrder.less("a10", "a9"))
    }
}

/// Runs PyYAML's `safe_load` on YAML bytes and hands back what it read, via JSON.
enum PyYAML {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Fails (never skips) when python3 or PyYAML is missing.
    static func safeLoadAsJSON(_ yaml: [UInt8]) throws -> Any {
        let script = "import sys, json, yaml; print(json.dumps(yaml.safe_load(sys.stdin.buffer.read())))"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(yaml))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(
                description: "python3 failed (\(process.terminationStatus)): "
                    + String(decoding: message, as: UTF8.self))
        }
        return try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    }
}
