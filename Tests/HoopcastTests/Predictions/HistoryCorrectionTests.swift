import Foundation
import HoopcastCore
import HoopcastEngine
import HoopcastStore
import Testing

/// One dated cache that notices changed history: a long-running worker keeps its caches across dates, and a box
/// score corrected after the fact must reach its next predictions exactly as a fresh process would see it.
struct HistoryCorrectionTests {
    /// Edits the assists of the `2024-01-10` box score with the most minutes (+4).
    static func correctedAssists(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        let (date, minutes, assists) = (
            header.firstIndex(of: "game_date")!, header.firstIndex(of: "minutes")!, header.firstIndex(of: "ast")!
        )
        let target = lines.indices.dropFirst().filter { index in
            let fields = lines[index].split(separator: ",", omittingEmptySubsequences: false)
            return fields.count == header.count && fields[date] == "2024-01-10"
        }.max { Double(lines[$0].split(separator: ",")[minutes])! < Double(lines[$1].split(separator: ",")[minutes])! }!
        var fields = lines[target].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[assists] = String(Int(fields[assists])! + 4)
        lines[target] = fields.joined(separator: ",")
        return lines.joined(separator: "\n")
    }

    /// The worker runs 2024-01-08 … 2024-01-15; a correction to a box score of 2024-01-10 (D − 5) is imported; the
    /// same worker (same step instances, same caches) runs 2024-01-16. A fresh process re-running 2024-01-16 then
    /// finds nothing to change: the worker's predictions equal a fresh process's.
    @Test(arguments: TestEngine.available)
    func aCorrectionFiveDaysBackReachesTheNextPredictions(engine: TestEngine) async throws {
        let worker = try PredictionStepTests.pipeline()
        let (store, _) = try await PredictionStepTests.backfilled(engine: engine, pipeline: worker)
        let corrected = try TestStore.fixtureCopy(editing: "player_boxscores.csv", Self.correctedAssists)
        let report = try await TestStore.importDirectory(corrected, into: store)
        #expect(report.files.first { $0.name == "player_boxscores.csv" }?.updated == 1)

        let next = GameDate("2024-01-16")!
        let run = try await PipelineRunner(pipeline: worker, store: store).run(date: next, runID: "worker")
        #expect(run.succeeded, "\(run.steps.compactMap(\.error))")
        let byWorker = try await TestStore.canonicalRows(store, "predictions_player_props", excluding: ["run_id"])

        let fresh = try await PipelineRunner(pipeline: try PredictionStepTests.pipeline(), store: store)
            .run(date: next, runID: "fresh")
        #expect(fresh.succeeded)
        for step in fresh.steps {
            #expect(step.report?.rowsWritten == 0, "\(step.step) rewrote \(step.report?.rowsWritten ?? -1) rows")
        }
        #expect(try await TestStore.canonicalRows(store, "predictions_player_props", excluding: ["run_id"]) == byWorker)
        try await store.close()
    }
}
