// swift-tools-version:6.1
import PackageDescription

/// libFuzzer targets over graywatch's hostile-input paths, built only by fuzz/run.sh with
/// `-Xswiftc -sanitize=fuzzer,address` (see fuzz/README.md); without the fuzzer runtime they do not link. Depends on the main package by path,
/// so the normal `swift build` / `swift test` of the repository never sees these targets.
let package = Package(
    name: "graywatch-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "graywatch", path: "..")],
    targets: [
        // Loads rules, catalog and adapters once and runs one input through decode → parse → extract → enrich → score.
        .target(name: "FuzzSupport", dependencies: [
            .product(name: "GraywatchCore", package: "graywatch"),
            .product(name: "GraywatchFetch", package: "graywatch"),
            .product(name: "GraywatchParse", package: "graywatch"),
            .product(name: "GraywatchExtract", package: "graywatch"),
            .product(name: "GraywatchEnrich", package: "graywatch"),
            .product(name: "GraywatchRules", package: "graywatch"),
        ]),
        // The declaration of libFuzzer's LLVMFuzzerRunDriver, which the executables' main.swift calls.
        .target(name: "CLibFuzzer"),
        // bytes → the whole page pipeline.
        .executableTarget(name: "GraywatchFuzz", dependencies: ["FuzzSupport", "CLibFuzzer"]),
        // bytes → the text parsers: prices, identifiers, claims, conditions, robots.txt, charset sniffing.
        .executableTarget(name: "GraywatchFuzzText", dependencies: ["FuzzSupport", "CLibFuzzer"]),
    ],
    swiftLanguageModes: [.v6]
)
