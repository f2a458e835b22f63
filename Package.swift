// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "osm-inject",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "osm-inject", targets: ["osm-inject"]),
        .library(name: "OSMInjector", targets: ["OSMInjector"]),
        .library(name: "LosslessYAML", targets: ["LosslessYAML"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
    ],
    targets: [
        // The C binding: libyaml from the system, found through pkg-config.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // The YAML document layer: lossless tree, byte-preserving edits, emitters. Knows nothing of Kubernetes.
        .target(
            name: "LosslessYAML",
            dependencies: ["CYAML"]
        ),
        // Generic threaded stages (a producer ahead, a parallel map that keeps order, a background value).
        // Knows nothing of YAML or OSM; the only module besides the CLI that starts threads.
        .target(name: "ThreadedPipeline"),
        // The injector core: Kubernetes and OSM models, the decision, the mutation, the bootstrap.
        .target(
            name: "OSMInjector",
            dependencies: [
                "LosslessYAML",
                "ThreadedPipeline",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
            ]
        ),
        // The command line: arguments, files, stdin/stdout, report, exit codes.
        .executableTarget(
            name: "osm-inject",
            dependencies: [
                "OSMInjector",
                "LosslessYAML",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "LosslessYAMLTests", dependencies: ["LosslessYAML"]),
        .testTarget(name: "ThreadedPipelineTests", dependencies: ["ThreadedPipeline"]),
        .testTarget(name: "OSMInjectorTests", dependencies: ["OSMInjector", "LosslessYAML"]),
        .testTarget(name: "OSMInjectCLITests", dependencies: ["osm-inject"]),
    ],
    swiftLanguageModes: [.v6]
)
