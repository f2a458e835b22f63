import Testing

@testable import OSMInjector

@Suite("InjectionAnnotation")
struct InjectionAnnotationTests {
    private static let key = "openservicemesh.io/sidecar-injection"

    private func error(_ value: String) -> AnnotationError {
        AnnotationError(
            key: Self.key, value: value, message: "Invalid annotation value for key \"\(Self.key)\": \(value)")
    }

    @Test(
        "T-ANN-1…6 and case variants",
        arguments: [
            ("enabled", InjectionAnnotation.enabled), ("yes", .enabled), ("true", .enabled),
            ("disabled", .disabled), ("no", .disabled), ("false", .disabled),
            ("Enabled", .enabled), ("TRUE", .enabled), ("Yes", .enabled), ("NO", .disabled), ("fAlSe", .disabled),
        ])
    func validValues(value: String, expected: InjectionAnnotation) throws {
        #expect(try InjectionAnnotation(value: value) == expected)
        #expect(try InjectionAnnotation.read(from: [Self.key: value]) == expected)
    }

    @Test("T-ANN-7: no annotation is absent, not an error")
    func absent() throws {
        #expect(try InjectionAnnotation.read(from: [:]) == nil)
        #expect(try InjectionAnnotation.read(from: ["openservicemesh.io/metrics": "enabled"]) == nil)
    }

    @Test(
        "T-ANN-8 and untrimmed or unknown values: OSM's error with the original value",
        arguments: ["invalid", "invalid-value", " true", "true ", "", "1", "on", "TRUE\n", "enabled,", "$(reboot)"])
    func invalidValues(value: String) {
        #expect(throws: error(value)) { try InjectionAnnotation(value: value) }
        #expect(throws: error(value)) { try InjectionAnnotation.read(from: [Self.key: value]) }
    }

    @Test("Error text keeps the original case")
    func errorTextNotLowerCased() {
        #expect(throws: error("Maybe")) { try InjectionAnnotation(value: "Maybe") }
        let message = "Invalid annotation value for key \"openservicemesh.io/sidecar-injection\": Maybe"
        #expect(error("Maybe").message == message)
        #expect(error("Maybe").description == message)
    }

    @Test("Go's simple lower-casing: U+0130 lowers to ASCII i, so 'DİSABLED' disables")
    func goLowerCasing() throws {
        #expect(try InjectionAnnotation(value: "D\u{130}SABLED") == .disabled)
        #expect(try InjectionAnnotation(value: "ENABLED").isEnabled)
        #expect(try !InjectionAnnotation(value: "no").isEnabled)
    }
}
