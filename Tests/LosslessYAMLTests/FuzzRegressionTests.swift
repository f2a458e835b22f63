import Foundation
import Testing
@testable import LosslessYAML

/// Inputs the fuzzers (`Fuzz/`, see docs/fuzzing.md) and the hostile-input tests found, reduced to their
/// smallest form; each expectation is the correct behaviour.
@Suite struct FuzzRegressionTests {
    // MARK: Parsing

    /// A byte-order mark must not shift the first line: with the encoding set to UTF-8 up front, libyaml skips
    /// the BOM as a character of column 0, so the first key sits at column 1 and the next key "dedents".
    @Test
    func byteOrderMarkBeforeSeveralKeysParses() throws {
        let stream = try Parser().parse([0xEF, 0xBB, 0xBF] + Array("a: 1\nb: 2\n".utf8))
        let root = try #require(stream.documents.first?.root)
        #expect(root.pairs?.count == 2)
        #expect(root["b"]?.scalar?.value == "2")
    }

    /// libyaml's reader errors (control characters, invalid UTF-8) carry a byte offset, not a mark; the
    /// position must still be the offending byte's line and column.
    @Test
    func readerErrorsNameTheirLine() {
        for (bytes, line) in [
            (Array("a: 1\nb: \"x\u{0}y\"\n".utf8), 2),
            (Array("a: 1\nb: 2\nc: \"x".utf8) + [0xFF] + Array("\"\n".utf8), 3),
            (Array("a: 1\nb: \u{1B}\n".utf8), 2),
        ] {
            #expect(throws: YAMLError.self) { try Parser().parse(bytes) }
            do {
                _ = try Parser().parse(bytes)
            } catch {
                #expect(error.mark?.line == line, "\(error)")
            }
        }
    }

    /// The smallest 64-bit integer is an integer to every YAML reader.
    @Test
    func smallestIntegerResolvesAsInteger() {
        #expect(ScalarResolver.resolve("-9223372036854775808") == .int(Int.min))
        #expect(ScalarResolver.resolve("9223372036854775807") == .int(Int.max))
    }

    // MARK: Edits

