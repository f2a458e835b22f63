import Foundation

/// The `AdmissionReview` osm-injector answers with, serialized as Go's `json.Marshal` writes
/// `admissionv1.AdmissionReview` (k8s.io/api v0.26.3): `kind`, `apiVersion` (each left out when empty),
/// then `response` with `uid`, `allowed`, `status`, `patch` (base64), `patchType`.
public struct AdmissionReviewResponse: Sendable, Equatable {
    /// Copied from the request (empty when it could not be decoded).
    public var kind: String
    public var apiVersion: String
    public var uid: String
    public var allowed: Bool
    /// `status.message`, set for every error.
    public var message: String?
    /// The JSON patch bytes, set when the pod is mutated.
    public var patch: [UInt8]?

    public init(
        kind: String, apiVersion: String, uid: String, allowed: Bool, message: String? = nil,
        patch: [UInt8]? = nil
    ) {
        self.kind = kind
        self.apiVersion = apiVersion
        self.uid = uid
        self.allowed = allowed
        self.message = message
        self.patch = patch
    }

    /// `webhook.AdmissionError`: a fresh response with only the message — no uid, not allowed.
    public static func error(_ message: String, kind: String = "", apiVersion: String = "") -> AdmissionReviewResponse {
        AdmissionReviewResponse(kind: kind, apiVersion: apiVersion, uid: "", allowed: false, message: message)
    }

    /// The response body, byte for byte as the webhook writes it (no final line break).
    public var json: String {
        var out = "{"
        if !kind.isEmpty { out += "\"kind\":" + GoJSONEncoder.quote(kind) + "," }
        if !apiVersion.isEmpty { out += "\"apiVersion\":" + GoJSONEncoder.quote(apiVersion) + "," }
        out += "\"response\":{\"uid\":" + GoJSONEncoder.quote(uid) + ",\"allowed\":" + (allowed ? "true" : "false")
        if let message {
            out += ",\"status\":{\"metadata\":{}"
            if !message.isEmpty { out += ",\"message\":" + GoJSONEncoder.quote(message) }
            out += "}"
        }
        if let patch, !patch.isEmpty {
            out += ",\"patch\":\"" + Data(patch).base64EncodedString() + "\",\"patchType\":\"JSONPatch\""
        }
        return out + "}}"
    }
}
