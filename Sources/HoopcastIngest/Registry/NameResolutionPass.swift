import Foundation
import HoopcastCore
import HoopcastStore
import SQLKit

/// How many prop-line rows resolve to a player, after a ``NameResolutionPass``.
public struct NameResolutionSummary: Sendable, Hashable, Codable {
    /// Prop-line rows in the store.
    public var rows: Int
    /// Rows whose name resolved to one player.
    public var resolved: Int
    /// Rows whose name matched several players equally well.
    public var ambiguous: Int
    /// Rows whose name matched nobody.
    public var unresolved: Int
    /// Distinct (name, date, teams) entries written by this pass.
    public var written: Int

    /// `resolved / rows` (1 when there are no rows).
    public var rate: Double { rows == 0 ? 1 : Double(resolved) / Double(rows) }

    /// A one-line report.
    public var line: String {
        String(
            format: "names: %d of %d prop-line rows resolved (%.2f%%), %d ambiguous, %d unresolved",
            resolved, rows, rate * 100, ambiguous, unresolved)
    }
}

/// Resolves the books' player names on every stored prop line, and the names on every stored injury report (keyed
/// by the player's team as both home and away team), to player ids, in one batched pass:
/// one query per table in, one resolver call, one batched write out. Unresolved and ambiguous names are kept
/// (`hoopcast registry unresolved`), never dropped.
public struct NameResolutionPass: Sendable {
    /// The warehouse.
    public let store: Store

    /// Creates a pass.
    public init(store: Store) { self.store = store }

    /// Resolves every distinct (name, date, teams) and stores what changed.
    public func run(runID: String) async throws -> NameResolutionSummary {
        try await run(runID: runID, reading: store.sql) { body in try await store.transaction(body) }
    }

    /// ``run(runID:)`` inside the caller's transaction `db` (reads and writes), e.g. a step's commit.
    public func run(runID: String, on db: any SQLDatabase) async throws -> NameResolutionSummary {
        try await run(runID: runID, reading: db) { body in try await body(db) }
    }

    private func run(
        runID: String, reading db: any SQLDatabase,
        writing: (@Sendable @escaping (any SQLDatabase) async throws -> Void) async throws -> Void
    )
        async throws -> NameResolutionSummary
    {
        let resolver = try await RegistryLoader(db: db).resolver()
        let distinct = try await db.raw(
            """
            SELECT DISTINCT player_name, game_date, home_team, away_team FROM raw_prop_lines
            """
        ).all()
        let teamsByDate = try await RegistryLoader(db: db).teamsByDate()
        var keys: [(name: String, date: String, home: String, away: String)] = []
        var queries: [PlayerNameQuery] = []
        for row in distinct {
            let name = try row.value("player_name", as: String.self), date = try row.value("game_date", as: String.self)
            let home = try row.value("home_team", as: String.self), away = try row.value("away_team", as: String.self)
            let gameDate = try row.parsed(
                "game_date", in: PropLineRecord.table, key: "\(name)/\(home)/\(away)", GameDate.init)
            let teams: Set<Team> =
                home.isEmpty || away.isEmpty
                ? teamsByDate[date] ?? []
                : Set([home, away].compactMap { Team($0) })
            keys.append((name, date, home, away))
            queries.append(PlayerNameQuery(rawName: name, gameDate: gameDate, teams: teams))
        }
        // Injury reports name the player's own team: it is stored as both teams of the key, which no prop line
        // can have (a team cannot play itself), so the two kinds of names never share a key.
        for row in try await db.raw(
            """
            SELECT DISTINCT player_name, game_date, team FROM raw_injuries WHERE player_name <> ''
            """
        ).all() {
            let name = try row.value("player_name", as: String.self), date = try row.value("game_date", as: String.self)
            let code = try row.value("team", as: String.self)
            let gameDate = try row.parsed("game_date", in: "raw_injuries", key: "\(name)/\(code)", GameDate.init)
            let team = try row.parsed("team", in: "raw_injuries", key: "\(name)/\(date)", Team.init)
            keys.append((name, date, code, code))
            queries.append(PlayerNameQuery(rawName: name, gameDate: gameDate, teams: [team]))
        }
        let resolutions = resolver.resolveAll(queries)
        let stored = try await storedResolutions(db)
        var rows: [[SQLValue]] = []
        for (key, resolution) in zip(keys, resolutions) {
            let (status, playerID, match, candidates) = NameResolutionPass.columns(resolution)
            let signature = "\(status)|\(playerID.map(String.init) ?? "")|\(match ?? "")|\(candidates)"
            if stored["\(key.name)|\(key.date)|\(key.home)|\(key.away)"] == signature { continue }
            rows.append([
                .text(key.name), .text(key.date), .text(key.home), .text(key.away), .text(status),
                .int(playerID), .text(match), .text(candidates), .text(runID),
            ])
        }
        try await writing { [rows] db in
            try await BulkUpsert(
                table: "registry_name_resolutions",
                columns: [
                    "player_name", "game_date", "home_team", "away_team", "status", "player_id", "match",
                    "candidates", "run_id",
                ],
                key: ["player_name", "game_date", "home_team", "away_team"]
            ).run(rows, on: db)
        }
        var summary = try await NameResolutionPass.summary(db)
        summary.written = rows.count
        return summary
    }

