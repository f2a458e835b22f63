import Foundation
import Testing
#if canImport(Glibc)
    import Glibc
#endif

/// Files under stress: in-place writes killed half-way, permissions, missing files and symlinks.
///
/// The tests run as root in CI, and root ignores file permissions; the permission tests therefore run the tool
/// as `nobody` through `setpriv` when they run as root (and check root's own behaviour separately).
@Suite(.serialized) struct HostileFileTests {
    // MARK: Atomic in-place writes

    /// `kill -9` while `--in-place` rewrites many files: every file is either as it was or fully written, and
    /// the only other files are the temporary files `.<name>.osm-inject-XXXXXX` of the staging phase.
    @Test func killedInPlaceRunLeavesEveryFileWholeOrOriginal() throws {
        let scratch = try HostileScratch()
        let names = (0..<60).map { String(format: "f%02d.yaml", $0) }
        var originals: [String: [UInt8]] = [:]
        for (index, name) in names.enumerated() { originals[name] = Array(Self.manifest(index).utf8) }

        // The expected results: a complete run on a copy.
        for name in names { try scratch.write("expected/\(name)", originals[name] ?? []) }
        let complete = try runTool(["--in-place", "-q", "-f", "expected"], in: scratch.url)
        #expect(complete.status == 0, "\(complete.stderr)")
        var expected: [String: [UInt8]] = [:]
        for name in names { expected[name] = try scratch.read("expected/\(name)") }
        #expect(expected != originals)

        // Kill at the first temporary file (staging), at the first replaced file (renaming), and at fixed delays.
        let moments: [KillMoment] = [.firstTemporaryFile, .firstReplacedFile, .after(0.05), .after(0.3), .after(0.8)]
        var leftovers: [String] = []
        for (trial, moment) in moments.enumerated() {
            let folder = "run\(trial)"
            for name in names { try scratch.write("\(folder)/\(name)", originals[name] ?? []) }
            try killMidRun(
                folder: scratch.path(folder), first: names[0], original: originals[names[0]] ?? [], at: moment)
            for entry in try scratch.entries(folder) {
                if let original = originals[entry] {
                    let now = try scratch.read("\(folder)/\(entry)")
                    #expect(
                        now == original || now == expected[entry],
                        "\(folder)/\(entry) is neither as it was nor fully written (\(now.count) bytes)")
                } else {
                    #expect(Self.isTemporaryName(entry, of: names), "unexpected file \(folder)/\(entry)")
                    leftovers.append(entry)
                }
            }
        }
        // The temporary files a killed run may leave are hidden and named after their file (docs/fuzzing.md).
        for entry in leftovers { #expect(entry.hasPrefix(".")) }
    }

    /// A failed in-place run (one file cannot be injected) changes no file and leaves no temporary file.
    @Test func inPlaceRunWithAnErrorChangesNothing() throws {
        let scratch = try HostileScratch()
        let good = Self.manifest(1),
            bad = Self.manifest(2).replacingOccurrences(of: "image: nginx", with: "image: [nginx")
        try scratch.write("d/a.yaml", good)
        try scratch.write("d/b.yaml", bad)
        let result = try runTool(["--in-place", "-f", "d"], in: scratch.url)
        #expect(result.status == 1)
        #expect(try scratch.read("d/a.yaml") == Array(good.utf8))
        #expect(try scratch.read("d/b.yaml") == Array(bad.utf8))
        #expect(try scratch.entries("d") == ["a.yaml", "b.yaml"])
    }

    // MARK: Permissions

    /// A read-only file: refused for an ordinary user (nothing changed, no temporary file); root may write it,
    /// and then its mode is kept.
    @Test func readOnlyFile() throws {
        let scratch = try HostileScratch()
        let path = try scratch.write("ro/pod.yaml", Self.manifest(0))
        chmod(path, 0o444)
        if unprivilegedCanRunTool,
            let result = try runToolUnprivileged(["--in-place", "-f", "ro/pod.yaml"], in: scratch.url)
        {
            #expect(result.status == 1)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains("ro/pod.yaml: the file is read-only"), "\(result.stderr)")
            #expect(try scratch.read("ro/pod.yaml") == Array(Self.manifest(0).utf8))
            #expect(try scratch.entries("ro") == ["pod.yaml"])
        }
        if geteuid() == 0 {
            let result = try runTool(["--in-place", "-f", "ro/pod.yaml"], in: scratch.url)
            #expect(result.status == 0, "\(result.stderr)")
            var info = stat()
            #expect(stat(path, &info) == 0 && info.st_mode & 0o7777 == 0o444)
            #expect(try scratch.read("ro/pod.yaml") != Array(Self.manifest(0).utf8))
            #expect(try scratch.entries("ro") == ["pod.yaml"])
        }
    }

