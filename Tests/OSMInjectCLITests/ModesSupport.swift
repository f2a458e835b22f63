import Foundation
import Testing
#if canImport(Glibc)
    import Glibc
#endif

/// The scratch folder of the mode tests.
typealias ModesScratch = ScratchFolder

extension ScratchFolder {
    /// Inode, modification time (nanoseconds) and permission bits of `name`, not following a symlink.
    func identity(_ name: String) -> ModesFileIdentity? {
        var info = stat()
        guard lstat(path(name), &info) == 0 else { return nil }
        let nanoseconds = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        return ModesFileIdentity(
            inode: UInt64(info.st_ino), modified: nanoseconds, mode: UInt32(info.st_mode) & 0o7777,
            isSymlink: (UInt32(info.st_mode) & UInt32(S_IFMT)) == UInt32(S_IFLNK))
    }
}

/// What `--in-place` must keep, or proves it did not touch a file.
struct ModesFileIdentity: Equatable {
    var inode: UInt64
    var modified: Int64
    var mode: UInt32
    var isSymlink: Bool
}

/// Manifests for the mode tests: a monitored namespace with injection enabled, and workloads in it.
enum ModesManifests {
    static let namespace = meshNamespace

    /// A Deployment in `shop`; `injection` sets the pod's sidecar-injection annotation.
    static func deployment(_ name: String, namespace: String = "shop", injection: String? = nil) -> String {
        let annotations =
            injection.map { "\n      annotations:\n        openservicemesh.io/sidecar-injection: \"\($0)\"" } ?? ""
        return """
            # the \(name) workload
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: \(name)
              namespace: \(namespace)
            spec:
              template:
                metadata:
                  labels:
                    app: \(name)\(annotations)
                spec:
                  containers:
                    - name: \(name)
                      image: nginx

            """
    }

    /// A Deployment in `shop`, as JSON.
    static func deploymentJSON(_ name: String) -> String {
        """
        {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "\(name)", "namespace": "shop"},
         "spec": {"template": {"metadata": {"labels": {"app": "\(name)"}},
                               "spec": {"containers": [{"name": "\(name)", "image": "nginx"}]}}}}

        """
    }

    /// An object the injection passes through byte for byte.
    static let configMap =
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: shop}\ndata: {a: b}\n"
}

/// Runs `executable` with `arguments`, stdout and stderr into one file, so that their order shows.
/// `unsetting` names variables of this process's environment the child does not get.
func runMerged(
    _ executable: String, _ arguments: [String], in directory: URL, environment: [String: String] = [:],
    unsetting: [String] = []
) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    for key in unsetting + ["ARGOCD_APP_NAMESPACE"] { env.removeValue(forKey: key) }
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let outURL = FileManager.default.temporaryDirectory.appendingPathComponent("osm-inject-merged-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: outURL) }
    let output = try FileHandle(forWritingTo: outURL)
    defer { try? output.close() }
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = output
    process.standardError = output
    try process.run()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: try Data(contentsOf: outURL), as: UTF8.self))
}

/// The first path of `names` found executable.
func modesExecutable(_ names: [String]) -> String? {
    names.first { FileManager.default.isExecutableFile(atPath: $0) }
}
