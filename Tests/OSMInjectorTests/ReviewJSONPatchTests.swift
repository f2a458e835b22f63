import Testing
@testable import OSMInjector

/// gomodules jsonpatch v2.2.0's `CreatePatch`: exact operations where they are known, and the library's own
/// test pairs checked by applying the patch both ways.
@Suite struct ReviewJSONPatchTests {
    @Test func addsRemovesAndReplacesMembers() throws {
        #expect(
            try ReviewJSON.patch(#"{"a":100,"b":200,"c":"hello"}"#, #"{"a":100,"b":200,"c":"hello","d":"foo"}"#).json()
                == #"[{"op":"add","path":"/d","value":"foo"}]"#)
        #expect(
            try ReviewJSON.patch(#"{"a":100,"b":200,"c":"hello"}"#, #"{"a":100,"b":200}"#).json()
                == #"[{"op":"remove","path":"/c"}]"#)
        #expect(
            try ReviewJSON.patch(#"{"a":100,"b":200,"c":"hello"}"#, #"{"a":100,"b":100,"c":"hello"}"#).json()
                == #"[{"op":"replace","path":"/b","value":100}]"#)
    }

    @Test func nullKeyIsReplacedAndNullValueIsWritten() throws {
        #expect(
            try ReviewJSON.patch(#"{"spec":{"request":null}}"#, #"{"spec":{"request":"bXV0"}}"#).json()
                == #"[{"op":"replace","path":"/spec/request","value":"bXV0"}]"#)
        #expect(
            try ReviewJSON.patch(#"{"spec":{"request":"bXV0"}}"#, #"{"spec":{"request":null}}"#).json()
                == #"[{"op":"replace","path":"/spec/request","value":null}]"#)
        #expect(
            try ReviewJSON.patch(#"{"a":1}"#, #"{"a":1,"b":null}"#).json()
                == #"[{"op":"add","path":"/b","value":null}]"#)
    }

    @Test func siblingKeysComeInSortedOrderAndAddsBeforeRemoves() throws {
        let ops = try ReviewJSON.patch(#"{"z":1,"a":1,"m":{"x":1}}"#, #"{"b":2,"a":2,"m":{"y":1}}"#)
        #expect(ops.map { "\($0.op) \($0.path)" } == ["replace /a", "add /b", "add /m/y", "remove /m/x", "remove /z"])
    }

    @Test func pathsAreEscapedPerRFC6901() throws {
        #expect(
            try ReviewJSON.patch(
                #"{"metadata":{"annotations":{}}}"#,
                #"{"metadata":{"annotations":{"prometheus.io/scrape":"true","a~b":"x"}}}"#
            ).json()
                == #"[{"op":"add","path":"/metadata/annotations/a~0b","value":"x"},{"op":"add","path":"/metadata/annotations/prometheus.io~1scrape","value":"true"}]"#
        )
    }

    @Test func valuesAreEncodedLikeGo() throws {
        let ops = try ReviewJSON.patch(#"{"a":{}}"#, #"{"a":{"s":"x <<EOF & >","z":1,"k":[true,null,0.55,15000]}}"#)
        #expect(
            try ops.json()
                == #"[{"op":"add","path":"/a/k","value":[true,null,0.55,15000]},{"op":"add","path":"/a/s","value":"x \u003c\u003cEOF \u0026 \u003e"},{"op":"add","path":"/a/z","value":1}]"#
        )
        #expect(
            GoJSONEncoder.encode(.object(["b": .number(1), "a": .string("\n\t\u{1}\u{2028}")]))
                == #"{"a":"\n\t\u0001\u2028","b":1}"#)
    }

    @Test func floatsUseGoFormat() {
        let cases: [(Double, String)] = [
            (15000, "15000"), (0.55, "0.55"), (-0.0, "-0"), (0, "0"), (1e21, "1e+21"), (1e20, "100000000000000000000"),
            (1e-7, "1e-7"), (0.000001, "0.000001"), (1.5e300, "1.5e+300"), (123456789, "123456789"),
            (-2.5e-10, "-2.5e-10"),
            (Double("9007199254740993") ?? 0, "9007199254740992"),
        ]
        for (value, text) in cases { #expect(GoFloatFormat.json(value) == text, "\(value)") }
    }

    @Test func nonSimpleArraysAreDiffedByIndex() throws {
        let ops = try ReviewJSON.patch(
            #"{"c":[{"name":"a","ports":[1]}]}"#,
            #"{"c":[{"name":"a","ports":[1]},{"name":"envoy","ports":[2]},{"name":"x","ports":[]}]}"#)
        #expect(ops.map { "\($0.op) \($0.path)" } == ["add /c/1", "add /c/2"])
        let shrink = try ReviewJSON.patch(#"{"c":[[1],[2],[3]]}"#, #"{"c":[[1]]}"#)
        #expect(shrink.map { "\($0.op) \($0.path)" } == ["remove /c/2", "remove /c/1"])
    }

    @Test func simpleArraysUseEditDistance() throws {
        let ops = try ReviewJSON.patch(#"{"x":["A","B","C"]}"#, #"{"x":["D"]}"#)
        #expect(
            try ops.json()
                == #"[{"op":"remove","path":"/x/2"},{"op":"remove","path":"/x/1"},{"op":"replace","path":"/x/0","value":"D"}]"#
        )
        #expect(
            try ReviewJSON.patch(#"{"l":[1,2,3]}"#, #"{"l":[1,2,3,4]}"#).json()
                == #"[{"op":"add","path":"/l/3","value":4}]"#)
    }

    @Test func typeChangesAreReplacements() throws {
        #expect(
            try ReviewJSON.patch(#"{"a":[1]}"#, #"{"a":{"b":1}}"#).json()
                == #"[{"op":"replace","path":"/a","value":{"b":1}}]"#)
        #expect(try ReviewJSON.patch(#"{"a":"1"}"#, #"{"a":1}"#).json() == #"[{"op":"replace","path":"/a","value":1}]"#)
    }

    @Test func aPathThatBreaksGoMarshallingIsAnError() throws {
        let ops = try ReviewJSON.patch(#"{"m":{}}"#, #"{"m":{"a\"b":"x"}}"#)
        #expect(
            throws: JSONPatchError(
                "json: error calling MarshalJSON for type *jsonpatch.Operation: invalid character 'b' after object key:value pair"
            )
        ) {
            try ops.json()
        }
        #expect(
            try ReviewJSON.patch(#"{"m":{}}"#, #"{"m":{"a<b":"x"}}"#).json()
                == #"[{"op":"add","path":"/m/a\u003cb","value":"x"}]"#)
    }

    /// The library's own test pairs (jsonpatch_test.go), checked by applying each patch both ways.
    @Test(arguments: [
        (#"{"a":100, "b":100, "d":"foo"}"#, #"{"a":100, "b":null, "d":"foo"}"#),
        (#"{"a":100, "b":200, "c":"hello"}"#, #"{}"#),
        (
            #"{"spec":{"loadBalancerSourceRanges":["192.101.0.0/16","192.0.0.0/24"]}}"#,
            #"{"spec":{"loadBalancerSourceRanges":["192.101.0.0/24"]}}"#
        ),
        (#"{"Lines":[1,2,3,4,5,6,7,8,9,10]}"#, #"{"Lines":[2,3,4,5,6,7,8,9,10,11]}"#),
        (#"{"letters":["A","B","C","D","E","F","G","H","I","J","K"]}"#, #"{"letters":["L","M","N"]}"#),
        (
            #"{"a":100, "b":[{"c1":"hello", "d1":"foo"},{"c2":"hello2", "d2":"foo2"} ], "e":{"f":200, "g":"h", "i":"j"}}"#,
            #"{"a":100, "b":[{"c1":"goodbye", "d1":"foo"},{"c2":"hello2", "d2":"foo2"} ], "e":{"f":200, "g":"h", "i":"j"}}"#
        ),
        (
            #"{"a":100, "b":[{"c1":"hello", "d1":"foo"},{"c2":"hello2", "d2":"foo2"} ], "e":{"f":200, "g":"h", "i":"j"}}"#,
            #"{"a":100, "b":[{"c1":"hello", "d1":"foo"},{"c2":"hello2", "d2":"foo2"}, {"c3":"hello3", "d3":"foo3"} ], "e":{"f":200, "g":"h", "i":"j"}, "k":[{"l":"m"}, {"l":"o"}]}"#
        ),
        (
            #"{"type":"Point", "coordinates":[0.0, 1.0]}"#,
            #"{"type":"LineString", "coordinates":[[0.0, 1.0], [2.0, 3.0]]}"#
        ),
        (
            #"{"spec":{"tolerations":[{"key":"k1","operator":"Equal","value":"v1","effect":"NoSchedule"},{"key":"k2","operator":"Equal","value":"v2","effect":"NoSchedule"},{"key":"nr","operator":"Exists","effect":"NoExecute","tolerationSeconds":300}]}}"#,
            #"{"spec":{"tolerations":[{"key":"k2","operator":"Equal","value":"v2","effect":"NoSchedule"},{"key":"k1","operator":"Equal","value":"v1","effect":"NoSchedule"}]}}"#
        ),
        (#"[{"asdf":"qwerty"}]"#, #"[{"asdf":"bla"},{"asdf":"zzz"}]"#),
        (#"[]"#, #"[{"asdf":"bla"},{"asdf":"zzz"}]"#),
    ])
    func libraryPairsRoundTrip(_ pair: (String, String)) throws {
        for (source, destination) in [(pair.0, pair.1), (pair.1, pair.0)] {
            let a = try ReviewJSON.value(source), b = try ReviewJSON.value(destination)
            #expect(try PatchApplier.apply(JSONPatch.create(from: a, to: b), to: a) == b, "\(source) -> \(destination)")
        }
    }
}
