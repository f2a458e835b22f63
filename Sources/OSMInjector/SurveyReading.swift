import LosslessYAML

/// How the first pass reads a stream: only the parts (`DocumentStarts`) whose bytes can hold what the survey
/// learns from (a Namespace, a MeshConfig, a Secret, a List, a bootstrap volume), each on its own; libyaml
/// never sees the rest.
enum SurveyReading {
    /// The words one of which every document the survey learns from holds in its bytes.
    private static let words = ["Namespace", "MeshConfig", "Secret", "List"].map { Array($0.utf8) }
        + [TreeNeeds.bootstrapName]

    /// Surveys `source` part by part; false (with `survey` untouched) when the bytes alone cannot say which
    /// parts to read, or a part does not read on its own: then the caller reads the whole stream.
    static func survey(_ source: [UInt8], parser: Parser, into survey: inout StreamSurvey) -> Bool {
        guard !TreeNeeds.hasSpellingEscapes(source), let starts = DocumentStarts(source) else { return false }
        var wanted = Set<Int>()
        for word in words {
            for offset in ByteSearch.offsets(of: word, in: source) {
                if let part = index(of: offset, in: starts.parts) { wanted.insert(part) }
            }
        }
        var learnt = survey
        let filter = TreeNeeds.surveyPass(source)
        for index in wanted.sorted() {
            do throws(YAMLError) {
                try parser.forEachDocument(in: source, part: starts.parts[index], filter: filter) { learnt.add($0) }
            } catch {
                return false
            }
        }
        survey = learnt
        return true
    }

    /// The part holding byte `offset`.
    private static func index(of offset: Int, in parts: [DocumentStarts.Part]) -> Int? {
        var low = 0, high = parts.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if offset < parts[middle].bytes.lowerBound {
                high = middle - 1
            } else if offset >= parts[middle].bytes.upperBound {
                low = middle + 1
            } else {
                return middle
            }
        }
        return nil
    }
}
