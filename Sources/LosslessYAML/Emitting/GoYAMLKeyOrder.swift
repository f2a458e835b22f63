/// The order in which gopkg.in/yaml.v2 v2.4.0 writes the string keys of a Go map (`keyList.Less`, sorter.go).
///
/// Not byte order: letters sort after every other character (`a_b` before `aB`), and runs of digits compare as
/// numbers (`a9` before `a10`).
public enum GoYAMLKeyOrder {
    /// yaml.v2's `keyList.Less` for two string keys.
    public static func less(_ a: String, _ b: String) -> Bool {
        let ar = Array(a.unicodeScalars), br = Array(b.unicodeScalars)
        for (i, (ca, cb)) in zip(ar, br).enumerated() where ca != cb {
            let al = isLetter(ca), bl = isLetter(cb)
            if al && bl { return ca.value < cb.value }
            if al || bl { return bl }
            var an: Int64 = 0, bn: Int64 = 0
            if ca == "0" || cb == "0" {
                // A zero inside a number that started with a non-zero digit counts as a digit, not a leading zero.
                for c in ar.prefix(i).reversed() {
                    guard isDigit(c) else { break }
                    if c != "0" {
                        an = 1
                        bn = 1
                        break
                    }
                }
            }
            let aDigits = ar.dropFirst(i).prefix(while: isDigit)
            let bDigits = br.dropFirst(i).prefix(while: isDigit)
            for c in aDigits { an = an &* 10 &+ Int64(Int32(bitPattern: c.value &- 48)) }
            for c in bDigits { bn = bn &* 10 &+ Int64(Int32(bitPattern: c.value &- 48)) }
            if an != bn { return an < bn }
            if aDigits.count != bDigits.count { return aDigits.count < bDigits.count }
            return ca.value < cb.value
        }
        return ar.count < br.count
    }

    /// Go's `unicode.IsLetter`: general category L.
    private static func isLetter(_ c: Unicode.Scalar) -> Bool {
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// Go's `unicode.IsDigit`: general category Nd.
    private static func isDigit(_ c: Unicode.Scalar) -> Bool {
        c.properties.generalCategory == .decimalNumber
    }
}

extension YAMLValue {
    /// This value with the keys of every mapping ordered as yaml.v2 orders a Go map's keys (equal keys keep
    /// their order).
    public func sortedLikeGoYAMLv2() -> YAMLValue {
        switch self {
        case .mapping(let entries):
            let sorted = entries.map { YAMLValue.Entry($0.key, $0.value.sortedLikeGoYAMLv2()) }
                .enumerated()
                .sorted { lhs, rhs in
                    if GoYAMLKeyOrder.less(lhs.element.key, rhs.element.key) { return true }
                    if GoYAMLKeyOrder.less(rhs.element.key, lhs.element.key) { return false }
                    return lhs.offset < rhs.offset
                }
                .map(\.element)
            return .mapping(sorted)
        case .sequence(let items):
            return .sequence(items.map { $0.sortedLikeGoYAMLv2() })
        case .string, .int, .bool, .null:
            return self
        }
    }
}
