import SQLKit

/// A change counter per (table, date) in `ops_partition_versions`, bumped in the transaction of every write that
/// changes a date's rows. Caches that keep earlier dates across the dates of a long-running process compare the
/// counters with the ones they saw and re-read the dates that changed behind their back (a late box-score
/// correction, a re-run of an old date).
public enum PartitionVersions {
    /// Adds one to the counter of `table` for each of `dates` (`YYYY-MM-DD`), through `db` (the writer's transaction).
    public static func bump(_ table: String, dates: Set<String>, on db: any SQLDatabase) async throws {
        guard !dates.isEmpty else { return }
        for chunk in dates.sorted().chunked(into: 300) {
            var query = SQLQueryString(
                "INSERT INTO ops_partition_versions (table_name, partition_date, version) VALUES ")
            for (index, date) in chunk.enumerated() {
                if index > 0 { query.appendLiteral(", ") }
                query.appendInterpolation(unsafeRaw: "(")
                query.appendInterpolation(bind: table)
                query.appendLiteral(", ")
                query.appendInterpolation(bind: date)
                query.appendLiteral(", 1)")
            }
            query.appendLiteral(
                " ON CONFLICT (table_name, partition_date) DO UPDATE SET version = ops_partition_versions.version + 1")
            try await db.raw(query).run()
        }
    }

    /// The counter of `table` for `date` (`YYYY-MM-DD`), 0 when it was never bumped — read inside a writer's
    /// transaction, the version its commit leaves.
    public static func version(of table: String, date: String, on db: any SQLDatabase) async throws -> Int {
        try await db.raw(
            """
            SELECT version FROM ops_partition_versions
            WHERE table_name = \(bind: table) AND partition_date = \(bind: date)
            """
        ).first()?.decode(column: "version", as: Int.self) ?? 0
    }

    /// The counters of `tables` summed per date in [from, before) — what a cache compares with what it saw.
    public static func read(_ tables: [String], from: String, before: String, on db: any SQLDatabase) async throws
        -> [String: Int]
    {
        var versions: [String: Int] = [:]
        for row in try await db.raw(
            """
            SELECT partition_date, SUM(version) AS version FROM ops_partition_versions
            WHERE table_name IN (\(binds: tables)) AND partition_date >= \(bind: from) AND partition_date < \(bind: before)
            GROUP BY partition_date
            """
        ).all() {
            versions[try row.value("partition_date", as: String.self)] = try row.value("version", as: Int.self)
        }
        return versions
    }
}
