import LosslessYAML

/// Edits that hit a bug already reported, each with a disabled regression test in the test suite; the edit
/// fuzzer steers clear of them so that it keeps looking for new ones. Remove an entry when its bug is fixed.
enum KnownBugs {
    /// Whether `edit` (on the node of `site`) would hit a known bug.
    static func hits(_ edit: PlannedEdit, site: ModelSite, source: [UInt8]) -> Bool {
        false
    }
}
