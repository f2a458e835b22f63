import LosslessYAML

/// MeshConfig `networkInterfaceExclusionList` validation: Linux `dev_valid_name` plus a conservative
/// character set, because each name is written unquoted into the root `osm-init` shell script.
public enum NetworkInterfaceList {
    /// Linux `IFNAMSIZ` minus the terminating NUL: the longest name in bytes.
    public static let maximumLength = 15

    /// Validates every name (see `problem(with:)`); an invalid one is an error naming `field`.
    /// `marks` are the items' positions, when known.
    public static func validate(_ names: [String], field: String, marks: [Mark] = []) throws(ExclusionError) -> [String]
    {
        for (index, name) in names.enumerated() {
            if let reason = problem(with: name) {
                throw ExclusionError(
                    key: field,
                    message:
                        "Invalid network interface name '\(name)' specified for MeshConfig field '\(field)': \(reason)",
                    at: marks.item(index))
            }
        }
        return names
    }

    /// Why `name` is refused, or `nil` when it is usable.
    ///
    /// Kernel rules (`dev_valid_name`): 1–15 bytes, not `.` or `..`, no `/`, `:` or whitespace
    /// (kernel `isspace`, which includes byte 0xA0). On top of that only ASCII letters, digits,
    /// `-`, `_`, `.` and `+` (iptables' wildcard suffix) are allowed, which rules out shell
    /// expansion (`$`, backquote, `\`) inside the unquoted here-document and line injection.
    public static func problem(with name: String) -> String? {
        let bytes = Array(name.utf8)
        if bytes.isEmpty {
            return "must not be empty"
        }
        if bytes.count > maximumLength {
            return "must be at most \(maximumLength) bytes (Linux IFNAMSIZ)"
        }
        if name == "." || name == ".." {
            return "must not be '.' or '..'"
        }
        if bytes.contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ":") || isKernelSpace($0) }) {
            return "must not contain '/', ':' or whitespace"
        }
        if !bytes.allSatisfy(isAllowed) {
            return "must contain only ASCII letters, digits, '-', '_', '.' and '+'"
        }
        return nil
    }

    /// The Linux kernel's `isspace` for one byte (`lib/ctype.c`): HT, LF, VT, FF, CR, space and 0xA0.
    private static func isKernelSpace(_ byte: UInt8) -> Bool {
        (0x09...0x0D).contains(byte) || byte == 0x20 || byte == 0xA0
    }

    /// Whether `byte` is in the conservative interface-name character set.
    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
            UInt8(ascii: "."), UInt8(ascii: "+"):
            return true
        default:
            return false
        }
    }
}
