import LosslessYAML

/// The MeshConfig `spec.traffic` lists that feed the `osm-init` script, before any validation.
public struct GlobalTrafficExclusions: Sendable, Equatable {
    /// MeshConfig field paths, used as `ExclusionError.key` for invalid global values.
    public enum Field {
        /// Path of `outboundPortExclusionList`.
        public static let outboundPortExclusionList = "spec.traffic.outboundPortExclusionList"
        /// Path of `inboundPortExclusionList`.
        public static let inboundPortExclusionList = "spec.traffic.inboundPortExclusionList"
        /// Path of `outboundIPRangeExclusionList`.
        public static let outboundIPRangeExclusionList = "spec.traffic.outboundIPRangeExclusionList"
        /// Path of `outboundIPRangeInclusionList`.
        public static let outboundIPRangeInclusionList = "spec.traffic.outboundIPRangeInclusionList"
        /// Path of `networkInterfaceExclusionList`.
        public static let networkInterfaceExclusionList = "spec.traffic.networkInterfaceExclusionList"
    }

    /// `spec.traffic.outboundPortExclusionList`.
    public var outboundPortExclusionList: [Int]
    /// `spec.traffic.inboundPortExclusionList`.
    public var inboundPortExclusionList: [Int]
    /// `spec.traffic.outboundIPRangeExclusionList`.
    public var outboundIPRangeExclusionList: [String]
    /// `spec.traffic.outboundIPRangeInclusionList`.
    public var outboundIPRangeInclusionList: [String]
    /// `spec.traffic.networkInterfaceExclusionList`.
    public var networkInterfaceExclusionList: [String]
    /// Where each list's items stand in the MeshConfig, by field path (empty when not read from a file).
    public var marks: [String: [Mark]]

    /// Creates the global lists; omitted lists are empty.
    public init(
        outboundPortExclusionList: [Int] = [],
        inboundPortExclusionList: [Int] = [],
        outboundIPRangeExclusionList: [String] = [],
        outboundIPRangeInclusionList: [String] = [],
        networkInterfaceExclusionList: [String] = [],
        marks: [String: [Mark]] = [:]
    ) {
        self.marks = marks
        self.outboundPortExclusionList = outboundPortExclusionList
        self.inboundPortExclusionList = inboundPortExclusionList
        self.outboundIPRangeExclusionList = outboundIPRangeExclusionList
        self.outboundIPRangeInclusionList = outboundIPRangeInclusionList
        self.networkInterfaceExclusionList = networkInterfaceExclusionList
    }

    /// No global exclusions (an empty MeshConfig `spec.traffic`).
    public static let none = GlobalTrafficExclusions()

    /// Checks every list strictly (CRD schema for ports and CIDRs, kernel rules for interfaces),
    /// in field order: outbound ports, inbound ports, IP exclusions, IP inclusions, interfaces.
    /// The error stands at the refused item when `marks` knows it.
    public func validate() throws(ExclusionError) {
        typealias F = Field
        _ = try PortList.validateGlobal(
            outboundPortExclusionList, field: F.outboundPortExclusionList,
            marks: marks[F.outboundPortExclusionList] ?? [])
        _ = try PortList.validateGlobal(
            inboundPortExclusionList, field: F.inboundPortExclusionList,
            marks: marks[F.inboundPortExclusionList] ?? [])
        _ = try IPRangeList.validateGlobal(
            outboundIPRangeExclusionList, field: F.outboundIPRangeExclusionList,
            marks: marks[F.outboundIPRangeExclusionList] ?? [])
        _ = try IPRangeList.validateGlobal(
            outboundIPRangeInclusionList, field: F.outboundIPRangeInclusionList,
            marks: marks[F.outboundIPRangeInclusionList] ?? [])
        _ = try NetworkInterfaceList.validate(
            networkInterfaceExclusionList, field: F.networkInterfaceExclusionList,
            marks: marks[F.networkInterfaceExclusionList] ?? [])
    }
}

extension [Mark] {
    /// The mark of item `index`, or nil when the list has none for it.
    func item(_ index: Int) -> Mark? {
        indices.contains(index) ? self[index] : nil
    }
}
