/// A Kubernetes resource quantity, as `k8s.io/apimachinery/pkg/api/resource` v0.26.x parses and prints it.
///
/// `Quantity(text)` is nil exactly where Go's `ParseQuantity(text)` returns an error, and `canonical` is what
/// Go's `Quantity.String()` (and so `MarshalJSON`, the form Go's encoder writes) returns for the parsed value.
/// That includes Go's quirks, on purpose:
///
/// - Go keeps the *input text* as the string form when its int64 fast path judges the input canonical
///   (a decimal scale that is a multiple of 3, no trailing `000`, no leading `0` digit; or a binary suffix on a
///   number that is not a multiple of 8). So `"+1"`, `"1E3"`, `"1.500"`, `"01"` print unchanged.
/// - Decimal suffixes stop at `E` (10^18): a canonical exponent above that has no suffix and is dropped,
///   so `"1000E"` and `"2000000000000000000000"` print as `"1"` and `"2"`.
/// - Only BinarySI values are capped at 2^63-1; every nonzero value is rounded up, away from zero, to a
///   multiple of 10^-9 (`"0.1n"` is `"1n"`).
/// - A lone sign, `"."`, or a bare suffix (`"-"`, `"k"`, `"Ki"`, `"e5"`) parses as zero, while `"Pi"`, `"Ei"` or
///   `".e-10"` fail: which path Go takes decides it.
/// - Exponents are Go `int32`s (`"1000e4294967299"`, 1000e3 after truncation, prints `"1e6"`), and the fast path's
///   scale arithmetic wraps as Go's does.
///
/// The arbitrary-precision path is symbolic (digits × 10^n), so inputs for which Go would have to build numbers
/// of billions of digits and never returns (`"1e-2147483647"`) get the answer Go's arithmetic defines, at once.
///
/// Equality is structural: two quantities are equal when their format and canonical text are equal (so `"1Ki"`
/// and `"1024"` differ, as do `"1"` and `"+1"`, whose Go strings differ).
struct Quantity: Sendable, Equatable {
    /// Go's `resource.Format`, the form a quantity remembers from its suffix.
    enum Format: String, Sendable, Equatable {
        case decimalExponent = "DecimalExponent" // 12e6
        case binarySI = "BinarySI" // 12Mi
        case decimalSI = "DecimalSI" // 12M
    }

    /// Go's `q.Format` after `ParseQuantity`.
    let format: Format
    /// Go's `q.String()` after `ParseQuantity`.
    let canonical: String

    init?(_ text: String) {
        guard let parsed = QuantityParser.parse(Array(text.utf8), text: text) else { return nil }
        format = parsed.format
        canonical = parsed.canonical
    }
}

// MARK: - Parsing (ParseQuantity)

private enum QuantityParser {
    struct Result {
        var format: Quantity.Format
        var canonical: String
    }

    static func parse(_ bytes: [UInt8], text: String) -> Result? {
        if bytes.isEmpty { return nil }
        if bytes == [Ascii.zero] { return Result(format: .decimalSI, canonical: "0") }
        guard let scanned = scan(bytes), let suffix = interpretSuffix(scanned.suffix) else { return nil }

        // Decide whether the int64 fast path applies, with Go's int32 arithmetic.
        var precision: Int32 = -1
        var scale: Int32 = 0
        var mantissa: Int64 = 1
        let digitCount = Int32(truncatingIfNeeded: scanned.num.count &+ scanned.denom.count)
        switch suffix.format {
        case .decimalExponent, .decimalSI:
            scale = suffix.exponent
            precision = 18 &- digitCount
        case .binarySI:
            if suffix.exponent >= 0 && scanned.denom.isEmpty {
                // Binary exponents are 10…60; Go's float32(exponent)*3/10 is exact for them.
                mantissa = Int64(1) << Int64(suffix.exponent)
                let numCount = Int32(truncatingIfNeeded: scanned.num.count)
                precision = 15 &- numCount &- (suffix.exponent &* 3 / 10) &- 1
            }
        }

        if precision >= 0 {
            scale = scale &- Int32(truncatingIfNeeded: scanned.denom.count)
            if scale >= -9 {
                let shifted = scanned.num + scanned.denom
                guard let value = parseDecimalInt64(shifted[...]) else { return nil }
                let (product, overflow) = value.multipliedReportingOverflow(by: mantissa)
                if !overflow {
                    let result = scanned.positive ? product : 0 &- product
                    let reusesInput: Bool
                    switch suffix.format {
                    case .binarySI:
                        reusesInput = suffix.exponent % 10 == 0 && value & 0x07 != 0
                    case .decimalExponent, .decimalSI:
                        let endsIn000 = shifted.count >= 3 && shifted.suffix(3).allSatisfy { $0 == Ascii.zero }
                        reusesInput = scale % 3 == 0 && !endsIn000 && shifted.first != Ascii.zero
                    }
                    if reusesInput { return Result(format: suffix.format, canonical: text) }
                    return Int64Amount(value: result, scale: scale).canonicalized(suffix.format)
                }
            }
        }

        return slowPath(scanned, suffix: suffix)
    }

