import Testing

@testable import OSMInjector

@Suite("TrafficExclusions")
struct TrafficExclusionsTests {
    private static let outPorts = "openservicemesh.io/outbound-port-exclusion-list"
    private static let inPorts = "openservicemesh.io/inbound-port-exclusion-list"
    private static let outExcl = "openservicemesh.io/outbound-ip-range-exclusion-list"
    private static let outIncl = "openservicemesh.io/outbound-ip-range-inclusion-list"
    private static let portKeys = [outPorts, inPorts]
    private static let rangeKeys = [outExcl, outIncl]

    /// Values that must never reach the script through any channel.
    private static let hostile = [
        "10.0.0.0/8; rm -rf /", "$(reboot)", "10.0.0.0/8\nEOF\nreboot", "80\nEOF\nreboot", "eth0;reboot",
        "abcdefghijklmnop", "`reboot`", "80 $(reboot)",
    ]

    @Test("No annotations, no global lists: everything empty, no warnings")
    func empty() throws {
        let resolved = try TrafficExclusions(podAnnotations: [:], global: .none)
        #expect(resolved == TrafficExclusions.none)
        #expect(resolved.outboundPortExclusionList.isEmpty && resolved.warnings.isEmpty)
    }

    @Test("Merge orders: ports global-then-pod, ranges pod-then-global, interfaces global as is")
    func mergeOrder() throws {
        let global = GlobalTrafficExclusions(
            outboundPortExclusionList: [6060, 8080], inboundPortExclusionList: [9090],
            outboundIPRangeExclusionList: ["2.2.2.2/32", "3.3.3.3/32"], outboundIPRangeInclusionList: ["5.5.5.0/24"],
            networkInterfaceExclusionList: ["eth1", "eth0", "eth1"])
        let pod = [
            Self.outPorts: "6060, 7070", Self.inPorts: "9091,9090", Self.outExcl: "1.1.1.1/32, 2.2.2.2/32",
            Self.outIncl: "4.4.4.0/24", "openservicemesh.io/sidecar-injection": "enabled",
        ]
        let resolved = try TrafficExclusions(podAnnotations: pod, global: global)
        #expect(resolved.outboundPortExclusionList == [6060, 8080, 7070])
        #expect(resolved.inboundPortExclusionList == [9090, 9091])
        #expect(resolved.outboundIPRangeExclusionList == ["1.1.1.1/32", "2.2.2.2/32", "3.3.3.3/32"])
        #expect(resolved.outboundIPRangeInclusionList == ["4.4.4.0/24", "5.5.5.0/24"])
        #expect(resolved.networkInterfaceExclusionList == ["eth1", "eth0", "eth1"])
        #expect(resolved.warnings.isEmpty)
    }

    @Test("Pod errors come in OSM's order: outbound ports, inbound ports, IP exclusions, IP inclusions")
    func podErrorOrder() {
        var pod = [Self.outPorts: "x", Self.inPorts: "y", Self.outExcl: "z", Self.outIncl: "w"]
        let expected = [
            ExclusionError(
                key: Self.outPorts, message: "Invalid port value 'x' specified for annotation '\(Self.outPorts)'"),
            ExclusionError(
                key: Self.inPorts, message: "Invalid port value 'y' specified for annotation '\(Self.inPorts)'"),
            ExclusionError(
                key: Self.outExcl, message: "Invalid IP range 'z' specified for annotation '\(Self.outExcl)'"),
            ExclusionError(
                key: Self.outIncl, message: "Invalid IP range 'w' specified for annotation '\(Self.outIncl)'"),
        ]
        for (key, error) in zip([Self.outPorts, Self.inPorts, Self.outExcl, Self.outIncl], expected) {
            #expect(throws: error) { try TrafficExclusions(podAnnotations: pod, global: .none) }
            pod.removeValue(forKey: key)
        }
    }

    @Test("Hostile values in each pod annotation are OSM's errors", arguments: hostile)
    func hostilePod(value: String) {
        let trimmed = GoStrings.trimSpace(value)
        for key in Self.portKeys {
            let error = ExclusionError(
                key: key, message: "Invalid port value '\(trimmed)' specified for annotation '\(key)'")
            #expect(throws: error) { try TrafficExclusions(podAnnotations: [key: value], global: .none) }
        }
        for key in Self.rangeKeys {
            let error = ExclusionError(
                key: key, message: "Invalid IP range '\(trimmed)' specified for annotation '\(key)'")
            #expect(throws: error) { try TrafficExclusions(podAnnotations: [key: value], global: .none) }
        }
    }

