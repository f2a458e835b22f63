import Synchronization

/// The block text of collections rendered before, found by the identity of their storage: the injected
/// containers share most of their parts (the same constant values) from one workload to the next, so their
/// text is written once and copied after.
final class RenderedCollections: Sendable {
    static let shared = RenderedCollections()

    /// Where a collection's lines go, and what else its text depends on.
    struct Key: Hashable, Sendable {
        /// The address of the collection's element storage, which the slot's `kept` value keeps alive (so no
        /// other collection can have it while the slot holds it).
        var storage: UInt
        var count: Int
        var isMapping: Bool
        /// The indentation the lines are written at, and whether the first line starts a line of its own.
        var indent: Int
        var firstOnNewLine: Bool
        var layout: Layout
        var endsText: Bool
        var nextLine: BlockRenderer.NextLine
    }

    private struct Slot: Sendable {
        var key: Key
        var kept: YAMLValue
        var text: [UInt8]
    }

    private static let slotCount = 512
    private let slots = Mutex<[Slot?]>(Array(repeating: nil, count: RenderedCollections.slotCount))

    /// The text remembered for `key`.
    func text(for key: Key) -> [UInt8]? {
        let index = Self.index(of: key)
        return slots.withLock { slots in slots[index].flatMap { $0.key == key ? $0.text : nil } }
    }

    /// Remembers `text` for `key`, keeping `value` (the collection) alive for as long as the slot holds it.
    func remember(_ text: [UInt8], for key: Key, keeping value: YAMLValue) {
        let index = Self.index(of: key)
        let slot = Slot(key: key, kept: value, text: text)
        // The slot's old value is released after the lock, not under it.
        let old = slots.withLock { slots in
            let old = slots[index]
            slots[index] = slot
            return old
        }
        _ = old
    }

    private static func index(of key: Key) -> Int {
        Int(UInt(bitPattern: key.hashValue) % UInt(slotCount))
    }

    /// The storage address of a non-empty collection, nil for anything else.
    static func storage(of value: YAMLValue) -> (address: UInt, count: Int, isMapping: Bool)? {
        switch value {
        case .mapping(let entries) where !entries.isEmpty:
            return entries.withUnsafeBufferPointer { $0.baseAddress.map { (UInt(bitPattern: $0), entries.count, true) } }
        case .sequence(let items) where !items.isEmpty:
            return items.withUnsafeBufferPointer { $0.baseAddress.map { (UInt(bitPattern: $0), items.count, false) } }
        default:
            return nil
        }
    }
}
