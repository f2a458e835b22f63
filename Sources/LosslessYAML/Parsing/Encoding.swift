/// Checks that the input is UTF-8, the only encoding the byte-preserving writer can keep.
enum Encoding {
    static func check(_ source: [UInt8]) throws(YAMLError) {
        let start = Mark(offset: 0, line: 1, column: 1)
        if source.starts(with: [0xFF, 0xFE]) || source.starts(with: [0xFE, 0xFF]) {
            throw YAMLError(
                "the input is UTF-16 or UTF-32; osm-inject reads UTF-8 only (convert it with iconv -t UTF-8)", at: start
            )
        }
        if source.count >= 2, source[0] == 0 || source[1] == 0 {
            throw YAMLError(
                "the input looks like UTF-16 or UTF-32 (it has NUL bytes); osm-inject reads UTF-8 only", at: start)
        }
    }
}
