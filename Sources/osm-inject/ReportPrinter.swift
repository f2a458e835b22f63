import Foundation
import LosslessYAML
import OSMInjector

/// Writes the report and the diagnostics to stderr. Report lines wait in `pending` until `flush()`, so that
/// they follow the output; errors are written at once.
final class ReportPrinter {
    let quiet: Bool
    /// Whether each workload's passed checks follow its line (`--verbose`).
    let verbose: Bool
    private let paint: Paint
    private var pending: [String] = []

    /// Whether the run writes nothing (`--check`, `--diff`): the lines then say what would be done.
    let dryRun: Bool

    init(quiet: Bool, verbose: Bool = false, dryRun: Bool = false, colour: Bool = Paint.stderrWantsColour()) {
        self.quiet = quiet
        self.verbose = verbose && !quiet
        self.dryRun = dryRun
        self.paint = Paint(enabled: colour)
    }

    /// The state of the note on shared proxy UUIDs: it applies once a workload that runs several pods at
    /// once got (or would get) a sidecar, and ends the report once per run.
    private enum SharedUUIDNote { case none, due, written }
    private var sharedUUIDNote = SharedUUIDNote.none

    /// Why one proxy UUID per workload is fine with OSM's injector in the cluster, and not without it.
    static let sharedUUIDNoteText =
        "note: the bootstrap Secrets name one proxy UUID per workload. OSM's injector in the cluster gives each "
        + "pod its own UUID and certificate when it admits it; without the injector, every pod of a workload "
        + "that runs several at once would share one proxy UUID, which OSM's controller rejects."

    /// Writes the report lines held back so far.
    func flush() {
        for line in pending { write(line) }
        pending.removeAll()
        if sharedUUIDNote == .due && !quiet {
            write(Self.sharedUUIDNoteText)
            sharedUUIDNote = .written
        }
    }

    func workloads(_ reports: [WorkloadReport], file: InputFile) {
        for report in reports {
            if case .failed(let error) = report.outcome {
                self.error(file: file, mark: error.mark ?? report.mark, message: report.message(of: error))
                continue
            }
            for warning in report.warnings {
                pending.append(
                    DiagnosticFormatter.format(
                        file: file.name, mark: report.mark,
                        severity: paint.yellow("warning"),
                        message: "\(report.subject): \(warning)", source: nil))
            }
            if !quiet { pending.append("\(file.name): \(paint.line(of: report, dryRun: dryRun))") }
            if verbose {
                for check in report.passedChecks { pending.append("  \(paint.green("✓")) \(check)") }
            }
            switch report.outcome {
            case .injected, .updated: if report.runsSeveralPods && sharedUUIDNote == .none { sharedUUIDNote = .due }
            default: break
            }
        }
    }

    func error(file: InputFile, mark: Mark?, message: String) {
        write(
            DiagnosticFormatter.format(
                file: file.name, mark: mark, severity: paint.red("error"), message: message,
                source: file.bytes))
    }

    /// Writes one line now; a leading `error: ` or `warning: ` takes its colour.
    func plain(_ line: String) {
        for (word, colour) in [("error", paint.red), ("warning", paint.yellow)] where line.hasPrefix(word + ": ") {
            write(colour(word) + line.dropFirst(word.count))
            return
        }
        write(line)
    }

    private func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// ANSI colours for stderr, or none: on only when stderr is a terminal, `NO_COLOR` is unset or empty
/// (https://no-color.org) and `TERM` is not `dumb`.
struct Paint {
    let enabled: Bool

    /// Whether this process's stderr should be coloured.
    static func stderrWantsColour(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        guard isatty(STDERR_FILENO) != 0 else { return false }
        if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
        return environment["TERM"] != "dumb"
    }

    func red(_ text: String) -> String { wrap(text, "31") }
    func yellow(_ text: String) -> String { wrap(text, "33") }
    func green(_ text: String) -> String { wrap(text, "32") }
    func dim(_ text: String) -> String { wrap(text, "2") }

    /// A report line (`dryRun`: what would be done): `injected` and `updated` green, a skip dim, the rest plain.
    func line(of report: WorkloadReport, dryRun: Bool = false) -> String {
        let line = dryRun ? report.wouldBeLine : report.line
        guard enabled else { return line }
        switch report.outcome {
        case .injected where dryRun:
            return "\(green("would inject")) \(report.subject)"
        case .updated where dryRun:
            return green("would update") + line.dropFirst("would update".count)
        case .injected:
            return "\(report.subject) \(green("injected"))"
        case .updated:
            let head = "\(report.subject) updated"
            guard line.hasPrefix(head) else { return line }
            return "\(report.subject) \(green("updated"))" + line.dropFirst(head.count)
        case .skipped, .noKind:
            return dim(line)
        default:
            return line
        }
    }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