    /// The infinite-precision path (Go's `inf.Dec`), done symbolically: digits times a power of ten.
    private static func slowPath(_ scanned: Scanned, suffix: Suffix) -> Result? {
        // inf.Dec.SetString(value) needs at least one digit; its scale is the count of digits after the point.
        let digits = scanned.value.filter(Ascii.isDigit).map { $0 &- Ascii.zero }
        guard !digits.isEmpty else { return nil }
        let negative = scanned.value.first == Ascii.minus
        let fraction = Int32(truncatingIfNeeded: scanned.denom.count)

        var amount: Magnitude
        switch suffix.base {
        case .ten:
            // amount.SetScale(amount.Scale() + -exponent), in inf.Scale (int32) arithmetic.
            let infScale = fraction &+ (0 &- suffix.exponent)
            amount = Magnitude(digits: digits, exponent: 0 &- Int64(infScale))
        case .two:
            amount = Magnitude(digits: digits, exponent: 0 &- Int64(fraction))
            amount.multiply(byPowerOfTwo: Int(suffix.exponent))
        }

        // Round every nonzero magnitude up to a whole number of nano-units.
        guard amount.roundUp(toExponent: -9) else { return nil }

        var format = suffix.format
        if format == .binarySI, let cmp = amount.compare(to: .int64Max), cmp > 0 {
            amount = .int64Max
        }
        if format == .binarySI, !amount.isZero, let cmp = amount.compare(to: .one), cmp < 0 {
            format = .decimalSI
        }
        guard let canonical = DecAmount(negative: negative, magnitude: amount).canonicalized(format) else { return nil }
        return Result(format: format, canonical: canonical)
    }

    // MARK: parseQuantityString

    struct Scanned {
        var positive = true
        var value: ArraySlice<UInt8> = []
        var num: [UInt8] = []
        var denom: [UInt8] = []
        var suffix: ArraySlice<UInt8> = []
    }

    /// Go's `parseQuantityString`: sign, numerator (leading zeros dropped), optional `.denominator`, suffix.
    private static func scan(_ str: [UInt8]) -> Scanned? {
        var out = Scanned()
        let end = str.endIndex
        var pos = str.startIndex
        if pos < end {
            if str[pos] == Ascii.minus {
                out.positive = false
                pos = str.index(after: pos)
            } else if str[pos] == Ascii.plus {
                pos = str.index(after: pos)
            }
        }

        // Leading zeros; a number that is only zeros (or nothing) ends the scan as "0".
        while pos < end && str[pos] == Ascii.zero { pos = str.index(after: pos) }
        if pos >= end {
            out.num = [Ascii.zero]
            out.value = [Ascii.zero]
            return out
        }

        var cursor = pos
        while cursor < end && Ascii.isDigit(str[cursor]) { cursor = str.index(after: cursor) }
        out.num = Array(str[pos..<cursor])
        if cursor >= end {
            out.value = str[..<end]
            return out
        }
        pos = cursor
        if out.num.isEmpty { out.num = [Ascii.zero] }

        if pos < end && str[pos] == Ascii.dot {
            pos = str.index(after: pos)
            cursor = pos
            while cursor < end && Ascii.isDigit(str[cursor]) { cursor = str.index(after: cursor) }
            out.denom = Array(str[pos..<cursor])
            if cursor >= end {
                out.value = str[..<end]
                return out
            }
            pos = cursor
        }
        out.value = str[..<pos]

        // Suffix: letters from "eEinumkKMGTP", then an optional sign and digits, to the end.
        let suffixStart = pos
        while pos < end && Ascii.suffixLetters.contains(str[pos]) { pos = str.index(after: pos) }
        if pos < end && (str[pos] == Ascii.minus || str[pos] == Ascii.plus) { pos = str.index(after: pos) }
        while pos < end && Ascii.isDigit(str[pos]) { pos = str.index(after: pos) }
        guard pos >= end else { return nil }
        out.suffix = str[suffixStart..<end]
        return out
    }

