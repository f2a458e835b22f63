import LosslessYAML

/// The parts of an `admission.k8s.io/v1` AdmissionReview the webhook reads, or why it could not be decoded.
public struct AdmissionRequest: Sendable {
    /// The review's `kind` and `apiVersion`, echoed in the response.
    public var kind = ""
    public var apiVersion = ""
    /// `request.uid`, `request.namespace`; nil request when absent or null.
    public var request: Request?

    /// What `request` holds.
    public struct Request: Sendable {
        public var uid: String
        public var namespace: String
        /// The pod document built from `request.object` (nil when the object is absent or null).
        public var pod: YAMLStream?
        /// Why `request.object` does not decode into a Pod, in Go's words.
        public var podError: String?
    }

    /// Decodes `bytes` as the universal deserializer would; throws the message osm-injector answers with.
    public static func decode(_ bytes: [UInt8]) throws(AdmissionDecodeError) -> AdmissionRequest {
        let looksLikeJSON = bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) } == UInt8(ascii: "{")
        let stream: YAMLStream
        do {
            stream = try Parser().parse(bytes)
        } catch {
            throw AdmissionDecodeError(message: parseMessage(error, bytes: bytes, json: looksLikeJSON))
        }
        var review = AdmissionRequest()
        guard let document = stream.documents.first, !document.root.isNull else { return review }
        let root = ObjectView(document: document)
        let kindPrefix = "couldn't get version/kind; json parse error: json: "
        guard root.node.pairs != nil else {
            throw AdmissionDecodeError(
                message: kindPrefix + "cannot unmarshal \(jsonType(of: root.node)) into Go value of type struct { "
                    + "APIVersion string \"json:\\\"apiVersion,omitempty\\\"\"; "
                    + "Kind string \"json:\\\"kind,omitempty\\\"\" }")
        }
        review.kind = try string(root, "kind", prefix: kindPrefix, owner: "")
        review.apiVersion = try string(root, "apiVersion", prefix: kindPrefix, owner: "")
        guard let requestNode = root.node["request"], !requestNode.isNull else { return review }
        let request = ObjectView(node: requestNode, document: document, path: "request")
        guard request.node.pairs != nil else {
            throw AdmissionDecodeError(
                message: "json: cannot unmarshal \(jsonType(of: request.node)) into Go struct field "
                    + "AdmissionReview.request of type v1.AdmissionRequest")
        }
        let uid = try string(request, "uid", prefix: "json: ", owner: "AdmissionRequest.request.")
        let namespace = try string(request, "namespace", prefix: "json: ", owner: "AdmissionRequest.request.")
        var decoded = Request(uid: uid, namespace: namespace)
        if let object = request.node["object"], !object.isNull {
            if object.pairs == nil {
                decoded.podError = "json: cannot unmarshal \(jsonType(of: object)) into Go value of type v1.Pod"
            } else {
                do {
                    decoded.pod = try PodDocument.make(object, in: stream.source)
                } catch {
                    decoded.podError = error.message
                }
            }
        } else {
            decoded.podError = "unexpected end of JSON input"
        }
        review.request = decoded
        return review
    }

    /// A string member, or "" when absent; another type is a decoding error.
    private static func string(
        _ object: ObjectView, _ key: String, prefix: String,
        owner: String
    ) throws(AdmissionDecodeError) -> String {
        guard let node = object.node[key], !node.isNull else { return "" }
        guard let scalar = node.scalar, scalar.style != .plain || GoJSONReader.plain(scalar.value).isString else {
            throw AdmissionDecodeError(
                message: prefix
                    + "cannot unmarshal \(jsonType(of: node)) into Go struct field \(owner).\(key) of type string")
        }
        return scalar.value
    }

    /// The JSON type name Go's errors use for a node.
    static func jsonType(of node: Node) -> String {
        if node.pairs != nil { return "object" }
        if node.items != nil { return "array" }
        guard let scalar = node.scalar, scalar.style == .plain else { return "string" }
        switch GoJSONReader.plain(scalar.value) {
        case .bool: return "bool"
        case .number: return "number"
        default: return "string"
        }
    }

    /// The decoder's message for input that does not parse: Go's JSON error for a truncated JSON body, else
    /// go-yaml's `yaml: [line N: ]problem` (libyaml's problem without its context).
    private static func parseMessage(_ error: YAMLError, bytes: [UInt8], json: Bool) -> String {
        var problem = error.message
        if problem.hasPrefix("while "), let comma = problem.range(of: ", ") {
            problem = String(problem[comma.upperBound...])
        }
        if json {
            let end = bytes.lastIndex { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }.map { $0 + 1 } ?? 0
            let truncated = (error.mark?.offset ?? 0) >= end
            return "couldn't get version/kind; json parse error: "
                + (truncated ? "unexpected end of JSON input" : problem)
        }
        let line = (error.mark?.line ?? 1) - 1
        return "yaml: " + (line > 0 ? "line \(line): " : "") + problem
    }
}

/// The AdmissionReview itself could not be decoded: the message of the error response.
public struct AdmissionDecodeError: Error, Sendable, Equatable {
    public var message: String
}

extension GoJSONValue {
    var isString: Bool {
        if case .string = self { return true }
        return false
    }
}
