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
    /// Rows already stored that this endpoint does not overwrite (``LiveEndpoint/keepsStored``).
    public var kept: Int = 0
}

/// Writes parsed rows into the raw tables through the import's validation, content hashes, idempotent upserts and
/// quarantine, inside the caller's transaction. Rows that need facts only the schedule has get them from
/// `raw_games`: game lines their NBA game id (by date, home, away), box scores their home/away flag and date (by
/// game id).
public struct RowSink: Sendable {
    /// The transaction (or database) rows are read from and written to.
    public let db: any SQLDatabase

    /// Creates a sink writing on `db`.
    public init(db: any SQLDatabase) { self.db = db }

    /// Writes every dataset of `rows` (games first); `label` names the payload in quarantine rows. Datasets in
    /// `keepStored` only gain rows whose natural key is not stored yet.
    public func write(_ rows: ParsedRows, label: String, runID: String, keepStored: Set<RawDataset> = [])
        async throws -> (writes: [DatasetWrite], issues: [ImportIssue])
    {
        var writes: [DatasetWrite] = []
        var issues: [ImportIssue] = []
        for dataset in rows.rows.keys.sorted() {
            let (datasetRows, unresolved) = try await resolve(dataset, rows.rows[dataset] ?? [], label: label)
            var (kept, toWrite) = (0, datasetRows)
            if keepStored.contains(dataset) {
                toWrite = try await unstored(dataset, datasetRows)
                kept = datasetRows.count - toWrite.count
            }
            let (summary, rowIssues) = try await FieldRowWriter.write(
                dataset.record, name: "\(label)#\(dataset.rawValue)",
                rows: toWrite, runID: runID, on: db)
            issues += unresolved + rowIssues
            writes.append(
                DatasetWrite(
                    dataset: dataset.rawValue, parsed: (rows.rows[dataset] ?? []).count,
                    inserted: summary.inserted, updated: summary.updated,
                    unchanged: summary.unchanged, rejected: summary.rejected + unresolved.count,
                    kept: kept))
        }
        return (writes, issues)
    }

    /// Fills what `dataset`'s rows take from `raw_games`; rows that cannot be completed come back as issues.
    public func resolve(_ dataset: RawDataset, _ rows: [[String: String]], label: String) async throws
        -> ([[String: String]], [ImportIssue])
    {
        switch dataset {
        case .gameLines: return try await resolveGameIDs(rows, label: label)
        case .playerBoxscores: return try await resolveHomeTeams(rows, label: label)
        default: return (rows, [])
        }
    }

    /// Fills `game_id` of rows that lack it from `raw_games`; rows with no scheduled game are returned as issues.
    func resolveGameIDs(_ rows: [[String: String]], label: String) async throws
        -> ([[String: String]], [ImportIssue])
    {
        let dates = Set(rows.filter { ($0["game_id"] ?? "").isEmpty }.compactMap { $0["game_date"] })
        guard !dates.isEmpty else { return (rows, []) }
        var ids: [String: String] = [:]
        for game in try await RawReader(db: db).games(onAnyOf: Set(dates.compactMap(GameDate.init))) {
            ids["\(game.gameDate)/\(game.homeTeam.code)/\(game.awayTeam.code)"] = game.gameID
        }
        var resolved: [[String: String]] = []
        var issues: [ImportIssue] = []
        for (offset, row) in rows.enumerated() {
            guard (row["game_id"] ?? "").isEmpty else {
                resolved.append(row)
                continue
            }
            let key = "\(row["game_date"] ?? "")/\(row["home_team"] ?? "")/\(row["away_team"] ?? "")"
            if let id = ids[key] {
                var filled = row
                filled["game_id"] = id
                resolved.append(filled)
            } else {
                issues.append(
                    ImportIssue(
                        file: "\(label)#game_lines", line: offset + 2, column: "game_id", value: key,
                        reason: "no scheduled game in raw_games for this date and teams (ingest the schedule first)"))
            }
        }
        return (resolved, issues)
    }

    /// Fills `is_home` (and `game_date`) of box-score rows that lack `is_home` from their game in `raw_games`; a row
    /// whose game is not scheduled, or whose two teams are not the scheduled ones, is returned as an issue.
    func resolveHomeTeams(_ rows: [[String: String]], label: String) async throws -> ([[String: String]], [ImportIssue])
    {
        let gameIDs = Set(rows.filter { ($0["is_home"] ?? "").isEmpty }.compactMap { $0["game_id"] })
        guard !gameIDs.isEmpty else { return (rows, []) }
        var games: [String: (date: String, home: String, away: String)] = [:]
        for game in try await RawReader(db: db).games(withIDs: gameIDs) {
            games[game.gameID] = (game.gameDate.description, game.homeTeam.code, game.awayTeam.code)
        }
        var resolved: [[String: String]] = []
        var issues: [ImportIssue] = []
        for (offset, row) in rows.enumerated() {
            guard (row["is_home"] ?? "").isEmpty else {
                resolved.append(row)
                continue
            }
            let gameID = row["game_id"] ?? "", team = row["team"] ?? "", opponent = row["opponent"] ?? ""
            let line = offset + 2, file = "\(label)#player_boxscores"
            guard let game = games[gameID] else {
                issues.append(
                    ImportIssue(
                        file: file, line: line, column: "game_id", value: gameID,
                        reason: "no scheduled game in raw_games with this id (ingest the schedule first)"))
                continue
            }
            guard Set([team, opponent]) == Set([game.home, game.away]) else {
                issues.append(
                    ImportIssue(
                        file: file, line: line, column: "team", value: "\(team) v \(opponent)",
                        reason: "game \(gameID) is \(game.away) at \(game.home) in raw_games"))
                continue
            }
            var filled = row
            filled["is_home"] = team == game.home ? "1" : "0"
            filled["game_date"] = game.date
            resolved.append(filled)
        }
        return (resolved, issues)
    }

    /// The rows whose natural key is not stored in `dataset`'s table.
    func unstored(_ dataset: RawDataset, _ rows: [[String: String]]) async throws -> [[String: String]] {
        let keys = dataset.record.keyColumns
        guard let first = keys.first?.name, !rows.isEmpty else { return rows }
        let firstValues = Set(rows.compactMap { $0[first] })
        var stored: Set<[String]> = []
        for chunk in stride(from: 0, to: firstValues.count, by: 500).map({
            Array(firstValues.sorted()[$0..<min($0 + 500, firstValues.count)])
        }) {
            var query = db.select().from(dataset.record.table).where(first, .in, chunk)
            for key in keys { query = query.column(SQLIdentifier(key.name)) }
            for row in try await query.all() {
                stored.insert(
                    try NaturalKey.values(of: row, columns: keys).map { value in
                        switch value {
                        case .int(let number): return String(number)
                        case .double(let number): return String(number)
                        case .text(let text): return text
                        case .null: return ""
                        }
                    })
            }
        }
        return rows.filter { row in !stored.contains(keys.map { (row[$0.name] ?? "").trimmingSpaces() }) }
    }
}
