import HoopcastIngest

/// The raw tables live sources write to, each with the record type that validates its rows.
public enum RawDataset: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case games
    case playerBoxscores = "player_boxscores"
    case gameLines = "game_lines"
    case propLines = "prop_lines"
    case injuries
    case standings
    case playByPlay = "play_by_play"
    case sourceGames = "source_games"
    case sourceBoxscores = "source_boxscores"
    case sourcePlayers = "source_players"

    /// The record type (validation, table, natural key).
    public var record: any DatasetRecord.Type {
        switch self {
        case .games: return GameRecord.self
        case .playerBoxscores: return BoxScoreRecord.self
        case .gameLines: return GameLineRecord.self
        case .propLines: return PropLineRecord.self
        case .injuries: return InjuryRecord.self
        case .standings: return StandingRecord.self
        case .playByPlay: return PlayByPlayRecord.self
        case .sourceGames: return SourceGameRecord.self
        case .sourceBoxscores: return SourceBoxScoreRecord.self
        case .sourcePlayers: return SourcePlayerRecord.self
        }
    }

    /// Write order: games before the rows that refer to them.
    public static func < (lhs: RawDataset, rhs: RawDataset) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Rows parsed from one payload, as column → text maps per raw table (validated later by the record types).
public struct ParsedRows: Sendable, Hashable {
    /// Rows per dataset.
    public var rows: [RawDataset: [[String: String]]] = [:]
    /// What the payload held but the parser deliberately turned into no row, counted by reason (e.g. `market 346
    /// not mapped`), so that nothing is dropped silently; empty for most endpoints.
    public var skipped: [String: Int] = [:]

    /// Creates an empty result.
    public init() {}

    /// Appends a row to `dataset`.
    public mutating func append(_ row: [String: String], to dataset: RawDataset) {
        rows[dataset, default: []].append(row)
    }

    /// Counts `count` items skipped for `reason`.
    public mutating func skip(_ reason: String, count: Int = 1) {
        skipped[reason, default: 0] += count
    }

    /// Rows per dataset name.
    public var counts: [String: Int] {
        Dictionary(uniqueKeysWithValues: rows.map { ($0.key.rawValue, $0.value.count) })
    }

    /// Rows in all datasets.
    public var total: Int { rows.values.reduce(0) { $0 + $1.count } }
}
