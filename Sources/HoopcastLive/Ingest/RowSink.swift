import HoopcastCore
import HoopcastIngest
import HoopcastStore
import SQLKit

/// What writing one dataset of one payload did.
public struct DatasetWrite: Sendable, Hashable, Codable {
    /// The dataset name.
    public var dataset: String
    /// Rows parsed.
    public var parsed: Int
    /// New rows stored.
    public var inserted: Int
    /// Changed rows updated.
    public var updated: Int
    /// Rows identical to what was stored.
    public var unchanged: Int
    /// Rows rejected (in `raw_import_quarantine`, with the reason).
    public var rejected: Int
}

/// Writes parsed rows into the raw tables through the import's validation, content hashes, idempotent upserts and
/// quarantine. Game lines from sources without NBA game ids get theirs from `raw_games` (date, home, away).
public struct RowSink: Sendable {
    /// The warehouse.
    public let store: Store

    /// Creates a sink.
    public init(store: Store) { self.store = store }

    /// Writes every dataset of `rows` (games first); `label` names the payload in quarantine rows.
    public func write(_ rows: ParsedRows, label: String, runID: String) async throws -> (writes: [DatasetWrite], issues: [ImportIssue]) {
        var writes: [DatasetWrite] = []
        var issues: [ImportIssue] = []
        for dataset in rows.rows.keys.sorted() {
            var datasetRows = rows.rows[dataset] ?? []
            var unresolved: [ImportIssue] = []
            if dataset == .gameLines {
                (datasetRows, unresolved) = try await resolveGameIDs(datasetRows, label: label)
            }
            let (summary, rowIssues) = try await FieldRowWriter.write(dataset.record, name: "\(label)#\(dataset.rawValue)",
                                                                      rows: datasetRows, store: store, runID: runID)
            issues += unresolved + rowIssues
            writes.append(DatasetWrite(dataset: dataset.rawValue, parsed: (rows.rows[dataset] ?? []).count,
                                       inserted: summary.inserted, updated: summary.updated,
                                       unchanged: summary.unchanged, rejected: summary.rejected + unresolved.count))
        }
        return (writes, issues)
    }

    /// Fills `game_id` of rows that lack it from `raw_games`; rows with no scheduled game are returned as issues.
    func resolveGameIDs(_ rows: [[String: String]], label: String) async throws
        -> ([[String: String]], [ImportIssue]) {
        let dates = Set(rows.filter { ($0["game_id"] ?? "").isEmpty }.compactMap { $0["game_date"] })
        guard !dates.isEmpty else { return (rows, []) }
        let stored = try await store.sql.select().columns("game_id", "game_date", "home_team", "away_team")
            .from("raw_games").where("game_date", .in, dates.sorted()).all()
        var ids: [String: String] = [:]
        for row in stored {
            let key = try row.decode(column: "game_date", as: String.self) + "/"
                + (try row.decode(column: "home_team", as: String.self)) + "/"
                + (try row.decode(column: "away_team", as: String.self))
            ids[key] = try row.decode(column: "game_id", as: String.self)
        }
        var resolved: [[String: String]] = []
        var issues: [ImportIssue] = []
        for (offset, row) in rows.enumerated() {
            guard (row["game_id"] ?? "").isEmpty else { resolved.append(row); continue }
            let key = "\(row["game_date"] ?? "")/\(row["home_team"] ?? "")/\(row["away_team"] ?? "")"
            if let id = ids[key] {
                var filled = row
                filled["game_id"] = id
                resolved.append(filled)
            } else {
                issues.append(ImportIssue(file: "\(label)#game_lines", line: offset + 2, column: "game_id", value: key,
                                          reason: "no scheduled game in raw_games for this date and teams (ingest the schedule first)"))
            }
        }
        return (resolved, issues)
    }
}
