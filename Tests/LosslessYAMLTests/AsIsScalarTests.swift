import Testing
import LosslessYAML

// `Emitter.appendAsIs` must give exactly the emitter's text for the scalar, wherever it stands, or nothing.

/// Strings of every kind: plain, keywords and numbers, indicators, quotes and escapes, long lines with and
/// without spaces, breaks, tabs, non-ASCII.
private let samples: [String] = [
    "osm", "v1.2.4", "bookstore", "envoy-bootstrap-config-5f6b7c3e-1d2a-4b5c-8e9f-0a1b2c3d4e5f",
    "5f6b7c3e-1d2a-4b5c-8e9f-0a1b2c3d4e5f.sidecar.bookbuyer.bookstore.cluster.local",
    "templates/deploy.yaml", "a", "x=1", "a/b+c", "yes", "No", "true", "null", "~", "123", "0x1F", "1e3",
    "1_000", "12:30", "2001-12-14", ".inf", "-", "-a", "---x", ".5", "=", "<<", "", " lead", "trail ",
    "@type", "%x", "a: b", "a #b", "#c", "{\"a\":[1,2]}", "say \"hi\" \\ there", "'single'",
    String(repeating: "word ", count: 40) + "end", "{\"k\":\"" + String(repeating: "v w ", count: 60) + "\"}",
    String(repeating: "abc", count: 100), "two\nlines", "tab\there", "caf\u{E9}", "bell\u{07}", "\u{FEFF}bom",
    "YWRtaW46CiAgYWNjZXNzX2xvZzo=", "TWFu+/9=", "Yes123", "nullable", "Fal", "False",
]

/// The text an emitter writes for `value` at the end of a deep block mapping and as a deep sequence item.
private func placements(_ value: String, _ emitter: Emitter) throws -> [(prefix: String, text: String)] {
    [
        ("k: ", try emitter.emitString(.map([("k", .string(value))]))),
        (
            "      key: ",
            try emitter.emitString(
                .map([
                    (
                        "a",
                        .map([
                            (
                                "b",
                                .map([
                                    (
                                        "c",
                                        .map([
                                            ("key", .string(value))
                                        ])
                                    )
                                ])
                            )
                        ])
                    )
                ]))
        ),
        ("    - ", try emitter.emitString(.map([("a", .map([("b", .map([("c", .sequence([.string(value)]))]))]))]))),
    ]
}

@Suite struct AsIsScalarTests {
    @Test(arguments: [Emitter.ScalarPolicy.safe, .goYAMLv2])
    func appendAsIsWritesWhatTheEmitterWrites(policy: Emitter.ScalarPolicy) throws {
        let emitter = Emitter(policy: policy)
        var written = 0
        for value in samples {
            var bytes = Array("#".utf8)
            guard emitter.appendAsIs(value, to: &bytes) else {
                #expect(bytes == Array("#".utf8), "appended though it said no: \(value)")
                continue
            }
            written += 1
            let asIs = String(decoding: bytes.dropFirst(), as: UTF8.self)
            for (prefix, text) in try placements(value, emitter) {
                #expect(text.hasSuffix(prefix + asIs + "\n"), "\(policy) \(value): \(text)")
            }
        }
        #expect(written >= samples.count / 2)
    }

    @Test func whatIsNotWrittenAsIs() {
        let safe = Emitter(), go = Emitter(policy: .goYAMLv2)
        var bytes: [UInt8] = []
        for value in ["two\nlines", "tab\there", "caf\u{E9}", "bell\u{07}", "\u{FEFF}bom"] {
            #expect(!safe.appendAsIs(value, to: &bytes))
            #expect(!go.appendAsIs(value, to: &bytes))
        }
        // yaml.v2 folds quoted text at spaces past column 80.
        #expect(!go.appendAsIs("{\"a\": \"b c\"}", to: &bytes))
        #expect(safe.appendAsIs("{\"a\": \"b c\"}", to: &bytes))
    }

    @Test func evidentlyPlain() {
        for value in ["YWRtaW46", "Yes123", "nullable", "TWFu+/9=", "abc.def_g-h/i+j=k"] {
            #expect(Emitter.isEvidentlyPlain(Array(value.utf8)[...]), "\(value)")
        }
        for value in ["", "False", "yes", "1abcdef", "+abcdef", ".abcdef", "abc def", "abc:def", "abcdé"] {
            #expect(!Emitter.isEvidentlyPlain(Array(value.utf8)[...]), "\(value)")
        }
    }
}
