/// The value of the `openservicemesh.io/sidecar-injection` annotation, parsed as v1.2.4's `isAnnotatedForInjection`.
public enum InjectionAnnotation: Sendable, Equatable {
    /// `enabled`, `yes` or `true` (any case).
    case enabled
    /// `disabled`, `no` or `false` (any case).
    case disabled

    /// Parses a present value: Go `strings.ToLower`, no trimming; anything else is OSM's error.
    public init(value: String) throws(AnnotationError) {
        switch GoStrings.toLower(value) {
        case "enabled", "yes", "true":
            self = .enabled
        case "disabled", "no", "false":
            self = .disabled
        default:
            let key = OSMConstants.sidecarInjectionAnnotation
            throw AnnotationError(
                key: key, value: value,
                message: "Invalid annotation value for key \"\(key)\": \(value)")
        }
    }

    /// Reads the annotation from a pod's or namespace's annotations; `nil` when the key is absent.
    public static func read(from annotations: [String: String]) throws(AnnotationError) -> InjectionAnnotation? {
        guard let value = annotations[OSMConstants.sidecarInjectionAnnotation] else { return nil }
        return try InjectionAnnotation(value: value)
    }

    /// Whether this value enables injection.
    public var isEnabled: Bool { self == .enabled }
}
