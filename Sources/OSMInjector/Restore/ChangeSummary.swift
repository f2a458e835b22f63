import Foundation

/// Names what a re-injection changed, for the report: the injected parts whose lines differ.
enum ChangeSummary {
    /// Short names of the changed parts (`envoy container`, `osm-init script`, `bootstrap Secret`, …).
    static func describe(old: ArraySlice<UInt8>, new: [UInt8], secretsChanged: Bool) -> [String] {
        let before = Set(lines(Array(old))), after = Set(lines(new))
        let changed = before.symmetricDifference(after)
        var parts: [String] = []
        let probes = changed.contains { $0.contains("-probe") || $0.contains("port:") || $0.contains("httpGet") || $0.contains("tcpSocket") }
        if changed.contains(where: { $0.contains("image:") }) { parts.append("images") }
        if changed.contains(where: { $0.contains("--log-level") || $0.hasPrefix("- error") || $0.hasSuffix("- debug") }) { parts.append("envoy arguments") }
        if changed.contains(where: { $0.hasPrefix("-A ") || $0.hasPrefix("-I ") }) { parts.append("osm-init script") }
        if changed.contains(where: { $0.hasPrefix("prometheus.io/") }) { parts.append("metrics annotations") }
        if probes { parts.append("probes") }
        if changed.contains(where: { $0.hasPrefix("cpu:") || $0.hasPrefix("memory:") || $0.hasPrefix("resources:") }) { parts.append("resources") }
        if secretsChanged { parts.append("bootstrap Secret") }
        if parts.isEmpty && !changed.isEmpty { parts.append("injected fields") }
        return parts
    }

    private static func lines(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    }
}
