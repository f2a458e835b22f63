import Foundation
import Testing
import LosslessYAML
@testable import OSMInjector

/// Random but valid workloads from a seeded, deterministic generator, every namespace in the mesh:
/// `uninject(inject(x)) == x` byte for byte, `inject(inject(x)) == inject(x)`, the injected output
/// re-parses, and a re-run under a changed declared state gives what a fresh injection under it gives and
/// still uninjects to `x`.
///
/// A failure names the seed and prints the input; `OSM_INJECT_PROPERTY_SEED=<seed>` runs that seed alone.
@Suite struct PropertyRoundTripTests {
    /// The first seed; manifest `i` uses `baseSeed + i`.
    static let baseSeed: UInt64 = 0x05D1_7E57_0000_0006
    /// Manifests per chunk; the chunks run in parallel.
    static let perChunk = 60
    static let chunks = Array(0..<5)

    @Test(arguments: chunks)
    func roundTripsRandomManifests(_ chunk: Int) {
        runProperty(chunk: chunk, avoidsKnownBugs: true)
    }

    /// The same seeds with the shapes of known bugs left in.
    @Test(arguments: chunks)
    func roundTripsRandomManifestsWithKnownBugShapes(_ chunk: Int) {
        runProperty(chunk: chunk, avoidsKnownBugs: false)
    }