    // MARK: suffixes

    enum Base { case ten, two }

    struct Suffix {
        var base: Base
        var exponent: Int32
        var format: Quantity.Format
    }

    static let decimalSuffixes: [String: Int32] = [
        "n": -9, "u": -6, "m": -3, "": 0, "k": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18,
    ]
    static let binarySuffixes: [String: Int32] = ["Ki": 10, "Mi": 20, "Gi": 30, "Ti": 40, "Pi": 50, "Ei": 60]

    /// Go's `suffixer.interpret`.
    private static func interpretSuffix(_ suffix: ArraySlice<UInt8>) -> Suffix? {
        let text = String(decoding: suffix, as: UTF8.self)
        if let exponent = decimalSuffixes[text] { return Suffix(base: .ten, exponent: exponent, format: .decimalSI) }
        if let exponent = binarySuffixes[text] { return Suffix(base: .two, exponent: exponent, format: .binarySI) }
        if suffix.count > 1, let first = suffix.first, first == Ascii.lowerE || first == Ascii.upperE {
            // strconv.ParseInt(rest, 10, 64), then Go's int32() conversion, which truncates.
            guard let parsed = parseSignedInt64(suffix.dropFirst()) else { return nil }
            return Suffix(base: .ten, exponent: Int32(truncatingIfNeeded: parsed), format: .decimalExponent)
        }
        return nil
    }

    /// Unsigned decimal digits to Int64, nil when empty, not digits, or out of range (strconv.ParseInt).
    private static func parseDecimalInt64(_ digits: ArraySlice<UInt8>) -> Int64? {
        guard !digits.isEmpty else { return nil }
        var value: Int64 = 0
        for byte in digits {
            guard Ascii.isDigit(byte) else { return nil }
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(Int64(byte &- Ascii.zero))
            if o1 || o2 { return nil }
            value = sum
        }
        return value
    }

    /// strconv.ParseInt(s, 10, 64): an optional sign, then one or more digits, within Int64.
    private static func parseSignedInt64(_ text: ArraySlice<UInt8>) -> Int64? {
        var rest = text
        var negative = false
        if let first = rest.first, first == Ascii.plus || first == Ascii.minus {
            negative = first == Ascii.minus
            rest = rest.dropFirst()
        }
        guard !rest.isEmpty else { return nil }
        var magnitude: UInt64 = 0
        for byte in rest {
            guard Ascii.isDigit(byte) else { return nil }
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(byte &- Ascii.zero))
            if o1 || o2 { return nil }
            magnitude = sum
        }
        if negative {
            if magnitude == UInt64(Int64.max) &+ 1 { return Int64.min }
            guard magnitude <= UInt64(Int64.max) else { return nil }
            return 0 &- Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    /// The suffix Go's `constructBytes` gives a base-10 exponent; nil where Go finds none (it then prints none).
    static func decimalSuffix(_ exponent: Int64, _ format: Quantity.Format) -> String {
        switch format {
        case .decimalExponent:
            return exponent == 0 ? "" : "e\(exponent)"
        case .decimalSI, .binarySI:
            guard let e32 = Int32(exactly: exponent) else { return "" }
            return decimalSuffixes.first(where: { $0.value == e32 })?.key ?? ""
        }
    }

    static func binarySuffix(_ exponent1024: Int32) -> String {
        let (e2, overflow) = exponent1024.multipliedReportingOverflow(by: 10)
        if overflow { return "" }
        return binarySuffixes.first(where: { $0.value == e2 })?.key ?? ""
    }
}

// MARK: - The int64 form (int64Amount) and its canonical text

private struct Int64Amount {
    var value: Int64
    var scale: Int32

