import Foundation

/// Names what a re-injection changed, for the report: the injected parts whose lines differ.
enum ChangeSummary {
    /// Short names of the changed parts (`envoy container`, `osm-init script`, `bootstrap Secret`, …).
    static func describe(old: ArraySlice<UInt8>, new: [UInt8], secretsChanged: Bool) -> [String] {
        let before = Set(lines(Array(old))), after = Set(lines(new))
        let changed = before.symmetricDifference(after)
        let levels: Set<String> = ["trace", "debug", "info", "warning", "warn", "error", "critical", "off"]
        var parts: [String] = []
        if changed.contains(where: { $0.contains("image:") }) { parts.append("images") }
        if changed.contains(where: {
            $0.contains("--log-level") || levels.contains(String($0.dropFirst(2))) && $0.hasPrefix("- ")
        }) {
            parts.append("envoy arguments")
        }
        if changed.contains(where: { $0.hasPrefix("-A ") || $0.hasPrefix("-I ") }) { parts.append("osm-init script") }
        if changed.contains(where: { $0.hasPrefix("prometheus.io/") }) { parts.append("metrics annotations") }
        let probes = changed.contains { line in
            !line.hasPrefix("prometheus.io/")
                && (line.contains("-probe") || line.hasPrefix("port:") || line.contains("httpGet")
                    || line.contains("tcpSocket") || line.contains("Original-Tcp-Port") || line.hasPrefix("path:"))
        }
        if probes { parts.append("probes") }
        if changed.contains(where: { $0.hasPrefix("cpu:") || $0.hasPrefix("memory:") || $0.hasPrefix("resources:") }) {
            parts.append("resources")
        }
        if secretsChanged { parts.append("bootstrap Secret") }
        if parts.isEmpty && !changed.isEmpty { parts.append("injected fields") }
        return parts
    }

    private static func lines(_ bytes: [UInt8]) -> [String] {
        // Split on the byte: in Swift "\r\n" is one Character, which "\n" never matches.
        bytes.split(separator: 0x0A).map {
            String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }
}
