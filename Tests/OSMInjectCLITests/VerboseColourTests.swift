import Foundation
import Testing

/// Colour on stderr: only when it is a terminal, and `NO_COLOR` and `TERM=dumb` turn it off.
@Suite struct VerboseColourTests {
    static let escape = "\u{1B}["

    /// Runs the tool with stderr on a pseudo-terminal (stdout to /dev/null) and returns what the terminal got;
    /// nil when neither util-linux `script` nor `python3` is there to make one.
    static func runUnderTerminal(
        _ arguments: [String], in directory: URL,
        environment: [String: String] = [:]
    ) throws -> String? {
        let quoted = ([toolURL.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let command = quoted.joined(separator: " ") + " >/dev/null"
        var env = ["TERM": "xterm"]
        for (key, value) in environment { env[key] = value }
        let unset = environment["NO_COLOR"] == nil ? ["NO_COLOR"] : []
        if let script = modesExecutable(["/usr/bin/script", "/bin/script"]) {
            return try runMerged(
                script, ["-q", "-e", "-c", command, "/dev/null"], in: directory, environment: env,
                unsetting: unset
            ).output
        }
        if let python = modesExecutable(["/usr/bin/python3", "/usr/local/bin/python3"]) {
            let spawn = "import pty, sys; sys.exit(pty.spawn(['/bin/sh', '-c', sys.argv[1]]) >> 8)"
            return try runMerged(python, ["-c", spawn, command], in: directory, environment: env, unsetting: unset)
                .output
        }
        return nil
    }

    private static func workspace() throws -> ModesScratch {
        let scratch = try ModesScratch()
        try scratch.write("cluster.yaml", ModesManifests.namespace)
        try scratch.write("web.yaml", ModesManifests.deployment("web"))
        try scratch.write("optout.yaml", ModesManifests.deployment("optout", injection: "disabled"))
        try scratch.write("bad.yaml", ModesManifests.deployment("bad", injection: "often"))
        let port = "openservicemesh.io/outbound-port-exclusion-list: \"70000\""
        try scratch.write(
            "warn.yaml",
            ModesManifests.deployment("warn").replacingOccurrences(
                of: "        app: warn", with: "        app: warn\n      annotations:\n        \(port)"))
        return scratch
    }

    @Test func terminalGetsColours() throws {
        let scratch = try Self.workspace()
        guard
            let text = try Self.runUnderTerminal(
                ["-c", "cluster.yaml", "web.yaml", "optout.yaml", "warn.yaml", "-v"],
                in: scratch.url)
        else { return }
        #expect(text.contains("web.yaml: deployment \"web\" \u{1B}[32minjected\u{1B}[0m"), "\(text)")
        #expect(text.contains("optout.yaml: \u{1B}[2mdeployment \"optout\" skipped: "), "\(text)")
        #expect(text.contains(": \u{1B}[33mwarning\u{1B}[0m: deployment \"warn\": Port 70000"), "\(text)")
        #expect(text.contains("  \u{1B}[32m✓\u{1B}[0m namespace \"shop\" is declared"), "\(text)")

        guard let failed = try Self.runUnderTerminal(["-c", "cluster.yaml", "web.yaml", "bad.yaml"], in: scratch.url),
            let missing = try Self.runUnderTerminal(["gone.yaml"], in: scratch.url)
        else { return }
        #expect(failed.hasPrefix("bad.yaml:"), "\(failed)")
        #expect(
            failed.contains(": \u{1B}[31merror\u{1B}[0m: deployment \"bad\": Invalid annotation value"), "\(failed)")
        #expect(missing.hasPrefix("\u{1B}[31merror\u{1B}[0m: gone.yaml:"), "\(missing)")
    }

    @Test func updatedIsGreen() throws {
        let scratch = try Self.workspace()
        let first = try runTool(["-c", "cluster.yaml", "-i", "web.yaml"], in: scratch.url)
        try #require(first.status == 0, "\(first.stderr)")
        guard
            let text = try Self.runUnderTerminal(
                ["-c", "cluster.yaml", "web.yaml", "--envoy-image", "envoy:new"],
                in: scratch.url)
        else { return }
        #expect(text.contains("web.yaml: deployment \"web\" \u{1B}[32mupdated\u{1B}[0m: "), "\(text)")
    }

    @Test func noColourWhenTurnedOffOrNotATerminal() throws {
        let scratch = try Self.workspace()
        let arguments = ["-c", "cluster.yaml", "web.yaml", "optout.yaml", "warn.yaml", "-v"]
        for environment in [["NO_COLOR": "1"], ["TERM": "dumb"]] {
            guard let text = try Self.runUnderTerminal(arguments, in: scratch.url, environment: environment) else {
                return
            }
            #expect(text.contains("web.yaml: deployment \"web\" injected"), "\(environment): \(text)")
            #expect(!text.contains(Self.escape), "\(environment): \(text)")
        }
        let toFile = try runTool(arguments, in: scratch.url, environment: ["TERM": "xterm"])
        #expect(toFile.status == 0)
        #expect(toFile.stderr.contains("web.yaml: deployment \"web\" injected"))
        #expect(!toFile.stderr.contains(Self.escape))
        #expect(!toFile.stdoutText.contains(Self.escape))
        let failed = try runTool(["-c", "cluster.yaml", "bad.yaml"], in: scratch.url, environment: ["TERM": "xterm"])
        #expect(failed.status == 1)
        #expect(!failed.stderr.contains(Self.escape))
    }

    @Test func emptyNoColourDoesNotTurnColourOff() throws {
        let scratch = try Self.workspace()
        guard
            let text = try Self.runUnderTerminal(
                ["-c", "cluster.yaml", "web.yaml"], in: scratch.url,
                environment: ["NO_COLOR": ""])
        else { return }
        #expect(text.contains("\u{1B}[32minjected"), "\(text)")
    }
}