    /// Go's `CanonicalizeBytes` for an int64Amount. The fast path only makes BinarySI amounts of scale 0.
    func canonicalized(_ format: Quantity.Format) -> QuantityParser.Result {
        if value == 0 { return .init(format: format, canonical: "0") }
        switch format {
        case .binarySI:
            if value > -1024 && value < 1024 || scale != 0 {
                // |q| < 1024 prints as DecimalSI; the fast path never makes a BinarySI amount with scale != 0.
                return .init(format: format, canonical: decimalText(.decimalSI))
            }
            let (amount, times) = Self.removeFactors(value, 1024)
            return .init(format: format, canonical: String(amount) + QuantityParser.binarySuffix(times))
        case .decimalExponent, .decimalSI:
            return .init(format: format, canonical: decimalText(format))
        }
    }

    /// Go's int64Amount.AsCanonicalBytes plus suffix, with its int32 exponent arithmetic.
    private func decimalText(_ format: Quantity.Format) -> String {
        let (amount, times) = Self.removeFactors(value, 10)
        var exponent = scale &+ times
        let mantissa: Int64
        switch exponent % 3 {
        case 1, -2:
            let (product, overflow) = amount.multipliedReportingOverflow(by: 10)
            if overflow { return bigDecimalText(format) }
            mantissa = product
            exponent = exponent &- 1
        case 2, -1:
            let (product, overflow) = amount.multipliedReportingOverflow(by: 100)
            if overflow { return bigDecimalText(format) }
            mantissa = product
            exponent = exponent &- 2
        default:
            mantissa = amount
        }
        return String(mantissa) + QuantityParser.decimalSuffix(Int64(exponent), format)
    }

    /// Go's fallback to inf.Dec when the int64 mantissa would overflow: same digits, a loop of int32 decrements.
    private func bigDecimalText(_ format: Quantity.Format) -> String {
        let (amount, times) = Self.removeFactors(value, 10)
        var exponent = scale &+ times
        var zeros = ""
        while exponent % 3 != 0 {
            zeros.append("0")
            exponent = exponent &- 1
        }
        return String(amount) + zeros + QuantityParser.decimalSuffix(Int64(exponent), format)
    }

    /// Go's removeInt64Factors: value == result * base^times, sign kept on result.
    static func removeFactors(_ value: Int64, _ base: Int64) -> (Int64, Int32) {
        if value == Int64.min { return (value, 0) } // Go's negation leaves it negative: no factors removed.
        var result = value < 0 ? 0 &- value : value
        var times: Int32 = 0
        while result >= base && result % base == 0 {
            times = times &+ 1
            result /= base
        }
        return (value < 0 ? 0 &- result : result, times)
    }
}

// MARK: - The arbitrary-precision form (inf.Dec), kept as digits × 10^exponent

/// A non-negative decimal: `digits` (most significant first, no leading zeros; empty is zero) × 10^`exponent`.
private struct Magnitude: Equatable {
    private(set) var digits: [UInt8]
    private(set) var exponent: Int64

    init(digits: [UInt8], exponent: Int64) {
        self.digits = Array(digits.drop(while: { $0 == 0 }))
        self.exponent = digits.contains(where: { $0 != 0 }) ? exponent : 0
    }

    static let one = Magnitude(digits: [1], exponent: 0)
    static let int64Max = Magnitude(digits: String(Int64.max).utf8.map { $0 &- Ascii.zero }, exponent: 0)
    static let v1024 = Magnitude(digits: [1, 0, 2, 4], exponent: 0)

    var isZero: Bool { digits.isEmpty }

    /// Trailing zero digits moved into the exponent; nil only if the exponent would overflow Int64.
    func normalized() -> Magnitude? {
        var copy = self
        var trailing = 0
        while let last = copy.digits.last, last == 0 {
            copy.digits.removeLast()
            trailing &+= 1
        }
        let (exponent, overflow) = copy.exponent.addingReportingOverflow(Int64(trailing))
        if overflow { return nil }
        copy.exponent = exponent
        return copy
    }

    /// self × 2^power, by repeated doubling of the digits (power is at most 60).
    mutating func multiply(byPowerOfTwo power: Int) {
        guard !isZero, power > 0 else { return }
        for _ in 0..<power {
            var carry: UInt8 = 0
            for index in digits.indices.reversed() {
                let doubled = digits[index] &* 2 &+ carry
                digits[index] = doubled % 10
                carry = doubled / 10
            }
            if carry > 0 { digits.insert(carry, at: 0) }
        }
    }

