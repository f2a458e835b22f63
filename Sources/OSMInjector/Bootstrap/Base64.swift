/// Standard base64 (RFC 4648, padded, no line breaks) written straight into a byte buffer: the bootstrap Secrets'
/// `data` values, the bulk of their bytes.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Appends the base64 text of `input` to `output`.
    static func append(_ input: [UInt8], to output: inout [UInt8]) {
        let start = output.count
        let length = (input.count + 2) / 3 * 4
        output.append(contentsOf: repeatElement(UInt8(ascii: "="), count: length))
        input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { buffer in
                alphabet.withUnsafeBufferPointer { table in
                    var i = 0, o = start
                    while i + 3 <= source.count {
                        let n = Int(source[i]) << 16 | Int(source[i + 1]) << 8 | Int(source[i + 2])
                        buffer[o] = table[n >> 18]
                        buffer[o + 1] = table[n >> 12 & 63]
                        buffer[o + 2] = table[n >> 6 & 63]
                        buffer[o + 3] = table[n & 63]
                        i += 3
                        o += 4
                    }
                    // One or two bytes left: two or three characters, the rest stays padding.
                    let rest = source.count - i
                    guard rest > 0 else { return }
                    let n = Int(source[i]) << 16 | (rest == 2 ? Int(source[i + 1]) << 8 : 0)
                    buffer[o] = table[n >> 18]
                    buffer[o + 1] = table[n >> 12 & 63]
                    if rest == 2 { buffer[o + 2] = table[n >> 6 & 63] }
                }
            }
        }
    }
}
