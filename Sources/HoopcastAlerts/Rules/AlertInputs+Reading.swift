import HoopcastChecks
import HoopcastCore
import HoopcastEngine
import HoopcastIngest
import HoopcastLive
import HoopcastPredictions
import HoopcastStore

extension AlertInputs {
    /// Reads the inputs from `store` through each layer's reader, at `now`; checks of `policy`'s recent days.
    public static func read(from store: Store, at now: WallInstant, policy: AlertPolicy) async throws -> AlertInputs {
        let today = EasternTime.wallClock(of: now.date).date
        let recent = (0..<policy.lookbackDays).map { today.adding(days: -$0) }
        return AlertInputs(
            now: now,
            failedJobs: try await JobBoard(db: store.sql).jobs(status: .failed),
            checks: try await CheckResultReader(db: store.sql).latest(on: recent),
            sources: try await SourceHealthBoard(db: store.sql).all(),
            today: (
                today, try await RawReader(db: store.sql).games(on: today).count,
                try await PredictionReader(db: store.sql).count(on: today)
            ))
    }
}
