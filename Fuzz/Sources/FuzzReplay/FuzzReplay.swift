import FuzzChecks
import Foundation

/// Runs a fuzzer's checks over files without libFuzzer or sanitizers: `fuzz-replay inject|edit PATH...`
/// (folders are read recursively). Prints each failure and exits 1 when there was one.
@main
struct FuzzReplay {
    /// Runs the checks over the files named on the command line.
    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        var dump: String?
        if let index = arguments.firstIndex(of: "--dump"), index + 1 < arguments.count {
            dump = arguments[index + 1]
            arguments.removeSubrange(index...(index + 1))
        }
        guard let mode = arguments.first, mode == "inject" || mode == "edit", arguments.count > 1 else {
            FileHandle.standardError.write(Data("usage: fuzz-replay [--dump DIR] inject|edit PATH...\n".utf8))
            exit(2)
        }
        var files: [String] = []
        for path in arguments.dropFirst() { files += expand(path) }
        var failures = 0
        let started = Date()
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            do {
                if mode == "inject" {
                    try InjectInvariants.check(Array(data))
                } else {
                    try EditInvariants.check(Array(data))
                }
            } catch {
                failures += 1
                print("\(file): \(error.message)")
                if let dump, let before = error.before, let after = error.after {
                    let name = (dump as NSString).appendingPathComponent("\(failures)")
                    _ = FileManager.default.createFile(atPath: name + ".before.yaml", contents: Data(before))
                    _ = FileManager.default.createFile(atPath: name + ".after.yaml", contents: Data(after))
                }
            }
        }
        print(
            "\(files.count) inputs, \(failures) failures, \(String(format: "%.1f", Date().timeIntervalSince(started))) s"
        )
        exit(failures == 0 ? 0 : 1)
    }

    /// The files under `path` (itself when it is a file), sorted.
    private static func expand(_ path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else { return [path] }
        let walker = FileManager.default.enumerator(atPath: path)
        var out: [String] = []
        while let entry = walker?.nextObject() as? String {
            let full = (path as NSString).appendingPathComponent(entry)
            var sub: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue { out.append(full) }
        }
        return out.sorted()
    }
}
