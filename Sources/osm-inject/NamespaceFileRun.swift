import ArgumentParser
import Foundation
import LosslessYAML
import OSMInjector

/// Reads the files of an enrolment command, runs it, writes every changed file at once (so that a failed
/// command leaves all of them as they were) and prints OSM's messages on stdout; an error goes to stderr,
/// with the file position it concerns when there is one, and nothing is written.
struct NamespaceFileRun {
    let files: NamespaceFileOptions
    /// Whether the command rewrites files; otherwise stdin is read when no file is named.
    let writes: Bool

    /// Runs `body` on the session of the files; throws `ExitCode(1)` on an error.
    func execute(_ body: (inout EnrolmentSession) throws(EnrolmentError) -> Void) throws {
        let inputs: [InputFile]
        let configCount: Int
        do {
            let configs = try files.configFiles.map { (path) throws(CLIError) -> InputFile in
                try InputFiles.load(path, as: InputFiles.configRole)
            }
            let named = files.filenames.isEmpty && files.configFiles.isEmpty && !writes ? ["-"] : files.filenames
            inputs = Self.distinct(configs + (try InputFiles.read(named, recursive: files.recursive)))
            configCount = configs.count
        } catch {
            printError("error: \(error.message)")
            throw ExitCode(1)
        }
        var sources: [EnrolmentSource] = []
        var failed = false
        for file in inputs {
            do {
                sources.append(EnrolmentSource(name: file.name, stream: try Parser().parse(file.bytes)))
            } catch {
                printError(
                    DiagnosticFormatter.format(
                        file: file.name, mark: error.mark, message: error.message,
                        source: file.bytes))
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
        do {
            var session = try EnrolmentSession(
                sources: sources, newNamespaceSource: configCount > 0 ? 0 : nil,
                defaultNamespace: Self.defaultNamespace)
            try body(&session)
            let changed = try session.changedFiles()
            if writes {
                // Absolute paths: `AtomicFileWriter` follows a symlink named by a relative path only when absolute.
                try AtomicFileWriter.replace(
                    changed.map { (URL(fileURLWithPath: inputs[$0.source].name).path, $0.bytes) })
            }
            FileHandle.standardOutput.write(Data(session.messages.map { $0 + "\n" }.joined().utf8))
        } catch let error as EnrolmentError {
            guard let location = error.location, inputs.indices.contains(location.source) else {
                printError("error: \(error.message)")
                throw ExitCode(1)
            }
            let file = inputs[location.source]
            printError(
                DiagnosticFormatter.format(
                    file: file.name, mark: location.mark, message: error.message,
                    source: file.bytes))
            throw ExitCode(1)
        } catch let error as CLIError {
            printError("error: \(error.message)")
            throw ExitCode(1)
        }
    }

    /// The namespace of workloads that name none: `$ARGOCD_APP_NAMESPACE` when set, else `default`, as for injection.
    static var defaultNamespace: String {
        let value = ProcessInfo.processInfo.environment["ARGOCD_APP_NAMESPACE"] ?? ""
        return value.isEmpty ? "default" : value
    }

    /// The files without repeats: a file named twice (also through a directory or a link) is read once.
    static func distinct(_ files: [InputFile]) -> [InputFile] {
        var seen = Set<String>()
        return files.filter { file in
            guard file.name != "<stdin>" else { return true }
            return seen.insert(URL(fileURLWithPath: file.name).resolvingSymlinksInPath().standardizedFileURL.path)
                .inserted
        }
    }

    private func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
