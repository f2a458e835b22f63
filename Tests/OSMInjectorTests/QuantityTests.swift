import Testing
@testable import OSMInjector

/// `Quantity` against k8s.io/apimachinery v0.26.3 `pkg/api/resource/quantity_test.go`.
///
/// Where Go's own test asserts a string (TestQuantityString, TestQuantityParseEmit, TestQuantityParseZero) the
/// expectation is Go's. Where Go's test only compares values (TestQuantityParse), the input is Go's and the expected
/// text and format are what `ParseQuantity(in).String()` / `.Format` return in Go v0.26.3 (run with gopkg.in/inf.v0
/// v0.9.1). The quirk table is recorded the same way.
struct QuantityTests {
    // MARK: TestQuantityString

    /// TestQuantityString: parsing `expect` keeps `expect` ("did not copy canonical string on parse"), and parsing
    /// `alternate` (when given) prints `expect` ("unexpected alternate canonical").
    static let quantityStringCases: [(expect: String, alternate: String?)] = [
        ("1Gi", "1024Mi"),
        ("300Mi", "307200Ki"),
        ("6Ki", nil),
        ("1001Gi", "1025024Mi"),
        ("1Ti", "1024Gi"),
        ("5", "5000m"),
        ("500m", "0.5"),
        ("1G", "1000M"),
        ("1G", "0.001T"),
        ("1m", "1000u"),
        ("80m", nil),
        ("1080m", "1.08"),
        ("1080m", "1080000000n"),
        ("300M", nil),
        ("1T", nil),
        ("1234567M", nil),
        ("1234567m", nil),
        ("3k", nil),
        ("1025", nil),
        ("0", nil),
        ("1e9", ".001e12"),
        ("1e-3", "0.001e0"),
        ("1e-9", "1000e-12"),
        ("80e-3", nil),
        ("300e6", nil),
        ("1e12", nil),
        ("1e3", nil),
        ("3e3", nil),
        ("0", "00"),
        ("1n", nil),
        ("80n", nil),
        ("1080n", nil),
        ("1u", nil),
        ("80u", nil),
        ("1080u", nil),
    ]

    static var quantityStringPairs: [(String, String)] {
        quantityStringCases.flatMap { row in
            [(row.expect, row.expect)] + (row.alternate.map { [($0, row.expect)] } ?? [])
        }
    }

    @Test("TestQuantityString: canonical text is kept, alternates canonicalize", arguments: quantityStringPairs)
    func quantityString(_ input: String, _ expected: String) {
        #expect(Quantity(input)?.canonical == expected)
    }

    // MARK: TestQuantityParseEmit and TestQuantityParseZero

    static let parseEmitCases: [(String, String)] = [
        ("1Ki", "1Ki"),
        ("1Mi", "1Mi"),
        ("1Gi", "1Gi"),
        ("1024Mi", "1Gi"),
        ("1000M", "1G"),
        (".001Ki", "1024m"),
        (".000001Ki", "1024u"),
        (".000000001Ki", "1024n"),
        (".000000000001Ki", "2n"),
    ]

    @Test("TestQuantityParseEmit: in → expect, and -in → -expect", arguments: parseEmitCases)
    func parseEmit(_ input: String, _ expected: String) {
        #expect(Quantity(input)?.canonical == expected)
        #expect(Quantity("-" + input)?.canonical == "-" + expected)
    }

    @Test("TestQuantityParseZero")
    func parseZero() {
        #expect(Quantity("0") == Quantity("0"))
        #expect(Quantity("0")?.canonical == "0")
        #expect(Quantity("0")?.format == .decimalSI)
    }

    // MARK: TestQuantityParse

