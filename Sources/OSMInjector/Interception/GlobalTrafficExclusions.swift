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

    /// Creates the global lists; omitted lists are empty.
    public init(
        outboundPortExclusionList: [Int] = [],
        inboundPortExclusionList: [Int] = [],
        outboundIPRangeExclusionList: [String] = [],
        outboundIPRangeInclusionList: [String] = [],
        networkInterfaceExclusionList: [String] = []
    ) {
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
    public func validate() throws(ExclusionError) {
        _ = try PortList.validateGlobal(outboundPortExclusionList, field: Field.outboundPortExclusionList)
        _ = try PortList.validateGlobal(inboundPortExclusionList, field: Field.inboundPortExclusionList)
        _ = try IPRangeList.validateGlobal(outboundIPRangeExclusionList, field: Field.outboundIPRangeExclusionList)
        _ = try IPRangeList.validateGlobal(outboundIPRangeInclusionList, field: Field.outboundIPRangeInclusionList)
        _ = try NetworkInterfaceList.validate(networkInterfaceExclusionList, field: Field.networkInterfaceExclusionList)
    }
}
