import Foundation
import Testing
@testable import OSMInjector

/// What Foundation's encoder writes for `log`, the text the restore annotation has always carried.
private func foundationJSON(_ log: RestoreLog) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(log), as: UTF8.self)
}

@Suite struct RestoreLogJSONTests {
    @Test func everyShapeOfLogAsFoundationWritesIt() throws {
        let entries: [RestoreLog.Entry] = [
            .init(path: "spec.template.metadata.labels", key: "osm-proxy-uuid"),
            .init(
                path: "spec.template.spec.containers[name=web].livenessProbe", key: "httpGet",
                original: "httpGet:\n  path: /healthz\n  port: 8080\n"),
            .init(path: "spec.template.spec.containers", item: "envoy"),
            .init(path: "a/b", key: "k", original: "o", item: "i"),
            .init(path: ""),
        ]
        let adjustments: [[RestoreLog.Adjustment]?] = [
            nil, [], [.init(offset: 0, original: "|\n  x", adjusted: "|-\n  x")],
            [
                .init(offset: 123_456, original: "a\n\n", adjusted: "a\n"),
                .init(offset: -1, original: "", adjusted: "\t"),
            ],
        ]
        for added in [nil, true, false] as [Bool?] {
            for adjustment in adjustments {
                for count in [0, 1, 2, entries.count] {
                    let log = RestoreLog(
                        entries: Array(entries.prefix(count)), addedFinalLineBreak: added,
                        adjustments: adjustment)
                    #expect(log.encoded() == (try foundationJSON(log)))
                    #expect(RestoreLog.decode(log.encoded()) == log)
                }
            }
        }
    }

    @Test func everyUnicodeScalarEscapedAsFoundationEscapesIt() throws {
        let scalars = (0...0x10FFFF).compactMap(Unicode.Scalar.init)
        for start in stride(from: 0, to: scalars.count, by: 8192) {
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars[start..<min(start + 8192, scalars.count)])
            let log = RestoreLog(entries: [.init(path: String(text), key: "k", original: String(text))])
            #expect(log.encoded() == (try foundationJSON(log)), "scalars from \(start)")
        }
    }
}