    /// Rounds up (away from zero) to a multiple of 10^exponent, as inf.Dec.Round(…, RoundUp). False on overflow.
    mutating func roundUp(toExponent target: Int64) -> Bool {
        guard !isZero, exponent < target else { return true }
        let (drop, overflow) = target.subtractingReportingOverflow(exponent)
        if overflow { return false }
        if drop >= Int64(digits.count) {
            digits = [1]
            exponent = target
            return true
        }
        let keep = digits.count &- Int(drop)
        let inexact = digits[keep...].contains(where: { $0 != 0 })
        digits.removeSubrange(keep...)
        exponent = target
        if inexact { increment() }
        if digits.isEmpty { digits = [1] }
        return true
    }

    private mutating func increment() {
        for index in digits.indices.reversed() {
            if digits[index] < 9 {
                digits[index] &+= 1
                return
            }
            digits[index] = 0
        }
        digits.insert(1, at: 0)
    }

    /// -1, 0 or 1; nil only if exponent arithmetic would overflow.
    func compare(to other: Magnitude) -> Int? {
        if isZero || other.isZero { return isZero ? (other.isZero ? 0 : -1) : 1 }
        guard let a = normalized(), let b = other.normalized() else { return nil }
        // Position of the leading digit: exponent + count - 1.
        let (aTop, o1) = a.exponent.addingReportingOverflow(Int64(a.digits.count))
        let (bTop, o2) = b.exponent.addingReportingOverflow(Int64(b.digits.count))
        if o1 || o2 { return nil }
        if aTop != bTop { return aTop < bTop ? -1 : 1 }
        for (x, y) in zip(a.digits, b.digits) where x != y { return x < y ? -1 : 1 }
        if a.digits.count == b.digits.count { return 0 }
        return a.digits.count < b.digits.count ? -1 : 1
    }

    /// The value when it is a whole number that fits in UInt64.
    func wholeValue() -> UInt64? {
        if isZero { return 0 }
        guard let n = normalized(), n.exponent >= 0, n.exponent <= 20 else { return nil }
        var value: UInt64 = 0
        for digit in n.digits + [UInt8](repeating: 0, count: Int(n.exponent)) {
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(digit))
            if o1 || o2 { return nil }
            value = sum
        }
        return value
    }

    var isWhole: Bool { isZero || (normalized().map { $0.exponent >= 0 } ?? false) }
}

private struct DecAmount {
    var negative: Bool
    var magnitude: Magnitude

    /// Go's `CanonicalizeBytes` for an inf.Dec amount. Nil only on (unreachable) exponent overflow.
    func canonicalized(_ format: Quantity.Format) -> String? {
        if magnitude.isZero { return "0" }
        let sign = negative ? "-" : ""
        switch format {
        case .binarySI:
            guard let below1024 = magnitude.compare(to: .v1024) else { return nil }
            // Values within (-1024, 1024), or not whole, print as DecimalSI.
            if below1024 >= 0 && magnitude.isWhole, let whole = magnitude.wholeValue() {
                var amount = whole
                var times: Int32 = 0
                while amount >= 1024 && amount % 1024 == 0 {
                    amount /= 1024
                    times &+= 1
                }
                return sign + String(amount) + QuantityParser.binarySuffix(times)
            }
            return decimalText(.decimalSI, sign: sign)
        case .decimalExponent, .decimalSI:
            return decimalText(format, sign: sign)
        }
    }

    /// infDecAmount.AsCanonicalBytes: factors of ten into the exponent, then down to a multiple of three.
    private func decimalText(_ format: Quantity.Format, sign: String) -> String? {
        guard let n = magnitude.normalized() else { return nil }
        var exponent = n.exponent
        var text = String(decoding: n.digits.map { $0 &+ Ascii.zero }, as: UTF8.self)
        while exponent % 3 != 0 {
            text.append("0")
            exponent &-= 1 // exponent > Int64.min + 3 here: it came from an Int32 plus a digit count.
        }
        return sign + text + QuantityParser.decimalSuffix(exponent, format)
    }
}

private enum Ascii {
    static let zero = UInt8(ascii: "0")
    static let plus = UInt8(ascii: "+")
    static let minus = UInt8(ascii: "-")
    static let dot = UInt8(ascii: ".")
    static let lowerE = UInt8(ascii: "e")
    static let upperE = UInt8(ascii: "E")
    static let suffixLetters: Set<UInt8> = Set("eEinumkKMGTP".utf8)

    static func isDigit(_ byte: UInt8) -> Bool { byte >= zero && byte <= UInt8(ascii: "9") }
}
