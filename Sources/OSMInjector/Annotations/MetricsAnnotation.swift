/// The namespace `openservicemesh.io/metrics` annotation, parsed as v1.2.4's `isMetricsEnabled`.
public enum MetricsAnnotation {
    /// Whether `value` enables metrics: absent or empty → `false`; unknown → OSM's error (lower-cased value).
    public static func isEnabled(value: String?) throws(AnnotationError) -> Bool {
        guard let value else { return false }
        let lowered = GoStrings.toLower(value)
        switch lowered {
        case "":
            return false
        case "enabled", "yes", "true":
            return true
        case "disabled", "no", "false":
            return false
        default:
            let key = OSMConstants.metricsAnnotation
            throw AnnotationError(
                key: key, value: value,
                message: "Invalid value specified for annotation \"\(key)\": \(lowered)")
        }
    }

    /// Whether a namespace's annotations enable metrics (see `isEnabled(value:)`).
    public static func isEnabled(annotations: [String: String]) throws(AnnotationError) -> Bool {
        try isEnabled(value: annotations[OSMConstants.metricsAnnotation])
    }
}