    /// Removing the only item of a block sequence written at its key's indentation (`a:\n- x`) must give
    /// valid YAML; `[]` at column 0 under `a:` is no value of `a`.
    @Test
    func removingOnlyItemOfUnindentedSequence() throws {
        let out = try edited("a:\n- x\nb: 1\n") { e, root in
            try e.removeItem(at: 0, from: try #require(root["a"]))
        }
        let reparsed = try parse(out)
        #expect(reparsed.documents.first?.root["a"]?.items?.isEmpty == true, "\(out.debugDescription)")
        #expect(reparsed.documents.first?.root["b"]?.scalar?.value == "1")
    }

    /// An inline value put over a literal or folded block scalar must end its line: the block scalar's range
    /// ends at the start of the next line, and the replacement must not join it.
    @Test
    func inlineReplacementOfBlockScalarKeepsLineBreak() throws {
        let out = try edited("a: |\n  x\nb: 2\n") { e, root in
            try e.set("a", to: .int(1), in: root)
        }
        #expect(out == "a: 1\nb: 2\n")
        let folded = try edited("- >\n  x\n- y\n") { e, root in
            try e.replace(try #require(root.items?.first), with: .string("z"))
        }
        #expect(folded == "- z\n- y\n")
    }

    /// Two entries added to an empty flow mapping (or sequence) need a comma between them.
    @Test
    func twoInsertionsIntoEmptyFlowMapping() throws {
        let out = try edited("m: {}\ns: []\n") { e, root in
            let m = try #require(root["m"]), s = try #require(root["s"])
            try e.insert("a", .int(1), into: m)
            try e.insert("b", .int(2), into: m)
            try e.append(.string("x"), to: s)
            try e.append(.string("y"), to: s)
        }
        // `y` is a YAML 1.1 boolean, so it is quoted.
        #expect(out == "m: {a: 1, b: 2}\ns: [x, \"y\"]\n")
    }

    /// Removing the only entry of a flow mapping written with a trailing comma leaves an empty mapping.
    @Test
    func removingOnlyEntryOfFlowCollectionWithTrailingComma() throws {
        let out = try edited("m: {a: 1,}\ns: [x,]\n") { e, root in
            try e.removePair("a", from: try #require(root["m"]))
            try e.removeItem(at: 0, from: try #require(root["s"]))
        }
        let reparsed = try parse(out)
        #expect(reparsed.documents.first?.root["m"]?.pairs?.isEmpty == true, "\(out.debugDescription)")
        #expect(reparsed.documents.first?.root["s"]?.items?.isEmpty == true, "\(out.debugDescription)")
    }

    /// A string written inside a flow collection is quoted when it holds a flow indicator (`,[]{}`).
    @Test
    func inlineStringInFlowCollectionIsQuotedForFlow() throws {
        let out = try edited("s: [x]\nm: {k: v}\n") { e, root in
            try e.replace(try #require(root["s"]?.items?.first), with: .string("b,c"))
            try e.set("k", to: .string("a]b"), in: try #require(root["m"]))
        }
        let reparsed = try parse(out)
        let root = try #require(reparsed.documents.first?.root)
        #expect(root["s"]?.items?.count == 1, "\(out.debugDescription)")
        #expect(root["s"]?.items?.first?.scalar?.value == "b,c")
        #expect(root["m"]?["k"]?.scalar?.value == "a]b")
    }

    /// Strings written in JSON style (into JSON documents, and over a double-quoted scalar, whose quotes are
    /// kept) escape what libyaml refuses raw (C1 controls, U+FEFF, U+FFFE, U+FFFF) or reads as a line break
    /// (U+0085, folded into a space).
    @Test
    func jsonQuotingEscapesCharactersLibyamlRefuses() throws {
        for value in ["a\u{FEFF}b", "a\u{FFFE}b", "a\u{85}b", "a\u{9F}b"] {
            for text in ["{\"k\": \"v\"}\n", "k: \"v\"\n"] {
                let out = try edited(text) { e, root in
                    try e.set("k", to: .string(value), in: root)
                }
                let reparsed = try? parse(out)
                #expect(reparsed?.documents.first?.root["k"]?.scalar?.value == value, "\(out.debugDescription)")
            }
        }
    }

    /// Replacing an empty node that does not sit right after a colon: the empty root of a document that is
    /// only `---`, the empty value of an explicit `? key`, and of a flow entry without a colon (`{a}`).
    @Test
    func replacingEmptyNodeNotAfterColon() throws {
        let stream = try parse("a: 1\n---\n")
        let document = try #require(stream.documents.last)
        var editor = DocumentEditor(source: stream.source, document: document)
        try editor.replace(document.root, with: .bool(true))
        let out = Array(stream.source[..<document.range.start.offset]) + (try editor.output())
        let reparsed = try Parser().parse(out)
        #expect(reparsed.documents.count == 2, "\(String(decoding: out, as: UTF8.self).debugDescription)")
        #expect(reparsed.documents.last?.root.scalar?.value == "true")

        let explicit = try edited("m:\n  ? k\nn: 1\n") { e, root in
            try e.replace(try #require(root["m"]?.pairs?.first?.value), with: .int(0))
        }
        let value = try #require(try? parse(explicit).documents.first?.root["m"]?["k"], "\(explicit.debugDescription)")
        #expect(value.scalar?.value == "0")

        let flow = try edited("m: {a}\n") { e, root in
            try e.set("a", to: .int(1), in: try #require(root["m"]))
        }
        #expect((try? parse(flow).documents.first?.root["m"]?["a"]?.scalar?.value) == "1", "\(flow.debugDescription)")
    }

    /// A flow entry whose key spans lines and has no value (`{ {a: b\n} }`): the value written takes an explicit
    /// `?`, since a key without one must hold on one line. Found by the fixed-seed edit fuzzer.
    @Test
    func valueForAFlowKeyThatSpansLines() throws {
        let out = try edited("m: {\n  {a: b\n  },\n}\n") { e, root in
            try e.replace(try #require(root["m"]?.pairs?.first?.value), with: .string(">"))
        }
        let pair = try #require(try? parse(out).documents.first?.root["m"]?.pairs?.first, "\(out.debugDescription)")
        #expect(pair.key["a"]?.scalar?.value == "b")
        #expect(pair.value.scalar?.value == ">")
    }

    /// libyaml may put an empty node at the next token, lines after its indicator: the empty root of a
    /// document followed by another (`---\n\n---`), the empty value of a key whose next line is a comment.
    /// A value put there must end its line, or go after the colon. Found by replaying the corpus once the
    /// edit fuzzer no longer stepped around empty nodes.
    @Test
    func replacingEmptyNodeAtTheNextToken() throws {
        let stream = try parse("a: 1\n---\n\n---\nb: 1\n")
        let document = stream.documents[1]
        var editor = DocumentEditor(source: stream.source, document: document)
        try editor.replace(document.root, with: .int(42))
        let out =
            Array(stream.source[..<document.range.start.offset]) + (try editor.output())
            + Array(stream.source[document.range.end.offset...])
        let reparsed = try #require(
            try? Parser().parse(out), "\(String(decoding: out, as: UTF8.self).debugDescription)")
        #expect(reparsed.documents.count == 3)
        #expect(reparsed.documents[1].root.scalar?.value == "42")

        let value = try edited("a:\n  # c\nb: 1\n") { e, root in
            try e.replace(try #require(root["a"]), with: .int(7))
        }
        let root = try #require(try? parse(value).documents.first?.root, "\(value.debugDescription)")
        #expect(root["a"]?.scalar?.value == "7", "\(value.debugDescription)")
        #expect(root["b"]?.scalar?.value == "1")
    }

    /// An explicit key without a value followed by a key that starts with a colon (`? k` then `:x: 1`): the
    /// colon of `:x` is no value indicator, so the value of `k` goes on a line of its own, not after that colon.
    /// Reduced from a time-bounded edit fuzzer run (`Fuzz/regressions/edit-2cc31df7`).
    @Test
    func valueForAnExplicitKeyBeforeAKeyStartingWithAColon() throws {
        for text in ["? k\n:x: 1\n", "m:\n  ? k\n  # c\n  :x: 1\n", "? k\n:x: 1"] {
            let out = try edited(text) { e, root in
                try e.replace(try #require((root["m"] ?? root).pairs?.first?.value), with: .int(42))
            }
            let document = try #require(
                try? parse(out).documents.first, "\(text.debugDescription) → \(out.debugDescription)")
            let value = try ValueConverter(document: document).value(of: document.root["m"] ?? document.root)
            #expect(
                value == .map([("k", .int(42)), (":x", .int(1))]),
                "\(text.debugDescription) → \(out.debugDescription)")
        }
    }

    /// Block scalars on a last line without a line break: one already there keeps its value when something
    /// is added after it (with clip chomping, the line break the insertion brings would join its value), and
    /// one written there keeps its final line break.
    @Test
    func blockScalarsOnTheLastLineWithoutLineBreak() throws {
        let out = try edited("a: |\n  x") { e, root in
            try e.insert("b", .int(1), into: root)
        }
        let root = try #require(try parse(out).documents.first?.root)
        #expect(root["a"]?.scalar?.value == "x", "\(out.debugDescription)")
        #expect(root["b"]?.scalar?.value == "1")

        let written = try edited("a: 1\nb: [x]") { e, root in
            try e.set("b", to: .string("line\nbreak\n"), in: root)
        }
        #expect(
            try parse(written).documents.first?.root["b"]?.scalar?.value == "line\nbreak\n",
            "\(written.debugDescription)")
    }

    /// Removing the first item of a sequence that starts on its parent item's line (`- - a`) removes only
    /// that item, not the parent's dash with it.
    @Test
    func removingFirstItemOfCompactNestedSequence() throws {
        let out = try edited("- - a\n  - b\n- c\n") { e, root in
            try e.removeItem(at: 0, from: try #require(root.items?.first))
        }
        let document = try #require(try parse(out).documents.first)
        #expect(
            try ValueConverter(document: document).value(of: document.root)
                == .sequence([.sequence([.string("b")]), .string("c")]), "\(out.debugDescription)")
    }

    /// libyaml breaks lines at a lone CR (and at U+0085, U+2028, U+2029); edits in such a document must
    /// count columns from those breaks too.
    @Test
    func editsInDocumentsWithOtherLineBreaks() throws {
        let out = try edited("a: 1\rb:\r  c: 2\r") { e, root in
            try e.insert("d", .int(3), into: root)
            try e.insert("e", .int(4), into: try #require(root["b"]))
        }
        let document = try #require(try? parse(out).documents.first, "\(out.debugDescription)")
        #expect(
            try ValueConverter(document: document).value(of: document.root)
                == .map([("a", .int(1)), ("b", .map([("c", .int(2)), ("e", .int(4))])), ("d", .int(3))]),
            "\(out.debugDescription)")
    }

    /// Mappings with entries written with an explicit key (`? k`): replacing or removing such an entry takes
    /// its `?` too, and a new entry is indented like the `?`, after the whole entry.
    @Test
    func editsInMappingsWithExplicitKeys() throws {
        let source = "m:\n  ? k\n  : v\n  n: 1\nz: 0\n"
        let expectations: [(String, (inout DocumentEditor, Node) throws -> Void, YAMLValue)] = [
            (
                "replacePair", { e, m in try e.replacePair("k", in: m, withKey: "x", value: .int(2)) },
                .map([("x", .int(2)), ("n", .int(1))])
            ),
            ("removePair", { e, m in try e.removePair("k", from: m) }, .map([("n", .int(1))])),
        ]
        for (name, edit, expected) in expectations {
            let out = try edited(source) { e, root in try edit(&e, try #require(root["m"])) }
            let document = try #require(try? parse(out).documents.first, "\(name): \(out.debugDescription)")
            #expect(
                try ValueConverter(document: document).value(of: document.root)
                    == .map([("m", expected), ("z", .int(0))]),
                "\(name): \(out.debugDescription)")
        }
        let inserted = try edited("m:\n  ? a: 1\n  : v\nz: 0\n") { e, root in
            try e.insert("n", .int(1), into: try #require(root["m"]))
        }
        let document = try #require(try? parse(inserted).documents.first, "\(inserted.debugDescription)")
        #expect(document.root["m"]?.pairs?.count == 2, "\(inserted.debugDescription)")
        #expect(document.root["m"]?["n"]?.scalar?.value == "1", "\(inserted.debugDescription)")
    }

    /// In flow context libyaml refuses a plain scalar with a colon before a flow indicator (`a:?`), so the
    /// flow writer must quote it.
    @Test
    func flowScalarsQuoteAColonBeforeAnIndicator() throws {
        let out = try edited("s: [x]\nm: {k: v}\n") { e, root in
            try e.append(.string("a:?"), to: try #require(root["s"]))
            try e.insert("b:?", .string("c:?"), into: try #require(root["m"]))
        }
        let root = try #require(try? parse(out).documents.first?.root, "\(out.debugDescription)")
        #expect(root["s"]?.items?.last?.scalar?.value == "a:?")
        #expect(root["m"]?["b:?"]?.scalar?.value == "c:?")
    }

    /// A single-pair mapping written without braces in a flow sequence (`[a: b]`) has no `}` to insert
    /// before: adding a key must write the braces, or be refused, not go into a neighbour.
    @Test
    func editsInSinglePairFlowMappings() throws {
        let text = "s: [a: {x: 1}]\n"
        let stream = try parse(text)
        let document = try #require(stream.documents.first)
        let pair = try #require(document.root["s"]?.items?.first)
        var editor = DocumentEditor(source: stream.source, document: document)
        do {
            try editor.insert("c", .int(2), into: pair)
        } catch {
            return
        }
        let out = try editor.output()
        let reparsed = try #require(try? Parser().parse(out).documents.first, "\(String(decoding: out, as: UTF8.self))")
        #expect(
            try ValueConverter(document: reparsed).value(of: reparsed.root)
                == .map([("s", .sequence([.map([("a", .map([("x", .int(1))])), ("c", .int(2))])]))]),
            "\(String(decoding: out, as: UTF8.self))")
    }

    /// A literal block scalar written just before comment lines indented deeper than its content, or (kept
    /// with `|+`) before blank lines, must end before them: inside a block scalar a `#` line is content, and
    /// `|+` keeps the blank lines that follow it.
    @Test
    func literalBlockBeforeCommentsOrBlankLines() throws {
        let out = try edited("a:\n  b: 1\n      # note\n") { e, root in
            try e.insert("c", .string("x\ny"), into: root)
        }
        #expect(try parse(out).documents.first?.root["c"]?.scalar?.value == "x\ny", "\(out.debugDescription)")
        let kept = try edited("a: 1\n\n---\nb: 2\n") { e, root in
            try e.insert("c", .string("x\n\n"), into: root)
        }
        #expect(try parse(kept).documents.first?.root["c"]?.scalar?.value == "x\n\n", "\(kept.debugDescription)")
    }

    /// A block sequence with an anchor or a tag on its key's line (`a: &x` / `a: !!seq`) grows at its dashes'
    /// column, not at the anchor's; its first item is removed from its dash, not from the anchor; and emptied,
    /// it keeps the anchor before its `[]`.
    @Test
    func appendToAnchoredOrTaggedBlockSequence() throws {
        for text in ["a: &x\n- p\nb: 1\n", "a: !!seq\n  - p\nb: 1\n"] {
            let out = try edited(text) { e, root in
                try e.append(.string("q"), to: try #require(root["a"]))
            }
            let document = try #require(try? parse(out).documents.first, "\(out.debugDescription)")
            #expect(
                try ValueConverter(document: document).value(of: document.root)
                    == .map([("a", .sequence([.string("p"), .string("q")])), ("b", .int(1))]), "\(out.debugDescription)"
            )
        }
        let removed = try edited("a: &x\n- p\n- q\n") { e, root in
            try e.removeItem(at: 0, from: try #require(root["a"]))
        }
        let document = try #require(try? parse(removed).documents.first, "\(removed.debugDescription)")
        #expect(document.root["a"]?.anchor == "x", "\(removed.debugDescription)")
        #expect(
            try ValueConverter(document: document).value(of: document.root) == .map([("a", .sequence([.string("q")]))]))
        let emptied = try edited("a: &x\n- p\nb: 1\n") { e, root in
            try e.removeItem(at: 0, from: try #require(root["a"]))
        }
        #expect(emptied == "a: &x []\nb: 1\n")
    }

    /// Emptying a block collection writes `{}` or `[]` after its key's colon, and must look past comment lines
    /// to find it: a comment between the key and the entries (`key:\n# note\n- x`) is common, and a colon at
    /// the end of a comment is no key's colon.
    @Test
    func emptyingACollectionAfterAComment() throws {
        let list = try edited("a:\n# note\n- x\nb: 1\n") { e, root in
            try e.removeItem(at: 0, from: try #require(root["a"]))
        }
        let listDocument = try #require(try? parse(list).documents.first, "\(list.debugDescription)")
        #expect(
            try ValueConverter(document: listDocument).value(of: listDocument.root)
                == .map([("a", .sequence([])), ("b", .int(1))]), "\(list.debugDescription)")
        let map = try edited("a:\n# see:\n  b: 1\nc: 2\n") { e, root in
            try e.removePair("b", from: try #require(root["a"]))
        }
        let mapDocument = try #require(try? parse(map).documents.first, "\(map.debugDescription)")
        #expect(
            try ValueConverter(document: mapDocument).value(of: mapDocument.root)
                == .map([("a", .mapping([])), ("c", .int(2))]), "\(map.debugDescription)")
        #expect(map.contains("# see:\n"), "the comment changed: \(map.debugDescription)")
    }

    /// libyaml takes `#` right after a quoted scalar for a comment (`a: "x"# c`); a plain value put in the
    /// scalar's place must keep it a comment (a blank before it), not take it into the value.
    @Test
    func replacedScalarRightBeforeAComment() throws {
        let out = try edited("a: \"x\"# c\nb: 2\n") { e, root in
            try e.replace(try #require(root["a"]), with: .int(1))
        }
        #expect(try parse(out).documents.first?.root["a"]?.scalar?.value == "1", "\(out.debugDescription)")
    }

    /// An entry added after a literal block on a last line without a line break makes the block's chomping
    /// strip; when another edit replaces that block (in either order), the `-` must go with it, not overlap it.
    @Test
    func replacedLiteralAtTheEndWithAnEntryAdded() throws {
        for insertFirst in [true, false] {
            let out = try edited("a: 1\nb: |\n  x") { e, root in
                if insertFirst { try e.insert("c", .int(1), into: root) }
                try e.replace(try #require(root["b"]), with: .mapping([]))
                if !insertFirst { try e.insert("c", .int(1), into: root) }
            }
            let document = try #require(try? parse(out).documents.first, "\(out.debugDescription)")
            #expect(
                try ValueConverter(document: document).value(of: document.root)
                    == .map([("a", .int(1)), ("b", .mapping([])), ("c", .int(1))]), "\(out.debugDescription)")
        }
    }

    /// An empty explicit key (`?` alone) stands right after its `?`, with no blank between: the entry must
    /// still start at the `?`, or a removal leaves `?{}`, a replacement writes the key `?k`, and an added entry
    /// takes the empty key's column.
    @Test
    func entriesWithAnEmptyExplicitKey() throws {
        let cases: [(String, [(String, YAMLValue)], [(String, YAMLValue)], [(String, YAMLValue)])] = [
            ("?", [], [("k", .string("v"))], [("", .null), ("n", .int(1))]),
            (
                "a: 1\n?\n: v\n", [("a", .int(1))], [("a", .int(1)), ("k", .string("v"))],
                [("a", .int(1)), ("", .string("v")), ("n", .int(1))]
            ),
            ("{?: 1}", [], [("k", .string("v"))], [("", .int(1)), ("n", .int(1))]),
        ]
        for (text, removed, replaced, inserted) in cases {
            let outputs = [
                try edited(text) { e, root in try e.removePair("", from: root) },
                try edited(text) { e, root in try e.replacePair("", in: root, withKey: "k", value: .string("v")) },
                try edited(text) { e, root in try e.insert("n", .int(1), into: root) },
            ]
            for (out, expected) in zip(outputs, [removed, replaced, inserted]) {
                let document = try #require(try? parse(out).documents.first, "\(out.debugDescription)")
                #expect(
                    try ValueConverter(document: document).value(of: document.root) == .map(expected),
                    "\(text.debugDescription) → \(out.debugDescription)")
            }
        }
    }

    /// A flow entry whose key is a tag alone (`{a: 1, !   }`) has no colon; the value written for it must not
    /// follow the tag without a blank, or the tag takes the colon into its name (`!:`) and the value becomes the key.
    @Test
    func valueForAFlowKeyOfATagAlone() throws {
        for text in ["{a: 1, !   }", "{a: 1,\n  !!str\n}", "{a: 1, !<x:y> }"] {
            let out = try edited(text) { e, root in
                try e.replace(try #require(root.pairs?.last?.value), with: .int(2))
            }
            let document = try #require(try? parse(out).documents.first, "\(out.debugDescription)")
            #expect(
                try ValueConverter(document: document).value(of: document.root)
                    == .map([("a", .int(1)), ("", .int(2))]), "\(text.debugDescription) → \(out.debugDescription)")
        }
    }

    /// A line of blanks alone after the place of an added entry (at the end without a line break, or after
    /// empty lines) is content to a literal block indented less: a multi-line string written last must not take it.
    @Test
    func literalWrittenBeforeALineOfBlanks() throws {
        for text in [
            "a:\n  b: 1\n      ", "a:\n  b: 1\n      \n", "a:\n  b: 1\n\n      \nc: 2\n",
            "a:\n  b: 1\n\n      # c\n",
        ] {
            let out = try edited(text) { e, root in
                try e.insert("k", .string("x\ny"), into: try #require(root["a"]))
            }
            let document = try #require(try? parse(out).documents.first, "\(out.debugDescription)")
            #expect(
                document.root["a"]?["k"]?.scalar?.value == "x\ny", "\(text.debugDescription) → \(out.debugDescription)")
        }
    }

    /// A block scalar's indicator may stand on the line after its key at the key's column (`a:\n|`); an inline
    /// value written there would read as a new key, so it goes indented.
    @Test
    func inlineValueInThePlaceOfABlockScalarAtTheKeysColumn() throws {
        for text in ["a: 1\nb:\n|\n", "a: 1\nb:\n|", "m:\n  b:\n  >\n    x\nc: 2\n"] {
            let out = try edited(text) { e, root in
                try e.replace(try #require(root["b"] ?? root["m"]?["b"]), with: .string("true"))
            }
            let document = try #require(
                try? parse(out).documents.first, "\(text.debugDescription) → \(out.debugDescription)")
            let b = document.root["b"] ?? document.root["m"]?["b"]
            #expect(b?.scalar?.value == "true" && b?.scalar?.style != .plain, "\(out.debugDescription)")
        }
    }

    /// The input `valueForAnExplicitKeyBeforeAKeyStartingWithAColon` was reduced from, with the fuzzer's two rounds
    /// of edits (`? (na l` then `:metaadname: lem`): the key `(na l` must read `42`, not a mapping. Found by a
    /// time-bounded edit fuzzer run (`Fuzz/regressions/edit-2cc31df7`).
    @Test
    func editsAroundExplicitKeysWithoutValues() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fuzz/regressions/edit-2cc31df7")
        var bytes = Array(try Data(contentsOf: url))
        let rounds: [[(line: Int, column: Int, value: YAMLValue)]] = [
            [(8, 13, .null), (10, 17, .string("-")), (18, 14, .bool(false)), (24, 1, .int(1)), (14, 1, .null)],
            [
                (7, 1, .int(-7)), (19, 1, .int(42)), (26, 10, .string("#x")), (5, 10, .int(42)), (24, 3, .string("-1")),
                (12, 10, .string("1")),
            ],
        ]
        for edits in rounds {
            let stream = try Parser().parse(bytes)
            let document = try #require(stream.documents.first)
            var editor = DocumentEditor(source: stream.source, document: document)
            for edit in edits {
                let node = try #require(Self.node(at: edit.line, edit.column, in: document.root))
                try editor.replace(node, with: edit.value)
            }
            bytes =
                Array(stream.source[..<document.range.start.offset]) + (try editor.output())
                + Array(stream.source[document.range.end.offset...])
        }
        let root = try #require(try Parser().parse(bytes).documents.first?.root)
        #expect(root["(na l"]?.scalar?.value == "42", "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
    }

    // MARK: Guards that hold

    /// The edit fuzzer's model: every kind of edit in one session, compared with the value tree.
    @Test func mixedEditSessionMatchesTheValueTree() throws {
        let text = "a:\n  b: 1 # c\n  c: [x, w]\nd:\n  - p\n  - q\ne: {f: g}\n"
        let out = try edited(text) { e, root in
            try e.set("b", to: .string("yes"), in: try #require(root["a"]))
            try e.append(.int(3), to: try #require(root["a"]?["c"]))
            try e.removeItem(at: 0, from: try #require(root["d"]))
            try e.replacePair("e", in: root, withKey: "e2", value: .sequence([.bool(false)]))
            try e.insert("z", .map([("i", .null)]), into: root)
        }
        let document = try #require(try parse(out).documents.first)
        let value = try ValueConverter(document: document).value(of: document.root)
        #expect(
            value
                == .map([
                    ("a", .map([("b", .string("yes")), ("c", .sequence([.string("x"), .string("w"), .int(3)]))])),
                    ("d", .sequence([.string("q")])),
                    ("e2", .sequence([.bool(false)])),
                    ("z", .map([("i", .null)])),
                ]), "\(out.debugDescription)")
    }

    /// The first node in document order that starts at `line`:`column`.
    private static func node(at line: Int, _ column: Int, in root: Node) -> Node? {
        var stack = [root]
        while let node = stack.popLast() {
            if node.range.start.line == line, node.range.start.column == column { return node }
            if let pairs = node.pairs { stack += pairs.reversed().flatMap { [$0.value, $0.key] } }
            if let items = node.items { stack += items.reversed() }
        }
        return nil
    }
}
