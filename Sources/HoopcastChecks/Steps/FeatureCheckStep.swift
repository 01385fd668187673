import HoopcastAnalytics
import HoopcastCore
import HoopcastEngine
import HoopcastIngest
import HoopcastStore
import SQLKit

/// `check.features`: the feature layer's checks (``FeatureChecks``) on the date's feature rows, after
/// `features.player_market` and before `predict.systems`. The date's rows are read once and kept as later dates'
/// drift reference (``DriftHistory``: the trailing 30 days' gated rows); the box scores the recomputation needs come
/// through a dated cache; both are reused from one date to the next in a backfill (re-read where the change
/// counters moved) — which is why the step also waits for the previous date's features. A failed `error` check
/// blocks the date (``CheckRecorder``).
public struct FeatureCheckStep: Step {
    public let name = CheckLayer.features.step
    public let upstream = ["features.player_market"]
    public let previousDateUpstream = ["features.player_market"]
    /// Players whose rows are rebuilt from the raw rows each date (``RecomputeCheck``).
    public let sampledPlayers: Int
    let clock: any WallClock
    let history = DriftHistory()
    let recomputer = FeatureRecomputer()
    /// Where the feature step hands over the rows it committed (read from the store when absent or stale).
    let handoff: FeatureHandoff?

    /// Creates the step; `sampledPlayers` players' rows are rebuilt each date; with a `handoff`, the date's rows
    /// come from it while they are what the store holds.
    public init(sampledPlayers: Int = 4, clock: any WallClock = SystemClock(), handoff: FeatureHandoff? = nil) {
        precondition(sampledPlayers >= 0)
        self.sampledPlayers = sampledPlayers
        self.clock = clock
        self.handoff = handoff
    }

    /// The date's inputs as the store holds them now.
    public func inputs(date: GameDate, store: Store) async throws -> FeatureCheckInputs {
        let db = store.sql
        // The change counters first (the window and the date itself): rows read after them are at least as new.
        let versions = try await PartitionVersions.read(
            [FeatureReader.table], from: date.adding(days: -DriftCheck.windowDays).description,
            before: date.adding(days: 1).description, on: db)
        let rows = try await rows(on: date, db: db)
        let schedule = try await RawReader(db: db).games(on: date)
        let known = try await RawReader(db: db).playersWithGames(among: Set(rows.map(\.playerID)), before: date)
        let reference = try await history.reference(before: date, versions: versions, db: db)
        await history.remember(rows, of: date, version: versions[date.description] ?? 0)
        let players = FeatureRecomputer.sample(rows, date: date, size: sampledPlayers)
        let recomputation = try await recomputer.rebuild(
            date: date, players: players, stored: rows, schedule: schedule, db: db)
        return FeatureCheckInputs(
            date: date, rows: rows, games: schedule, knownPlayers: known, reference: reference,
            recomputation: recomputation)
    }

    /// The date's rows: handed over by the feature step while they are what the store holds, else read (in no
    /// particular order: no check depends on it).
    private func rows(on date: GameDate, db: any SQLDatabase) async throws -> [StoredFeatureRow] {
        if let handed = try await handoff?.handed(on: date, db: db) { return handed }
        return try await FeatureReader(db: db).unorderedRows(on: date)
    }

    /// Every feature check's verdict for `date`, without storing anything.
    public func evaluate(date: GameDate, store: Store) async throws -> [CheckResult] {
        FeatureChecks.evaluate(try await inputs(date: date, store: store))
    }

    public func run(date: GameDate, context: StepContext) async throws -> StepReport {
        let results = try await evaluate(date: date, store: context.store)
        return try await CheckRecorder.record(
            results, step: name, date: date, checkedAt: QueueTime.text(clock.now), context: context)
    }
}
