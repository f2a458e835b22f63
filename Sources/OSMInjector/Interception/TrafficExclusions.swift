/// The validated, merged interception lists of one Linux pod, as v1.2.4's `configurePodInit` builds them;
/// the only input `IptablesScript` accepts, so nothing unchecked reaches the root shell script.
public struct TrafficExclusions: Sendable, Equatable {
    /// Outbound ports to bypass: global first, then the pod's.
    public let outboundPortExclusionList: [Int]
    /// Inbound ports to bypass: global first, then the pod's.
    public let inboundPortExclusionList: [Int]
    /// Outbound IP ranges to bypass: the pod's first, then global.
    public let outboundIPRangeExclusionList: [String]
    /// Outbound IP ranges to intercept (all others bypass): the pod's first, then global.
    public let outboundIPRangeInclusionList: [String]
    /// Interfaces whose traffic bypasses the proxy: the global list as is.
    public let networkInterfaceExclusionList: [String]
    /// Values OSM v1.2.4 accepts but that will make `iptables-restore` fail at run time.
    public let warnings: [String]

    /// No exclusions at all (no annotations, empty MeshConfig lists).
    public static let none = TrafficExclusions(
        outboundPorts: [], inboundPorts: [], outboundIPExclusions: [], outboundIPInclusions: [],
        interfaces: [], warnings: [])

    /// Validates the global lists, then parses the pod's annotations and merges as v1.2.4 does.
    ///
    /// Global lists are checked first (a MeshConfig the CRD schema would refuse is an error for
    /// every pod); then the pod annotations in OSM's order — outbound ports, inbound ports,
    /// outbound IP exclusions, outbound IP inclusions — the first failure being OSM's error.
    /// Only for Linux pods: OSM skips all of this (and its errors) for Windows pods.
    public init(podAnnotations: [String: String], global: GlobalTrafficExclusions) throws(ExclusionError) {
        try global.validate()
        var warnings: [String] = []

        let podOutboundPorts = try Self.ports(
            podAnnotations, OSMConstants.outboundPortExclusionListAnnotation, &warnings)
        let outboundPorts = PortList.merge(pod: podOutboundPorts, global: global.outboundPortExclusionList)
        warnings += [PortList.multiportWarning(outboundPorts, direction: "outbound")].compactMap { $0 }

        let podInboundPorts = try Self.ports(podAnnotations, OSMConstants.inboundPortExclusionListAnnotation, &warnings)
        let inboundPorts = PortList.merge(pod: podInboundPorts, global: global.inboundPortExclusionList)
        warnings += [PortList.multiportWarning(inboundPorts, direction: "inbound")].compactMap { $0 }

        let podExclusions = try Self.ranges(
            podAnnotations, OSMConstants.outboundIPRangeExclusionListAnnotation, &warnings)
        let podInclusions = try Self.ranges(
            podAnnotations, OSMConstants.outboundIPRangeInclusionListAnnotation, &warnings)

        self.init(
            outboundPorts: outboundPorts,
            inboundPorts: inboundPorts,
            outboundIPExclusions: IPRangeList.merge(pod: podExclusions, global: global.outboundIPRangeExclusionList),
            outboundIPInclusions: IPRangeList.merge(pod: podInclusions, global: global.outboundIPRangeInclusionList),
            interfaces: global.networkInterfaceExclusionList,
            warnings: Deduplication.keepingFirst(warnings))
    }

    /// Stores already validated lists.
    private init(
        outboundPorts: [Int], inboundPorts: [Int], outboundIPExclusions: [String], outboundIPInclusions: [String],
        interfaces: [String], warnings: [String]
    ) {
        outboundPortExclusionList = outboundPorts
        inboundPortExclusionList = inboundPorts
        outboundIPRangeExclusionList = outboundIPExclusions
        outboundIPRangeInclusionList = outboundIPInclusions
        networkInterfaceExclusionList = interfaces
        self.warnings = warnings
    }

    /// The pod's port list for `key` (empty when absent), appending its warnings.
    private static func ports(
        _ annotations: [String: String], _ key: String, _ warnings: inout [String]
    ) throws(ExclusionError) -> [Int] {
        guard let value = annotations[key] else { return [] }
        let parsed = try PortList.parseAnnotation(value, key: key)
        warnings += parsed.warnings
        return parsed.values
    }

    /// The pod's IP range list for `key` (empty when absent), appending its warnings.
    private static func ranges(
        _ annotations: [String: String], _ key: String, _ warnings: inout [String]
    ) throws(ExclusionError) -> [String] {
        guard let value = annotations[key] else { return [] }
        let parsed = try IPRangeList.parseAnnotation(value, key: key)
        warnings += parsed.warnings
        return parsed.values
    }
}
