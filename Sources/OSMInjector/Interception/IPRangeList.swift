import LosslessYAML

/// Outbound IP range lists: v1.2.4's pod-annotation parsing, strict MeshConfig validation, and the webhook's merge.
public enum IPRangeList {
    /// Parses a present pod annotation value as v1.2.4's `getOutboundIPRangeListForPod`.
    ///
    /// Splits on `,`, trims each element with Go's `TrimSpace`, and requires Go 1.19's
    /// `net.ParseCIDR` to accept it; the trimmed text is kept verbatim. IPv6 ranges are accepted,
    /// as OSM does, with a warning (the script feeds the IPv4 `iptables-restore`).
    public static func parseAnnotation(_ value: String, key: String) throws(ExclusionError) -> ParsedList<String> {
        var ranges: [String] = []
        var warnings: [String] = []
        for element in GoStrings.split(value, on: ",") {
            let trimmed = GoStrings.trimSpace(element)
            guard let cidr = GoCIDR.parse(trimmed) else {
                throw ExclusionError(
                    key: key, message: "Invalid IP range '\(trimmed)' specified for annotation '\(key)'")
            }
            if cidr.family == .ipv6 {
                warnings.append(
                    "IP range '\(trimmed)' in annotation '\(key)' is IPv6: OSM v1.2.4 accepts it, but the "
                        + "IPv4 iptables-restore will fail in the \(OSMConstants.initContainerName) container")
            }
            ranges.append(trimmed)
        }
        return ParsedList(values: ranges, warnings: warnings)
    }

    /// Validates a MeshConfig global IP range list: the CRD schema's IPv4 CIDR pattern and Go's `net.ParseCIDR`.
    ///
    /// The value must be exactly an IPv4 CIDR (no surrounding text or spaces, no leading-zero
    /// octets, a prefix of 1–2 digits up to 32), so nothing else can reach the shell script.
    /// `marks` are the items' positions, when known.
    public static func validateGlobal(_ ranges: [String], field: String, marks: [Mark] = []) throws(ExclusionError)
        -> [String]
    {
        for (index, range) in ranges.enumerated() where !isSchemaIPv4CIDR(range) {
            throw ExclusionError(
                key: field,
                message: "Invalid IP range '\(range)' specified for MeshConfig field '\(field)': "
                    + "must be an IPv4 CIDR such as 10.0.0.0/8",
                at: marks.item(index))
        }
        return ranges
    }

    /// Merges as v1.2.4's `mergeIPRangeLists`: the pod's ranges first, then global, first occurrence kept.
    public static func merge(pod: [String], global: [String]) -> [String] {
        Deduplication.keepingFirst(pod + global)
    }

    /// Whether `text` passes both Go's `net.ParseCIDR` as IPv4 and the CRD pattern's `/\d{1,2}$` suffix.
    static func isSchemaIPv4CIDR(_ text: String) -> Bool {
        guard let cidr = GoCIDR.parse(text), cidr.family == .ipv4 else { return false }
        let maskDigits = text.utf8.reversed().prefix { $0 != UInt8(ascii: "/") }.count
        return maskDigits <= 2
    }
}
