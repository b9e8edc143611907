// swift-tools-version: 6.1
// ArchiveOps — daily inspection, operations records and the report/training site for the
// enterprise e-archive sharing center (企业电子档案资源共享中心).
//
// The targets follow the one-way pipeline of docs/ARCHITECTURE.md:
//   ArchiveEngine (center, checks, imports, operations store)
//   → ArchiveAnalysis (pure report models)
//   → SiteBuilder (templates + content → Output/)
//   → ArchiveOpsCLI (the `archive-ops` executable, thin commands).
// ArchiveSamples (the sample center, the demo inputs and the demo seal) sits beside the pipeline: it writes
// centers and exports for the engine to read, and only the CLI and the tests use it.
import PackageDescription

let package = Package(
    name: "ArchiveOps",
    defaultLocalization: "zh-Hans",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "archive-ops", targets: ["ArchiveOpsCLI"]),
        .library(name: "Forecasting", targets: ["Forecasting"]),
        .library(name: "ArchiveEngine", targets: ["ArchiveEngine"]),
        .library(name: "ArchiveAnalysis", targets: ["ArchiveAnalysis"]),
        .library(name: "SiteBuilder", targets: ["SiteBuilder"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/apple/swift-certificates", exact: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1", exact: "1.7.4"),
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // cmark-gfm and its extensions from Debian (libcmark-gfm-dev, libcmark-gfm-extensions-dev).
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // libxml2 from Debian (libxml2-dev): metadata.xml is read with its SAX2 parser (see MetadataSAXParser).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // One C function: the atomic directory exchange (renameat2) used to publish Output/.
        .target(name: "CAtomicSwap"),
        // One C function: getdents64, so that a store folder is listed without a DIR stream (see DirectoryListing).
        .target(name: "CDirectoryEntries"),
        // Capacity forecasts (容量预测): pure math on plain values, no SQL and no files. Its own module because
        // both the engine's disk check and the analysis (dashboard, monthly summary, sizing page) call the one
        // forecast function, and the engine cannot import the analysis.
        .target(name: "Forecasting"),
        .target(
            name: "ArchiveEngine",
            dependencies: [
                "Forecasting", "CDirectoryEntries", "CLibXML2",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API for the query_log import's inner loop (a million rows without per-row allocation).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // Sample data: the sample center (样例中心) with its injected faults, the demo's import files and
        // the demo seal that signs sample volumes. Kept out of the engine so that the inspection library
        // has no certificate-minting or PDF-writing API.
        .target(
            name: "ArchiveSamples",
            dependencies: [
                "ArchiveEngine",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ]
        ),
        .target(
            name: "ArchiveAnalysis",
            dependencies: ["ArchiveEngine", "Forecasting"]
        ),
        // The default theme: Mustache layouts, partials and the stylesheet, shipped inside the binary's
        // resource bundle. A workspace's own Templates/ overrides them file by file (like a Hugo theme).
        .target(
            name: "SiteTheme",
            path: "Templates",
            sources: ["SiteTheme.swift"],
            resources: [.copy("layouts"), .copy("partials"), .copy("static"), .copy("i18n")]
        ),
        // The training manuals (Markdown), shipped the same way; a workspace's Content/ overrides them.
        .target(
            name: "TrainingContent",
            path: "Content",
            sources: ["TrainingContent.swift"],
            resources: [.copy("training")]
        ),
        .target(
            name: "SiteBuilder",
            dependencies: [
                "ArchiveEngine", "ArchiveAnalysis", "Forecasting", "SiteTheme", "TrainingContent", "CCmarkGFM", "CAtomicSwap",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // Acceptance bundles (验收材料): the deterministic ZIP, its manifest, the detached CMS signature
        // over the manifest, and the verifier that reads a bundle without extracting it.
        .target(
            name: "AcceptanceBundle",
            dependencies: [
                "ArchiveEngine",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ]
        ),
        .executableTarget(
            name: "ArchiveOpsCLI",
            dependencies: [
                "ArchiveEngine", "ArchiveAnalysis", "SiteBuilder", "ArchiveSamples", "AcceptanceBundle", "Forecasting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What the test targets share: the built CLI as a subprocess, scratch folders, Tests/Fixtures/, the
        // center and seal fixtures, and one assertion for command results. Used by tests only.
        .target(
            name: "ArchiveOpsTestSupport",
            dependencies: [
                "ArchiveEngine",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Tests/ArchiveOpsTestSupport"
        ),
        .testTarget(name: "ForecastingTests", dependencies: ["Forecasting"]),
        .testTarget(
            name: "ArchiveEngineTests",
            dependencies: [
                "ArchiveEngine", "ArchiveSamples", "ArchiveOpsTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ]
        ),
        .testTarget(
            name: "ArchiveAnalysisTests",
            dependencies: ["ArchiveAnalysis", "ArchiveEngine", "Forecasting", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "SiteBuilderTests",
            dependencies: [
                "SiteBuilder", "SiteTheme", "ArchiveEngine", "ArchiveOpsTestSupport", "ArchiveAnalysis", "Forecasting",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "ArchiveOpsCLITests",
            dependencies: [
                "ArchiveEngine", "ArchiveAnalysis", "ArchiveSamples", "SiteBuilder", "AcceptanceBundle", "ArchiveOpsTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "AcceptanceBundleTests",
            dependencies: [
                "AcceptanceBundle", "ArchiveEngine", "ArchiveSamples",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
    ],
    swiftLanguageModes: [.v5]
)
