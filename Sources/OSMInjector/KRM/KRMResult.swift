import LosslessYAML

/// One entry of a ResourceList's `results`, as the KRM Functions Specification defines it.
public struct KRMResult: Sendable, Equatable {
    /// `error`, `warning` or `info`.
    public enum Severity: String, Sendable {
        case error, warning, info
    }

    /// The object a result is about (`resourceRef`).
    public struct ResourceRef: Sendable, Equatable {
        public var apiVersion: String
        public var kind: String
        public var name: String
        public var namespace: String?
    }

    /// The file the object came from (`file`): its path and index annotations.
    public struct File: Sendable, Equatable {
        public var path: String
        public var index: Int?
    }

    public var message: String
    public var severity: Severity
    public var resourceRef: ResourceRef?
    public var file: File?

    public init(message: String, severity: Severity, resourceRef: ResourceRef? = nil, file: File? = nil) {
        self.message = message
        self.severity = severity
        self.resourceRef = resourceRef
        self.file = file
    }

    /// The result as a `results` item.
    public var value: YAMLValue {
        var entries: [(String, YAMLValue)] = [("message", .string(message)), ("severity", .string(severity.rawValue))]
        if let ref = resourceRef {
            var fields: [(String, YAMLValue)] = [
                ("apiVersion", .string(ref.apiVersion)), ("kind", .string(ref.kind)),
                ("name", .string(ref.name)),
            ]
            if let namespace = ref.namespace, !namespace.isEmpty { fields.append(("namespace", .string(namespace))) }
            entries.append(("resourceRef", .map(fields)))
        }
        if let file {
            var fields: [(String, YAMLValue)] = [("path", .string(file.path))]
            if let index = file.index { fields.append(("index", .int(index))) }
            entries.append(("file", .map(fields)))
        }
        return .map(entries)
    }
}

extension KRMResult {
    /// The result for one line of the engine's report: errors, warnings and information.
    static func results(for report: WorkloadReport, apiVersion: String, namespace: String?, file: File?) -> [KRMResult]
    {
        let ref =
            report.kind.isEmpty
            ? nil
            : ResourceRef(apiVersion: apiVersion, kind: report.kind, name: report.name, namespace: namespace)
        if case .failed(let error) = report.outcome {
            return [KRMResult(message: report.message(of: error), severity: .error, resourceRef: ref, file: file)]
        }
        var results = report.warnings.map {
            KRMResult(message: "\(report.subject): \($0)", severity: .warning, resourceRef: ref, file: file)
        }
        results.append(KRMResult(message: report.line, severity: .info, resourceRef: ref, file: file))
        return results
    }
}
