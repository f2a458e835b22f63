import Foundation
import Testing

@Suite struct ExitStatusTests {
    @Test func usageErrorExitsTwo() throws {
        let result = try runTool(["--no-such-flag"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
    }

    @Test func versionNamesTheOSMRelease() throws {
        let result = try runTool(["--version"])
        #expect(result.status == 0)
        #expect(result.stdoutText.contains("v1.2.4"))
    }

    @Test func invalidYAMLGivesPositionAndNoOutput() throws {
        let result = try runTool([], stdin: Array("a: 1\nb: [1, 2\nc: 3\n".utf8))
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("<stdin>:3:"), "\(result.stderr)")
        #expect(result.stderr.contains("^"))
    }

    @Test func passThroughIsByteForByte() throws {
        let text = "# keep me\nkind: ConfigMap\napiVersion: v1\nmetadata: {name: x}   # trailing\r\ndata:\n  a: 'b'\n"
        let result = try runTool([], stdin: Array(text.utf8))
        #expect(result.status == 0)
        #expect(result.stdoutText == text)
    }
}
