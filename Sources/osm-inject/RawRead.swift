import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a whole file descriptor straight into one byte array, without a `Data` copy on the way: the input is
/// the largest thing in memory, so it is held once (a regular file is read into an array of its exact size).
enum RawRead {
    static func all(from fd: Int32, name: String) throws(CLIError) -> [UInt8] {
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { throw CLIError("\(name): is a directory") }
        let regular = (info.st_mode & S_IFMT) == S_IFREG
        var chunks: [[UInt8]] = []
        var total = 0
        var chunkSize = regular ? Int(info.st_size) + 1 : 1 << 20
        while true {
            let chunk = try chunk(of: max(chunkSize, 1), from: fd, name: name)
            let filled = chunk.count
            total += filled
            if !chunk.isEmpty { chunks.append(chunk) }
            if filled < chunkSize { break }
            chunkSize = 1 << 20
        }
        if chunks.count == 1, let only = chunks.first { return only }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(total)
        for chunk in chunks { bytes += chunk }
        return bytes
    }

    /// Up to `size` bytes read from `fd` (fewer at its end) into an array that is not zeroed first.
    private static func chunk(of size: Int, from fd: Int32, name: String) throws(CLIError) -> [UInt8] {
        var failure: CLIError?
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            guard let base = buffer.baseAddress else { return }
            while count < size {
                let n = read(fd, base + count, size - count)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = CLIError("\(name): cannot read: \(String(cString: strerror(errno)))")
                    return
                }
                if n == 0 { return }
                count += n
            }
        }
        if let failure { throw failure }
        return bytes
    }
}
