import LosslessYAML

/// How the first pass reads a stream: only the parts (`DocumentStarts`) whose bytes can hold what the survey
/// learns from (a Namespace, a MeshConfig, a Secret, a List, a bootstrap volume), each on its own; libyaml
/// never sees the rest.
enum SurveyReading {
    /// The words one of which every document the survey learns from holds in its bytes.
    private static let words = (["Namespace", "MeshConfig", "Secret", "List"].map { Array($0.utf8) }
        + [TreeNeeds.bootstrapName.bytes]).map(RareByteNeedle.init)

    /// Surveys `source` part by part; false (with `survey` untouched) when the bytes alone cannot say which
    /// parts to read, or a part does not read on its own: then the caller reads the whole stream.
    static func survey(_ source: [UInt8], parser: Parser, into survey: inout StreamSurvey) -> Bool {
        guard !TreeNeeds.hasSpellingEscapes(source) else { return false }
        var learnt = survey
        var failed = false
        let filter = TreeNeeds.surveyPass(source)
        let split = DocumentStarts.forEachPart(in: source, keep: { range in mentionsAWord(source, range) }) { part in
            do throws(YAMLError) {
                try parser.forEachDocument(in: source, part: part, filter: filter) { learnt.add($0) }
                return true
            } catch {
                failed = true
                return false
            }
        }
        guard split, !failed else { return false }
        survey = learnt
        return true
    }

    /// Whether the bytes of `range` hold one of `words`.
    private static func mentionsAWord(_ source: [UInt8], _ range: Range<Int>) -> Bool {
        source.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return false }
            let part = UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
            return words.contains { $0.occurs(in: part) }
        }
    }
}
