/// gopkg.in/yaml.v2 v2.4.0's `parseTimestamp`: Go 1.19's `time.Parse` with the four layouts yaml.v2 tries.
///
/// Only the answer "is it a timestamp" matters here (it decides whether `yaml.Marshal` quotes a string), so the
/// parse keeps no value beyond what Go's checks need: month and hour ranges, the day against the month, the
/// zone's shape (Go 1.19 does not range-check zone offsets, and its `atoi` even accepts `+1` as an hour).
enum GoTimestamp {
    private enum Chunk {
        case literal([UInt8])
        case year, month, day, hour, minute, second, fraction, zone
    }

    /// `2006-1-2T15:4:5.999999999Z07:00`, the same with `t`, `2006-1-2 15:4:5.999999999` and `2006-1-2`.
    private static let layouts: [[Chunk]] = {
        let date: [Chunk] = [.year, .literal(Array("-".utf8)), .month, .literal(Array("-".utf8)), .day]
        let clock: [Chunk] = [.hour, .literal(Array(":".utf8)), .minute, .literal(Array(":".utf8)), .second, .fraction]
        return [
            date + [.literal(Array("T".utf8))] + clock + [.zone],
            date + [.literal(Array("t".utf8))] + clock + [.zone],
            date + [.literal(Array(" ".utf8))] + clock,
            date,
        ]
    }()

    /// True when yaml.v2 resolves `text` (unquoted) as a `!!timestamp`.
    static func parses(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        // Quick check of yaml.v2: all date formats start with YYYY-.
        let leadingDigits = bytes.prefix(while: isDigit).count
        guard leadingDigits == 4, bytes.dropFirst(4).first == UInt8(ascii: "-") else { return false }
        return layouts.contains { matches($0, bytes[...]) }
    }

    private static func matches(_ layout: [Chunk], _ input: ArraySlice<UInt8>) -> Bool {
        var value = input
        var year = 0, month = -1, day = -1
        for chunk in layout {
            switch chunk {
            case .literal(let text):
                guard skip(text[...], in: &value) else { return false }
            case .year:
                let digits = value.prefix(4)
                guard digits.count == 4, digits.allSatisfy(isDigit) else { return false }
                year = digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
                value = value.dropFirst(4)
            case .month:
                guard let m = number(&value), m >= 1, m <= 12 else { return false }
                month = m
            case .day:
                guard let d = number(&value) else { return false }
                day = d
            case .hour:
                guard let h = number(&value), h < 24 else { return false }
            case .minute, .second:
                guard let n = number(&value), n < 60 else { return false }
            case .fraction:
                // Optional; at most nine digits are taken (anything longer fails as extra text).
                guard value.count >= 2, let mark = value.first, mark == UInt8(ascii: ".") || mark == UInt8(ascii: ","),
                    let first = value.dropFirst().first, isDigit(first)
                else { continue }
                let digits = value.dropFirst().prefix(while: isDigit).prefix(9).count
                value = value.dropFirst(1 + digits)
            case .zone:
                guard zone(&value) else { return false }
            }
        }
        return value.isEmpty && day >= 1 && day <= daysIn(month: month, year: year)
    }

    /// Go's `skip`: literal bytes must match; a space in the layout matches one or more spaces.
    private static func skip(_ prefix: ArraySlice<UInt8>, in value: inout ArraySlice<UInt8>) -> Bool {
        var prefix = prefix
        let space = UInt8(ascii: " ")
        while let p = prefix.first {
            if p == space {
                if let v = value.first, v != space { return false }
                prefix = prefix.drop(while: { $0 == space })
                value = value.drop(while: { $0 == space })
                continue
            }
            guard value.first == p else { return false }
            prefix = prefix.dropFirst()
            value = value.dropFirst()
        }
        return true
    }

    /// Go's `getnum(s, false)`: one or two digits.
    private static func number(_ value: inout ArraySlice<UInt8>) -> Int? {
        let digits = value.prefix(while: isDigit).prefix(2)
        guard !digits.isEmpty else { return nil }
        value = value.dropFirst(digits.count)
        return digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    /// `Z`, or a sign, two hour characters, `:`, two minute characters (each pair a Go `atoi`).
    private static func zone(_ value: inout ArraySlice<UInt8>) -> Bool {
        if value.first == UInt8(ascii: "Z") {
            value = value.dropFirst()
            return true
        }
        let head = Array(value.prefix(6))
        guard head.count == 6, head.dropFirst(3).first == UInt8(ascii: ":"),
            let sign = head.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
            goAtoi(head.dropFirst(1).prefix(2)), goAtoi(head.dropFirst(4).prefix(2))
        else { return false }
        value = value.dropFirst(6)
        return true
    }

    /// Go's `time.atoi` on a short field: an optional sign, then only digits (at least one).
    private static func goAtoi(_ field: ArraySlice<UInt8>) -> Bool {
        var field = field
        if let s = field.first, s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { field = field.dropFirst() }
        return !field.isEmpty && field.allSatisfy(isDigit)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
}
