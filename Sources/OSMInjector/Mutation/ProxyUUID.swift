import Crypto

/// The proxy UUID of a workload: a name-based (version 5) UUID of its identity, so that the same input
/// gives the same output on every run and every machine (the webhook draws a random one per pod).
public enum ProxyUUID {
    /// RFC 4122's URL namespace.
    private static let urlNamespace: [UInt8] = [
        0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8,
    ]

    /// The UUID for `<namespace>/<kind>/<name>`, lowercase and hyphenated.
    public static func make(namespace: String, kind: String, name: String) -> String {
        var hasher = Insecure.SHA1()
        hasher.update(data: urlNamespace)
        hasher.update(data: Array("\(namespace)/\(kind)/\(name)".utf8))
        var bytes = Array(hasher.finalize().prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
