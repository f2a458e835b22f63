import ArgumentParser
import Foundation
import LosslessYAML
import OSMInjector

/// The KRM function front end: when the only input is a `ResourceList` (kpt, kustomize), `FileRun` hands it
/// over here. The output is the ResourceList with `results`, always on stdout; exit status 1 only when a
/// result is an error.
enum KRMRun {
    /// Runs the function when `files` is one ResourceList and no file mode is asked for; false otherwise.
    static func handle(
        _ files: [(InputFile, YAMLStream)], configs: [(InputFile, YAMLStream)], run: FileRun,
        cluster: ClusterState, transform: KRMFunction.Transform
    ) throws -> Bool {
        guard files.count == 1, let (_, stream) = files.first, let list = ResourceList.detect(stream),
            !run.modes.inPlace, !run.modes.check, !run.modes.diff
        else { return false }
        var cluster = cluster
        var results: [KRMResult] = []
        for (file, config) in configs {
            for document in config.documents {
                do { try cluster.absorb(document) } catch {
                    let position = error.mark.map { ":\($0.line):\($0.column)" } ?? ""
                    results.append(KRMResult(message: "\(file.name)\(position): \(error.message)", severity: .error))
                }
            }
        }
        let output = KRMFunction(cluster: cluster).run(list, results: results, transform: transform)
        FileHandle.standardOutput.write(Data(output.bytes))
        for result in output.results where result.severity == .error {
            run.report.plain("error: \(result.message)")
        }
        if output.hasErrors { throw ExitCode(1) }
        return true
    }
}
