import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// Replaces files so that every one of them is either as it was or fully written: each new content goes to a
/// temporary file in the same folder (mode kept, fsynced), and only when all are written are they renamed
/// over the originals. A symlink is followed: its target is replaced, the link stays a link.
enum AtomicFileWriter {
    /// Writes every `(path, bytes)`; on any failure nothing is replaced and the temporary files are removed.
    static func replace(_ files: [(path: String, bytes: [UInt8])]) throws(CLIError) {
        var staged: [(temporary: String, target: String)] = []
        do {
            for file in files {
                let target = try resolvedTarget(file.path)
                staged.append((try stage(file.bytes, beside: target), target))
            }
        } catch {
            for entry in staged { unlink(entry.temporary) }
            throw error
        }
        for (index, entry) in staged.enumerated() where rename(entry.temporary, entry.target) != 0 {
            let reason = String(cString: strerror(errno))
            for later in staged[index...] { unlink(later.temporary) }
            throw CLIError("\(entry.target): cannot replace the file: \(reason)")
        }
        if let folder = staged.first.map({ ($0.target as NSString).deletingLastPathComponent }) { syncFolder(folder) }
    }

    /// The real file behind `path` (symlinks followed), which must exist and be writable.
    private static func resolvedTarget(_ path: String) throws(CLIError) -> String {
        // realpath(3) follows every link, relative ones included, so a link stays a link.
        guard let resolved = realpath(path, nil) else { throw CLIError("\(path): \(String(cString: strerror(errno)))") }
        let target = String(cString: resolved)
        free(resolved)
        var info = stat()
        guard stat(target, &info) == 0 else { throw CLIError("\(path): \(String(cString: strerror(errno)))") }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw CLIError("\(path): not a regular file") }
        guard access(target, W_OK) == 0 else { throw CLIError("\(path): the file is read-only") }
        return target
    }

    /// Writes `bytes` to a new temporary file in the target's folder with the target's mode; returns its path.
    private static func stage(_ bytes: [UInt8], beside target: String) throws(CLIError) -> String {
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        var template = Array(((folder.isEmpty ? "." : folder) + "/.\(name).osm-inject-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard fd >= 0 else {
            throw CLIError("\(target): cannot create a temporary file: \(String(cString: strerror(errno)))")
        }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { close(fd) }
        var info = stat()
        if stat(target, &info) == 0 { fchmod(fd, info.st_mode & 0o7777) }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return write(fd, base + written, bytes.count - written)
            }
            if n <= 0 {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                throw CLIError("\(target): cannot write: \(reason)")
            }
            written += n
        }
        guard fsync(fd) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw CLIError("\(target): cannot sync: \(reason)")
        }
        return temporary
    }

    private static func syncFolder(_ folder: String) {
        let fd = open(folder.isEmpty ? "." : folder, O_RDONLY)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }
}
