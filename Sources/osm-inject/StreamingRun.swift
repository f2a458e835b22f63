import ArgumentParser
import Foundation
import LosslessYAML
import OSMInjector

/// Runs one YAML input to stdout in bounded memory: documents are parsed and injected one at a time and the
/// output is held (`HeldOutput`) until the whole input succeeded, so that an error still leaves stdout empty.
struct StreamingRun {
    let report: ReportPrinter

    /// Inputs that take this path: YAML (not JSON, not a KRM ResourceList) written to stdout.
    static func applies(to file: InputFile, modes: OutputOptions) -> Bool {
        guard !modes.inPlace, !modes.check, !modes.diff, modes.output != .json else { return false }
        guard let first = file.bytes.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }),
            first != UInt8(ascii: "{")
        else { return false }
        return !ByteSearch.contains(file.bytes, Array("ResourceList".utf8))
    }

    func run(
        _ file: InputFile, injector: Injector,
        afterOutput: ([Injector.Output]) throws(CLIError) -> Void
    ) throws {
        let held: any HeldOutput = try RegularFileOutput.standardOutput() ?? Spool()
        let output: Injector.Output
        do {
            output = try injector.runStreaming(file.bytes) { held.append($0) }
        } catch {
            held.discard()
            report.error(file: file, mark: error.mark, message: error.message)
            throw ExitCode(1)
        }
        report.workloads(output.reports, file: file)
        do {
            guard !output.hasErrors else { throw ExitCode(1) }
            try afterOutput([output])
            try held.commit()
        } catch {
            held.discard()
            throw error
        }
        report.flush()
    }
}
