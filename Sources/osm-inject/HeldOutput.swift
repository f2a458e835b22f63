import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a streaming run's output waits until the whole input succeeded.
protocol HeldOutput: AnyObject {
    func append(_ bytes: [UInt8])
    /// Makes the output final on stdout.
    func commit() throws(CLIError)
    /// Takes back what was written: stdout stays as it was before the run.
    func discard()
}

/// stdout when it is a regular file: the output goes straight there, and is cut off again when the run fails
/// or is interrupted, which spares writing the whole output twice.
final class RegularFileOutput: HeldOutput {
    /// Where stdout stood before the run.
    private let start: off_t
    private var pending: [UInt8] = []
    private var failure: String?
    private static let writeSize = 1 << 18

    /// The output for stdout, or nil when stdout is no regular file (a pipe, a terminal).
    static func standardOutput() -> RegularFileOutput? {
        var info = stat()
        guard fstat(1, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        // Appended to (`>>`), the output goes after whatever the file holds, wherever its offset stands.
        let start = fcntl(1, F_GETFL) & O_APPEND != 0 ? info.st_size : lseek(1, 0, SEEK_CUR)
        guard start >= 0 else { return nil }
        return RegularFileOutput(start: start)
    }

    private init(start: off_t) {
        self.start = start
        InterruptedOutput.truncate(toOffset: start)
    }

    func append(_ bytes: [UInt8]) {
        guard failure == nil else { return }
        pending += bytes
        if pending.count >= Self.writeSize { writePending() }
    }

    func commit() throws(CLIError) {
        writePending()
        InterruptedOutput.truncate(toOffset: nil)
        if let failure { throw CLIError("cannot write the output: \(failure)") }
    }

    func discard() {
        pending.removeAll()
        _ = ftruncate(1, start)
        _ = lseek(1, start, SEEK_SET)
        InterruptedOutput.truncate(toOffset: nil)
    }

    private func writePending() {
        guard failure == nil else { return }
        var written = 0
        pending.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            while written < raw.count {
                let n = write(1, base + written, raw.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                written += n
            }
        }
        pending.removeAll(keepingCapacity: true)
    }
}

/// Cuts stdout back to where the run started when SIGINT or SIGTERM ends the process mid-run.
enum InterruptedOutput {
    /// The offset to cut stdout to, or -1 when nothing needs cutting; read by the signal handler.
    nonisolated(unsafe) private static var offset: off_t = -1

    static func truncate(toOffset start: off_t?) {
        offset = start ?? -1
        guard start != nil else {
            // Nothing to cut any more: the signals end the process as they would have.
            for interruption in [SIGINT, SIGTERM] { _ = signal(interruption, SIG_DFL) }
            return
        }
        for interruption in [SIGINT, SIGTERM] {
            _ = signal(interruption) { number in
                // Only async-signal-safe calls here.
                if InterruptedOutput.offset >= 0 { _ = ftruncate(1, InterruptedOutput.offset) }
                _exit(128 + number)
            }
        }
    }
}

/// An unlinked temporary file that holds the output until it can be written out whole.
final class Spool: HeldOutput {
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

    func discard() {}

    /// Copies the held output to stdout.
    func commit() throws(CLIError) {
        let destination = FileHandle.standardOutput
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