    @Test("Hostile values in each global string list are errors naming the field", arguments: hostile)
    func hostileGlobal(value: String) {
        let cases: [(String, GlobalTrafficExclusions)] = [
            (
                "spec.traffic.outboundIPRangeExclusionList",
                GlobalTrafficExclusions(outboundIPRangeExclusionList: [value])
            ),
            (
                "spec.traffic.outboundIPRangeInclusionList",
                GlobalTrafficExclusions(outboundIPRangeInclusionList: [value])
            ),
            (
                "spec.traffic.networkInterfaceExclusionList",
                GlobalTrafficExclusions(networkInterfaceExclusionList: [value])
            ),
        ]
        for (field, global) in cases {
            #expect {
                try TrafficExclusions(podAnnotations: [:], global: global)
            } throws: { error in
                (error as? ExclusionError)?.key == field
            }
        }
    }

    @Test("Out-of-range global ports are errors naming the field")
    func hostileGlobalPorts() {
        for port in [0, -80, 65536, 70000] {
            let outbound = GlobalTrafficExclusions(outboundPortExclusionList: [port])
            let inbound = GlobalTrafficExclusions(inboundPortExclusionList: [port])
            #expect { try TrafficExclusions(podAnnotations: [:], global: outbound) } throws: {
                ($0 as? ExclusionError)?.key == "spec.traffic.outboundPortExclusionList"
            }
            #expect { try TrafficExclusions(podAnnotations: [:], global: inbound) } throws: {
                ($0 as? ExclusionError)?.key == "spec.traffic.inboundPortExclusionList"
            }
        }
    }

    @Test("Global lists are validated before the pod's annotations")
    func globalFirst() {
        let global = GlobalTrafficExclusions(networkInterfaceExclusionList: ["eth0;reboot"])
        #expect { try TrafficExclusions(podAnnotations: [Self.outPorts: "x"], global: global) } throws: {
            ($0 as? ExclusionError)?.key == "spec.traffic.networkInterfaceExclusionList"
        }
    }

    @Test("Pod port 70000: accepted with a warning, in both directions")
    func port70000() throws {
        for key in Self.portKeys {
            let resolved = try TrafficExclusions(podAnnotations: [key: "70000"], global: .none)
            #expect(
                resolved.warnings == [
                    "Port 70000 in annotation '\(key)' is above 65535: OSM v1.2.4 accepts it, "
                        + "but iptables-restore will fail in the osm-init container"
                ])
        }
        let resolved = try TrafficExclusions(podAnnotations: [Self.outPorts: "70000"], global: .none)
        #expect(resolved.outboundPortExclusionList == [70000])
    }

    @Test("Pod IPv6 range: accepted with a warning, in both range lists")
    func ipv6() throws {
        for key in Self.rangeKeys {
            let resolved = try TrafficExclusions(podAnnotations: [key: "fd00::/8"], global: .none)
            #expect(
                resolved.warnings == [
                    "IP range 'fd00::/8' in annotation '\(key)' is IPv6: OSM v1.2.4 accepts it, "
                        + "but the IPv4 iptables-restore will fail in the osm-init container"
                ])
        }
    }

    @Test("IPv6 in a global list: refused, as the MeshConfig CRD pattern is IPv4-only")
    func ipv6Global() {
        let global = GlobalTrafficExclusions(outboundIPRangeExclusionList: ["fd00::/8"])
        #expect { try TrafficExclusions(podAnnotations: [:], global: global) } throws: {
            ($0 as? ExclusionError)?.key == "spec.traffic.outboundIPRangeExclusionList"
        }
    }

    @Test("16 merged ports: a multiport warning, whether from the pod, the MeshConfig or both")
    func sixteenPorts() throws {
        let sixteen = (1...16).map(String.init).joined(separator: ",")
        let fromPod = try TrafficExclusions(podAnnotations: [Self.outPorts: sixteen], global: .none)
        #expect(
            fromPod.warnings == [
                "The merged outbound port exclusion list has 16 ports: OSM v1.2.4 accepts it, but an iptables "
                    + "multiport rule takes at most 15, so iptables-restore will fail in the osm-init container"
            ])
        let fromGlobal = try TrafficExclusions(
            podAnnotations: [:], global: GlobalTrafficExclusions(inboundPortExclusionList: Array(1...16)))
        #expect(fromGlobal.warnings.count == 1)
        #expect(fromGlobal.warnings.first?.contains("merged inbound port exclusion list has 16 ports") == true)
        let mixed = try TrafficExclusions(
            podAnnotations: [Self.outPorts: "9,10,11,12,13,14,15,16"],
            global: GlobalTrafficExclusions(outboundPortExclusionList: Array(1...8)))
        #expect(mixed.outboundPortExclusionList == Array(1...16))
        #expect(mixed.warnings.count == 1)
        let deduped = try TrafficExclusions(
            podAnnotations: [Self.outPorts: "1,2,3,4,5,6,7,8"],
            global: GlobalTrafficExclusions(outboundPortExclusionList: Array(1...8)))
        #expect(deduped.warnings.isEmpty)
    }
}
