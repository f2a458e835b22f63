import Testing
import ThreadedPipeline

/// The threaded stages hand results back in their source's order, and a failure after the batches before it.
@Suite struct OrderedParallelMapTests {
    private struct Refusal: Error, Equatable {
        var chunk: Int
    }

    @Test(arguments: [1, 2, 5])
    func chunksComeBackInOrder(workers: Int) throws {
        let chunks = Array(0..<200)
        let source = ChunkQueue(chunks) { (chunk: Int) throws(Refusal) -> [Int] in
            (0..<(chunk % 7)).map { chunk * 10 + $0 }
        }
        let map = OrderedParallelMap(source, workers: workers) { $0 * 2 }
        defer { map.cancel() }
        var seen: [Int] = []
        try map.forEach { seen.append($0) }
        #expect(seen == chunks.flatMap { chunk in (0..<(chunk % 7)).map { (chunk * 10 + $0) * 2 } })
    }

    @Test
    func aFailedChunkEndsTheMapAfterTheChunksBeforeIt() {
        let source = ChunkQueue(Array(0..<50)) { (chunk: Int) throws(Refusal) -> [Int] in
            if chunk == 30 { throw Refusal(chunk: chunk) }
            return [chunk]
        }
        let map = OrderedParallelMap(source, workers: 3) { $0 }
        defer { map.cancel() }
        var seen: [Int] = []
        do throws(BatchFailure<Refusal>) {
            try map.forEach { seen.append($0) }
            Issue.record("no failure")
        } catch {
            #expect(error.index == 30)
            #expect(error.error == Refusal(chunk: 30))
        }
        #expect(seen == Array(0..<30))
    }

    @Test
    func aProducerAheadHandsOverEveryElementInBatches() throws {
        let producer = BoundedProducer<Int, Refusal>(lookahead: 2, batch: 4) { (emit: (Int) -> Void) throws(Refusal) in
            for value in 0..<103 { emit(value) }
            throw Refusal(chunk: -1)
        }
        let map = OrderedParallelMap(producer, workers: 2) { $0 + 1 }
        defer {
            map.cancel()
            producer.cancel()
        }
        var seen: [Int] = []
        do throws(BatchFailure<Refusal>) {
            try map.forEach { seen.append($0) }
            Issue.record("no failure")
        } catch {
            // 103 elements in batches of 4: 26 batches, then the failure.
            #expect(error.index == 26)
        }
        #expect(seen == Array(1...103))
    }

    @Test
    func aBackgroundValueIsTheWorksResult() {
        let value = BackgroundValue { (1...1000).reduce(0, +) }
        #expect(value.value == 500_500)
        let nothing = BackgroundValue<Int?> { nil }
        #expect(nothing.value == nil)
    }
}
