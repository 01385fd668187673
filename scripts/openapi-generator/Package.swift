// swift-tools-version:6.1
// Builds the OpenAPI generator alone, so the main package neither depends on it nor runs its build plugin.
// Used by scripts/generate-openapi.sh; its build folder is .build-openapi-generator (ignored by git).
import PackageDescription

let package = Package(
    name: "openapi-generator-runner",
    dependencies: [
        .package(url: "https://github.com/apple/swift-openapi-generator", from: "1.14.3")
    ]
)
