import LosslessYAML
import Testing

@testable import OSMInjector

/// Sessions and Namespace texts for the enrolment tests.
enum EnrolmentFixture {
    /// Sources made from texts, named `file0.yaml`, `file1.yaml`, …
    static func session(
        _ texts: [String], newNamespaceSource: Int? = 0,
        defaultNamespace: String = "default"
    ) throws -> EnrolmentSession {
        let sources = try texts.enumerated().map { index, text in
            EnrolmentSource(name: "file\(index).yaml", stream: try Parser().parse(Array(text.utf8)))
        }
        return try EnrolmentSession(
            sources: sources, newNamespaceSource: newNamespaceSource,
            defaultNamespace: defaultNamespace)
    }

    /// The texts of the changed sources, by index.
    static func changedTexts(_ session: EnrolmentSession) throws -> [Int: String] {
        var texts: [Int: String] = [:]
        for file in try session.changedFiles() { texts[file.source] = String(decoding: file.bytes, as: UTF8.self) }
        return texts
    }

    /// The error a command throws, or nil.
    static func thrownError(_ body: () throws(EnrolmentError) -> Void) -> EnrolmentError? {
        do {
            try body()
            return nil
        } catch {
            return error
        }
    }

    /// A Namespace object in block style.
    static func namespace(_ name: String, labels: [(String, String)] = [], annotations: [(String, String)] = [])
        -> String
    {
        var text = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: \(name)\n"
        if !labels.isEmpty { text += "  labels:\n" + labels.map { "    \($0.0): \"\($0.1)\"\n" }.joined() }
        if !annotations.isEmpty {
            text += "  annotations:\n" + annotations.map { "    \($0.0): \"\($0.1)\"\n" }.joined()
        }
        return text
    }
}