    /// TestQuantityParse's table: input, then Go v0.26.3's `String()` and `Format` after parsing it.
    static let quantityParseCases: [(String, String, Quantity.Format)] = [
        ("0", "0", .decimalSI), ("0n", "0", .decimalSI), ("0u", "0", .decimalSI), ("0m", "0", .decimalSI),
        ("0Ki", "0", .binarySI), ("0k", "0", .decimalSI), ("0Mi", "0", .binarySI), ("0M", "0", .decimalSI),
        ("0Gi", "0", .binarySI), ("0G", "0", .decimalSI), ("0Ti", "0", .binarySI), ("0T", "0", .decimalSI),
        // Quantity less numbers are allowed
        ("1", "1", .decimalSI),
        // Binary suffixes
        ("1Ki", "1Ki", .binarySI), ("8Ki", "8Ki", .binarySI), ("7Mi", "7Mi", .binarySI), ("6Gi", "6Gi", .binarySI),
        ("5Ti", "5Ti", .binarySI), ("4Pi", "4Pi", .binarySI), ("3Ei", "3Ei", .binarySI),
        ("10Ti", "10Ti", .binarySI), ("100Ti", "100Ti", .binarySI),
        // Decimal suffixes
        ("5n", "5n", .decimalSI), ("4u", "4u", .decimalSI), ("3m", "3m", .decimalSI), ("9", "9", .decimalSI),
        ("8k", "8k", .decimalSI), ("50k", "50k", .decimalSI), ("7M", "7M", .decimalSI), ("6G", "6G", .decimalSI),
        ("5T", "5T", .decimalSI), ("40T", "40T", .decimalSI), ("300T", "300T", .decimalSI), ("2P", "2P", .decimalSI),
        ("1E", "1E", .decimalSI),
        // Decimal exponents (a canonical-looking input is kept verbatim, capital E included)
        ("1E-3", "1E-3", .decimalExponent), ("1e3", "1e3", .decimalExponent), ("1E6", "1E6", .decimalExponent),
        ("1e9", "1e9", .decimalExponent), ("1E12", "1E12", .decimalExponent), ("1e15", "1e15", .decimalExponent),
        ("1E18", "1E18", .decimalExponent),
        // Nonstandard but still parsable
        ("1e14", "100e12", .decimalExponent), ("1e13", "10e12", .decimalExponent),
        ("100.035k", "100.035k", .decimalSI),
        // Things that look like floating point
        ("0.001", "1m", .decimalSI), ("0.0005k", "500m", .decimalSI), ("0.005", "5m", .decimalSI),
        ("0.05", "50m", .decimalSI), ("0.5", "500m", .decimalSI), ("0.00050k", "500m", .decimalSI),
        ("0.00500", "5m", .decimalSI), ("0.05000", "50m", .decimalSI), ("0.50000", "500m", .decimalSI),
        ("0.5e0", "500e-3", .decimalExponent), ("0.5e-1", "50e-3", .decimalExponent),
        ("0.5e-2", "5e-3", .decimalExponent), ("10.035M", "10.035M", .decimalSI),
        ("1.2e3", "1200", .decimalExponent), ("1.3E+6", "1300e3", .decimalExponent),
        ("1.40e9", "1400e6", .decimalExponent), ("1.53E12", "1530e9", .decimalExponent),
        ("1.6e15", "1600e12", .decimalExponent), ("1.7E18", "1700e15", .decimalExponent),
        ("9.01", "9010m", .decimalSI), ("8.1k", "8100", .decimalSI), ("7.123456M", "7.123456M", .decimalSI),
        ("6.987654321G", "6.987654321G", .decimalSI), ("5.444T", "5.444T", .decimalSI),
        ("40.1T", "40100G", .decimalSI), ("300.2T", "300200G", .decimalSI), ("2.5P", "2500T", .decimalSI),
        ("1.01E", "1010P", .decimalSI),
        // Things that saturate/round
        ("3.001n", "4n", .decimalSI), ("1.1E-9", "2e-9", .decimalExponent), ("0.0000000001", "1n", .decimalSI),
        ("0.0000000005", "1n", .decimalSI), ("0.00000000050", "1n", .decimalSI),
        ("0.5e-9", "1e-9", .decimalExponent), ("0.9n", "1n", .decimalSI),
        ("0.00000012345", "124n", .decimalSI), ("0.00000012354", "124n", .decimalSI),
        ("9Ei", "9223372036854775807", .binarySI), ("9223372036854775807Ki", "9223372036854775807", .binarySI),
        ("12E", "12E", .decimalSI),
        // We'll accept fractional binary stuff, too.
        ("100.035Ki", "102435840m", .binarySI), ("0.5Mi", "512Ki", .binarySI),
        ("0.05Gi", "53687091200m", .binarySI), ("0.025Ti", "27487790694400m", .binarySI),
        // Things written by trolls
        ("0.000000000001Ki", "2n", .decimalSI), (".001", "1m", .decimalSI), (".0001k", "100m", .decimalSI),
        ("1.", "1.", .decimalSI), ("1.G", "1.G", .decimalSI),
    ]

