import Foundation

/// What an injection changed in one workload, recorded so that `uninject` can give back the exact bytes.
///
/// It travels as an annotation of the bootstrap Secret (never in the pod spec, which stays as the webhook
/// writes it). Each entry is the inverse of one edit.
public struct RestoreLog: Codable, Sendable, Equatable {
    /// The annotation of the bootstrap Secret that carries the log.
    public static let annotation = "osm-inject/restore"

    /// One inverse edit.
    public struct Entry: Codable, Sendable, Equatable {
        /// The mapping or sequence edited, as a field path from the object root (`spec.template.metadata`).
        public var path: String
        /// For a mapping entry: its key now.
        public var key: String?
        /// For a mapping entry: its exact text before the edit (nil when the injection added it).
        public var original: String?
        /// For an appended item: its `name`.
        public var item: String?

        public init(path: String, key: String? = nil, original: String? = nil, item: String? = nil) {
            self.path = path
            self.key = key
            self.original = original
            self.item = item
        }
    }

    /// Original bytes the editor adjusted so that text added after a last line without a line break keeps a
    /// block scalar's value (its chomping made strip, blanks after its last break dropped).
    public struct Adjustment: Codable, Sendable, Equatable {
        /// Where, in bytes from the document's start (the same in the undone document as in the original).
        public var offset: Int
        /// The bytes there before the injection, and what stands there after it.
        public var original: String
        public var adjusted: String

        public init(offset: Int, original: String, adjusted: String) {
            self.offset = offset
            self.original = original
            self.adjusted = adjusted
        }
    }

    public var entries: [Entry] = []
    /// Set when the document ended without a line break and the injection had to add one.
    public var addedFinalLineBreak: Bool?
    /// The adjustments the injection made to original bytes at the document's end, if any.
    public var adjustments: [Adjustment]?

    public init(entries: [Entry] = [], addedFinalLineBreak: Bool? = nil, adjustments: [Adjustment]? = nil) {
        self.entries = entries
        self.addedFinalLineBreak = addedFinalLineBreak
        self.adjustments = adjustments
    }

    /// The log as compact JSON with sorted keys (deterministic).
    public func encoded() -> String {
        RestoreLogJSON.encode(self)
    }

    /// Reads a log from its JSON text.
    public static func decode(_ text: String) -> RestoreLog? {
        try? JSONDecoder().decode(RestoreLog.self, from: Data(text.utf8))
    }
}
