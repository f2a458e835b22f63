import Testing

@testable import OSMInjector

/// The tabwriter port against Go 1.19's `text/tabwriter` (outputs recorded with `tabwriter.NewWriter(w, 6, 4, 3, ' ', 0)`).
@Suite("Enrolment: Go tabwriter")
struct EnrolmentTabWriterTests {
    static let cases: [(String, String)] = [
        (
            "NAMESPACE\tMESH\tSIDECAR-INJECTION\nns\tmy-mesh\t-\n",
            "NAMESPACE   MESH      SIDECAR-INJECTION\nns          my-mesh   -\n"
        ),
        ("a\tb\tc\n", "a     b     c\n"),
        (
            "NAMESPACE\tMESH\tSIDECAR-INJECTION\nverylongnamespace-name\tosm\tdisabled (ignored)\nx\tmesh-é\tenabled\n",
            "NAMESPACE                MESH     SIDECAR-INJECTION\nverylongnamespace-name   osm      disabled (ignored)\nx                        mesh-é   enabled\n"
        ),
        ("a\tb\nno tabs here\nlonger cell\tc\td\n", "a     b\nno tabs here\nlonger cell   c     d\n"),
        ("h1\th2\th3\nx\t\tz\n", "h1    h2    h3\nx           z\n"),
        ("a\tb\tval\twith tab\n", "a     b     val   with tab\n"),
        ("a\tb\tline\nbreak\n", "a     b     line\nbreak\n"),
        ("a\tb\tc", "a     b     c"),
        ("ü\tß\t-\n", "ü     ß     -\n"),
    ]

    @Test("same bytes as Go", arguments: cases.indices)
    func sameAsGo(_ index: Int) {
        let (input, expected) = Self.cases[index]
        #expect(GoTabWriter(minWidth: 6, tabWidth: 4, padding: 3).format(input) == expected)
    }
}
