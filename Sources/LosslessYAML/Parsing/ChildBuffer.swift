/// The finished children of a document's open collections, innermost last (a mapping's keys and values in
/// turn): one buffer for all, from which a collection's array is made once, at its exact size, its children
/// moved in. Raw memory, because a Swift array of optionals pays a destroy call for every slot emptied.
final class ChildBuffer {
    /// The slots: those below `count` hold a child, the others nothing.
    private var base: UnsafeMutablePointer<Node>
    private var capacity: Int
    /// How many children wait.
    private(set) var count = 0

    init() {
        capacity = 64
        base = .allocate(capacity: capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    func append(_ node: consuming Node) {
        if count == capacity { grow() }
        (base + count).initialize(to: node)
        count += 1
    }

    /// A copy of the child at `index`, when one waits there.
    subscript(index: Int) -> Node? {
        index >= 0 && index < count ? base[index] : nil
    }

    /// The pairs of the mapping whose keys and values start at `first`, moved out (a key without its value is
    /// dropped).
    func takePairs(from first: Int) -> [Pair] {
        let first = min(max(0, first), count)
        let length = (count - first) / 2
        let start = base + first
        // Not `init(unsafeUninitializedCapacity:)`: unspecialized, it costs twice what reserving does.
        var pairs: [Pair] = []
        pairs.reserveCapacity(length)
        for i in 0..<length {
            pairs.append(Pair(key: (start + 2 * i).move(), value: (start + 2 * i + 1).move()))
        }
        (start + 2 * length).deinitialize(count: count - first - 2 * length)
        count = first
        return pairs
    }

    /// The items of the sequence whose children start at `first`, moved out.
    func takeItems(from first: Int) -> [Node] {
        let first = min(max(0, first), count)
        let length = count - first
        let start = base + first
        var items: [Node] = []
        items.reserveCapacity(length)
        for i in 0..<length { items.append((start + i).move()) }
        count = first
        return items
    }

    private func grow() {
        let larger = UnsafeMutablePointer<Node>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }
}
