import Foundation
import Testing

/// `--help` of every command shows real examples.
@Suite struct HelpTests {
    static let commands: [[String]] = [
        [], ["inject"], ["uninject"], ["namespace"], ["namespace", "add"], ["namespace", "remove"],
        ["namespace", "ignore"],
        ["namespace", "list"], ["ns", "list"], ["metrics"], ["metrics", "enable"], ["metrics", "disable"], ["review"],
    ]

    @Test(arguments: commands)
    func helpShowsExamples(_ command: [String]) throws {
        let result = try runTool(command + ["--help"])
        #expect(result.status == 0, "\(command): \(result.stderr)")
        let text = result.stdoutText
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let heading = try #require(
            lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "EXAMPLES:" },
            "\(command): no EXAMPLES section in\n\(text)")
        let examples = lines[(heading + 1)...].prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        #expect(examples.count >= 2, "\(command): \(examples)")
        // Every example runs this very command ("ns" is the alias of "namespace"); the root's may run any.
        let expected = command.map(Self.canonical).filter { $0 != "inject" }
        for example in examples {
            let words = example.split(separator: " ").map(String.init)
            guard let start = words.firstIndex(of: "osm-inject") else {
                Issue.record("\(command): an example that does not run osm-inject: \(example)")
                continue
            }
            let names = words[(start + 1)...].prefix { !$0.hasPrefix("-") }.map(Self.canonical)
            if command.isEmpty { continue }
            if expected.isEmpty {
                #expect(!["uninject", "namespace", "metrics", "review"].contains(names.first ?? ""), "\(example)")
            } else {
                #expect(Array(names.prefix(expected.count)) == expected, "\(command): \(example)")
            }
        }
    }

    private static func canonical(_ word: String) -> String { word == "ns" ? "namespace" : word }

    @Test func helpSubcommandIsTheSame() throws {
        let viaFlag = try runTool(["namespace", "add", "--help"])
        let viaHelp = try runTool(["help", "namespace", "add"])
        #expect(viaHelp.status == 0)
        #expect(viaHelp.stdoutText == viaFlag.stdoutText)
    }

    @Test func verboseIsDocumented() throws {
        for command in [["inject"], ["uninject"]] {
            let text = try runTool(command + ["--help"]).stdoutText
            #expect(text.contains("-v, --verbose"), "\(command)")
            #expect(text.contains("-q, --quiet"), "\(command)")
        }
    }
}
