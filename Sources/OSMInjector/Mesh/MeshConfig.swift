import LosslessYAML

/// The MeshConfig fields that shape an injection, read as the API server serves them (CRD defaults applied).
public struct MeshConfig: Sendable, Equatable {
    public var enablePrivilegedInitContainer = false
    public var logLevel = "error"
    public var envoyImage = ""
    public var envoyWindowsImage = ""
    public var initContainerImage = ""
    /// `spec.sidecar.resources` as written, quantities in canonical form.
    public var resources: YAMLValue = .mapping([])
    /// `spec.sidecar.tlsMinProtocolVersion`; nil when the object has none (the CRD default `TLSv1_2` fills it
    /// only where `spec.sidecar` exists).
    public var tlsMinProtocolVersion: String? = "TLSv1_2"
    /// `spec.sidecar.tlsMaxProtocolVersion`; nil when absent (CRD default `TLSv1_3`, as above).
    public var tlsMaxProtocolVersion: String? = "TLSv1_3"
    public var cipherSuites: [String] = []
    public var ecdhCurves: [String] = []
    /// `spec.sidecar.localProxyMode`; nil when absent (CRD default `Localhost`, as above).
    public var localProxyMode: String? = "Localhost"
    public var outboundIPRangeExclusionList: [String] = []
    public var outboundIPRangeInclusionList: [String] = []
    public var outboundPortExclusionList: [Int] = []
    public var inboundPortExclusionList: [Int] = []
    public var networkInterfaceExclusionList: [String] = []
    /// Where the `spec.traffic` list items stand, by field path, for messages.
    public var trafficMarks: [String: [Mark]] = [:]
    /// `spec.certificate.certKeyBitSize` (no CRD default: 0 when absent, which OSM's `GetCertKeyBitSize` reads
    /// as 2048).
    public var certKeyBitSize = 2048
    /// The namespace the MeshConfig object lives in, when it says.
    public var namespace: String?
    /// Where the MeshConfig was declared, for messages.
    public var mark: Mark?

    /// v1.2.4's preset MeshConfig (Helm defaults) with the CRD defaults applied.
    public static let preset = MeshConfig()

    public init() {}

    /// Reads a `MeshConfig` object (config.openservicemesh.io v1alpha2 or v1alpha1) as the injector gets it
    /// from the API server: the API server prunes the fields the object's version does not know (v1alpha1 lacks
    /// the TLS settings, `localProxyMode` and two traffic lists), and structural defaulting (with the storage
    /// version v1alpha2's defaults, also for a v1alpha1 object read back) fills a defaulted field only where its
    /// parent object is present: a MeshConfig without `spec.sidecar` has no TLS versions at all.
    public init(_ object: ObjectView) throws(InjectionError) {
        mark = object.node.range.start
        namespace = try object.mapping("metadata")?.string("namespace")
        tlsMinProtocolVersion = nil
        tlsMaxProtocolVersion = nil
        localProxyMode = nil
        certKeyBitSize = 0
        guard let spec = try object.mapping("spec") else { return }
        let isV1alpha2 = try object.string("apiVersion") != "config.openservicemesh.io/v1alpha1"
        if let sidecar = try spec.mapping("sidecar") {
            enablePrivilegedInitContainer = try sidecar.bool("enablePrivilegedInitContainer") ?? false
            logLevel = try sidecar.string("logLevel") ?? ""
            envoyImage = try sidecar.string("envoyImage") ?? ""
            envoyWindowsImage = try sidecar.string("envoyWindowsImage") ?? ""
            initContainerImage = try sidecar.string("initContainerImage") ?? ""
            if isV1alpha2 {
                tlsMinProtocolVersion = try sidecar.string("tlsMinProtocolVersion")
                tlsMaxProtocolVersion = try sidecar.string("tlsMaxProtocolVersion")
                localProxyMode = try sidecar.string("localProxyMode")
                cipherSuites = try Self.strings(sidecar, "cipherSuites")
                ecdhCurves = try Self.strings(sidecar, "ecdhCurves")
            }
            tlsMinProtocolVersion = tlsMinProtocolVersion ?? "TLSv1_2"
            tlsMaxProtocolVersion = tlsMaxProtocolVersion ?? "TLSv1_3"
            localProxyMode = localProxyMode ?? "Localhost"
            if let resources = try sidecar.mapping("resources") {
                self.resources = try Self.resources(resources)
            }
        }
        if let traffic = try spec.mapping("traffic") {
            outboundIPRangeExclusionList = try Self.strings(traffic, "outboundIPRangeExclusionList")
            outboundPortExclusionList = try Self.ints(traffic, "outboundPortExclusionList")
            inboundPortExclusionList = try Self.ints(traffic, "inboundPortExclusionList")
            if isV1alpha2 {
                outboundIPRangeInclusionList = try Self.strings(traffic, "outboundIPRangeInclusionList")
                networkInterfaceExclusionList = try Self.strings(traffic, "networkInterfaceExclusionList")
            }
            for key in Self.trafficLists where isV1alpha2 || Self.v1alpha1TrafficLists.contains(key) {
                trafficMarks["spec.traffic.\(key)"] = try traffic.sequence(key)?.map(\.node.range.start)
            }
            // The CRD schema refuses such a MeshConfig, so it is its error, once, at the item (not every pod's).
            do {
                try trafficExclusions.validate()
            } catch {
                throw InjectionError(error.message, at: error.mark ?? traffic.node.range.start)
            }
        }
        if let certificate = try spec.mapping("certificate") {
            certKeyBitSize = try certificate.int("certKeyBitSize") ?? 0
        }
    }

