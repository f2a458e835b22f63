import LosslessYAML

/// Which documents of a stream the injector must read whole; the others are copied without a tree.
enum TreeNeeds {
    /// The kinds whose documents the write pass reads: workloads, Lists, Secrets (bootstrap Secrets are
    /// replaced or dropped).
    static let writePass = DocumentFilter { kind in
        needsTree(kind) { WorkloadKinds.templatePath(of: $0) != nil || WorkloadKinds.isList($0) || $0 == "Secret" }
    }

    /// The kinds the first pass learns from: the declared state, bootstrap Secrets and, when the stream can
    /// hold an injected workload at all, the workloads (for the Secrets they use).
    static func surveyPass(_ source: [UInt8]) -> DocumentFilter {
        let workloads = mayNameBootstrapVolume(source)
        return DocumentFilter { kind in
            needsTree(kind) {
                $0 == "Namespace" || $0 == "MeshConfig" || $0 == "Secret" || WorkloadKinds.isList($0)
                    || (workloads && WorkloadKinds.templatePath(of: $0) != nil)
            }
        }
    }

    /// A `kind` that is no plain string (null, a number, empty) is read whole, as the walker reports it.
    private static func needsTree(_ kind: Scalar, _ wanted: (String) -> Bool) -> Bool {
        if kind.value.isEmpty || (kind.style == .plain && ScalarResolver.resolve(kind.value) != .string) { return true }
        return wanted(kind.value)
    }

    /// Whether `source` holds the bootstrap volume's name, or an escape or escaped line break of a
    /// double-quoted scalar that could spell it.
    static func mayNameBootstrapVolume(_ source: [UInt8]) -> Bool {
        let needle = Array("envoy-bootstrap-config".utf8)
        return source.withUnsafeBufferPointer { bytes in
            var i = 0
            let count = bytes.count
            while i < count {
                let byte = bytes[i]
                if byte == 0x5C, i + 1 < count {  // backslash
                    switch bytes[i + 1] {
                    case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"), 0x0A, 0x0D: return true
                    default: break
                    }
                } else if byte == needle[0], i + needle.count <= count {
                    var j = 1
                    while j < needle.count, bytes[i + j] == needle[j] { j += 1 }
                    if j == needle.count { return true }
                }
                i += 1
            }
            return false
        }
    }
}
