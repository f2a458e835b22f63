/// Go 1.19 `strconv.Atoi` on a 64-bit platform: optional `+`/`-`, then one or more ASCII
/// digits (leading zeros allowed, no underscores, no spaces), value within `Int64`.
enum GoStrconv {
    /// The integer `s` denotes, or `nil` where Go returns an error (syntax or range).
    static func atoi(_ s: String) -> Int? {
        var bytes = Array(s.utf8)[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        guard !bytes.isEmpty else { return nil }
        // Accumulate as a negative number so that Int64.min fits, like ParseInt's cutoff.
        var value: Int64 = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowB) = shifted.subtractingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
            guard !overflowA, !overflowB else { return nil }
            value = next
        }
        if negative { return Int(exactly: value) }
        guard value != Int64.min else { return nil }
        return Int(exactly: -value)
    }
}
