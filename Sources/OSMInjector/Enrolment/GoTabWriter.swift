/// Go's `text/tabwriter.Writer` with flags 0 and a space as pad character, ported from Go 1.19: text is cut
/// into tab-terminated cells; a column of consecutive lines is as wide as its widest cell plus `padding`
/// (at least `minWidth`); the last cell of a line belongs to no column; a line without tabs ends a block.
/// Widths count Unicode scalars (Go's `utf8.RuneCount`).
public struct GoTabWriter: Sendable {
    public let minWidth: Int
    /// Only used when padding with tabs, which this port does not; kept for the signature's sake.
    public let tabWidth: Int
    public let padding: Int

    public init(minWidth: Int, tabWidth: Int, padding: Int) {
        self.minWidth = minWidth
        self.tabWidth = tabWidth
        self.padding = padding
    }

    /// What writing `text` and then flushing produces.
    public func format(_ text: String) -> String {
        var state = State(minWidth: minWidth, padding: padding)
        state.write(Array(text.utf8))
        state.flush()
        return String(decoding: state.output, as: UTF8.self)
    }

    /// One cell: its byte size, its width, and whether a tab ended it.
    private struct Cell {
        var size = 0
        var width = 0
        var htab = false
    }

    /// The writer's buffers, as in Go.
    private struct State {
        let minWidth: Int
        let padding: Int
        var buffer: [UInt8] = []
        var position = 0
        var cell = Cell()
        var lines: [[Cell]] = [[]]
        var widths: [Int] = []
        var output: [UInt8] = []

        init(minWidth: Int, padding: Int) {
            self.minWidth = minWidth
            self.padding = padding
        }

        mutating func write(_ bytes: [UInt8]) {
            var start = 0
            for (index, byte) in bytes.enumerated() {
                switch byte {
                case 0x09, 0x0B, 0x0A, 0x0C:
                    append(bytes[start..<index])
                    updateWidth()
                    start = index + 1
                    let cells = terminateCell(htab: byte == 0x09)
                    if byte == 0x0A || byte == 0x0C {
                        lines.append([])
                        if byte == 0x0C || cells == 1 { flush() }
                    }
                default:
                    continue
                }
            }
            append(bytes[start...])
        }

        mutating func flush() {
            if cell.size > 0 { _ = terminateCell(htab: false) }
            position = format(position: 0, from: 0, to: lines.count)
            buffer = []
            position = 0
            cell = Cell()
            lines = [[]]
            widths = []
        }

        private mutating func append(_ text: ArraySlice<UInt8>) {
            buffer.append(contentsOf: text)
            cell.size += text.count
        }

        private mutating func updateWidth() {
            cell.width += buffer[position...].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
            position = buffer.count
        }

        private mutating func terminateCell(htab: Bool) -> Int {
            cell.htab = htab
            if lines.isEmpty { lines.append([]) }
            lines[lines.count - 1].append(cell)
            cell = Cell()
            return lines[lines.count - 1].count
        }

        private mutating func format(position start: Int, from firstLine: Int, to endLine: Int) -> Int {
            var position = start
            var line0 = firstLine
            let column = widths.count
            var this = firstLine
            while this < endLine {
                if column >= lines[this].count - 1 {
                    this += 1
                    continue
                }
                position = writeLines(position: position, from: line0, to: this)
                line0 = this
                var width = minWidth
                while this < endLine {
                    let line = lines[this]
                    if column >= line.count - 1 { break }
                    width = max(width, line[column].width + padding)
                    this += 1
                }
                widths.append(width)
                position = format(position: position, from: line0, to: this)
                widths.removeLast()
                line0 = this
                this += 1
            }
            return writeLines(position: position, from: line0, to: endLine)
        }

        private mutating func writeLines(position start: Int, from firstLine: Int, to endLine: Int) -> Int {
            var position = start
            for index in firstLine..<max(firstLine, endLine) {
                for (column, cell) in lines[index].enumerated() {
                    if cell.size > 0 {
                        output.append(contentsOf: buffer[position..<position + cell.size])
                        position += cell.size
                    }
                    if column < widths.count {
                        output.append(contentsOf: [UInt8](repeating: 0x20, count: max(0, widths[column] - cell.width)))
                    }
                }
                if index + 1 == lines.count {
                    output.append(contentsOf: buffer[position..<position + cell.size])
                    position += cell.size
                } else {
                    output.append(0x0A)
                }
            }
            return position
        }
    }
}
