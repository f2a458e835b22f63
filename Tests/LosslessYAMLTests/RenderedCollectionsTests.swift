import Testing
@testable import LosslessYAML

/// Text copied for a collection rendered before is exactly what rendering it afresh gives, in every placement.
@Suite struct RenderedCollectionsTests {
    /// One value, shared as the injected containers' constant parts are (same storage each time).
    static let shared = YAMLValue.map([
        ("ports", .sequence([.map([("name", .string("admin")), ("containerPort", .int(15000))])])),
        ("script", .string("line one\nline two\n")),
    ])

    /// The same value built anew, so that its storage is new and nothing can be copied for it.
    static func fresh() -> YAMLValue {
        .map([
            ("ports", .sequence([.map([("name", .string("admin")), ("containerPort", .int(15000))])])),
            ("script", .string("line one\nline two\n")),
        ])
    }

    static let layouts = [Layout(), Layout(indentStep: 4, indentsSequences: true), Layout(lineBreak: "\r\n")]

    @Test(arguments: layouts)
    func copiedTextMatchesFreshText(layout: Layout) {
        for nextLine in [BlockRenderer.NextLine.other, .comment, .blank] {
            for indent in [0, 2, 6] {
                var renderer = BlockRenderer(layout: layout)
                renderer.nextLine = nextLine
                // Twice each: the second rendering of the shared value is the copied one.
                for _ in 0..<2 {
                    #expect(renderer.pair("c", Self.shared, indent: indent) == renderer.pair("c", Self.fresh(), indent: indent))
                    #expect(renderer.item(Self.shared, dashIndent: indent) == renderer.item(Self.fresh(), dashIndent: indent))
                }
            }
        }
    }

    /// A last string that a following comment line would join is written quoted, and the copy knows it.
    @Test func whatFollowsTheTextIsPartOfItsPlace() {
        var renderer = BlockRenderer(layout: Layout())
        let plain = renderer.pair("c", Self.shared, indent: 0)
        renderer.nextLine = .comment
        let beforeComment = renderer.pair("c", Self.shared, indent: 0)
        #expect(plain.contains("script: |"))
        #expect(beforeComment.contains("script: \"line one\\nline two\\n\""))
    }
}
