import Testing

@testable import OSMInjector

@Suite("MetricsAnnotation")
struct MetricsAnnotationTests {
    private static let key = "openservicemesh.io/metrics"

    @Test(
        "§12.7: enabled → on, disabled → off, none → off; case-insensitive",
        arguments: [
            ("enabled", true), ("yes", true), ("true", true), ("ENABLED", true),
            ("disabled", false), ("no", false), ("false", false), ("False", false), ("", false),
        ])
    func values(value: String, expected: Bool) throws {
        #expect(try MetricsAnnotation.isEnabled(value: value) == expected)
        #expect(try MetricsAnnotation.isEnabled(annotations: [Self.key: value]) == expected)
    }

    @Test("Absent annotation → off")
    func absent() throws {
        #expect(try MetricsAnnotation.isEnabled(value: nil) == false)
        #expect(try MetricsAnnotation.isEnabled(annotations: [:]) == false)
    }

    @Test(
        "Invalid value: OSM's error text carries the lower-cased value",
        arguments: [("invalid", "invalid"), ("INVALID", "invalid"), (" Enabled", " enabled"), ("On", "on")])
    func invalid(value: String, lowered: String) {
        let expected = AnnotationError(
            key: Self.key, value: value,
            message: "Invalid value specified for annotation \"openservicemesh.io/metrics\": \(lowered)")
        #expect(throws: expected) { try MetricsAnnotation.isEnabled(value: value) }
        #expect(throws: expected) { try MetricsAnnotation.isEnabled(annotations: [Self.key: value]) }
    }
}
