// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "Hoopcast",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "hoopcast", targets: ["hoopcast"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird", from: "2.1.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
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
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "HoopcastEngine",
            dependencies: [
                "HoopcastCore", "HoopcastStore", .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "HoopcastIngest",
            dependencies: [
                "HoopcastCore", "HoopcastStore", "HoopcastEngine", "CZlib",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "HoopcastLive",
            dependencies: [
                "HoopcastCore", "HoopcastStore", "HoopcastIngest", "HoopcastEngine", "CZlib",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "HoopcastStub",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "HoopcastAnalytics",
            dependencies: ["HoopcastCore", "HoopcastStore", "HoopcastEngine", "HoopcastIngest"],
            swiftSettings: strict
        ),
        .target(name: "HoopcastModels", dependencies: ["HoopcastCore"], swiftSettings: strict),
        .target(
            name: "HoopcastGrading",
            dependencies: [
                "HoopcastCore", "HoopcastStore", "HoopcastEngine", "HoopcastIngest", "HoopcastAnalytics",
                "HoopcastModels", "HoopcastPredictions", .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "HoopcastPublishing",
            dependencies: [
                "HoopcastCore", "HoopcastStore", "HoopcastIngest", "HoopcastPredictions", "HoopcastGrading",
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "HoopcastPredictions",
            dependencies: [
                "HoopcastCore", "HoopcastStore", "HoopcastEngine", "HoopcastIngest", "HoopcastAnalytics",
                "HoopcastModels",
            ],
            swiftSettings: strict
        ),
        .target(
            name: "HoopcastServe",
            dependencies: [
                "HoopcastCore", "HoopcastStore", "HoopcastEngine", "HoopcastIngest", "HoopcastAnalytics",
                "HoopcastPredictions", "HoopcastGrading", "HoopcastPublishing", "HoopcastLive", "HoopcastChecks",
                "HoopcastAlerts", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "HoopcastChecks",
            dependencies: [
                "HoopcastCore", "HoopcastStore", "HoopcastEngine", "HoopcastIngest", "HoopcastAnalytics",
                "HoopcastPredictions", "HoopcastGrading", .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "HoopcastAlerts",
            dependencies: [
                "HoopcastCore", "HoopcastStore", "HoopcastEngine", "HoopcastIngest", "HoopcastPredictions",
                "HoopcastGrading", "HoopcastLive", "HoopcastChecks",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "HoopcastCLI",
            dependencies: [
                "HoopcastCore", "HoopcastStore", "HoopcastEngine", "HoopcastIngest", "HoopcastAnalytics",
                "HoopcastPredictions", "HoopcastGrading", "HoopcastPublishing", "HoopcastLive", "HoopcastChecks",
                "HoopcastServe", "HoopcastAlerts",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                "HoopcastModels",
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "hoopcast-bench-live",
            dependencies: [
                "HoopcastCore", "HoopcastStore", "HoopcastIngest", "HoopcastLive", "HoopcastStub",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
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
                "HoopcastCore", "HoopcastStore", "HoopcastEngine", "HoopcastIngest", "HoopcastAnalytics",
                "HoopcastModels", "HoopcastGrading", "HoopcastPredictions", "HoopcastPublishing", "HoopcastCLI",
                "HoopcastChecks", .product(name: "PostgresKit", package: "postgres-kit"),
                "HoopcastLive", "HoopcastStub", "HoopcastServe", "HoopcastAlerts",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
    ]
)