    /// The `spec.traffic` lists that feed the `osm-init` script.
    private static let trafficLists = [
        "outboundPortExclusionList", "inboundPortExclusionList", "outboundIPRangeExclusionList",
        "outboundIPRangeInclusionList", "networkInterfaceExclusionList",
    ]
    /// The ones v1alpha1's schema has (the API server prunes the others from a v1alpha1 object).
    private static let v1alpha1TrafficLists: Set = [
        "outboundPortExclusionList", "inboundPortExclusionList", "outboundIPRangeExclusionList",
    ]

    /// The `spec.traffic` lists, with the positions of their items when read from a file.
    public var trafficExclusions: GlobalTrafficExclusions {
        GlobalTrafficExclusions(
            outboundPortExclusionList: outboundPortExclusionList,
            inboundPortExclusionList: inboundPortExclusionList,
            outboundIPRangeExclusionList: outboundIPRangeExclusionList,
            outboundIPRangeInclusionList: outboundIPRangeInclusionList,
            networkInterfaceExclusionList: networkInterfaceExclusionList,
            marks: trafficMarks)
    }

    private static func strings(_ view: ObjectView, _ key: String) throws(InjectionError) -> [String] {
        var out: [String] = []
        for item in try view.sequence(key) ?? [] { out.append(try item.stringValue()) }
        return out
    }

    private static func ints(_ view: ObjectView, _ key: String) throws(InjectionError) -> [Int] {
        var out: [Int] = []
        for item in try view.sequence(key) ?? [] {
            guard let scalar = item.node.scalar, scalar.style == .plain,
                case .int(let value) = ScalarResolver.resolve(scalar.value)
            else {
                throw InjectionError("\(item.path) must be an integer", at: item.node.range.start)
            }
            out.append(value)
        }
        return out
    }

    private static func resources(_ view: ObjectView) throws(InjectionError) -> YAMLValue {
        let value: YAMLValue
        do {
            value = try ValueConverter(document: view.document).value(of: view.node)
        } catch {
            throw InjectionError("\(view.path): \(error.message)", at: error.mark ?? view.node.range.start)
        }
        return try ResourceRequirements.canonical(value, path: view.path, at: view.node.range.start)
    }
}
