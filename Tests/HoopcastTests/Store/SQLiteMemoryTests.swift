import Foundation
import HoopcastStore
import SQLKit
import Testing

/// ``SQLiteMemory`` reaches the connection: the pragmas read back what each setting asks for.
struct SQLiteMemoryTests {
    static func pragma(_ name: String, on store: Store) async throws -> Int {
        let row = try #require(try await store.sql.raw(SQLQueryString("PRAGMA \(name)")).first())
        return try row.decode(column: name, as: Int.self)
    }

    @Test func aServerStoreMapsNothingAndKeepsASixteenMebibyteCache() async throws {
        let path = Scratch.root.appendingPathComponent("hoopcast-mem-\(UUID()).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await Store.withOpen(.sqlite(path: path), memory: .server) { store in
            let (mapped, cache) = (
                try await Self.pragma("mmap_size", on: store), try await Self.pragma("cache_size", on: store)
            )
            #expect(mapped == 0)
            #expect(cache == -16_384)  // negative: KiB, 16 × 1,024
        }
        // The same file opened for batch work maps it (SQLite caps the request at its compile-time limit).
        try await Store.withOpen(.sqlite(path: path)) { store in
            let (mapped, cache) = (
                try await Self.pragma("mmap_size", on: store), try await Self.pragma("cache_size", on: store)
            )
            #expect(mapped > 0 && mapped <= 4 << 30)
            #expect(cache == -65_536)
        }
    }
}
