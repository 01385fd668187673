import HoopcastCore
import HoopcastEngine
import HoopcastStore
import SQLKit

/// `features.player_market` (phase 4): feature set ``Feature/version`` for every active player of every game on the
/// date and every market, point in time, in batch. Rows that fail the gate are stored with `gate = 'skip'` and the
/// reason. Idempotent: only rows whose features, gate or reason changed are written.
public struct FeatureStep: Step {
    public let name = "features.player_market"
    public let upstream = ["context.upcoming"]

    /// Creates the step.
    public init() {}

    static let columns = [
        "game_id", "player_id", "market", "feature_version", "game_date", "features", "quality", "gate", "skip_reason",
        "run_id",
    ]

    public func run(date: GameDate, context: StepContext) async throws -> StepReport {
        let db = context.store.sql
        let inputs = try await FeatureInputLoader(db: db).load(date: date)
        let rows = FeatureBuilder.build(inputs)
        guard !rows.isEmpty else {
            throw StepFailure("no feature rows for \(date): no active players found for its \(inputs.contexts.count / 2) games")
        }
        var stored: [String: String] = [:]
        for row in try await db.raw("""
            SELECT game_id, player_id, market, features, gate, skip_reason FROM features_player_market
            WHERE game_date = \(bind: date.description) AND feature_version = \(bind: Feature.version)
            """).all() {
            let key = "\(try row.value("game_id", as: String.self))|\(try row.value("player_id", as: Int.self))|"
                + (try row.value("market", as: String.self))
            stored[key] = "\(try row.value("features", as: String.self))|\(try row.value("gate", as: String.self))|"
                + (try row.value("skip_reason", as: String?.self) ?? "")
        }
        var changed: [[SQLValue]] = []
        var keep: Set<String> = []
        for row in rows {
            let key = "\(row.gameID)|\(row.playerID)|\(row.market.rawValue)"
            keep.insert(key)
            let gate = row.skipReason == nil ? "pass" : "skip"
            if stored[key] == "\(row.json)|\(gate)|\(row.skipReason ?? "")" { continue }
            changed.append([.text(row.gameID), .int(row.playerID), .text(row.market.rawValue), .text(Feature.version),
                            .text(date.description), .text(row.json), .double(row.quality), .text(gate),
                            .text(row.skipReason), .text(context.runID)])
        }
        let obsolete = stored.keys.filter { !keep.contains($0) }.sorted()
        try await context.store.transaction { [changed] db in
            for key in obsolete {  // a player no longer active for this date since the last run
                let parts = key.split(separator: "|").map(String.init)
                try await db.raw("""
                    DELETE FROM features_player_market
                    WHERE game_id = \(bind: parts[0]) AND player_id = \(bind: Int(parts[1]) ?? -1)
                      AND market = \(bind: parts[2]) AND feature_version = \(bind: Feature.version)
                    """).run()
            }
            try await BulkUpsert(table: "features_player_market", columns: FeatureStep.columns,
                                 key: ["game_id", "player_id", "market", "feature_version"]).run(changed, on: db)
        }
        let skipped = rows.filter { $0.skipReason != nil }.count
        let lined = rows.filter { $0.values[.hasLine] == 1 }.count
        let quality = rows.map(\.quality).reduce(0, +) / Double(rows.count)
        return StepReport(rowsWritten: changed.count + obsolete.count, notes: [
            "\(rows.count) feature rows (\(Set(rows.map(\.playerID)).count) players × \(Market.allCases.count) markets), "
                + "\(skipped) skipped by the gate, \(lined) with a line, mean quality \(String(format: "%.2f", quality))",
        ])
    }
}