    /// A pod template whose metadata is an empty flow mapping, in a namespace with metrics: the label and the
    /// annotations both go into `{}`, and the editor writes no comma between them. Found by this property;
    /// the same cause as `FuzzRegressionInjectorTests.emptyFlowAnnotationsWithMetrics` (`annotations: {}`).
    @Test
    func emptyFlowTemplateMetadataWithMetrics() throws {
        let text = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              template:
                metadata: {}
                spec:
                  containers: [{name: app, image: nginx}]

            """
        var cluster = ClusterState()
        cluster.namespaces["shop"] = NamespaceInfo(
            name: "shop", labels: [OSMConstants.monitoredByLabel: "osm"],
            annotations: [
                OSMConstants.sidecarInjectionAnnotation: "enabled", OSMConstants.metricsAnnotation: "enabled",
            ])
        let first = Injector(cluster: cluster).run(try Parser().parse(Array(text.utf8)))
        #expect(!first.hasErrors)
        let injected = try #require(
            try? Parser().parse(first.bytes),
            "the output does not parse: \(Self.printable(first.bytes).prefix(400))")
        let undone = Injector(cluster: cluster, mode: .uninject).run(injected)
        let restored = undone.bytes == Array(text.utf8)
        #expect(restored)
    }

    /// Runs the properties over one chunk of seeds (or the seed of `OSM_INJECT_PROPERTY_SEED`).
    private func runProperty(chunk: Int, avoidsKnownBugs: Bool) {
        let seeds: [UInt64]
        if let only = ProcessInfo.processInfo.environment["OSM_INJECT_PROPERTY_SEED"].flatMap(UInt64.init) {
            seeds = chunk == 0 ? [only] : []
        } else {
            seeds = (0..<Self.perChunk).map { Self.baseSeed &+ UInt64(chunk * Self.perChunk + $0) }
        }
        var failures: [(seed: UInt64, problem: PropertyFailure, input: [UInt8])] = []
        var injected = 0
        for seed in seeds {
            var generator = ManifestGenerator(seed: seed, avoidsKnownBugs: avoidsKnownBugs)
            let manifest = generator.manifest()
            switch Self.check(manifest) {
            case .failure(let problem): failures.append((seed, problem, manifest.bytes))
            case .success(let count): injected += count
            }
        }
        let allPassed = failures.isEmpty
        #expect(allPassed, "\(Self.describe(failures, of: seeds.count))")
        if seeds.count > 1 { #expect(injected >= seeds.count, "only \(injected) workloads were injected") }
    }

    /// The generator is deterministic: one seed, one manifest.
    @Test func generatorIsDeterministic() {
        var a = ManifestGenerator(seed: 42), b = ManifestGenerator(seed: 42), c = ManifestGenerator(seed: 43)
        let first = a.manifest(), second = b.manifest(), third = c.manifest()
        #expect(first.bytes == second.bytes)
        #expect(first.bytes != third.bytes)
    }

    /// The generator covers what it promises over the seeds the property runs on.
    @Test func generatorCoversItsShapes() {
        var text = ""
        var crlf = 0, unterminated = 0
        for index in 0..<(Self.perChunk * Self.chunks.count) {
            var generator = ManifestGenerator(seed: Self.baseSeed &+ UInt64(index))
            let manifest = generator.manifest()
            text += String(decoding: manifest.bytes, as: UTF8.self) + "\n"
            if manifest.bytes.contains(0x0D) { crlf += 1 }
            if manifest.bytes.last != 0x0A { unterminated += 1 }
        }
        for needle in [
            "kind: Pod", "kind: Deployment", "kind: StatefulSet", "kind: DaemonSet", "kind: Job",
            "kind: CronJob", "kind: List", "containers: [", "- name:", "  - name:", "# ", "httpGet",
            "scheme: HTTPS", "tcpSocket", "exec", "initContainers", "volumes", "exclusion-list",
            "kubernetes.io/os", "port: http", "containerPort", "labels", "annotations",
        ] {
            #expect(text.contains(needle), "no generated manifest contains \"\(needle)\"")
        }
        #expect(crlf > 10 && unterminated > 10, "CRLF \(crlf), no final line break \(unterminated)")
    }

    // MARK: - The properties

    /// Checks every property on one manifest: the number of workloads injected, or what failed.
    private static func check(_ manifest: GeneratedManifest) -> Result<Int, PropertyFailure> {
        let input = manifest.bytes
        let stream: YAMLStream
        do { stream = try Parser().parse(input) } catch {
            return .failure(PropertyFailure("the generated input does not parse (a generator bug): \(error.message)"))
        }
        let cluster = manifest.cluster
        let first = Injector(cluster: cluster).run(stream)
        if first.hasErrors {
            return .failure(PropertyFailure("injection failed: \(errors(first))"))
        }
        let count = first.reports.filter { $0.outcome == .injected }.count
        let injected: YAMLStream
        do { injected = try Parser().parse(first.bytes) } catch {
            let lines = printable(first.bytes).split(separator: "\n", omittingEmptySubsequences: false)
            let excerpt = lines.prefix(40).map { String($0.prefix(240)) }.joined(separator: "\n")
            let at = error.mark.map { "\($0)" } ?? "?"
            return .failure(
                PropertyFailure(
                    "the injected output does not parse: \(error.message) at \(at)\n--- output, first 40 lines ---\n\(excerpt)"
                ))
        }
        let second = Injector(cluster: cluster).run(injected)
        if second.hasErrors || second.bytes != first.bytes {
            return .failure(
                PropertyFailure(
                    "inject(inject(x)) != inject(x): \(errors(second)) "
                        + "\(difference(second.bytes, first.bytes)); "
                        + "reports \(second.reports.map(\.line))"))
        }
        let undone = Injector(cluster: cluster, mode: .uninject).run(injected)
        if undone.hasErrors || undone.bytes != input {
            return .failure(
                PropertyFailure(
                    "uninject(inject(x)) != x: \(errors(undone)) \(difference(undone.bytes, input))"))
        }
        // A re-run under a changed state (images, log level, exclusions, metrics) equals a fresh injection.
        let altered = manifest.alteredCluster
        let rerun = Injector(cluster: altered).run(injected)
        let fresh = Injector(cluster: altered).run(stream)
        if rerun.hasErrors || fresh.hasErrors || rerun.bytes != fresh.bytes {
            return .failure(
                PropertyFailure(
                    "re-run under the changed state != fresh injection under it: "
                        + "\(errors(rerun)) \(errors(fresh)) \(difference(rerun.bytes, fresh.bytes)); "
                        + "reports \(rerun.reports.map(\.line))"))
        }
        guard let reinjected = try? Parser().parse(rerun.bytes) else {
            return .failure(PropertyFailure("the re-run's output does not parse"))
        }
        let undoneAgain = Injector(cluster: altered, mode: .uninject).run(reinjected)
        if undoneAgain.hasErrors || undoneAgain.bytes != input {
            return .failure(
                PropertyFailure(
                    "uninject(re-run) != x: \(errors(undoneAgain)) \(difference(undoneAgain.bytes, input))"))
        }
        return .success(count)
    }

    /// Every failing seed with the first line of its problem, then the first failure in full with its input.
    private static func describe(
        _ failures: [(seed: UInt64, problem: PropertyFailure, input: [UInt8])],
        of count: Int
    ) -> String {
        guard let first = failures.first else { return "" }
        var text = "\(failures.count) of \(count) manifests failed (OSM_INJECT_PROPERTY_SEED=<seed> runs one):\n"
        for failure in failures {
            text += "  seed \(failure.seed): \(failure.problem.description.prefix { $0 != "\n" }.prefix(200))\n"
        }
        text += "The first, seed \(first.seed): \(first.problem)\n"
        let ending = first.input.last == 0x0A ? "" : "; no final line break"
        text += "--- input (\(first.input.count) bytes; \\r shown as ␍\(ending)) ---\n"
        text += printable(first.input) + "\n--- end of input ---"
        return text
    }

    /// The error lines of a run.
    static func errors(_ output: Injector.Output) -> String {
        output.reports.filter(\.isError).map { "\($0.line) at \($0.mark)" }.joined(separator: "; ")
    }

    /// The first differing line of two outputs.
    static func difference(_ actual: [UInt8], _ expected: [UInt8]) -> String {
        // Split on the byte: in a Swift String "\r\n" is one Character, which "\n" does not match.
        let a = actual.split(separator: 0x0A, omittingEmptySubsequences: false)
        let e = expected.split(separator: 0x0A, omittingEmptySubsequences: false)
        for index in 0..<max(a.count, e.count) {
            let left = index < a.count ? String(decoding: a[index], as: UTF8.self) : "<end>"
            let right = index < e.count ? String(decoding: e[index], as: UTF8.self) : "<end>"
            if left != right {
                let got = left.prefix(160).debugDescription, wanted = right.prefix(160).debugDescription
                return "line \(index + 1): got \(got), expected \(wanted)"
            }
        }
        return actual == expected ? "" : "identical lines, different bytes"
    }

    /// The bytes as text, carriage returns made visible.
    static func printable(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r", with: "␍")
    }
}

/// What a property found wrong.
private struct PropertyFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

// MARK: - The generator

/// SplitMix64: a small, fast, seedable generator (Steele, Lea and Flood), the same sequence on every platform.
private struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// One generated manifest and the declared state it is injected under.
private struct GeneratedManifest {
    var bytes: [UInt8]
    /// Every namespace in the mesh with injection enabled, metrics as drawn.
    var cluster: ClusterState
    /// The same namespaces with metrics flipped, and a MeshConfig with other images, log level and exclusions.
    var alteredCluster: ClusterState
}

/// A YAML value to render: scalars are written as given (already quoted as needed).
private indirect enum GenNode {
    case scalar(String)
    case map([GenEntry], flow: Bool)
    case seq([GenNode], flow: Bool)
}

/// One mapping entry, with optional comments.
private struct GenEntry {
    var key: String
    var value: GenNode
    /// A full-line comment before the entry.
    var leading: String?
    /// A comment at the end of the entry's first line.
    var trailing: String?
    /// A full-line comment after the entry and everything nested in it, at the entry's indentation.
    var closing: String?

    init(_ key: String, _ value: GenNode) {
        self.key = key
        self.value = value
    }
}

/// Draws random valid workload manifests: kinds, styles, comments, line breaks, probes, annotations.
private struct ManifestGenerator {
    private var random: SplitMix64
    private var counter = 0
    /// Per document: indent width and whether block sequences are indented under their key.
    private var indentWidth = 2
    private var indentSequences = true
    private var commentRate = 0.0
    private var namespaces: Set<String> = ["default"]
    /// Leaves out the shapes of bugs not fixed yet (see the disabled tests), so that the property can pass.
    let avoidsKnownBugs: Bool

    init(seed: UInt64, avoidsKnownBugs: Bool = true) {
        random = SplitMix64(seed: seed)
        self.avoidsKnownBugs = avoidsKnownBugs
    }

    // MARK: Drawing

    private mutating func chance(_ p: Double) -> Bool {
        Double(random.next() >> 11) / Double(1 << 53) < p
    }

    private mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(random.next() % UInt64(range.count))
    }

    private mutating func pick<T>(_ options: [T]) -> T {
        options[int(0...(options.count - 1))]
    }

    private mutating func uniqueName(_ stem: String) -> String {
        counter += 1
        return "\(stem)-\(counter)"
    }

    /// A plain string drawn in one of three quoting styles (it needs none).
    private mutating func quoted(_ text: String) -> GenNode {
        switch int(0...5) {
        case 0: return .scalar("'\(text)'")
        case 1: return .scalar("\"\(text)\"")
        default: return .scalar(text)
        }
    }

    /// A string that would read as a number or boolean unquoted.
    private mutating func forcedQuote(_ text: String) -> GenNode {
        .scalar(chance(0.5) ? "'\(text)'" : "\"\(text)\"")
    }

    private mutating func comment() -> String {
        pick([
            "managed by CI", "see runbook", "TODO: tune", "keep in sync with chart", "owner: team-a",
            "do not edit", "é unicode ✓", "x: y # nested", "pinned",
        ])
    }

    /// Adds comments at random to `entries` (not inside flow collections).
    private mutating func commented(_ entries: [GenEntry]) -> [GenEntry] {
        entries.map { entry in
            var entry = entry
            if chance(commentRate) { entry.leading = comment() }
            if chance(commentRate) { entry.trailing = comment() }
            if chance(commentRate / 2) { entry.closing = comment() }
            return entry
        }
    }

    private mutating func map(_ entries: [GenEntry], flowChance: Double = 0) -> GenNode {
        let flow = chance(flowChance)
        return .map(flow ? entries : commented(entries), flow: flow)
    }

    // MARK: The manifest

    mutating func manifest() -> GeneratedManifest {
        var documents: [String] = []
        let count = int(1...3)
        for _ in 0..<count {
            indentWidth = chance(0.8) ? 2 : 4
            indentSequences = chance(0.5)
            commentRate = pick([0.0, 0.1, 0.3])
            var text = ""
            if chance(0.3) { text += "# \(comment())\n" }
            switch int(0...9) {
            case 0: text += render(.map(passThroughObject(), flow: false), indent: 0)
            case 1: text += render(.map(listObject(), flow: false), indent: 0)
            default: text += render(.map(workloadObject(), flow: false), indent: 0)
            }
            if chance(0.2) { text += "# end of document\n" }
            if chance(0.1) { text += "...\n" }
            documents.append(text)
            if chance(0.1) { documents.append("# a document of comments only\n") }
        }
        var text = chance(0.3) ? "---\n" : ""
        text += documents.joined(separator: "---\n")
        if chance(0.2) { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
        // No final line break ("\r\n" is one Character).
        if chance(0.2), text.last?.isNewline == true { text.removeLast() }
        var metrics: Set<String> = []
        for name in namespaces.sorted() where chance(0.5) { metrics.insert(name) }
        return GeneratedManifest(
            bytes: Array(text.utf8), cluster: cluster(metrics: metrics, altered: false),
            alteredCluster: cluster(metrics: metrics, altered: true))
    }

    /// The declared state: every namespace named enabled, metrics on in `metrics` (flipped when altered).
    private func cluster(metrics: Set<String>, altered: Bool) -> ClusterState {
        var cluster = ClusterState()
        for name in namespaces.sorted() {
            let metrics = metrics.contains(name) != altered
            var annotations = [OSMConstants.sidecarInjectionAnnotation: "enabled"]
            if metrics { annotations[OSMConstants.metricsAnnotation] = "enabled" }
            cluster.namespaces[name] = NamespaceInfo(
                name: name, labels: [OSMConstants.monitoredByLabel: "osm"],
                annotations: annotations)
        }
        if altered {
            cluster.meshConfig.envoyImage = "registry.example.com/envoy:v1.22.9"
            cluster.meshConfig.initContainerImage = "registry.example.com/init:v1.2.9"
            cluster.meshConfig.logLevel = "debug"
            cluster.meshConfig.outboundPortExclusionList = [6379]
            cluster.meshConfig.outboundIPRangeExclusionList = ["10.96.0.0/12"]
        }
        return cluster
    }

    /// An entry with a plain scalar value.
    private func plain(_ key: String, _ value: String) -> GenEntry {
        GenEntry(key, .scalar(value))
    }

    /// A Service or ConfigMap, passed through untouched.
    private mutating func passThroughObject() -> [GenEntry] {
        let name = uniqueName("svc")
        if chance(0.5) {
            let ports = GenNode.seq([.map([plain("port", "80")], flow: true)], flow: chance(0.5))
            return [
                plain("apiVersion", "v1"), plain("kind", "Service"),
                GenEntry("metadata", .map([plain("name", name)], flow: true)),
                GenEntry("spec", map([GenEntry("ports", ports)])),
            ]
        }
        return [
            plain("apiVersion", "v1"), plain("kind", "ConfigMap"),
            GenEntry("metadata", map([plain("name", name)])),
            GenEntry("data", map([GenEntry("PORT", forcedQuote("8080")), GenEntry("MODE", quoted("fast"))])),
        ]
    }

    /// A `kind: List` of one to three workloads (and sometimes a Service).
    private mutating func listObject() -> [GenEntry] {
        var items: [GenNode] = []
        for _ in 0..<int(1...3) { items.append(.map(workloadObject(), flow: false)) }
        if chance(0.3) { items.append(.map(passThroughObject(), flow: false)) }
        return commented([
            plain("apiVersion", "v1"), plain("kind", "List"), GenEntry("items", .seq(items, flow: false)),
        ])
    }

    /// A workload of a random kind.
    private mutating func workloadObject() -> [GenEntry] {
        let kind = pick(["Pod", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob"])
        let name = uniqueName(kind.lowercased())
        var metadata = [plain("name", name)]
        let namespace = pick(["default", "shop", "batch", "web-prod", ""])
        if namespace.isEmpty {
            namespaces.insert("default")
        } else {
            namespaces.insert(namespace)
            metadata.append(plain("namespace", namespace))
        }
        if chance(0.4) { metadata.append(GenEntry("labels", map([plain("app", name)], flowChance: 0.4))) }
        let apiVersion: String
        switch kind {
        case "Pod": apiVersion = "v1"
        case "Job", "CronJob": apiVersion = "batch/v1"
        default: apiVersion = "apps/v1"
        }
        var entries = [plain("apiVersion", apiVersion), plain("kind", kind)]
        if kind == "Pod" {
            let (podMetadata, spec) = podTemplate(name: name, batch: false)
            // One `labels` key: a key written twice is an error (the pod's own labels win).
            let objectOnly = metadata.filter { entry in !podMetadata.contains { $0.key == entry.key } }
            entries.append(GenEntry("metadata", map(objectOnly + podMetadata, flowChance: 0.15)))
            entries.append(GenEntry("spec", spec))
            return commented(entries)
        }
        entries.append(GenEntry("metadata", map(metadata, flowChance: 0.15)))
        let template = templateNode(name: name, batch: kind == "Job" || kind == "CronJob")
        let selector = GenEntry("selector", map([GenEntry("matchLabels", map([plain("app", name)], flowChance: 0.5))]))
        var spec: [GenEntry] = []
        switch kind {
        case "Deployment", "StatefulSet":
            if chance(0.5) { spec.append(plain("replicas", "\(int(1...5))")) }
            if kind == "StatefulSet" { spec.append(plain("serviceName", name)) }
            spec += [selector, GenEntry("template", template)]
        case "DaemonSet":
            spec += [selector, GenEntry("template", template)]
        case "Job":
            if chance(0.5) { spec.append(plain("backoffLimit", "3")) }
            spec.append(GenEntry("template", template))
        default:
            spec.append(GenEntry("schedule", forcedQuote("*/\(int(2...30)) * * * *")))
            spec.append(GenEntry("jobTemplate", map([GenEntry("spec", map([GenEntry("template", template)]))])))
        }
        entries.append(GenEntry("spec", map(spec)))
        return commented(entries)
    }

    /// A pod template: `metadata` (sometimes absent) and `spec`.
    private mutating func templateNode(name: String, batch: Bool) -> GenNode {
        let (metadata, spec) = podTemplate(name: name, batch: batch)
        var entries: [GenEntry] = []
        // `metadata: {}` with metrics on is the known bug of `emptyFlowTemplateMetadataWithMetrics`.
        let emptyMetadata = chance(0.2) && !avoidsKnownBugs
        if !metadata.isEmpty || emptyMetadata { entries.append(GenEntry("metadata", map(metadata, flowChance: 0.2))) }
        entries.append(GenEntry("spec", spec))
        return map(entries)
    }

    /// The pod's annotations: others, the injection switch, and valid exclusion lists.
    private mutating func podAnnotations() -> [GenEntry] {
        var annotations: [GenEntry] = []
        if chance(0.2) { annotations.append(GenEntry("example.com/owner", quoted("team-\(int(1...9))"))) }
        if chance(0.15) {
            let value = pick(["enabled", "Enabled", "yes", "disabled"])
            annotations.append(
                GenEntry(
                    OSMConstants.sidecarInjectionAnnotation,
                    value == "yes" ? forcedQuote(value) : quoted(value)))
        }
        if chance(0.2) {
            annotations.append(
                GenEntry(
                    OSMConstants.outboundPortExclusionListAnnotation,
                    forcedQuote(pick(["6379", "6379,5432", "8125, 9125"]))))
        }
        if chance(0.15) {
            annotations.append(
                GenEntry(
                    OSMConstants.inboundPortExclusionListAnnotation,
                    forcedQuote(pick(["9090", "9090,9091"]))))
        }
        if chance(0.2) {
            annotations.append(
                GenEntry(
                    OSMConstants.outboundIPRangeExclusionListAnnotation,
                    quoted(pick(["10.0.0.0/8", "10.0.0.0/8, 192.168.0.0/16", "203.0.113.7/32"]))))
        }
        if chance(0.1) {
            annotations.append(GenEntry(OSMConstants.outboundIPRangeInclusionListAnnotation, quoted("10.1.0.0/16")))
        }
        return annotations
    }

    /// The pod metadata entries (labels, annotations) and the pod spec.
    private mutating func podTemplate(name: String, batch: Bool) -> ([GenEntry], GenNode) {
        var metadata: [GenEntry] = []
        if chance(0.6) {
            metadata.append(
                GenEntry(
                    "labels",
                    map(
                        [plain("app", name), GenEntry("tier", quoted("backend"))],
                        flowChance: 0.3)))
        }
        let annotations = podAnnotations()
        // `annotations: {}` with metrics on is the known bug of FuzzRegressionInjectorTests.emptyFlowAnnotationsWithMetrics.
        let emptyAnnotations = chance(0.1) && !avoidsKnownBugs
        if !annotations.isEmpty || emptyAnnotations {
            metadata.append(GenEntry("annotations", map(annotations, flowChance: 0.2)))
        }

        var spec: [GenEntry] = []
        if chance(0.15) { spec.append(plain("serviceAccountName", "sa-\(name)")) }
        if chance(0.1) {
            let os = plain("kubernetes.io/os", pick(["windows", "Windows"]))
            spec.append(GenEntry("nodeSelector", map([os], flowChance: 0.3)))
        }
        let volumes = chance(0.3)
        if chance(0.25) {
            let setup = container(name: "setup", volumes: volumes, probes: false)
            spec.append(GenEntry("initContainers", .seq([setup], flow: chance(0.2))))
        }
        var containers: [GenNode] = []
        for index in 0..<int(1...3) {
            let containerName = index == 0 ? "app" : pick(["sidecar", "cache", "exporter"]) + "\(index)"
            containers.append(container(name: containerName, volumes: volumes, probes: true))
        }
        let flowContainers = chance(0.12)
        spec.append(
            GenEntry(
                "containers",
                .seq(
                    flowContainers ? containers.map(Self.flattened) : containers,
                    flow: flowContainers)))
        if !volumes, chance(0.08) {
            let key = spec.contains { $0.key == "initContainers" } ? "volumes" : pick(["volumes", "initContainers"])
            spec.append(GenEntry(key, .seq([], flow: true)))
        }
        if volumes {
            let volume = GenNode.map(
                [plain("name", "data"), GenEntry("emptyDir", .map([], flow: true))], flow: chance(0.3))
            spec.append(GenEntry("volumes", .seq([volume], flow: chance(0.15))))
        }
        if batch { spec.append(plain("restartPolicy", pick(["Never", "OnFailure"]))) }
        if chance(0.15) { spec.append(plain("terminationGracePeriodSeconds", "30")) }
        if chance(0.03) { spec.append(plain("hostNetwork", "true")) }
        if spec.count > 2, chance(0.3) {
            // Containers somewhere other than first.
            spec.swapAt(0, spec.count - 1)
        }
        return (metadata, map(spec, flowChance: 0.08))
    }

    /// A container; with `probes`, probes of every kind on numbered and named ports.
    private mutating func container(name: String, volumes: Bool, probes: Bool) -> GenNode {
        let image = pick(["nginx:1.25", "example/app:2.1", "registry.example.com/team/svc@sha256:0123abcd"])
        var entries = [plain("name", name), GenEntry("image", quoted(image))]
        if chance(0.3) {
            entries.append(GenEntry("args", .seq([.scalar("--port=8080"), forcedQuote("true")], flow: chance(0.6))))
        }
        var portNames: [String] = []
        if chance(0.7) {
            var ports: [GenNode] = []
            for (index, number) in [8080, 9090, 8443].prefix(int(1...3)).enumerated() {
                var port = [plain("containerPort", "\(number)")]
                if chance(0.6) {
                    let portName = ["http", "metrics", "https"][index]
                    portNames.append(portName)
                    port.insert(plain("name", portName), at: chance(0.5) ? 0 : 1)
                }
                if chance(0.2) { port.append(plain("protocol", "TCP")) }
                ports.append(.map(port, flow: chance(0.3)))
            }
            entries.append(GenEntry("ports", .seq(ports, flow: chance(0.15))))
        }
        if probes {
            for kind in ["livenessProbe", "readinessProbe", "startupProbe"] where chance(0.4) {
                entries.append(GenEntry(kind, probe(portNames: portNames)))
            }
        }
        if volumes, chance(0.7) {
            let mount = GenNode.map([plain("name", "data"), plain("mountPath", "/data")], flow: false)
            entries.append(GenEntry("volumeMounts", .seq([mount], flow: false)))
        }
        if chance(0.2) {
            let limits = map([GenEntry("cpu", forcedQuote("500m")), plain("memory", "128Mi")], flowChance: 0.4)
            entries.append(GenEntry("resources", map([GenEntry("limits", limits)])))
        }
        return map(entries, flowChance: 0.1)
    }

    /// An http, https, tcp or exec probe.
    private mutating func probe(portNames: [String]) -> GenNode {
        let named = !portNames.isEmpty && chance(0.5)
        let port = plain("port", named ? pick(portNames) : pick(["8080", "9090", "3000"]))
        var entries: [GenEntry]
        switch int(0...3) {
        case 0:
            entries = [
                GenEntry("httpGet", map([plain("path", pick(["/healthz", "/ready", "/"])), port], flowChance: 0.3))
            ]
        case 1:
            entries = [
                GenEntry("httpGet", map([plain("path", "/secure"), port, plain("scheme", "HTTPS")], flowChance: 0.3))
            ]
        case 2:
            entries = [GenEntry("tcpSocket", map([port], flowChance: 0.3))]
        default:
            let command = GenNode.seq([.scalar("cat"), .scalar("/tmp/ready")], flow: chance(0.5))
            entries = [GenEntry("exec", map([GenEntry("command", command)]))]
        }
        if chance(0.4) { entries.append(plain("periodSeconds", "\(int(1...30))")) }
        if chance(0.3) { entries.insert(plain("initialDelaySeconds", "5"), at: 0) }
        return map(entries, flowChance: 0.15)
    }

    /// The same value with every collection in flow style (what a flow collection may hold).
    private static func flattened(_ node: GenNode) -> GenNode {
        switch node {
        case .scalar: return node
        case .map(let entries, _):
            return .map(
                entries.map { entry in
                    var entry = GenEntry(entry.key, flattened(entry.value))
                    entry.leading = nil
                    return entry
                }, flow: true)
        case .seq(let items, _): return .seq(items.map(flattened), flow: true)
        }
    }

    // MARK: Rendering

    /// A block collection (or a flow one, inline) at `indent`, as lines ending in "\n".
    private func render(_ node: GenNode, indent: Int) -> String {
        switch node {
        case .map(let entries, false) where !entries.isEmpty:
            return entries.map { renderEntry($0, indent: indent, prefix: String(repeating: " ", count: indent)) }
                .joined()
        case .seq(let items, false) where !items.isEmpty:
            return items.map { renderItem($0, indent: indent) }.joined()
        default:
            return String(repeating: " ", count: indent) + Self.flow(node) + "\n"
        }
    }

    /// One mapping entry whose first line starts with `prefix` (spaces, or spaces and "- ").
    private func renderEntry(_ entry: GenEntry, indent: Int, prefix: String) -> String {
        var text = ""
        if let leading = entry.leading { text += String(repeating: " ", count: indent) + "# \(leading)\n" }
        let trailing = entry.trailing.map { "  # \($0)" } ?? ""
        switch entry.value {
        case .map(let entries, false) where !entries.isEmpty:
            text += prefix + entry.key + ":" + trailing + "\n" + render(entry.value, indent: indent + indentWidth)
        case .seq(let items, false) where !items.isEmpty:
            text +=
                prefix + entry.key + ":" + trailing + "\n"
                + render(entry.value, indent: indentSequences ? indent + indentWidth : indent)
        default:
            text += prefix + entry.key + ": " + Self.flow(entry.value) + trailing + "\n"
        }
        if let closing = entry.closing { text += String(repeating: " ", count: indent) + "# \(closing)\n" }
        return text
    }

    /// One block sequence item at `indent`.
    private func renderItem(_ node: GenNode, indent: Int) -> String {
        let dash = String(repeating: " ", count: indent) + "- "
        switch node {
        case .map(let entries, false) where !entries.isEmpty:
            var first = entries[0]
            var text = ""
            if let leading = first.leading {
                text += String(repeating: " ", count: indent) + "# \(leading)\n"
                first.leading = nil
            }
            text += renderEntry(first, indent: indent + 2, prefix: dash)
            for entry in entries.dropFirst() {
                text += renderEntry(entry, indent: indent + 2, prefix: String(repeating: " ", count: indent + 2))
            }
            return text
        default:
            return dash + Self.flow(node) + "\n"
        }
    }

    /// A value in flow style, on one line.
    private static func flow(_ node: GenNode) -> String {
        switch node {
        case .scalar(let text): return text
        case .map(let entries, _):
            return "{" + entries.map { "\($0.key): \(flow($0.value))" }.joined(separator: ", ") + "}"
        case .seq(let items, _): return "[" + items.map(flow).joined(separator: ", ") + "]"
        }
    }
}
