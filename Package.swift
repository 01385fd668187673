// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Hoopcast",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "hoopcast", targets: ["hoopcast"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
    ],
    targets: [
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .target(name: "HoopcastCore", swiftSettings: strict),
        .target(
            name: "HoopcastStore",
            dependencies: [
                "HoopcastCore",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "HoopcastEngine",
            dependencies: ["HoopcastCore", "HoopcastStore", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        .target(
            name: "HoopcastIngest",
            dependencies: ["HoopcastCore", "HoopcastStore", "CZlib", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        .target(
            name: "HoopcastAnalytics",
            dependencies: ["HoopcastCore", "HoopcastStore", "HoopcastEngine"],
            swiftSettings: strict
        ),
        .target(name: "HoopcastModels", dependencies: ["HoopcastCore"], swiftSettings: strict),
        .target(name: "HoopcastGrading", dependencies: ["HoopcastCore"], swiftSettings: strict),
        .target(
            name: "HoopcastPredictions",
            dependencies: [
                "HoopcastCore", "HoopcastStore", "HoopcastEngine", "HoopcastAnalytics", "HoopcastModels", "HoopcastGrading",
            ],
            swiftSettings: strict
        ),
        .target(
            name: "HoopcastCLI",
            dependencies: [
                "HoopcastCore", "HoopcastStore", "HoopcastEngine", "HoopcastIngest", "HoopcastAnalytics",
                "HoopcastPredictions",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                "HoopcastModels",
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "hoopcast",
            dependencies: ["HoopcastCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "HoopcastTests",
            dependencies: [
                "HoopcastCore", "HoopcastStore", "HoopcastEngine", "HoopcastIngest", "HoopcastAnalytics", "HoopcastModels", "HoopcastGrading", "HoopcastPredictions", "HoopcastCLI",
                .product(name: "PostgresKit", package: "postgres-kit"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
    ]
)
