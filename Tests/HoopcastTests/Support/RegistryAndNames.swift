import HoopcastIngest
import HoopcastStore

/// Runs what `hoopcast import` runs after loading files: registry rebuild and name resolution.
enum RegistryAndNames {
    static func prepare(_ store: Store) async throws {
        try await RegistryBuilder(store: store).rebuild(runID: "test")
        _ = try await NameResolutionPass(store: store).run(runID: "test")
    }
}
