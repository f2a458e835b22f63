import LosslessYAML

/// Edits that hit a bug already reported, each with a disabled regression test in the test suite; the edit
/// fuzzer steers clear of them so that it keeps looking for new ones. Remove an entry when its bug is fixed.
enum KnownBugs {
    /// Whether `edit` (on the node of `site`) would hit a known bug.
    static func hits(_ edit: PlannedEdit, site: ModelSite, source: [UInt8]) -> Bool {
        false
    }

    /// A lone CR, or U+0085, U+2028, U+2029 in UTF-8: line breaks to libyaml, not to the editor.
    static func hasOtherLineBreaks(_ bytes: ArraySlice<UInt8>) -> Bool {
        var previous: UInt8 = 0
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if previous == 0x0D, byte != 0x0A { return true }
            if previous == 0xC2, byte == 0x85 { return true }
            if previous == 0xE2, byte == 0x80, index + 1 < bytes.endIndex, bytes[index + 1] == 0xA8 || bytes[index + 1] == 0xA9 {
                return true
            }
            previous = byte
            index += 1
        }
        return previous == 0x0D
    }
}
