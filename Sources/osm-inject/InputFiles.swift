import Foundation
import LosslessYAML

/// One input: a name for messages and its bytes.
struct InputFile {
    /// The path as given, or `<stdin>`.
    var name: String
    var bytes: [UInt8]
}

/// Reads the inputs named on the command line: files, directories (only .yaml, .yml and .json, sorted), stdin.
enum InputFiles {
    static func read(_ paths: [String], recursive: Bool) throws(CLIError) -> [InputFile] {
        var files: [InputFile] = []
        var readStdin = false
        for path in paths {
            if path == "-" {
                guard !readStdin else { continue }
                readStdin = true
                files.append(InputFile(name: "<stdin>", bytes: try RawRead.all(from: 0, name: "<stdin>")))
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CLIError("\(path): cannot read the input file: no such file or directory")
            }
            if isDirectory.boolValue {
                for file in try manifests(in: path, recursive: recursive) { files.append(try load(file)) }
            } else {
                files.append(try load(path))
            }
        }
        return files
    }

    /// Reads the file at `path`; `role` names it in the error (`input file`, `config file (-c)`), so that a
    /// missing input and a missing config read alike but say which one is missing.
    static func load(_ path: String, as role: String = "input file") throws(CLIError) -> InputFile {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw CLIError("\(path): cannot read the \(role): \(reason(errno))") }
        defer { close(fd) }
        return InputFile(name: path, bytes: try RawRead.all(from: fd, name: path))
    }

    /// The C library's text for `code`, starting lower-case as the rest of the message: `no such file or directory`.
    static func reason(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }

    /// The role of a `-c` file in messages.
    static let configRole = "config file (-c)"

    /// The manifest files of a directory in a stable, sorted order.
    static func manifests(in directory: String, recursive: Bool) throws(CLIError) -> [String] {
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            throw CLIError("\(directory): cannot list the directory (permission denied?)")
        }
        var found: [String] = []
        for entry in entries where !entry.hasPrefix(".") {
            let path = (directory as NSString).appendingPathComponent(entry)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                if recursive { found += try manifests(in: path, recursive: true) }
            } else if [".yaml", ".yml", ".json"].contains(where: { entry.lowercased().hasSuffix($0) }) {
                found.append(path)
            }
        }
        return found
    }
}

/// A failure of the command line itself (a file that cannot be read, a bad argument).
struct CLIError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
