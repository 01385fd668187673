import HoopcastCore
import HoopcastEngine
import HoopcastStore

/// `predict.consolidate`: merges the date's newest staged prediction batch into `predictions_player_props`, once per
/// date, under the date's ``DistributedLock``. A second consolidation of the same date waits for the first and then
/// finds nothing staged (or the same batch merged), so the final table is the same whichever runs first; a holder
/// whose lease was lost cannot write (the lease is verified inside the merge's transaction).
public struct ConsolidateStep: Step {
    public let name = "predict.consolidate"
    public let upstream = ["predict.systems"]
    /// How long to wait for another consolidation of the same date.
    public let lockWaitSeconds: Double
    /// The lock's lease (renewed while the merge runs).
    public let leaseSeconds: Double

    /// Creates the step.
    public init(lockWaitSeconds: Double = 120, leaseSeconds: Double = 60) {
        self.lockWaitSeconds = lockWaitSeconds
        self.leaseSeconds = leaseSeconds
    }

    /// The lock serialising consolidations of `date`.
    public static func lockName(_ date: GameDate) -> String {
        "consolidate/\(PredictStep.writer.table)/\(date)/\(Feature.version)"
    }

    public func run(date: GameDate, context: StepContext) async throws -> StepReport {
        let lock = DistributedLock(store: context.store, name: ConsolidateStep.lockName(date), owner: context.runID,
                                   leaseSeconds: leaseSeconds)
        let partition = PredictStep.partition(date)
        let merge: StagedPartitionWriter.Merge? = try await lock.withLock(waitSeconds: lockWaitSeconds) { lease in
            try await context.commit { db in
                try await lease.verify(on: db)
                let merge = try await PredictStep.writer.consolidate(partition: partition, on: db)
                return (merge.map { $0.written + $0.deleted } ?? 0, merge)
            }
        }
        guard let merge else {
            return StepReport(rowsWritten: 0, notes: ["nothing staged for \(date): already consolidated"])
        }
        return StepReport(rowsWritten: merge.written + merge.deleted, notes: [
            "batch of \(merge.batch.rows) predictions merged: \(merge.written) written, \(merge.deleted) deleted, "
                + "\(merge.batchesCleared) staged batch(es) cleared",
        ])
    }
}
