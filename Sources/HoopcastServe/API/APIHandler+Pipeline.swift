import HoopcastCore
import HoopcastEngine
import HoopcastLive

extension APIHandler {
    func getPipelineStatus(_ input: Operations.GetPipelineStatus.Input) async throws
        -> Operations.GetPipelineStatus.Output
    {
        let dates = try Parameters.integer(input.query.dates, "dates", in: 1...366, default: 14)
        let board = JobBoard(db: store.sql)
        let counts = try await JobQueue(store: store).counts()
        let body = Components.Schemas.PipelineStatus(
            jobs: .init(
                waiting: counts[.waiting] ?? 0, queued: counts[.queued] ?? 0, running: counts[.running] ?? 0,
                done: counts[.done] ?? 0, failed: counts[.failed] ?? 0),
            dates: try await board.progress(latestDates: dates).map {
                .init(date: $0.date, jobs: $0.jobs, done: $0.done, running: $0.running, failed: $0.failed)
            },
            failures: try await board.jobs(status: .failed, limit: 50).map(Components.Schemas.Job.init),
            stepDurations: try await board.stepDurations(latestDates: dates).map {
                .init(
                    step: $0.step, runs: $0.runs, medianMs: $0.median / .milliseconds(1),
                    maxMs: $0.maximum / .milliseconds(1))
            },
            sources: try await FetchManifest(store: store).lastSuccess().sorted { $0.key < $1.key }.map {
                .init(source: $0.key, lastSuccess: $0.value.date)
            })
        return .ok(.init(body: .json(body)))
    }

    func listJobs(_ input: Operations.ListJobs.Input) async throws -> Operations.ListJobs.Output {
        var after: (date: String, key: String)?
        if let cursor = try Parameters.cursor(input.query.cursor) {
            let parts = cursor.key.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
            after = (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
        }
        let limit = try Parameters.limit(input.query.limit)
        let rows = try await JobBoard(db: store.sql).jobs(
            status: input.query.status?.domain, after: after, limit: limit + 1)
        let page = rows.prefix(limit)
        let next = rows.count > limit ? page.last.map { PageCursor(key: "\($0.date)|\($0.job.key)").text } : nil
        return .ok(.init(body: .json(.init(items: page.map { .init($0.job) }, nextCursor: next))))
    }
}
