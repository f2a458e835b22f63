// PLACEHOLDER written by the lead engineer so the package builds; the Quantity helper owns this file and
// replaces it entirely with the real implementation (same API: init?(_:), canonical).

/// A Kubernetes resource quantity.
struct Quantity: Sendable, Equatable {
    let canonical: String
    init?(_ text: String) {
        guard !text.isEmpty else { return nil }
        canonical = text
    }
}
