import ArgumentParser
import Foundation
import LosslessYAML
import OSMInjector

/// Runs one YAML input to stdout in bounded memory: documents are parsed and injected one at a time and the
/// output goes to a temporary file, copied to stdout only when the whole input succeeded (so an error still
/// leaves stdout empty).
struct StreamingRun {
    let report: ReportPrinter

    /// Inputs that take this path: YAML (not JSON, not a KRM ResourceList) written to stdout.
    static func applies(to file: InputFile, modes: OutputOptions) -> Bool {
        guard !modes.inPlace, !modes.check, !modes.diff, modes.output != .json else { return false }
        guard let first = file.bytes.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }),
              first != UInt8(ascii: "{") else { return false }
        return !ByteSearch.contains(file.bytes, Array("ResourceList".utf8))
    }

    func run(_ file: InputFile, injector: Injector,
             afterOutput: ([Injector.Output]) throws(CLIError) -> Void) throws {
        let spool = try Spool()
        let output: Injector.Output
        do {
            output = try injector.runStreaming(file.bytes) { spool.append($0) }
        } catch {
            report.error(file: file, mark: error.mark, message: error.message)
            throw ExitCode(1)
        }
        report.workloads(output.reports, file: file)
        guard !output.hasErrors else { throw ExitCode(1) }
        try afterOutput([output])
        try spool.copy(to: FileHandle.standardOutput)
        report.flush()
    }
}

/// An unlinked temporary file that holds the output until it can be written out whole.
private final class Spool {
    private let handle: FileHandle
    private var failure: String?

    init() throws(CLIError) {
        var template = Array((NSTemporaryDirectory() + "/osm-inject-out-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard fd >= 0 else { throw CLIError("cannot create a temporary file for the output") }
        unlink(String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    /// Output not written to the file yet: one write per document would cost more than the documents.
    private var pending: [UInt8] = []
    private static let writeSize = 1 << 18

    func append(_ bytes: [UInt8]) {
        guard failure == nil else { return }
        pending += bytes
        if pending.count >= Self.writeSize { writePending() }
    }

    private func writePending() {
        guard failure == nil, !pending.isEmpty else { return }
        do { try handle.write(contentsOf: pending) } catch { failure = "\(error)" }
        pending.removeAll(keepingCapacity: true)
    }

    func copy(to destination: FileHandle) throws(CLIError) {
        writePending()
        if let failure { throw CLIError("cannot write the temporary output: \(failure)") }
        do {
            try handle.seek(toOffset: 0)
            // The kernel copies file to file or pipe itself; the loop below is for what sendfile refuses.
            if try sendAll(to: destination.fileDescriptor) { return }
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                try destination.write(contentsOf: chunk)
            }
        } catch {
            throw CLIError("cannot write the output: \(error)")
        }
    }

    /// Sends the whole file to `fd` with sendfile(2); false, with nothing sent, when `fd` cannot take it.
    private func sendAll(to fd: Int32) throws -> Bool {
        var sent = 0
        while true {
            let count = sendfile(fd, handle.fileDescriptor, nil, 1 << 30)
            if count > 0 {
                sent += count
                continue
            }
            if count == 0 { return true }
            if errno == EINTR || errno == EAGAIN { continue }
            if sent == 0, errno == EINVAL || errno == ENOSYS { return false }
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
    }
}
