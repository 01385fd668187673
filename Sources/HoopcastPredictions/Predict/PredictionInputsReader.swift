import HoopcastAnalytics
import HoopcastCore
import HoopcastEngine
import HoopcastModels
import HoopcastStore
import SQLKit

/// Reads what the predictions of a date need, in batch: the date's gated feature rows with the line the feature
/// step chose for each (never the raw quotes: the line is chosen once), and — through the caches — the players'
/// history, calibration evidence and the systems' recent accuracy.
struct PredictionInputsReader: Sendable {
    let db: any SQLDatabase
    let history: PlayerHistory
    let calibration: DatedCache<CalibrationSample>
    let stack: DatedCache<StackEvidence>
    let graded: any GradedHistory
    /// The feature step's hand-over of the date's rows, when the pipeline has one.
    var features: FeatureHandoff? = nil

    /// Days of graded predictions behind the ensemble weights.
    static let trackDays = 60
    /// Days of graded predictions behind calibration.
    static let calibrationDays = 365

    func read(date: GameDate) async throws -> (context: PredictionContext, skipped: Int) {
        var rows: [GatedFeatureRow] = []
        var lines: [PlayerMarketKey: ChosenLine] = [:]
        var skipped = 0
        let stored =
            if let features { try await features.rows(on: date, db: db) } else {
                try await FeatureReader(db: db).rows(on: date)
            }
        for row in stored {
            guard row.gate == .pass else {
                skipped += 1
                continue
            }
            rows.append(
                GatedFeatureRow(gameID: row.gameID, playerID: row.playerID, market: row.market, features: row.values))
            if let line = row.line { lines[PlayerMarketKey(playerID: row.playerID, market: row.market)] = line }
        }
        let players = Set(rows.map(\.playerID))
        let history = try await self.history.history(of: players, before: date, db: db)
        let calibrationVersions = try await PartitionVersions.read(
            [PredictionReader.table] + graded.tables,
            from: date.adding(days: -PredictionInputsReader.calibrationDays).description, before: date.description,
            on: db)
        let samples = try await calibration.rows(before: date, versions: calibrationVersions) {
            try await graded.calibrationSamples(from: $0, before: $1)
        }
        let stackVersions = calibrationVersions.filter {
            $0.key >= date.adding(days: -StackSystem.windowDays).description
        }
        let evidence = try await stack.rows(before: date, versions: stackVersions) {
            try await graded.stackEvidence(from: $0, before: $1)
        }
        let context = PredictionContext(
            date: date, rows: rows, lines: lines, history: history, calibration: CalibrationBook(samples: samples),
            tracks: try await graded.tracks(
                from: date.adding(days: -PredictionInputsReader.trackDays), before: date),
            stack: StackEvidence.fits(evidence))
        return (context, skipped)
    }
}
