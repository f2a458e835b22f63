/// `jsonpatch.CreatePatch` of gomodules jsonpatch v2.2.0, operation for operation.
///
/// Go visits a map's keys in random order, so the webhook's sibling operations come in a different order on
/// every request; here both loops of `diff` visit keys in sorted (bytewise) order, which makes the patch
/// deterministic. Everything else — the array rules, the edit-distance backtrace, the escaping — follows the
/// library exactly, quirks included.
public enum JSONPatch {
    /// The operations that turn `original` into `current`.
    public static func create(from original: GoJSONValue, to current: GoJSONValue) -> [JSONPatchOperation] {
        var patch: [JSONPatchOperation] = []
        handleValues(original, current, path: "", into: &patch)
        return patch
    }

    /// `makePath`: appends one RFC 6901 reference token (`~` as `~0`, `/` as `~1`).
    static func makePath(_ path: String, _ part: String) -> String {
        var key = ""
        for character in part.unicodeScalars {
            switch character {
            case "~": key += "~0"
            case "/": key += "~1"
            default: key.unicodeScalars.append(character)
            }
        }
        if path.isEmpty { return "/" + key }
        if path.hasSuffix("/") { return path + key }
        return path + "/" + key
    }

    private static func diff(
        _ a: [String: GoJSONValue], _ b: [String: GoJSONValue], path: String,
        into patch: inout [JSONPatchOperation]
    ) {
        for key in b.keys.sortedAsGo() {
            guard let bv = b[key] else { continue }
            let p = makePath(path, key)
            guard let av = a[key] else {
                patch.append(JSONPatchOperation(op: "add", path: p, value: bv))
                continue
            }
            handleValues(av, bv, path: p, into: &patch)
        }
        for key in a.keys.sortedAsGo() where b[key] == nil {
            patch.append(JSONPatchOperation(op: "remove", path: makePath(path, key)))
        }
    }

    static func handleValues(
        _ av: GoJSONValue, _ bv: GoJSONValue, path p: String, into patch: inout [JSONPatchOperation]
    ) {
        let at = av.goType, bt = bv.goType
        if at == nil && bt == nil { return }
        if at != bt {
            patch.append(JSONPatchOperation(op: "replace", path: p, value: bv))
            return
        }
        switch (av, bv) {
        case (.object(let a), .object(let b)):
            diff(a, b, path: p, into: &patch)
        case (.array(let a), .array(let b)):
            if isSimpleArray(a) && isSimpleArray(b) {
                patch += compareEditDistance(a, b, path: p)
                return
            }
            let n = min(a.count, b.count)
            var i = a.count - 1
            while i >= n {
                patch.append(JSONPatchOperation(op: "remove", path: makePath(p, String(i))))
                i -= 1
            }
            for i in n..<max(n, b.count) {
                patch.append(JSONPatchOperation(op: "add", path: makePath(p, String(i)), value: b[i]))
            }
            for i in 0..<n { handleValues(a[i], b[i], path: makePath(p, String(i)), into: &patch) }
        default:
            if av != bv { patch.append(JSONPatchOperation(op: "replace", path: p, value: bv)) }
        }
    }

    /// `isSimpleArray`: every element basic — except that the first object decides alone, by holding only
    /// basic (or null) values.
    static func isSimpleArray(_ a: [GoJSONValue]) -> Bool {
        for element in a {
            switch element {
            case .string, .number, .bool:
                continue
            case .object(let members):
                return members.values.allSatisfy { $0 == .null || $0.isBasic }
            default:
                return false
            }
        }
        return true
    }

    /// Wagner–Fischer edit distance, then the library's backtrace.
    static func compareEditDistance(_ s: [GoJSONValue], _ t: [GoJSONValue], path p: String) -> [JSONPatchOperation] {
        let m = s.count, n = t.count
        var d = [[Int]](repeating: [Int](repeating: 0, count: n + 1), count: m + 1)
        for i in 0...m { d[i][0] = i }
        for j in 0...n { d[0][j] = j }
        if n > 0 && m > 0 {
            for j in 1...n {
                for i in 1...m {
                    if s[i - 1] == t[j - 1] {
                        d[i][j] = d[i - 1][j - 1]
                    } else {
                        d[i][j] = min(d[i - 1][j - 1] + 1, min(d[i][j - 1] + 1, d[i - 1][j] + 1))
                    }
                }
            }
        }
        return backtrace(s, t, path: p, i: m, j: n, matrix: d)
    }

    /// The recursive `backtrace` unrolled: each step's operations come before those of the rest.
    private static func backtrace(
        _ s: [GoJSONValue], _ t: [GoJSONValue], path p: String, i: Int, j: Int,
        matrix: [[Int]]
    ) -> [JSONPatchOperation] {
        var ops: [JSONPatchOperation] = []
        var i = i, j = j
        while true {
            if i > 0 && matrix[i - 1][j] + 1 == matrix[i][j] {
                ops.append(JSONPatchOperation(op: "remove", path: makePath(p, String(i - 1))))
                i -= 1
            } else if j > 0 && matrix[i][j - 1] + 1 == matrix[i][j] {
                ops.append(JSONPatchOperation(op: "add", path: makePath(p, String(i)), value: t[j - 1]))
                j -= 1
            } else if i > 0 && j > 0 && matrix[i - 1][j - 1] + 1 == matrix[i][j] {
                // The library tests the first element of s, not the one at hand.
                if s[0].isBasic {
                    ops.append(JSONPatchOperation(op: "replace", path: makePath(p, String(i - 1)), value: t[j - 1]))
                } else {
                    handleValues(s[i - 1], t[j - 1], path: makePath(p, String(i - 1)), into: &ops)
                }
                i -= 1
                j -= 1
            } else if i > 0 && j > 0 && matrix[i - 1][j - 1] == matrix[i][j] {
                i -= 1
                j -= 1
            } else {
                return ops
            }
        }
    }
}
