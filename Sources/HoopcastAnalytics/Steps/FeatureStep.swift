import HoopcastCore
import HoopcastEngine
import HoopcastStore
import SQLKit

/// `features.player_market` (phase 4): feature set ``Feature/version`` for every active player of every game on the
/// date and every market, point in time, in batch. Rows that fail the gate are stored with the gate ``FeatureGate/skip`` and
/// the reason; a player listed out on the injury report (official, else live) in force at their game's prediction time
/// (``InjuryReportCut``) is one of them. Idempotent: only rows whose content changed are written (``PartitionWriter``).
///
/// The line of each (player, market) is chosen here, once, by the run's ``LinePolicy`` (the consensus, or the first
/// configured book that quotes the player) and stored beside the features with its book, prices and snapshot
/// time; the predictions use exactly that line and never read raw quotes.
public struct FeatureStep: Step {
    public let name = "features.player_market"
    public let upstream = ["context.upcoming"]

    /// Player and team games before the date, reused from one date to the next within a process (a backfill).
    let playerGames = DatedCache<PlayerGameRow>(windowDays: FeatureInputLoader.historyDays)
    let teamGames = DatedCache<TeamGameRow>(windowDays: FeatureInputLoader.historyDays)

    /// How the line of each (player, market) is chosen.
    public let linePolicy: LinePolicy
    /// Where each committed date's rows are handed to the steps that read them next, when given.
    let handoff: FeatureHandoff?

    /// Creates the step; with a `handoff`, each committed date's rows are kept there (``FeatureHandoff``).
    public init(linePolicy: LinePolicy = .consensus, handoff: FeatureHandoff? = nil) {
        self.linePolicy = linePolicy
        self.handoff = handoff
    }

    static let writer = PartitionWriter(StoredFeatureRow.table)

    public func run(date: GameDate, context: StepContext) async throws -> StepReport {
        let db = context.store.sql
        let (inputs, excluded) = try await FeatureInputLoader(
            db: db, playerGames: playerGames, teamGames: teamGames,
            linePolicy: linePolicy
        ).load(date: date)
        let rows = FeatureBuilder.build(inputs)
        let partition: [(column: String, value: SQLValue)] = [
            ("game_date", .text(date.description)), ("feature_version", .text(Feature.version)),
        ]
        guard !rows.isEmpty else {
            // Active players come from the team's games this season: before a team's first game there are none. A
            // date on which no team has played yet (a season opener) has no rows by definition; any other empty
            // date is a failure.
            let played = Set(inputs.teamGames.map(\.team))
            guard !inputs.contexts.isEmpty, inputs.contexts.allSatisfy({ !played.contains($0.team) }) else {
                throw StepFailure(
                    "no feature rows for \(date): no active players found for its \(inputs.contexts.count / 2) games")
            }
            let write = try await FeatureStep.writer.plan(
                partition: partition, with: [], runID: context.runID,
                in: context.store)
            let result = write.result
            try await context.commit { db in
                try await write.apply(on: db)
                return result.deleted
            }
            return StepReport(
                rowsWritten: result.deleted,
                notes: [
                    "no feature rows: none of the \(inputs.contexts.count) teams has played this season yet (season opener)"
                ])
        }
        let stored = rows.map { StoredFeatureRow($0, date: date) }
        // The counter before the plan's read: the hand-over is kept only if the commit finds it moved by this write
        // alone.
        let planned = try await PartitionVersions.version(
            of: FeatureReader.table, date: date.description, on: context.store.sql)
        let write = try await FeatureStep.writer.plan(
            partition: partition, with: stored.map(\.storedValues), runID: context.runID,
            in: context.store)
        let result = write.result
        let version = try await context.commit { db in
            try await write.apply(on: db)
            return (
                result.written + result.deleted,
                try await PartitionVersions.version(of: FeatureReader.table, date: date.description, on: db)
            )
        }
        handoff?.deposit(stored, date: date, planned: planned, committed: version, bumps: write.bumps)
        let skipped = rows.filter { $0.skipReason != nil }.count
        let ruledOut = rows.filter { $0.skipReason?.hasPrefix(FeatureBuilder.outReasonPrefix) == true }.count
        let lined = rows.filter { $0.values[.hasLine] == 1 }.count
        let quality = rows.map(\.quality).reduce(0, +) / Double(rows.count)
        var notes = [
            "\(rows.count) feature rows (\(Set(rows.map(\.playerID)).count) players × \(Market.allCases.count) markets), "
                + "\(skipped) skipped by the gate (\(ruledOut) as out on the injury report), \(lined) with a line, "
                + "mean quality \(String(format: "%.2f", quality))"
        ]
        if !excluded.isEmpty {
            notes.append(
                "quotes excluded: "
                    + excluded.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))
        }
        return StepReport(rowsWritten: result.written + result.deleted, notes: notes)
    }
}
