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
            var chunk = [UInt8](repeating: 0, count: max(chunkSize, 1))
            var filled = 0
            while filled < chunk.count {
                let n = chunk.withUnsafeMutableBytes { raw -> Int in
                    guard let base = raw.baseAddress else { return -1 }
                    return read(fd, base + filled, raw.count - filled)
                }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw CLIError("\(name): cannot read: \(String(cString: strerror(errno)))")
                }
                if n == 0 { break }
                filled += n
            }
            chunk.removeLast(chunk.count - filled)
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
}