    /// Row counts by resolution status over all stored prop lines.
    public static func summary(_ db: any SQLDatabase) async throws -> NameResolutionSummary {
        let counts = try await db.raw(
            """
            SELECT COALESCE(r.status, 'pending') AS status, COUNT(*) AS n
            FROM raw_prop_lines p
            LEFT JOIN registry_name_resolutions r
              ON r.player_name = p.player_name AND r.game_date = p.game_date
             AND r.home_team = p.home_team AND r.away_team = p.away_team
            GROUP BY COALESCE(r.status, 'pending')
            """
        ).all()
        var summary = NameResolutionSummary(rows: 0, resolved: 0, ambiguous: 0, unresolved: 0, written: 0)
        for row in counts {
            let n = try row.value("n", as: Int.self)
            summary.rows += n
            switch NameResolutionStatus(rawValue: try row.value("status", as: String.self)) {
            case .resolved: summary.resolved += n
            case .ambiguous: summary.ambiguous += n
            case .unresolved, nil: summary.unresolved += n  // nil: no resolution stored yet (pending)
            }
        }
        return summary
    }

    static func columns(_ resolution: PlayerNameResolution) -> (String, Int?, String?, String) {
        switch resolution {
        case .resolved(let playerID, let match):
            return (NameResolutionStatus.resolved.rawValue, playerID, match.rawValue, "")
        case .ambiguous(let candidates):
            return (
                NameResolutionStatus.ambiguous.rawValue, nil, nil,
                candidates.sorted().map(String.init).joined(separator: ",")
            )
        case .unresolved: return (NameResolutionStatus.unresolved.rawValue, nil, nil, "")
        }
    }

    private func storedResolutions(_ db: any SQLDatabase) async throws -> [String: String] {
        var result: [String: String] = [:]
        for row in try await db.raw(
            """
            SELECT player_name, game_date, home_team, away_team, status, player_id, match, candidates
            FROM registry_name_resolutions
            """
        ).all() {
            let key =
                "\(try row.value("player_name", as: String.self))|\(try row.value("game_date", as: String.self))|"
                + "\(try row.value("home_team", as: String.self))|\(try row.value("away_team", as: String.self))"
            let playerID = try row.value("player_id", as: Int?.self)
            result[key] =
                "\(try row.value("status", as: String.self))|\(playerID.map(String.init) ?? "")|"
                + "\(try row.value("match", as: String?.self) ?? "")|\(try row.value("candidates", as: String.self))"
        }
        return result
    }
}
