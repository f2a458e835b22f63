import ArgumentParser
import Foundation
import LosslessYAML
import OSMInjector

/// One input file and what the run made of it.
struct FileResult {
    var file: InputFile
    var stream: YAMLStream
    var output: [UInt8]
    var changed: Bool { output != file.bytes }
}

/// Reads the inputs and the declared state, runs a transformation over every file, and delivers the results
/// in the chosen mode. Shared by `inject` and `uninject`.
struct FileRun {
    let inputs: InputOptions
    let mesh: MeshOptions
    let modes: OutputOptions
    let report: ReportPrinter

    /// Runs `transform` on each input stream; throws `ExitCode` with the run's status.
    /// `afterOutput` receives every file's outcome, in input order, once all succeeded and before delivery.
    /// With `streaming`, one large YAML input written to stdout is processed a document at a time in bounded
    /// memory by the injector it makes (see `StreamingRun`).
    func execute(
        afterOutput: ([Injector.Output]) throws(CLIError) -> Void = { _ in },
        streaming: ((ClusterState) -> Injector)? = nil,
        _ transform: (YAMLStream, ClusterState) -> Injector.Output
    ) throws {
        do {
            if modes.inPlace && inputs.all.contains("-") {
                report.plain("error: --in-place needs files, not stdin")
                throw ExitCode(2)
            }
            let environment = ProcessInfo.processInfo.environment
            var cluster = ClusterState(settings: mesh.settings(environment: environment))
            let configs = try mesh.configFiles.map { (path) throws(CLIError) -> InputFile in
                try InputFiles.load(path, as: InputFiles.configRole)
            }
            let files = try InputFiles.read(inputs.all, recursive: inputs.recursive)
            let parsedConfigs = try parse(configs)
            if let streaming, let file = files.first, files.count == 1, StreamingRun.applies(to: file, modes: modes) {
                for (config, stream) in parsedConfigs {
                    for document in stream.documents {
                        do { try cluster.absorb(document) } catch {
                            report.error(file: config, mark: error.mark, message: error.message)
                            throw ExitCode(1)
                        }
                    }
                }
                try StreamingRun(report: report).run(file, injector: streaming(cluster), afterOutput: afterOutput)
                return
            }
            let parsedFiles = try parse(files)
            if try KRMRun.handle(parsedFiles, configs: parsedConfigs, run: self, cluster: cluster, transform: transform)
            {
                return
            }
            var failed = false
            for (file, stream) in parsedConfigs + parsedFiles {
                for document in stream.documents {
                    do { try cluster.absorb(document) } catch {
                        report.error(file: file, mark: error.mark, message: error.message)
                        failed = true
                    }
                }
            }
            guard !failed else { throw ExitCode(1) }
            var results: [FileResult] = []
            let outcomes = ParallelMap.map(parsedFiles) { transform($0.1, cluster) }
            for ((file, stream), outcome) in zip(parsedFiles, outcomes) {
                report.workloads(outcome.reports, file: file)
                failed = failed || outcome.hasErrors
                var output = outcome.bytes
                if let format = modes.output ?? inputFormat(stream), format == .json || isJSON(stream) {
                    output = try JSONOutput.convert(output, to: format, file: file)
                }
                results.append(FileResult(file: file, stream: stream, output: output))
            }
            guard !failed else { throw ExitCode(1) }
            try afterOutput(outcomes)
            try deliver(results)
        } catch let error as CLIError {
            report.plain("error: \(error.message)")
            throw ExitCode(1)
        }
    }

    private func parse(_ files: [InputFile]) throws -> [(InputFile, YAMLStream)] {
        var parsed: [(InputFile, YAMLStream)] = []
        var failed = false
        let results = ParallelMap.map(files) { file -> Result<YAMLStream, YAMLError> in
            do throws(YAMLError) { return .success(try Parser().parse(file.bytes)) } catch { return .failure(error) }
        }
        for (file, result) in zip(files, results) {
            switch result {
            case .success(let stream): parsed.append((file, stream))
            case .failure(let error):
                report.error(file: file, mark: error.mark, message: error.message)
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
        return parsed
    }

    private func deliver(_ results: [FileResult]) throws {
        let changed = results.filter(\.changed)
        if modes.check {
            for result in changed { report.plain("\(result.file.name): would change") }
            report.flush()
            if !changed.isEmpty { throw ExitCode(1) }
            return
        }
        if modes.diff {
            var text = ""
            for result in changed {
                text += try UnifiedDiff.make(old: result.file.bytes, new: result.output, name: result.file.name)
            }
            FileHandle.standardOutput.write(Data(text.utf8))
            report.flush()
            if !changed.isEmpty { throw ExitCode(1) }
            return
        }
        if modes.inPlace {
            try AtomicFileWriter.replace(changed.map { ($0.file.name, $0.output) })
            report.flush()
            return
        }
        var output: [UInt8] = []
        for result in results {
            OutputJoiner.append(
                result.output, startsExplicitly: result.stream.documents.first?.hasExplicitStart ?? true,
                to: &output)
        }
        FileHandle.standardOutput.write(Data(output))
        report.flush()
    }

    /// JSON when the stream is one JSON document.
    private func inputFormat(_ stream: YAMLStream) -> OutputFormat? {
        isJSON(stream) ? .json : nil
    }

    private func isJSON(_ stream: YAMLStream) -> Bool {
        guard stream.documents.count == 1, let root = stream.documents.first?.root else { return false }
        return root.collectionStyle == .flow && root.pairs?.first?.key.scalar?.style == .doubleQuoted
    }
}

/// Joins the outputs of several files into one stream on stdout.
enum OutputJoiner {
    static func append(_ bytes: [UInt8], startsExplicitly: Bool, to output: inout [UInt8]) {
        if !output.isEmpty, !bytes.isEmpty {
            if output.last != 0x0A { output.append(0x0A) }
            if !startsExplicitly { output.append(contentsOf: Array("---\n".utf8)) }
        }
        output.append(contentsOf: bytes)
    }
}