    @Test("TestQuantityParse: table inputs print as Go prints them", arguments: quantityParseCases)
    func quantityParse(_ input: String, _ expected: String, _ format: Quantity.Format) throws {
        let quantity = try #require(Quantity(input))
        #expect(quantity.canonical == expected)
        #expect(quantity.format == format)
    }

    /// TestQuantityParse's "Try everything with an explicit +" and "Try the negative version of everything".
    @Test("TestQuantityParse: explicit + and - parse, with the same format", arguments: quantityParseCases)
    func signedVariants(_ input: String, _ expected: String, _ format: Quantity.Format) throws {
        let plus = try #require(Quantity("+" + input))
        let minus = try #require(Quantity("-" + input))
        #expect(plus.format == format)
        #expect(minus.format == format)
        // Go keeps a canonical-looking input verbatim, sign included; otherwise the sign only reaches the value.
        #expect(plus.canonical == expected || plus.canonical == "+" + input)
        #expect(minus.canonical == (expected == "0" ? "0" : "-" + expected))
    }

    /// TestQuantityParse's `invalid` list, the empty string, and TestQuantityParseNonNumericPanic.
    static let goInvalid = [
        "", "1.1.M", "1+1.0M", "0.1mi", "0.1am", "aoeu", ".5i", "1i", "-3.01i", "-3.01e-", " 1", "1 ", "Non-Numeric",
    ]

    /// More inputs Go v0.26.3's ParseQuantity rejects (checked against it).
    static let moreInvalid = [
        "Pi", "Ei", "+Pi", ".e-10", "-e-10", "-.e-10", "e", "1e", "1e+", "1e-", "1ee3", "1Ee3", "1e3e3", "1e3.5",
        "1e0x", "1e-1k", "1kk", "1K", "1k1", "1KiB", "1Gb", "1Kim", "1mi", "1m3", "1Mi3", "1..1", "1.1.1", "1+1",
        "++1", "--", "--1", "+-1", "0x10", "1_000", "\u{0661}", "1\u{00A0}", "1\n",
        "1e9223372036854775808", "1E-9223372036854775809",
    ]

    @Test("Invalid quantities are nil", arguments: goInvalid + moreInvalid)
    func invalid(_ input: String) {
        #expect(Quantity(input) == nil)
    }

    // MARK: The brief's examples and Go's quirks, as Go v0.26.3 prints them

