// swift-tools-version:6.0
import Foundation
import PackageDescription

/// The identity SwiftPM gives the project (a path dependency is named after its folder, whatever that is).
let root = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent.lowercased()

// libFuzzer targets for osm-inject (see docs/fuzzing.md and .ci/fuzz). Build a fuzzer with
//   swift build -c release --product InjectFuzzer -Xswiftc -sanitize=fuzzer,address
// and the plain replay tool (no sanitizer) with `swift build --product fuzz-replay`.
let package = Package(
    name: "osm-inject-fuzz",
    products: [
        .executable(name: "InjectFuzzer", targets: ["InjectFuzzer"]),
        .executable(name: "EditFuzzer", targets: ["EditFuzzer"]),
        .executable(name: "fuzz-replay", targets: ["FuzzReplay"]),
    ],
    dependencies: [
        // The project itself.
        .package(path: "..")
    ],
    targets: [
        // The invariants, shared by the fuzzers and the replay tool.
        .target(
            name: "FuzzChecks",
            dependencies: [
                .product(name: "LosslessYAML", package: root),
                .product(name: "OSMInjector", package: root),
            ]),
        // The declaration of libFuzzer's driver, which the fuzzers start from their own `main`.
        .target(name: "CFuzzerDriver"),
        // parse → inject (every namespace enabled) → write, re-parse, re-inject, uninject.
        .executableTarget(name: "InjectFuzzer", dependencies: ["FuzzChecks", "CFuzzerDriver"]),
        // Random DocumentEditor edits compared with the same edits on a plain value tree.
        .executableTarget(name: "EditFuzzer", dependencies: ["FuzzChecks", "CFuzzerDriver"]),
        // Runs the checks over files without libFuzzer: `fuzz-replay inject|edit PATH...`.
        .executableTarget(name: "FuzzReplay", dependencies: ["FuzzChecks"]),
    ],
    swiftLanguageModes: [.v6]
)
