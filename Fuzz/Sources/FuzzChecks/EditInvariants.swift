import LosslessYAML

/// The invariants of the edit layer: random `DocumentEditor` edits (set, insert, replacePair, removePair, append,
/// removeItem, replace, with random `YAMLValue`s) on a random document of the input give bytes that parse to
/// exactly the tree the same edits give on the document's plain value tree, and leave the other documents as
/// they were.
///
/// The input is `YAML bytes` `\0` `edit program bytes`; without a NUL the whole input is both. Edits in one
/// session stay apart as `DocumentEditor` requires (no edit inside a region another one replaces or removes;
/// at most one removal or pair replacement per collection, and none that empties a collection another edit
/// grows); nodes inside an anchored node that an alias refers to are not edited (the alias would change too).
/// An edit the editor refuses with an `EditError` is a correct result and changes nothing.
public enum EditInvariants {
    /// Runs one or two edit sessions driven by `data`; throws the first invariant broken.
    public static func check(_ data: [UInt8]) throws(FuzzFailure) {
        let split = data.lastIndex(of: 0)
        var yaml = split.map { Array(data[..<$0]) } ?? data
        var source = ByteSource(split.map { Array(data[($0 + 1)...]) } ?? data)
        let rounds = 1 + source.below(2)
        var history: [String] = []
        for round in 0..<rounds {
            guard let next = try session(on: yaml, round: round, history: &history, &source) else { return }
            yaml = next
        }
    }

    /// One edit session on one document; the whole new stream, or nil when the input is out of scope.
    private static func session(
        on yaml: [UInt8], round: Int, history: inout [String],
        _ source: inout ByteSource
    ) throws(FuzzFailure) -> [UInt8]? {
        guard let stream = try? Parser().parse(yaml), !stream.documents.isEmpty else { return nil }
        let index = source.below(stream.documents.count)
        let document = stream.documents[index]
        let strict = StrictValue(document: document)
        var nextID = 0
        var budget = Limits.default.maxAliasExpansion
        guard var model = try? ModelNode.build(document.root, strict: strict, nextID: &nextID, budget: &budget) else {
            return nil
        }
        let before = model.value
        guard (try? strict.value(of: document.root)) == before else {
            throw FuzzFailure("the model of document \(index) differs from its strict value (fuzzer bug)")
        }

        var editor = DocumentEditor(source: stream.source, document: document)
        var planner = Planner(anchors: document.aliasTargets.values.map { closedRange($0.range) })
        var log: [String] = []
        var nodes: [ModelSite] = []
        model.walk(into: &nodes)
        let wanted = 1 + source.below(6)
        var attempts = 0
        while log.count < wanted, attempts < wanted * 4 {
            attempts += 1
            guard let candidate = source.pick(nodes), let node = candidate.node.node else { continue }
            guard let edit = Planner.choose(for: candidate.node, node: node, &source) else { continue }
            guard planner.accepts(edit) else { continue }
            do throws(EditError) {
                try edit.apply(to: &editor)
            } catch {
                continue
            }
            planner.record(edit)
            edit.apply(to: &model, nextID: &nextID)
            log.append(edit.description)
        }
        guard editor.hasChanges else { return nil }

        let body: [UInt8]
        do {
            body = try editor.output()
        } catch {
            throw FuzzFailure("round \(round): output() fails after accepted edits \(log): \(error)")
        }
        let range = document.range.bytes
        let result = Array(stream.source[..<range.lowerBound]) + body + Array(stream.source[range.upperBound...])
        let earlier = history.isEmpty ? "" : " (after \(history.joined(separator: "; ")))"
        history.append("round \(round): \(log)")
        let context =
            "round \(round), document \(index), edits \(log)\(earlier); input: \(excerpt(stream.bytes(of: document), limit: 1_500)); output: \(excerpt(body, limit: 1_500))"
        let reparsed: YAMLStream
        do {
            reparsed = try Parser().parse(result)
        } catch {
            throw FuzzFailure("the edited stream does not parse (\(error)); \(context)", before: yaml, after: result)
        }
        guard reparsed.documents.count == stream.documents.count else {
            throw FuzzFailure(
                "the edited stream has \(reparsed.documents.count) documents instead of \(stream.documents.count); \(context)",
                before: yaml, after: result)
        }
        let after = reparsed.documents[index]
        let expected = model.value
        let actual: YAMLValue
        do {
            actual = try StrictValue(document: after).value(of: after.root)
        } catch {
            throw FuzzFailure("the edited document cannot be converted (\(error)); \(context)")
        }
        guard actual == expected else {
            throw FuzzFailure(
                "the edited document differs from the model at \(valueDifference(actual, expected) ?? "?"); \(context)",
                before: yaml, after: result)
        }
        guard (try? ValueConverter(document: after).value(of: after.root)) == StrictValue.unmarked(expected) else {
            throw FuzzFailure("ValueConverter disagrees with the model; \(context)")
        }
        for (old, new) in zip(stream.documents, reparsed.documents) where old.index != index {
            guard let oldValue = try? StrictValue(document: old).value(of: old.root) else { continue }
            guard (try? StrictValue(document: new).value(of: new.root)) == oldValue else {
                throw FuzzFailure("document \(old.index), not edited, reads differently; \(context)")
            }
        }
        return result
    }
}

/// A byte range with both ends included, so that touching ranges and empty nodes count as overlapping.
struct ClosedSpan: Sendable {
    /// The first byte.
    var lower: Int
    /// The last byte (equal to `lower` for an empty range).
    var upper: Int

    /// Whether the two spans share a byte (touching counts).
    func overlaps(_ other: ClosedSpan) -> Bool { lower <= other.upper && other.lower <= upper }
    /// Holds `other` with room to spare on at least one side.
    func strictlyContains(_ other: ClosedSpan) -> Bool {
        lower <= other.lower && other.upper <= upper && (lower < other.lower || other.upper < upper)
    }
    /// Holds `other` (equal spans included).
    func contains(_ other: ClosedSpan) -> Bool { lower <= other.lower && other.upper <= upper }
}

/// The span of a node's range.
func closedRange(_ range: SourceRange) -> ClosedSpan {
    ClosedSpan(lower: range.start.offset, upper: max(range.start.offset, range.end.offset))
}

/// The span from the start of `a` (a key) to the end of `b` (its value).
func closedRange(_ a: SourceRange, _ b: SourceRange) -> ClosedSpan {
    ClosedSpan(
        lower: min(a.start.offset, b.start.offset),
        upper: max(a.end.offset, b.end.offset, a.start.offset, b.start.offset))
}
