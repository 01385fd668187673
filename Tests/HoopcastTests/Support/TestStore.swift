import Foundation
import HoopcastCore
import HoopcastIngest
import HoopcastStore
import SQLKit

/// Builders for tests: fresh in-memory stores, fixture imports, table snapshots.
enum TestStore {
    /// The real-data fixture: 2023-24 games, box scores, lines and props from 2023-12-20 to 2024-01-20.
    static let fixture = TestPaths.repo("Tests/HoopcastTests/Fixtures/dataset-2024-01")

    /// A fresh, migrated in-memory store.
    static func fresh() async throws -> Store {
        try await Store.open(.sqliteMemory)
    }

    /// Imports `directory` (non-strict) into `store`.
    @discardableResult
    static func importDirectory(_ directory: URL, into store: Store, strict: Bool = false) async throws -> ImportReport
    {
        try await DatasetImporter(store: store, strict: strict)
            .importDirectory(directory, runID: RunLog.newRunID(prefix: "test"))
    }

    /// Every row of `table` as text, sorted; columns named in `excluding` are left out.
    static func snapshot(
        _ store: Store, _ table: String, excluding: Set<String> = [],
        where condition: String? = nil
    ) async throws -> [String] {
        let columns = try await store.sql.raw("SELECT name FROM pragma_table_info(\(bind: table))").all()
            .map { try $0.decode(column: "name", as: String.self) }
            .filter { !excluding.contains($0) }
        let list = columns.map { "quote(\($0))" }.joined(separator: " || '|' || ")
        let filter = condition.map { " WHERE \($0)" } ?? ""
        // Test-only SQL over constant identifiers from pragma_table_info.
        return try await store.sql.raw(SQLQueryString("SELECT \(list) AS r FROM \(table)\(filter)")).all()
            .map { try $0.decode(column: "r", as: String.self) }.sorted()
    }

    /// Copies the fixture to a temp directory, applying `edit` to the named file's text.
    static func fixtureCopy(editing file: String? = nil, _ edit: (String) -> String = { $0 }) throws -> URL {
        let target = Scratch.root
            .appendingPathComponent("hoopcast-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: fixture.path) {
            var text = try String(contentsOf: fixture.appendingPathComponent(name), encoding: .utf8)
            if name == file { text = edit(text) }
            try text.write(to: target.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return target
    }
}
