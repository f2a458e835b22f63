import Foundation
import Synchronization
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
            // A large regular file is read by two threads at once, each half at its offset: the page faults
            // and the copy out of the page cache are most of the read's time.
            let halves = regular && chunks.isEmpty && chunkSize > 1 << 20
            let chunk = try chunk(of: max(chunkSize, 1), from: fd, name: name, inHalves: halves)
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
    private static func chunk(of size: Int, from fd: Int32, name: String, inHalves: Bool) throws(CLIError) -> [UInt8] {
        var failure: CLIError?
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            guard let base = buffer.baseAddress else { return }
            // The last byte is left to `read`, which tells whether the file ends where fstat said.
            if inHalves { count = readInHalves(into: base, count: size - 1, from: fd) }
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

    /// Reads `count` bytes from `fd`'s offset into `base` with two threads, each `pread`ing one half, and moves
    /// the offset past them; 0, with the offset unchanged, when either half comes short (the caller reads on).
    private static func readInHalves(into base: UnsafeMutablePointer<UInt8>, count: Int, from fd: Int32) -> Int {
        let offset = lseek(fd, 0, SEEK_CUR)
        guard offset >= 0 else { return 0 }
        let half = count / 2
        let address = UInt(bitPattern: base)
        let complete = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let start = index == 0 ? 0 : half
            let end = index == 0 ? half : count
            guard let target = UnsafeMutablePointer<UInt8>(bitPattern: address) else { return }
            var done = start
            while done < end {
                let n = pread(fd, target + done, end - done, offset + off_t(done))
                if n < 0, errno == EINTR { continue }
                if n <= 0 { return }
                done += n
            }
            complete.withLock { $0 += 1 }
        }
        guard complete.withLock({ $0 }) == 2, lseek(fd, offset + off_t(count), SEEK_SET) >= 0 else { return 0 }
        return count
    }
}
