// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "UrjaDesk",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "urja-desk", targets: ["urja-desk"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        // Test only: generators for the merge's property tests (run from XCTest with a fixed seed).
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
    ],
    targets: [
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        .target(
            name: "UrjaResources",
            path: "Resources",
            exclude: [],
            sources: ["UrjaResources.swift"],
            resources: [.copy("strings"), .copy("help"), .copy("keymap.json")]
        ),
        .target(
            name: "UrjaSeeds",
            path: "seeds",
            sources: ["UrjaSeeds.swift"],
            resources: [.copy("stations.json"), .copy("partners.json"), .copy("users.json")]
        ),
        .target(
            name: "DeskModel",
            dependencies: [.product(name: "_CryptoExtras", package: "swift-crypto"),
                           .product(name: "Crypto", package: "swift-crypto"),
                           .product(name: "SystemPackage", package: "swift-system")]
        ),
        // The demo store's generator: synthetic women, stories and care; not the model.
        .target(name: "DemoData", dependencies: ["DeskModel"]),
        // Context-free terminal pieces: surface, in-memory grid, keys, styles, display widths.
        .target(name: "TerminalKit"),
        .target(name: "DeskUI", dependencies: ["DeskModel", "TerminalKit", "UrjaResources"]),
        .target(name: "CursesAdapter", dependencies: ["CNcurses", "TerminalKit"]),
        .executableTarget(
            name: "urja-desk",
            dependencies: ["DeskModel", "DemoData", "DeskUI", "CursesAdapter", "UrjaSeeds",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "urja-bench", dependencies: ["DeskModel", "DemoData", "DeskUI", "UrjaSeeds", "CursesAdapter",
                                                            .product(name: "Histogram", package: "hdrhistogram-swift")]),
        .testTarget(name: "DeskModelTests", dependencies: ["DeskModel", "DemoData"]),
        .testTarget(name: "DeskUITests", dependencies: ["DeskUI", "DeskModel", "DemoData", "UrjaSeeds"], exclude: ["__Snapshots__"]),
        .testTarget(name: "CursesAdapterTests", dependencies: ["CursesAdapter", "TerminalKit", "DeskUI"]),
        .testTarget(name: "ReplicationTests", dependencies: ["DeskModel", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "EndToEndTests", dependencies: ["urja-desk", "DeskUI", "DeskModel", "DemoData"]),
    ]
)
