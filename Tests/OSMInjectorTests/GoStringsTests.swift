import Testing

@testable import OSMInjector

@Suite("GoStrings")
struct GoStringsTests {
    @Test("split: like strings.Split, on scalars")
    func split() {
        #expect(GoStrings.split("", on: ",") == [""])
        #expect(GoStrings.split(",", on: ",") == ["", ""])
        #expect(GoStrings.split("a,,b", on: ",") == ["a", "", "b"])
        #expect(GoStrings.split("6060, 7070", on: ",") == ["6060", " 7070"])
        // A combining mark after the comma forms one Swift Character with it; Go still splits.
        #expect(GoStrings.split("a,\u{301}b", on: ",") == ["a", "\u{301}b"])
    }

    @Test("trimSpace: unicode.IsSpace at both ends only")
    func trimSpace() {
        #expect(GoStrings.trimSpace("  80\t") == "80")
        #expect(GoStrings.trimSpace("\r\n80\r\n") == "80")
        #expect(GoStrings.trimSpace("\u{A0}\u{85}\u{3000}80\u{2028}\u{205F}") == "80")
        #expect(GoStrings.trimSpace("\u{200B}80") == "\u{200B}80") // zero-width space is not White_Space
        #expect(GoStrings.trimSpace("\u{1C}80") == "\u{1C}80") // nor are the ASCII separators
        #expect(GoStrings.trimSpace("8 0") == "8 0")
        #expect(GoStrings.trimSpace(" \n ") == "")
    }

    @Test("toLower: Go's simple per-rune mapping")
    func toLower() {
        #expect(GoStrings.toLower("EnAbLeD") == "enabled")
        #expect(GoStrings.toLower("\u{130}") == "i") // full mapping would be "i\u{307}"
        #expect(GoStrings.toLower("\u{212A}") == "k") // Kelvin sign
        #expect(GoStrings.toLower("ÄÖÜ") == "äöü")
        #expect(GoStrings.toLower("ß") == "ß")
        #expect(GoStrings.toLower("\u{2C2F}") == "\u{2C2F}") // Unicode 14: unknown to Go 1.19
    }
}