    /// A writable file in a folder the user cannot write: no temporary file can be made, so nothing changes.
    @Test func folderWithoutWritePermission() throws {
        let scratch = try HostileScratch()
        try scratch.write("locked/pod.yaml", Self.manifest(0))
        chmod(scratch.path("locked/pod.yaml"), 0o666)
        chmod(scratch.path("locked"), 0o555)
        guard unprivilegedCanRunTool,
            let result = try runToolUnprivileged(["--in-place", "-f", "locked/pod.yaml"], in: scratch.url)
        else { return }
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot create a temporary file"), "\(result.stderr)")
        #expect(try scratch.read("locked/pod.yaml") == Array(Self.manifest(0).utf8))
    }

    /// A folder the user cannot list, and a file the user cannot read: clear errors, nothing on stdout.
    @Test func unreadableFolderAndFile() throws {
        let scratch = try HostileScratch()
        try scratch.write("closed/pod.yaml", Self.manifest(0))
        chmod(scratch.path("closed"), 0o000)
        try scratch.write("secret.yaml", Self.manifest(1))
        chmod(scratch.path("secret.yaml"), 0o000)
        guard unprivilegedCanRunTool else { return }
        if let result = try runToolUnprivileged(["-f", "closed"], in: scratch.url) {
            #expect(result.status == 1)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains("closed: cannot list the directory"), "\(result.stderr)")
        }
        if let result = try runToolUnprivileged(["-f", "secret.yaml"], in: scratch.url) {
            #expect(result.status == 1)
            #expect(result.stdout.isEmpty)
            #expect(
                result.stderr.contains("secret.yaml: cannot read the input file: permission denied"), "\(result.stderr)"
            )
        }
    }

    /// Missing inputs and configs: errors naming the path, nothing on stdout.
    @Test func missingFiles() throws {
        let scratch = try HostileScratch()
        try scratch.write("pod.yaml", Self.manifest(0))
        for arguments in [
            ["-f", "nope.yaml"], ["nope.yaml"], ["-f", "pod.yaml", "-c", "nope.yaml"], ["-f", "nodir/"],
            ["--in-place", "-f", "nope.yaml"],
        ] {
            let result = try runTool(arguments, in: scratch.url)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains("nope.yaml") || result.stderr.contains("nodir"), "\(result.stderr)")
        }
    }

    // MARK: Symlinks

    /// `--in-place` on a symlink (direct, relative into another folder, a chain): the target is rewritten,
    /// the link stays the same link, and no temporary file is left beside either.
    @Test func inPlaceThroughSymlinks() throws {
        let scratch = try HostileScratch()
        try scratch.write("real/a.yaml", Self.manifest(0))
        try scratch.write("real/b.yaml", Self.manifest(1))
        try scratch.write("real/c.yaml", Self.manifest(2))
        try FileManager.default.createDirectory(atPath: scratch.path("links"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: scratch.path("links/a.yaml"), withDestinationPath: scratch.path("real/a.yaml"))
        try FileManager.default.createSymbolicLink(
            atPath: scratch.path("links/b.yaml"), withDestinationPath: "../real/b.yaml")
        try FileManager.default.createSymbolicLink(
            atPath: scratch.path("links/c1.yaml"), withDestinationPath: "c2.yaml")
        try FileManager.default.createSymbolicLink(
            atPath: scratch.path("links/c2.yaml"), withDestinationPath: "../real/c.yaml")
        let result = try runTool(
            ["--in-place", "-f", "links/a.yaml", "-f", "links/b.yaml", "-f", "links/c1.yaml"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        for (link, destination) in [
            ("links/a.yaml", scratch.path("real/a.yaml")), ("links/b.yaml", "../real/b.yaml"),
            ("links/c1.yaml", "c2.yaml"), ("links/c2.yaml", "../real/c.yaml"),
        ] {
            #expect(
                (try? FileManager.default.destinationOfSymbolicLink(atPath: scratch.path(link))) == destination,
                "\(link) is no longer the same symlink")
        }
        for name in ["a.yaml", "b.yaml", "c.yaml"] {
            #expect(
                String(decoding: try scratch.read("real/\(name)"), as: UTF8.self).contains("- name: envoy"),
                "real/\(name) not injected")
        }
        #expect(try scratch.entries("real") == ["a.yaml", "b.yaml", "c.yaml"])
        #expect(try scratch.entries("links") == ["a.yaml", "b.yaml", "c1.yaml", "c2.yaml"])
    }

    /// A symlink inside a folder given with `-f`, and a symlinked folder: read through, the link kept.
    @Test func symlinksInAndToFolders() throws {
        let scratch = try HostileScratch()
        try scratch.write("real/a.yaml", Self.manifest(0))
        try scratch.write("dir/b.yaml", Self.manifest(1))
        try FileManager.default.createSymbolicLink(
            atPath: scratch.path("dir/a.yaml"), withDestinationPath: "../real/a.yaml")
        try FileManager.default.createSymbolicLink(atPath: scratch.path("dirlink"), withDestinationPath: "dir")
        let result = try runTool(["--in-place", "-f", "dirlink"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            (try? FileManager.default.destinationOfSymbolicLink(atPath: scratch.path("dir/a.yaml"))) == "../real/a.yaml"
        )
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: scratch.path("dirlink"))) == "dir")
        #expect(String(decoding: try scratch.read("real/a.yaml"), as: UTF8.self).contains("- name: envoy"))
        #expect(String(decoding: try scratch.read("dir/b.yaml"), as: UTF8.self).contains("- name: envoy"))
    }

    /// A dangling symlink and a symlink loop are errors naming the path; nothing is created.
    @Test func brokenSymlinks() throws {
        let scratch = try HostileScratch()
        try FileManager.default.createSymbolicLink(
            atPath: scratch.path("dangling.yaml"), withDestinationPath: "missing.yaml")
        try FileManager.default.createSymbolicLink(
            atPath: scratch.path("loop1.yaml"), withDestinationPath: "loop2.yaml")
        try FileManager.default.createSymbolicLink(
            atPath: scratch.path("loop2.yaml"), withDestinationPath: "loop1.yaml")
        for name in ["dangling.yaml", "loop1.yaml"] {
            for arguments in [["-f", name], ["--in-place", "-f", name]] {
                let result = try runTool(arguments, in: scratch.url)
                #expect(result.status == 1, "\(arguments): \(result.stderr)")
                #expect(result.stdout.isEmpty)
                #expect(result.stderr.contains(name), "\(result.stderr)")
            }
        }
        #expect(try scratch.entries() == ["dangling.yaml", "loop1.yaml", "loop2.yaml"])
    }

    // MARK: Helpers

    /// When to kill the run.
    enum KillMoment {
        case firstTemporaryFile, firstReplacedFile
        case after(Double)
    }

    /// Starts `--in-place` on `folder` and kills it with SIGKILL at `moment` (or lets it finish if it is faster).
    private func killMidRun(folder: String, first: String, original: [UInt8], at moment: KillMoment) throws {
        let process = Process()
        process.executableURL = toolURL
        process.arguments = ["--in-place", "-q", "-f", folder]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let started = Date()
        let firstPath = (folder as NSString).appendingPathComponent(first)
        while process.isRunning, Date().timeIntervalSince(started) < 60 {
            let fire: Bool
            switch moment {
            case .firstTemporaryFile:
                fire = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).contains {
                    $0.contains(".osm-inject-")
                }
            case .firstReplacedFile:
                fire = FileManager.default.contents(atPath: firstPath).map { Array($0) != original } ?? false
            case .after(let seconds):
                fire = Date().timeIntervalSince(started) >= seconds
            }
            if fire {
                kill(process.processIdentifier, SIGKILL)
                break
            }
            usleep(200)
        }
        process.waitUntilExit()
    }

    /// `.<name>.osm-inject-XXXXXX` for one of `names`.
    static func isTemporaryName(_ entry: String, of names: [String]) -> Bool {
        names.contains { name in
            let prefix = ".\(name).osm-inject-"
            return entry.hasPrefix(prefix) && entry.count == prefix.count + 6
        }
    }

    /// A Namespace, a Deployment in it and ~40 KB of ConfigMap data, so that a run over many takes a while.
    static func manifest(_ index: Int) -> String {
        var text =
            meshNamespace + """
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web\(index)
                  namespace: shop
                spec:
                  template:
                    spec:
                      containers:
                        - name: web
                          image: nginx
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: filler
                data:

                """
        for line in 0..<500 { text += "  k\(line): value-\(line)-\(index)-abcdefghijklmnopqrstuvwxyz0123456789\n" }
        return text
    }
}
