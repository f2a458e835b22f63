import LosslessYAML

/// osm-injector's admission path over the same engine as the manifests: decodes an AdmissionReview for a pod
/// CREATE, runs the `Injector` on the pod in the request's namespace, and answers with the JSON patch
/// gomodules jsonpatch v2.2.0 makes from the original and the injected pod.
public struct AdmissionReviewer: Sendable {
    /// The declared state; its default namespace is replaced by the request's.
    public var cluster: ClusterState

    public init(cluster: ClusterState) {
        self.cluster = cluster
    }

    /// The answer to one review, with the engine's report of the pod.
    public struct Outcome: Sendable {
        public var response: AdmissionReviewResponse
        /// The engine's reports (empty when the request did not get that far).
        public var reports: [WorkloadReport]
        /// The JSON patch operations (empty when the pod is not mutated).
        public var operations: [JSONPatchOperation]
    }

    /// Answers the review in `body`; throws only for input the webhook never receives.
    public func review(_ body: [UInt8]) throws(ReviewInputError) -> Outcome {
        guard !body.isEmpty else { throw ReviewInputError("empty request admission request body") }
        let decoded: AdmissionRequest
        do {
            decoded = try AdmissionRequest.decode(body)
        } catch {
            return Outcome(response: .error(error.message), reports: [], operations: [])
        }
        let kind = decoded.kind, apiVersion = decoded.apiVersion
        func failure(_ message: String, _ reports: [WorkloadReport] = []) -> Outcome {
            Outcome(response: .error(message, kind: kind, apiVersion: apiVersion), reports: reports, operations: [])
        }
        guard let request = decoded.request else { return failure("nil admission request") }
        guard let pod = request.pod, let document = pod.documents.first else {
            return failure(request.podError ?? "unexpected end of JSON input")
        }
        let podNamespace = (try? ObjectView(document: document).mapping("metadata")?.string("namespace")) ?? nil
        if let podNamespace, !podNamespace.isEmpty, podNamespace != request.namespace {
            throw ReviewInputError.namespaceMismatch(pod: podNamespace, request: request.namespace)
        }
        let allowed = AdmissionReviewResponse(kind: kind, apiVersion: apiVersion, uid: request.uid, allowed: true)
        // The webhook decodes any object into a Pod (a kind-less one, a spec-less one, a pods/exec CONNECT's
        // PodExecOptions) and injects it when the namespace and annotations say so.
        let webhookPod: YAMLStream
        do {
            webhookPod = try WebhookPod.make(pod)
        } catch {
            return failure(error.message)
        }
        var cluster = self.cluster
        cluster.settings.defaultNamespace = request.namespace
        var injector = Injector(cluster: cluster)
        injector.emitsBootstrapSecrets = false
        injector.refusesDuplicateKeys = false
        let output = injector.run(webhookPod)
        if let error = output.reports.lazy.compactMap(\.failure).first {
            return failure(Self.webhookMessage(error.message, namespace: request.namespace), output.reports)
        }
        guard output.reports.contains(where: { $0.outcome == .injected }), output.bytes != webhookPod.source else {
            return Outcome(response: allowed, reports: output.reports, operations: [])
        }
        let operations: [JSONPatchOperation]
        let patch: String
        do {
            let mutated = try Parser().parse(output.bytes)
            guard let mutatedDocument = mutated.documents.first else {
                return failure("internal: the injected pod is empty")
            }
            let original = try GoJSONReader(document: document).value(of: document.root)
            let current = WebhookPod.restoringKind(
                of: original, in: try GoJSONReader(document: mutatedDocument).value(of: mutatedDocument.root))
            operations = JSONPatch.create(from: original, to: current)
            patch = try operations.json()
        } catch let error as YAMLError {
            return failure(error.message, output.reports)
        } catch let error as JSONPatchError {
            return failure(error.message, output.reports)
        } catch {
            return failure("\(error)", output.reports)
        }
        var response = allowed
        response.patch = Array(patch.utf8)
        return Outcome(response: response, reports: output.reports, operations: operations)
    }

    /// The engine's message as the webhook words it: without the namespace the file report adds.
    static func webhookMessage(_ message: String, namespace: String) -> String {
        let suffix = " (on namespace \"\(namespace)\")"
        return message.hasSuffix(suffix) ? String(message.dropLast(suffix.count)) : message
    }
}

/// Input the webhook would never be sent (an empty body, a pod whose namespace is not the request's).
public struct ReviewInputError: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }

    /// The pod names a namespace other than the request's.
    static func namespaceMismatch(pod: String, request: String) -> ReviewInputError {
        ReviewInputError(
            "the pod's metadata.namespace \"\(pod)\" is not the request's namespace \"\(request)\" (the API server "
                + "rejects such a pod before admission)")
    }
}

extension WorkloadReport {
    /// The error of a failed object.
    var failure: InjectionError? {
        if case .failed(let error) = outcome { return error }
        return nil
    }
}
