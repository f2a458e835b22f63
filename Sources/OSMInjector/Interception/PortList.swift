import LosslessYAML

/// Port exclusion lists: v1.2.4's pod-annotation parsing, strict MeshConfig validation, and the webhook's merge.
public enum PortList {
    /// The highest valid TCP port; OSM does not check it for annotations, the MeshConfig schema does.
    public static let maximumPort = 65535
    /// The most ports one iptables `multiport` match accepts.
    public static let multiportLimit = 15

    /// Parses a present pod annotation value as v1.2.4's `getPortExclusionListForPod`.
    ///
    /// Splits on `,`, trims each element with Go's `TrimSpace`, converts with Go's `strconv.Atoi`
    /// (`+80` and `080` are 80); an element that fails or is ≤ 0 is OSM's error. Ports above 65535
    /// are accepted, as OSM does, with a warning.
    public static func parseAnnotation(_ value: String, key: String) throws(ExclusionError) -> ParsedList<Int> {
        var ports: [Int] = []
        var warnings: [String] = []
        for element in GoStrings.split(value, on: ",") {
            let trimmed = GoStrings.trimSpace(element)
            guard let port = GoStrconv.atoi(trimmed), port > 0 else {
                throw ExclusionError(
                    key: key, message: "Invalid port value '\(trimmed)' specified for annotation '\(key)'")
            }
            if port > maximumPort {
                warnings.append(
                    "Port \(port) in annotation '\(key)' is above \(maximumPort): OSM v1.2.4 accepts it, "
                        + "but iptables-restore will fail in the \(OSMConstants.initContainerName) container")
            }
            ports.append(port)
        }
        return ParsedList(values: ports, warnings: warnings)
    }

    /// Validates a MeshConfig global port list against the CRD schema (each port 1–65535).
    /// `marks` are the items' positions, when known.
    public static func validateGlobal(_ ports: [Int], field: String, marks: [Mark] = []) throws(ExclusionError) -> [Int]
    {
        for (index, port) in ports.enumerated() where !(1...maximumPort).contains(port) {
            throw ExclusionError(
                key: field,
                message: "Invalid port value '\(port)' specified for MeshConfig field '\(field)': "
                    + "must be between 1 and \(maximumPort)",
                at: marks.item(index))
        }
        return ports
    }

    /// Merges as v1.2.4's `mergePortExclusionLists`: global ports first, then the pod's, first occurrence kept.
    public static func merge(pod: [Int], global: [Int]) -> [Int] {
        Deduplication.keepingFirst(global + pod)
    }

    /// The warning for a merged list longer than one `multiport` rule allows, or `nil`.
    public static func multiportWarning(_ ports: [Int], direction: String) -> String? {
        guard ports.count > multiportLimit else { return nil }
        return "The merged \(direction) port exclusion list has \(ports.count) ports: OSM v1.2.4 accepts it, "
            + "but an iptables multiport rule takes at most \(multiportLimit), "
            + "so iptables-restore will fail in the \(OSMConstants.initContainerName) container"
    }
}
