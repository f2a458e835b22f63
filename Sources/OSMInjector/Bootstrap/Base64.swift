/// Standard base64 (RFC 4648, padded, no line breaks) written straight into a byte buffer: the bootstrap Secrets'
/// `data` values, the bulk of their bytes.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Appends the base64 text of `input` to `output`.
    static func append(_ input: [UInt8], to output: inout [UInt8]) {
        let length = (input.count + 2) / 3 * 4
        let text = [UInt8](unsafeUninitializedCapacity: length) { buffer, initialized in
            input.withUnsafeBufferPointer { source in
                alphabet.withUnsafeBufferPointer { table in
                    var i = 0, o = 0
                    while i + 3 <= source.count {
                        let n = Int(source[i]) << 16 | Int(source[i + 1]) << 8 | Int(source[i + 2])
                        buffer[o] = table[n >> 18]
                        buffer[o + 1] = table[n >> 12 & 63]
                        buffer[o + 2] = table[n >> 6 & 63]
                        buffer[o + 3] = table[n & 63]
                        i += 3
                        o += 4
                    }
                    // One or two bytes left: two or three characters, then padding.
                    let rest = source.count - i
                    if rest > 0 {
                        let n = Int(source[i]) << 16 | (rest == 2 ? Int(source[i + 1]) << 8 : 0)
                        buffer[o] = table[n >> 18]
                        buffer[o + 1] = table[n >> 12 & 63]
                        buffer[o + 2] = rest == 2 ? table[n >> 6 & 63] : UInt8(ascii: "=")
                        buffer[o + 3] = UInt8(ascii: "=")
                    }
                }
            }
            initialized = length
        }
        output.append(contentsOf: text)
    }
}
