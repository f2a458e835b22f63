import Testing
@testable import LosslessYAML

/// Each edit kind splices bytes: what it does not touch stays as it was.
@Suite struct DocumentEditorTests {
    @Test func insertKeyKeepsCommentsAndIndentation() throws {
        let text =
            "# top\nmetadata:\n    name: web   # the name\n    labels:\n        app: web  # app\n# after\nspec: {}\n"
        let out = try edited(text) { e, root in
            let labels = try #require(root["metadata"]?["labels"])
            try e.set("osm-proxy-uuid", to: .string("u-1"), in: labels)
        }
        #expect(
            out
                == "# top\nmetadata:\n    name: web   # the name\n    labels:\n        app: web  # app\n        osm-proxy-uuid: u-1\n# after\nspec: {}\n"
        )
    }

    @Test func replaceScalarKeepsItsQuoteStyle() throws {
        let text = "a: 'x'  # c\nb: \"y\"\nc: z\n"
        let out = try edited(text) { e, root in
            try e.replace(try #require(root["a"]), with: .string("p"))
            try e.replace(try #require(root["b"]), with: .string("q"))
            try e.replace(try #require(root["c"]), with: .int(15901))
        }
        #expect(out == "a: 'p'  # c\nb: \"q\"\nc: 15901\n")
    }

    @Test func appendToIndentedAndNonIndentedSequences() throws {
        let text = "a:\n  - x\n  - y\nb:\n- name: p\n  v: 1\n"
        let out = try edited(text) { e, root in
            try e.append(.string("z"), to: try #require(root["a"]))
            try e.append(.map([("name", .string("q")), ("v", .int(2))]), to: try #require(root["b"]))
        }
        #expect(out == "a:\n  - x\n  - y\n  - z\nb:\n- name: p\n  v: 1\n- name: q\n  v: 2\n")
    }

    @Test func crlfDocumentsGetCRLFLines() throws {
        let text = "a:\r\n  b: 1\r\nc: 2\r\n"
        let out = try edited(text) { e, root in
            try e.set("d", to: .map([("e", .sequence([.string("f")]))]), in: try #require(root["a"]))
        }
        #expect(out == "a:\r\n  b: 1\r\n  d:\r\n    e:\r\n    - f\r\nc: 2\r\n")
    }

    @Test func nonASCIITextAroundAnEdit() throws {
        let text = "name: café # é\nlabels: {ü: ö}\n"
        let out = try edited(text) { e, root in
            try e.set("k", to: .string("v"), in: try #require(root["labels"]))
        }
        #expect(out == "name: café # é\nlabels: {ü: ö, k: v}\n")
    }

    @Test func flowAndJSONCollectionsGrowInTheirOwnStyle() throws {
        let json = "{\n  \"a\": {\"b\": 1},\n  \"c\": [1]\n}\n"
        let out = try edited(json) { e, root in
            try e.set("x", to: .string("yes"), in: try #require(root["a"]))
            try e.append(.map([("k", .string("v"))]), to: try #require(root["c"]))
            try e.set("d", to: .bool(true), in: root)
        }
        #expect(out == "{\n  \"a\": {\"b\": 1, \"x\": \"yes\"},\n  \"c\": [1, {\"k\": \"v\"}],\n  \"d\": true\n}\n")
    }

    /// An entry too long for a line joins a one-line flow collection on lines of its own, broken as a person
    /// would break it (short inner collections stay whole); a short one stays on the line; removing the long
    /// one gives the text back.
    @Test func aLongEntryJoinsAOneLineFlowCollectionOverSeveralLines() throws {
        let text = "spec:\n  containers: [{name: web, image: nginx}]  # flow\n"
        let long = YAMLValue.map([
            ("name", .string("envoy")), ("image", .string("envoyproxy/envoy-distroless:v1.22.2")),
            (
                "args",
                .sequence([
                    .string("--log-level"), .string("error"), .string("--config-path"),
                    .string("/etc/envoy/bootstrap.yaml"), .string("--service-cluster"), .string("default.shop"),
                ])
            ),
            ("ports", .sequence([.map([("name", .string("proxy-admin")), ("containerPort", .int(15000))])])),
        ])
        let out = try edited(text) { e, root in
            try e.append(long, to: try #require(root["spec"]?["containers"]))
        }
        #expect(
            out == """
                spec:
                  containers: [{name: web, image: nginx},
                    {
                      name: envoy,
                      image: envoyproxy/envoy-distroless:v1.22.2,
                      args: [
                        --log-level,
                        error,
                        --config-path,
                        /etc/envoy/bootstrap.yaml,
                        --service-cluster,
                        default.shop
                      ],
                      ports: [{name: proxy-admin, containerPort: 15000}]
                    }]  # flow

                """)
        let back = try edited(out) { e, root in
            try e.removeItem(at: 1, from: try #require(root["spec"]?["containers"]))
        }
        #expect(back == text)
        let short = try edited(text) { e, root in
            try e.append(
                .map([("name", .string("b")), ("image", .string("b"))]), to: try #require(root["spec"]?["containers"]))
        }
        #expect(short == "spec:\n  containers: [{name: web, image: nginx}, {name: b, image: b}]  # flow\n")
    }

    @Test func replacePairInPlace() throws {
        let text = "probe:\n  tcpSocket:\n    port: 8080  # app port\n  periodSeconds: 5\n"
        let out = try edited(text) { e, root in
            try e.replacePair(
                "tcpSocket", in: try #require(root["probe"]), withKey: "httpGet",
                value: .map([("path", .string("/h")), ("port", .int(1))]))
        }
        #expect(out == "probe:\n  httpGet:\n    path: /h\n    port: 1\n  periodSeconds: 5\n")
    }

    @Test func removePairAndItem() throws {
        let text = "a:\n  b: 1\n  c: 2 # c\n  d: 3\nl:\n- 1\n- 2\n"
        let out = try edited(text) { e, root in
            try e.removePair("c", from: try #require(root["a"]))
            try e.removeItem(at: 1, from: try #require(root["l"]))
        }
        #expect(out == "a:\n  b: 1\n  d: 3\nl:\n- 1\n")
    }

    @Test func nullValueBecomesAMapping() throws {
        let text = "metadata:\n  labels:\n  name: x\n"
        let out = try edited(text) { e, root in
            try e.set("labels", to: .map([("a", .string("b"))]), in: try #require(root["metadata"]))
        }
        #expect(out == "metadata:\n  labels:\n    a: b\n  name: x\n")
    }

    @Test func nestedInsertionsAtOneOffsetGoInnerFirst() throws {
        let text = "spec:\n  containers:\n  - name: a\n"
        let out = try edited(text) { e, root in
            let spec = try #require(root["spec"])
            try e.set("volumes", to: .sequence([.map([("name", .string("v"))])]), in: spec)
            try e.append(.map([("name", .string("envoy"))]), to: try #require(spec["containers"]))
        }
        #expect(out == "spec:\n  containers:\n  - name: a\n  - name: envoy\n  volumes:\n  - name: v\n")
    }

    @Test func multiLineStringsBecomeLiteralBlocks() throws {
        let text = "args:\n- -c\n"
        let out = try edited(text) { e, root in
            try e.append(.string("line one\nline two\n"), to: try #require(root["args"]))
        }
        #expect(out == "args:\n- -c\n- |\n  line one\n  line two\n")
    }

    @Test func ambiguousStringsAreQuoted() throws {
        let text = "m:\n  a: 1\n"
        let out = try edited(text) { e, root in
            let m = try #require(root["m"])
            for (key, value) in [("b", "true"), ("c", "8080"), ("d", "yes"), ("e", ""), ("f", "0755")] {
                try e.set(key, to: .string(value), in: m)
            }
        }
        let reparsed = try parse(out).documents[0].root
        for key in ["b", "c", "d", "e", "f"] {
            let node = try #require(reparsed["m"]?[key])
            #expect(node.scalar?.style == .doubleQuoted, "\(key)")
        }
    }

    @Test func documentMarkersAndEndWithoutNewline() throws {
        let text = "--- # doc\na:\n  b: 1\n...\n"
        let out = try edited(text) { e, root in try e.set("c", to: .int(2), in: try #require(root["a"])) }
        #expect(out == "--- # doc\na:\n  b: 1\n  c: 2\n...\n")
        let bare = "a:\n  b: 1"
        let out2 = try edited(bare) { e, root in try e.set("c", to: .int(2), in: try #require(root["a"])) }
        #expect(out2 == "a:\n  b: 1\n  c: 2\n")
    }

    @Test func untouchedDocumentIsIdentical() throws {
        let text = "\u{FEFF}a: 1 # x\r\n"
        let out = try edited(text) { _, _ in }
        #expect(out == text)
    }
}

/// Found by the edit fuzzer in a CI run: a value that libyaml refuses raw must not keep single quotes.
@Suite struct SingleQuoteEscapeTests {
    @Test func singleQuotedScalarReplacedWithAnUnprintableCharacterIsEscaped() throws {
        let out = try edited("a: 'x'\n") { e, root in
            try e.replace(try #require(root["a"]), with: .string("\u{FFFE}"))
        }
        let reparsed = try parse(out)
        #expect(reparsed.documents.first?.root["a"]?.scalar?.value == "\u{FFFE}", "\(out.debugDescription)")
    }
}
