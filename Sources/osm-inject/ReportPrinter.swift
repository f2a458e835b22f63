import Foundation
import LosslessYAML
import OSMInjector

/// Writes the report and the diagnostics to stderr. Report lines wait in `pending` until `flush()`, so that
/// they follow the output; errors are written at once.
final class ReportPrinter {
    let quiet: Bool
    private var pending: [String] = []

    init(quiet: Bool) {
        self.quiet = quiet
    }

    /// Set when a workload that runs several pods got a sidecar: the note below then ends the report.
    private var injectedReplicated = false

    /// Writes the report lines held back so far.
    func flush() {
        for line in pending { plain(line) }
        pending.removeAll()
        if injectedReplicated && !quiet {
            plain("note: the bootstrap Secrets name one proxy UUID per workload. OSM's injector in the cluster gives each pod its own UUID and certificate when it admits it; without the injector, every replica of a multi-pod workload would share one proxy UUID, which OSM's controller rejects.")
            injectedReplicated = false
        }
    }

    func workloads(_ reports: [WorkloadReport], file: InputFile) {
        for report in reports {
            if case .failed(let error) = report.outcome {
                self.error(file: file, mark: error.mark ?? report.mark, message: "\(report.subject): \(error.message)")
                continue
            }
            for warning in report.warnings {
                pending.append(DiagnosticFormatter.format(file: file.name, mark: report.mark, severity: "warning",
                                                          message: "\(report.subject): \(warning)", source: nil))
            }
            if !quiet { pending.append("\(file.name): \(report.line)") }
            switch report.outcome {
            case .injected, .updated: if report.kind != "Pod" { injectedReplicated = true }
            default: break
            }
        }
    }

    func error(file: InputFile, mark: Mark?, message: String) {
        plain(DiagnosticFormatter.format(file: file.name, mark: mark, message: message, source: file.bytes))
    }

    func plain(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
