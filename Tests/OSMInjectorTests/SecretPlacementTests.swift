import Foundation
import Testing
import LosslessYAML
@testable import OSMInjector

/// Where re-injection writes the bootstrap Secrets of the input: a Secret whose workload is left as it was stays
/// byte for byte where it stood, also before its workload and inside a `kind: List`; no Secret is ever lost.
@Suite struct SecretPlacementTests {
    /// How a Secret stands before its workload: as a YAML document, or as the item of a JSON `kind: List`.
    enum Shape: CaseIterable, Sendable { case yaml, jsonList }

    @Test(arguments: Shape.allCases)
    func secretBeforeAWorkloadLeftAsItWasStaysInPlace(_ shape: Shape) throws {
        let (workloads, secrets) = try Self.injected(["web"])
        let input = try Self.secretDocument([Self.misleadingLog(secrets[0])], shape) + "---\n" + workloads[0]
        let stream = try Parser().parse(Array(input.utf8))
        let injector = Injector(cluster: everyNamespaceEnabled(stream))
        let again = injector.run(stream)
        #expect(!again.hasErrors, "\(again.reports.map(\.line))")
        #expect(again.reports.map(\.outcome) == [.leftAsItWas])
        #expect(String(decoding: again.bytes, as: UTF8.self) == input)
        var streamed: [UInt8] = []
        _ = try injector.runStreaming(Array(input.utf8)) { streamed += $0 }
        #expect(streamed == again.bytes)
    }

    /// A List of two Secrets before their workloads, one left as it was and one re-injected: the List keeps the
    /// first and loses the second, which follows its workload (never two Secrets of one name).
    @Test func secretListPartlyReplaced() throws {
        let (workloads, secrets) = try Self.injected(["web", "api"])
        let list = try Self.secretDocument([Self.misleadingLog(secrets[0]), secrets[1]], .jsonList)
        let input = list + "---\n" + workloads[0] + "---\n" + workloads[1]
        let stream = try Parser().parse(Array(input.utf8))
        let injector = Injector(cluster: everyNamespaceEnabled(stream))
        let again = injector.run(stream)
        #expect(!again.hasErrors, "\(again.reports.map(\.line))")
        #expect(again.reports.map(\.outcome) == [.leftAsItWas, .upToDate])
        let expected = try Self.secretNames(Array(secrets.joined(separator: "---\n").utf8))
        #expect(try Self.secretNames(again.bytes).sorted() == expected.sorted())
        let third = injector.run(try Parser().parse(again.bytes))
        #expect(!third.hasErrors, "\(third.reports.map(\.line))")
        #expect(third.bytes == again.bytes)
        var streamed: [UInt8] = []
        _ = try injector.runStreaming(Array(input.utf8)) { streamed += $0 }
        #expect(streamed == again.bytes)
    }

    /// A List holding a copy of an injected workload beside the workload itself: uninject fails the document
    /// (it is undone whole), and the owner's error names the copy, not a missing Secret.
    @Test func uninjectOfAListWithACopyAndItsOwner() throws {
        let (workloads, secrets) = try Self.injected(["web"])
        let owner = workloads[0]
        let metadataName = try #require(owner.range(of: "  name: web\n"))
        let copy = owner.replacingCharacters(in: metadataName, with: "  name: web-copy\n")
        let item = { (text: String) in
            "- " + text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().joined(separator: "\n  ")
                + "\n"
        }
        let input = "apiVersion: v1\nkind: List\nitems:\n" + item(copy) + item(owner) + "---\n" + secrets[0]
        let stream = try Parser().parse(Array(input.utf8))
        let undone = Injector(cluster: everyNamespaceEnabled(stream), mode: .uninject).run(stream)
        let failures = undone.reports.filter(\.isError)
        #expect(failures.map(\.name) == ["web-copy", "web"])
        let report = try #require(failures.last)
        #expect(!report.line.contains("not in the input"), "\(report.line)")
        #expect(report.line.contains("deployment \"web-copy\" of the same document"), "\(report.line)")
        guard case .failed(let error) = report.outcome else { return }
        #expect(error.mark?.line == 4, "\(String(describing: error.mark))")
    }

    /// The names of the Secrets of a stream, also those inside Lists.
    static func secretNames(_ bytes: [UInt8]) throws -> [String] {
        try Parser().parse(bytes).documents.flatMap { document -> [String] in
            let root = ObjectView(document: document)
            let objects = (try? root.sequence("items")) ?? [root]
            return objects.compactMap { object in
                guard (try? object.string("kind")) == "Secret" else { return nil }
                return (try? object.mapping("metadata")?.string("name")) ?? nil
            }
        }
    }

    /// Each named Deployment injected alone: its document and its Secret's text.
    static func injected(_ names: [String]) throws -> (workloads: [String], secrets: [String]) {
        var workloads: [String] = []
        var secrets: [String] = []
        for name in names {
            let text =
                "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: \(name)\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        image: nginx\n"
            let stream = try Parser().parse(Array(text.utf8))
            var injector = Injector(cluster: everyNamespaceEnabled(stream))
            injector.secrets.inline = false
            let output = injector.run(stream)
            workloads.append(String(decoding: output.bytes, as: UTF8.self))
            secrets += output.secrets.map { String(decoding: $0, as: UTF8.self) }
        }
        return (workloads, secrets)
    }

    /// One document holding `secrets`: the only one as YAML, or a JSON List as `-o json` writes it.
    static func secretDocument(_ secrets: [String], _ shape: Shape) throws -> String {
        if shape == .yaml, secrets.count == 1 { return secrets[0] }
        let values = try secrets.map { text throws -> YAMLValue in
            let document = try #require(try Parser().parse(Array(text.utf8)).documents.first)
            return try ValueConverter(document: document).value(of: document.root)
        }
        let list = YAMLValue.map([
            ("apiVersion", .string("v1")), ("kind", .string("List")), ("items", .sequence(values)),
        ])
        return FlowRenderer(json: true, indentStep: 4).render(list) + "\n"
    }

    /// `secret` with a restore log that no longer describes its workload (its `volumes` entry names another
    /// key): undoing it would leave the bootstrap volume, so the workload is left as it was.
    static func misleadingLog(_ secret: String) throws -> String {
        let mangled = secret.replacingOccurrences(of: "\\\"volumes\\\"", with: "\\\"vol\\\"")
        try #require(mangled != secret)
        return mangled
    }
}