    static let quirksCases: [(String, String, Quantity.Format)] = [
        ("0.5", "500m", .decimalSI), ("1000m", "1", .decimalSI), ("1024Mi", "1Gi", .binarySI),
        ("1.5Gi", "1536Mi", .binarySI), ("-1.5Gi", "-1536Mi", .binarySI), ("512M", "512M", .decimalSI),
        ("1e3", "1e3", .decimalExponent), ("100", "100", .decimalSI), ("0.1", "100m", .decimalSI),
        ("1.1", "1100m", .decimalSI), ("12e6", "12e6", .decimalExponent), ("-1", "-1", .decimalSI),
        ("1Ki", "1Ki", .binarySI), ("1.5", "1500m", .decimalSI), ("0.0001", "100u", .decimalSI),
        // Rounding is up to the next nano-unit, not milli: Go's doc says "0.1m will rounded up to 1m", its code doesn't.
        ("1m", "1m", .decimalSI), ("0.1m", "100u", .decimalSI), ("0.1n", "1n", .decimalSI),
        ("-0.1n", "-1n", .decimalSI), ("1e-12", "1e-9", .decimalExponent),
        // DecimalSI has no suffix past E (10^18): the exponent is silently dropped. Only BinarySI is capped.
        ("2000000000000000000000", "2", .decimalSI), ("1000E", "1", .decimalSI), ("120E", "120E", .decimalSI),
        ("1e21", "1e21", .decimalExponent), ("8Ei", "9223372036854775807", .binarySI),
        ("-9Ei", "-9223372036854775807", .binarySI),
        // The fast path keeps canonical-looking input text verbatim.
        ("1.500", "1.500", .decimalSI), ("+1", "+1", .decimalSI), ("01", "01", .decimalSI),
        ("1E3", "1E3", .decimalExponent), ("1e+3", "1e+3", .decimalExponent), ("+1Ki", "+1Ki", .binarySI),
        ("012Ki", "012Ki", .binarySI), ("5.500k", "5.500k", .decimalSI), ("5.000k", "5k", .decimalSI),
        // A number part with no digits is zero on the fast path, an error on the slow one (see `invalid`).
        ("-", "0", .decimalSI), ("+", "0", .decimalSI), (".", "0", .decimalSI), ("-.", "0", .decimalSI),
        ("k", "0", .decimalSI), ("Ki", "0", .binarySI), ("E", "0", .decimalSI), ("e5", "0", .decimalExponent),
        ("-0", "0", .decimalSI), ("-0Ki", "0", .binarySI),
        // BinarySI below 1024 or fractional prints as DecimalSI, keeping the BinarySI format.
        ("1.5Ki", "1536", .binarySI), ("1.0001Ki", "1024102400u", .binarySI), ("0.5Ki", "512", .binarySI),
        ("5.Pi", "5Pi", .binarySI), (".5Pi", "512Ti", .binarySI), ("1.5Ei", "1536Pi", .binarySI),
        // Exponents are Go int32s: ParseInt then truncation, and wrapping scale arithmetic.
        ("1e4294967299", "1e4294967299", .decimalExponent), ("10e2147483647", "10e2147483647", .decimalExponent),
        ("1000e4294967299", "1e6", .decimalExponent),
        // Too many digits for int64: the arbitrary-precision path.
        ("1234567890123456789", "1234567890123456789", .decimalSI),
        ("12345678901234567890", "12345678901234567890", .decimalSI),
        ("-9223372036854775809", "-9223372036854775809", .decimalSI),
        ("0.0000000000000000001", "1n", .decimalSI),
        ("999999999999999999e-8", "9999999999999999990e-9", .decimalExponent),
    ]

    @Test("Go's behaviour at the edges", arguments: quirksCases)
    func quirk(_ input: String, _ expected: String, _ format: Quantity.Format) throws {
        let quantity = try #require(Quantity(input))
        #expect(quantity.canonical == expected)
        #expect(quantity.format == format)
    }

    @Test("Canonical text reparses to itself")
    func canonicalIsStable() throws {
        for (input, _, _) in Self.quantityParseCases + Self.quirksCases {
            let once = try #require(Quantity(input))
            let twice = try #require(Quantity(once.canonical))
            #expect(twice.canonical == once.canonical, "\(input)")
        }
    }

    @Test("Equality compares format and text")
    func equality() {
        #expect(Quantity("1024Mi") == Quantity("1Gi"))
        #expect(Quantity("1000m") == Quantity("1"))
        #expect(Quantity("1Ki") != Quantity("1024"))
        #expect(Quantity("1") != Quantity("+1"))
    }
}
