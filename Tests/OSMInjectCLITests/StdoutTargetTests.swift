import Foundation
#if canImport(Glibc)
    import Glibc
#endif
import Testing

/// A streaming run writes straight into a regular file on stdout and cuts it back on an error; into a pipe it
/// holds the output until the end. Either way an error leaves stdout as it was, and what stood there before stays.
@Suite struct StdoutTargetTests {
    static let good =
        Array(ModesManifests.namespace.utf8) + Array("---\n".utf8) + Array(ModesManifests.deployment("web").utf8)
    static let bad = good + Array("---\nkind: Pod\nmetadata: {name: [unclosed\n".utf8)

    /// Runs the tool on `stdin` with stdout on `fd` (closed after the run), and returns its exit status.
    private static func run(_ stdin: [UInt8], stdout fd: Int32) throws -> Int32 {
        let scratch = try ScratchFolder()
        let inURL = scratch.url.appendingPathComponent("in.yaml")
        try Data(stdin).write(to: inURL)
        let process = Process()
        process.executableURL = toolURL
        process.arguments = ["-q"]
        process.standardInput = try FileHandle(forReadingFrom: inURL)
        process.standardOutput = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// A file that already holds `before`, opened for writing at its end, or in append mode.
    private static func file(holding before: String, append: Bool) throws -> (URL, Int32) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "osm-inject-stdout-\(UUID().uuidString)")
        try Data(before.utf8).write(to: url)
        let fd = open(url.path, append ? (O_WRONLY | O_APPEND) : O_WRONLY)
        if !append { lseek(fd, off_t(before.utf8.count), SEEK_SET) }
        return (url, fd)
    }

    @Test(arguments: [false, true])
    func regularFileKeepsWhatItHeldAndTakesNothingOnError(append: Bool) throws {
        let (url, fd) = try Self.file(holding: "# kept\n", append: append)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try Self.run(Self.bad, stdout: fd) == 1)
        #expect(try String(contentsOf: url, encoding: .utf8) == "# kept\n")
    }

    @Test(arguments: [false, true])
    func regularFileTakesTheOutputAfterWhatItHeld(append: Bool) throws {
        let (url, fd) = try Self.file(holding: "# kept\n", append: append)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try Self.run(Self.good, stdout: fd) == 0)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.hasPrefix("# kept\n"))
        #expect(text.contains("name: envoy"))
    }

    /// Stopped mid-run (SIGTERM once output has reached the file), the run cuts stdout back to where it stood
    /// and ends as the signal would.
    @Test func stoppedRunLeavesTheFileAsItWas() throws {
        let scratch = try ScratchFolder()
        var yaml = Array(ModesManifests.namespace.utf8)
        while yaml.count < 2 << 20 {
            yaml += Array("---\n".utf8) + Array(ModesManifests.deployment("web\(yaml.count)").utf8)
        }
        let inURL = scratch.url.appendingPathComponent("big.yaml")
        try Data(yaml).write(to: inURL)
        let (url, fd) = try Self.file(holding: "# kept\n", append: false)
        defer { try? FileManager.default.removeItem(at: url) }
        // The test runner's threads block SIGTERM, and a child inherits that: a shell-like start unblocks it.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            "import os, signal, sys; signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM}); "
                + "signal.signal(signal.SIGTERM, signal.SIG_DFL); os.execv(sys.argv[1], sys.argv[1:])",
            toolURL.path, "-q",
        ]
        process.standardInput = try FileHandle(forReadingFrom: inURL)
        process.standardOutput = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        process.standardError = FileHandle.nullDevice
        try process.run()
        var size = 0
        while process.isRunning, size <= 7 {
            usleep(20_000)
            size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        }
        #expect(process.isRunning, "the run ended before its output could be seen growing")
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + SIGTERM)
        #expect(try String(contentsOf: url, encoding: .utf8) == "# kept\n")
    }

    @Test func pipeGetsTheOutputOnlyOnSuccess() throws {
        for (input, status) in [(Self.bad, Int32(1)), (Self.good, Int32(0))] {
            let pipe = Pipe()
            let reader = pipe.fileHandleForReading
            let exit = try Self.run(input, stdout: dup(pipe.fileHandleForWriting.fileDescriptor))
            try pipe.fileHandleForWriting.close()
            let output = reader.readDataToEndOfFile()
            #expect(exit == status)
            #expect(status == 0 ? String(decoding: output, as: UTF8.self).contains("name: envoy") : output.isEmpty)
        }
    }
}

/// A large regular file on stdin (over 1 MB) is read in two halves at once, from wherever its offset stands; the
/// output is the same as for the same bytes from the start of a file.
@Suite struct LargeStdinTests {
    @Test func regularFileFromItsOffset() throws {
        let scratch = try ScratchFolder()
        var yaml = Array(ModesManifests.namespace.utf8)
        while yaml.count < (1 << 20) + (1 << 18) {
            yaml += Array("---\n".utf8) + Array(ModesManifests.deployment("web\(yaml.count)").utf8)
        }
        let prefix = Array("# read by someone else first\n".utf8)
        let url = scratch.url.appendingPathComponent("big.yaml")
        try Data(prefix + yaml).write(to: url)

        let fromFile = Process()
        fromFile.executableURL = toolURL
        fromFile.arguments = ["-q"]
        let input = try FileHandle(forReadingFrom: url)
        try input.seek(toOffset: UInt64(prefix.count))
        fromFile.standardInput = input
        let fileOut = scratch.url.appendingPathComponent("file.out")
        _ = FileManager.default.createFile(atPath: fileOut.path, contents: nil)
        fromFile.standardOutput = try FileHandle(forWritingTo: fileOut)
        try fromFile.run()
        fromFile.waitUntilExit()

        let whole = try runTool(["-q"], stdin: yaml)
        #expect(fromFile.terminationStatus == 0)
        #expect(whole.status == 0)
        #expect(Array(try Data(contentsOf: fileOut)) == whole.stdout)
        #expect(whole.stdoutText.contains("name: envoy"))
    }
}
