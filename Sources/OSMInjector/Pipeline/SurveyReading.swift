import LosslessYAML

/// How the first pass reads a stream: only the parts (`DocumentStarts`) whose bytes can hold what the survey
/// learns from (a Namespace, a MeshConfig, a Secret, a List, a bootstrap volume), each on its own; libyaml
/// never sees the rest.
enum SurveyReading {
    /// The words one of which every document the survey learns from holds in its bytes.
    private static let words =
        ["Namespace", "MeshConfig", "Secret", "List"].map { Array($0.utf8) }
        + [TreeNeeds.bootstrapName]

    /// Surveys `source` part by part; false (with `survey` untouched) when the bytes alone cannot say which
    /// parts to read, or a part does not read on its own: then the caller reads the whole stream.
    static func survey(_ source: [UInt8], scan: StreamPreScan, parser: Parser, into survey: inout StreamSurvey) -> Bool
    {
        guard !scan.hasSpellingEscapes else { return false }
        var learnt = survey
        var failed = false
        let filter = TreeNeeds.surveyPass(scan)
        let hits = wordHits(source)
        let split = DocumentStarts.forEachPart(in: source, keep: { range in holdsAHit(hits, range) }) { part in
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

    /// Where `words` occur in `source`, ordered by start: one scan of the whole stream per word, instead of one
    /// per word and part.
    private static func wordHits(_ source: [UInt8]) -> [Range<Int>] {
        words.flatMap { word in ByteSearch.offsets(of: word, in: source).map { $0..<$0 + word.count } }
            .sorted { $0.lowerBound < $1.lowerBound }
    }

    /// Whether one of `hits` (ordered by start) lies wholly in `range`.
    private static func holdsAHit(_ hits: [Range<Int>], _ range: Range<Int>) -> Bool {
        var low = 0, high = hits.count
        while low < high {
            let middle = (low + high) / 2
            if hits[middle].lowerBound < range.lowerBound { low = middle + 1 } else { high = middle }
        }
        return hits[low...].prefix { $0.lowerBound < range.upperBound }.contains { $0.upperBound <= range.upperBound }
    }
}
