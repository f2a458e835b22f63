import Foundation
import Testing
#if canImport(Glibc)
    import Glibc
#endif

/// Exit statuses of failed runs: 1 for inputs that cannot be read, 2 for bad usage; never output.
@Suite struct ModesErrorTests {
    @Test func missingFileExitsOneAndNamesIt() throws {
        let scratch = try ModesScratch()
        try scratch.write("web.yaml", ModesManifests.deployment("web"))
        for arguments in [
            ["-f", "web.yaml", "-f", "gone.yaml"], ["gone.yaml", "web.yaml"], ["-c", "gone.yaml", "web.yaml"],
            ["--check", "gone.yaml"], ["--diff", "gone.yaml"], ["uninject", "gone.yaml"],
        ] {
            let result = try runTool(arguments, in: scratch.url)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stdout.isEmpty, "\(arguments)")
            #expect(result.stderr.hasPrefix("error: gone.yaml: "), "\(arguments): \(result.stderr)")
        }
    }

    /// Unreadable for an unprivileged user (root reads everything, so as root the tool runs as `nobody`).
    @Test func unreadableFileExitsOneAndNamesIt() throws {
        let scratch = try ModesScratch()
        try scratch.write("cluster.yaml", ModesManifests.namespace)
        try scratch.write("locked.yaml", ModesManifests.deployment("web"))
        chmod(scratch.path("locked.yaml"), 0o000)
        var command = [toolURL.path]
        if geteuid() == 0 {
            guard let setpriv = modesExecutable(["/usr/bin/setpriv", "/bin/setpriv"]), unprivilegedCanRunTool else {
                return
            }
            command = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", toolURL.path]
        }
        let result = try runMerged(
            command[0], Array(command.dropFirst()) + ["-c", "cluster.yaml", "-f", "locked.yaml"],
            in: scratch.url)
        #expect(result.status == 1)
        #expect(
            result.output.hasPrefix("error: locked.yaml: cannot read the input file: permission denied"),
            "\(result.output)")
    }

    @Test func badFlagsExitTwo() throws {
        let scratch = try ModesScratch()
        try scratch.write("web.yaml", ModesManifests.deployment("web"))
        let cases: [[String]] = [
            ["--no-such-flag"], ["-o", "xml", "web.yaml"], ["--check", "--diff", "web.yaml"],
            ["-i", "--check", "web.yaml"],
            ["--quiet", "--verbose", "web.yaml"], ["-q", "-v", "web.yaml"], ["--ca-cert", "ca.crt", "web.yaml"],
            ["--no-bootstrap-secrets", "--secrets-out", "s.yaml", "web.yaml"], ["-f"], ["uninject", "--bogus"],
            ["uninject", "-q", "-v", "web.yaml"], ["namespace", "add"], ["metrics", "enable", "--bogus"],
            ["review", "--bogus"],
        ]
        for arguments in cases {
            let result = try runTool(arguments, in: scratch.url)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(arguments)")
            #expect(!result.stderr.isEmpty, "\(arguments)")
        }
        #expect(try scratch.read("web.yaml") == Array(ModesManifests.deployment("web").utf8))
    }

    @Test func injectionErrorExitsOneWithNothingOnStdout() throws {
        let scratch = try ModesScratch()
        try scratch.write("cluster.yaml", ModesManifests.namespace)
        try scratch.write("web.yaml", ModesManifests.deployment("web"))
        try scratch.write("bad.yaml", ModesManifests.deployment("bad", injection: "sometimes"))
        let result = try runTool(["-c", "cluster.yaml", "web.yaml", "bad.yaml"], in: scratch.url)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("bad.yaml:"), "\(result.stderr)")
        #expect(result.stderr.contains("error: deployment \"bad\": Invalid annotation value"), "\(result.stderr)")
        #expect(!result.stderr.contains("injected"), "no report after a failure: \(result.stderr)")
    }
}
