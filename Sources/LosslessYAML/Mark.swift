/// A position in a source: a byte offset and the line and column a person would name.
public struct Mark: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Byte offset from the start of the source.
    public var offset: Int
    /// One-based line number.
    public var line: Int
    /// One-based column, counted in characters.
    public var column: Int

    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }

    public static func < (lhs: Mark, rhs: Mark) -> Bool { lhs.offset < rhs.offset }

    public var description: String { "\(line):\(column)" }
}

/// The bytes a node or document occupies in its source, from `start` up to (not including) `end`.
public struct SourceRange: Sendable, Hashable {
    public var start: Mark
    public var end: Mark

    public init(start: Mark, end: Mark) {
        self.start = start
        self.end = end
    }

    /// The byte offsets as a half-open range.
    public var bytes: Range<Int> { start.offset..<max(start.offset, end.offset) }
}
