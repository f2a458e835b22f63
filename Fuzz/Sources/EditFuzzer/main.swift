import CFuzzerDriver
import FuzzChecks
#if canImport(Glibc)
    import Glibc
#endif

/// libFuzzer entry point: the invariants of `EditInvariants` on the bytes given. A broken invariant aborts,
/// which libFuzzer reports as a crash (and saves the input).
@_cdecl("LLVMFuzzerTestOneInput")
public func editFuzzerTestOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    do {
        try EditInvariants.check(bytes)
    } catch {
        let line = "EditFuzzer: invariant broken: \(error.message)\n"
        _ = line.withCString { write(2, $0, strlen($0)) }
        abort()
    }
    return 0
}

// SwiftPM gives the executable its own `main`, so libFuzzer's is not linked: start its driver from here.
var arguments = CommandLine.argc
var values: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&arguments, &values, editFuzzerTestOneInput))
