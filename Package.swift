// swift-tools-version:6.1
import PackageDescription

/// graywatch: a marketplace listing scanner that flags gray-market Juniper listings for review.
///
/// One library target per pipeline stage (see README "Architecture"); C is reached only through
/// the two system-library targets CCurl and CLibXML2.
let package = Package(
    name: "graywatch",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "graywatch", targets: ["graywatch"]),
        .executable(name: "graywatch-bench", targets: ["graywatch-bench"]),
        // The pipeline stages as libraries, for packages that build on graywatch by path (fuzz/Package.swift).
        .library(name: "GraywatchCore", targets: ["GraywatchCore"]),
        .library(name: "GraywatchFetch", targets: ["GraywatchFetch"]),
        .library(name: "GraywatchParse", targets: ["GraywatchParse"]),
        .library(name: "GraywatchExtract", targets: ["GraywatchExtract"]),
        .library(name: "GraywatchEnrich", targets: ["GraywatchEnrich"]),
        .library(name: "GraywatchRules", targets: ["GraywatchRules"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        // C, behind module maps and shims of static inline wrappers.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),

        // Core model: the smallest, most stable piece.
        .target(name: "GraywatchCore"),
        // 2. Fetch
        .target(name: "GraywatchFetch", dependencies: [
            "CCurl", "GraywatchCore", .product(name: "Logging", package: "swift-log"),
        ]),
        // 3. Parse
        .target(name: "GraywatchParse", dependencies: ["CLibXML2", "CParseArena"]),
        // The bump arena behind libxml2's allocation hooks that parsed trees live in (plain C, no libxml2 headers).
        .target(name: "CParseArena"),
        // 4. Extract
        .target(name: "GraywatchExtract", dependencies: ["GraywatchCore", "GraywatchParse", "GraywatchEnrich", "Yams"]),
        // 5. Enrich
        .target(name: "GraywatchEnrich", dependencies: ["GraywatchCore"]),
        // 6. Score
        .target(name: "GraywatchRules", dependencies: ["GraywatchCore", "Yams"]),
        // 7. Store
        .target(name: "GraywatchStore", dependencies: [
            "GraywatchCore", "CZstd", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "CompressNIO", package: "compress-nio"), .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // 1. Plan, on a schedule: scan profiles (YAML), query templates over the catalog, cron expressions.
        .target(name: "GraywatchSchedule", dependencies: ["GraywatchCore", "GraywatchEnrich", "Yams"]),
        // 8. Feeds: signed webhooks with retries and a dead-letter, Prometheus metrics.
        .target(name: "GraywatchFeeds", dependencies: [
            "GraywatchCore", .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Prometheus", package: "swift-prometheus"), .product(name: "Logging", package: "swift-log"),
        ]),
        // 8. Review and enforce: evidence exports (CSV, NDJSON, WARC, takedown batches).
        .target(name: "GraywatchExport", dependencies: [
            "GraywatchCore", "GraywatchStore", .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // 1 + wiring of 2–7: plan, frontier, robots, the scan loop.
        .target(name: "GraywatchScan", dependencies: [
            "GraywatchCore", "GraywatchFetch", "GraywatchParse", "GraywatchExtract", "GraywatchEnrich",
            "GraywatchRules", "GraywatchStore", "GraywatchSchedule", "GraywatchFeeds",
            .product(name: "Logging", package: "swift-log"), .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // The bundled sample marketplace, served on loopback for the demo and the tests.
        .target(name: "GraywatchSampleSite", dependencies: [
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // 8. Review: the analysts' web UI and JSON API (Hummingbird).
        .target(name: "GraywatchWeb", dependencies: [
            "GraywatchCore", "GraywatchStore", "GraywatchExport",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Crypto", package: "swift-crypto"), .product(name: "_CryptoExtras", package: "swift-crypto"),
            .product(name: "NIOPosix", package: "swift-nio"), .product(name: "Logging", package: "swift-log"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
        // The thin executable: argument parsing and wiring.
        .executableTarget(name: "graywatch", dependencies: [
            "GraywatchScan", "GraywatchStore", "GraywatchRules", "GraywatchEnrich", "GraywatchExtract",
            "GraywatchSampleSite", "GraywatchParse", "GraywatchFetch", "GraywatchExport", "GraywatchWeb",
            "GraywatchSchedule", "GraywatchFeeds",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),

        // Benchmarks (bench/*.sh): not part of the test run.
        .executableTarget(name: "graywatch-bench", dependencies: [
            "CLibXML2", "GraywatchCore", "GraywatchParse", "GraywatchExtract", "GraywatchEnrich", "GraywatchRules", "GraywatchFetch",
            "GraywatchStore",
        ]),

        // Test helpers shared by the test targets (paths of the repository's data folders).
        .target(name: "GraywatchTestSupport", dependencies: ["GraywatchStore"], path: "Tests/Support"),
        .testTarget(name: "GraywatchCoreTests", dependencies: ["GraywatchCore"]),
        .testTarget(name: "GraywatchFetchTests", dependencies: [
            "GraywatchFetch", "GraywatchTestSupport", "GraywatchSampleSite",
            .product(name: "Hummingbird", package: "hummingbird"),
        ]),
        .testTarget(name: "GraywatchParseTests", dependencies: ["GraywatchParse", "GraywatchTestSupport"]),
        .testTarget(name: "GraywatchExtractTests", dependencies: [
            "GraywatchExtract", "GraywatchParse", "GraywatchEnrich", "GraywatchFetch", "GraywatchRules", "GraywatchTestSupport",
        ]),
        .testTarget(name: "GraywatchEnrichTests", dependencies: ["GraywatchEnrich", "GraywatchTestSupport"]),
        .testTarget(name: "GraywatchRulesTests", dependencies: ["GraywatchRules", "GraywatchTestSupport"]),
        .testTarget(name: "GraywatchStoreTests", dependencies: [
            "GraywatchStore", "GraywatchTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "GraywatchExportTests", dependencies: ["GraywatchExport", "GraywatchStore", "GraywatchTestSupport"]),
        .testTarget(name: "GraywatchScanTests", dependencies: [
            "GraywatchScan", "GraywatchStore", "GraywatchSampleSite", "GraywatchEnrich", "GraywatchRules", "GraywatchTestSupport",
            "GraywatchExtract",
            .product(name: "Hummingbird", package: "hummingbird"),
        ]),
        .testTarget(name: "GraywatchWebTests", dependencies: [
            "GraywatchWeb", "GraywatchStore", "GraywatchCore", "GraywatchTestSupport",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        .testTarget(name: "GraywatchCLITests", dependencies: [
            "graywatch", "GraywatchTestSupport", "GraywatchSampleSite", "GraywatchStore",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "GraywatchScheduleTests", dependencies: [
            "GraywatchSchedule", "GraywatchEnrich", "GraywatchTestSupport",
        ]),
        .testTarget(name: "GraywatchFeedsTests", dependencies: [
            "GraywatchFeeds", "GraywatchTestSupport", .product(name: "Hummingbird", package: "hummingbird"),
        ]),
        .testTarget(name: "GraywatchSampleSiteTests", dependencies: [
            "GraywatchSampleSite", "GraywatchFetch", "GraywatchTestSupport",
        ]),
    ],
    swiftLanguageModes: [.v6]
)
