import Foundation
import HoopcastChecks
import HoopcastCore
import HoopcastEngine
import HoopcastStore
import Hummingbird
import HummingbirdTesting
import Testing

@testable import HoopcastServe

/// The pipeline page's data checks: each recent date's checks at a glance (blocked or not, by which check), and
/// every check of the most recent date with its failing rows' sample — from hand-made results, and through the
/// router on a store the real check steps ran on.
@Suite struct DashboardChecksTests {
    static let day = GameDate("2024-01-15")!

    /// A stored result of the catalogue's check `name`, as of `checkedAt`.
    static func stored(
        _ name: String, _ status: CheckStatus, on date: GameDate = day, checked: Int = 10, failed: Int = 0,
        sample: [FailingRow] = [], checkedAt: String = "2024-01-16T10:00:00Z"
    ) throws -> StoredCheckResult {
        let definition = try #require(CheckCatalogue.definition(named: name), "\(name) is not in the catalogue")
        return try StoredCheckResult(
            date: date, runID: "run-\(date)", step: definition.layer.step,
            result: CheckResult(
                definition: definition, status: status, checked: checked, failed: failed,
                summary: "\(name) found \(failed) of \(checked)", sample: sample),
            checkedAt: checkedAt)
    }

    /// The catalogue's first check of `severity` in `layer`.
    static func name(_ severity: CheckSeverity, _ layer: CheckLayer, skipping: Set<String> = []) throws -> String {
        try #require(
            CheckCatalogue.all.first {
                $0.severity == severity && $0.layer == layer && !skipping.contains($0.name)
            }
        ).name
    }

    static func page(_ checks: CheckSummaryView) -> String {
        let view = PipelineView.make(
            counts: [:], progress: [], failures: [], steps: [], lastSuccess: [:], now: .epoch, viewer: .anonymous,
            flash: nil, layout: Layout(title: "Pipeline", section: .pipeline, viewer: .anonymous), checks: checks)
        return DashboardTemplates.render(view, template: "pipeline")
    }

    @Test func aFailingErrorCheckBlocksItsDateAndIsListedFirst() throws {
        let passedRaw = try Self.name(.error, .raw)
        let blocking = try Self.name(.error, .raw, skipping: [passedRaw])
        let warning = try Self.name(.warn, .features)
        let unjudged = try Self.name(.error, .predictions)
        let passedPredictions = try Self.name(.warn, .predictions)
        let failing = FailingRow(key: "g1/PHI", values: ["score": "124", "points_sum": "83"])
        // Catalogue order, as `CheckResultReader.latest` gives it: the failing checks are not first.
        let results = [
            try Self.stored(passedRaw, .passed),
            try Self.stored(blocking, .failed, checked: 22, failed: 12, sample: [failing]),
            try Self.stored(warning, .failed, checked: 300, failed: 2, sample: [FailingRow(key: "w", values: [:])]),
            try Self.stored(unjudged, .notJudged, checked: 0),
            try Self.stored(passedPredictions, .passed),
        ]
        let earlier = GameDate("2024-01-14")!
        let oldest = GameDate("2024-01-11")!
        let view = CheckSummaryView.make(
            latest: [
                Self.day: results, earlier: [try Self.stored(passedRaw, .passed, on: earlier)],
                oldest: [try Self.stored(passedRaw, .passed, on: oldest)],
            ], limit: 2)

        // The two most recent dates, most recent first; the 15th blocked by its one failed error check.
        #expect(view.dates.map(\.date) == ["2024-01-15", "2024-01-14"])
        let row = view.dates[0]
        #expect(row.checks == 5 && row.passed == 2 && row.failedErrors == 1 && row.failedWarnings == 1)
        #expect(row.notJudged == 1)
        #expect(row.blocked && row.blockedBy == blocking && row.state == "BLOCKED" && row.stateClass == "call-under")
        #expect(row.warnings == warning && row.command == "hoopcast check --date 2024-01-15")
        #expect(!view.dates[1].blocked && view.dates[1].state == "OK" && view.dates[1].passed == 1)

        // The most recent date's checks: the blocking one, the warning, then the rest in catalogue order.
        let detail = try #require(view.detail)
        #expect(detail.date == "2024-01-15" && detail.blocked && detail.blockedBy == blocking)
        #expect(detail.rows.map(\.name) == [blocking, warning, passedRaw, unjudged, passedPredictions])
        #expect(detail.rows.map(\.status) == ["FAILED", "FAILED", "PASSED", "NOT JUDGED", "PASSED"])
        let first = detail.rows[0]
        #expect(first.severity == "error" && first.severityClass == "neg" && first.failed == 12)
        #expect(first.sample == [.init(key: "g1/PHI", values: "points_sum=83, score=124")])
        #expect(first.sampleNote == "First 1 of 12 failing rows")
        #expect(detail.rows[1].severityClass == "" && detail.rows[1].sampleNote == "First 1 of 2 failing rows")

        // An older date can be chosen; one without results falls back to the most recent.
        #expect(
            CheckSummaryView.make(latest: [Self.day: results, earlier: []], selected: earlier, limit: 7).detail?.date
                == "2024-01-15")
        let chosen = CheckSummaryView.make(
            latest: [Self.day: results, oldest: [try Self.stored(passedRaw, .passed, on: oldest)]], selected: oldest,
            limit: 7)
        #expect(chosen.detail?.date == "2024-01-11" && chosen.detail?.blocked == false)

        let html = Self.page(view)
        #expect(html.contains(#"<h2 id="h-checks">Data checks</h2>"#))
        #expect(html.contains(#"<p class="alert" id="check-blocked">2024-01-15 is blocked"#))
        #expect(html.contains("<details><summary>First 1 of 12 failing rows</summary>"))
        #expect(html.contains("<li><code>g1/PHI</code> points_sum=83, score=124</li>"))
    }

    @Test func withoutChecksThePageSaysNoneHasRun() {
        let view = CheckSummaryView.make(latest: [Self.day: []], limit: 7)
        #expect(view.dates.isEmpty && view.detail == nil)
        let html = Self.page(view)
        #expect(html.contains(#"<h2 id="h-checks">Data checks</h2>"#))
        #expect(html.contains(#"<p class="empty">No data check has run yet"#))
        #expect(!html.contains("h-check-detail"))
        #expect(!html.contains(#"id="check-dates""#) && !html.contains(#"id="checks""#))
    }

    /// The fixture's four dates run through the daily pipeline, its check steps included.
    static let ownStore = Task { try await CheckFixture.backfilled() }

    /// `<tr><th scope="row">D</th><td class="num">checks</td><td class="num">passed</td>`: a date's row.
    static func dateRow(_ date: GameDate, _ latest: [StoredCheckResult]) -> String {
        let passed = latest.filter { $0.result.status == .passed }.count
        return #"<tr><th scope="row"><a href="/pipeline?checks=\#(date)#h-check-detail">\#(date)</a></th>"#
            + #"<td class="num">\#(latest.count)</td>"#
            + #"<td class="num">\#(passed)</td>"#
    }

    @Test func thePipelinePageShowsTheStoredChecksAndABlockedDate() async throws {
        let store = try await Self.ownStore.value
        let (server, _, read, _, _) = try await DashboardRouteTests.fixture(store: store)
        let reader = CheckResultReader(db: store.sql)
        let day = try #require(CheckFixture.dates.max())
        let before = try #require(try await reader.latest(on: [day])[day])
        #expect(before.count == CheckCatalogue.all.count)
        #expect(before.contains { $0.result.status == .passed } && !before.contains { $0.result.blocks })

        // A failed error check of the date, stored after the pipeline's, with a hostile key.
        let blocking = try #require(CheckCatalogue.definition(named: "raw.box_score_completeness"))
        let hostile = "0022300555/<script>alert(1)</script>"
        let failed = try StoredCheckResult(
            date: day, runID: "dashboard-blocked", step: CatalogueRun.step,
            result: CheckResult(
                definition: blocking, status: .failed, checked: 22, failed: 1, summary: "1 of 22 teams short",
                sample: [FailingRow(key: hostile, values: ["points_sum": "83", "score": "124"])]),
            checkedAt: QueueTime.text(SystemClock().now))

        try await server.application().test(.router) { client in
            let cookie = try await DashboardRouteTests.session(client, key: read)
            let html = try await client.execute(uri: "/pipeline", method: .get, headers: cookie) { response in
                #expect(response.status == .ok)
                return DashboardRouteTests.html(response)
            }
            #expect(html.contains(#"<h2 id="h-check-detail">Checks of 2024-01-15</h2>"#))
            for stored in before {
                #expect(
                    html.contains("<code>\(stored.result.definition.name)</code>"), "\(stored.result.definition.name)")
            }
            #expect(html.contains(Self.dateRow(day, before)), "\(html)")
            for date in CheckFixture.dates {
                #expect(html.contains(#"<a href="/pipeline?checks=\#(date)#h-check-detail">\#(date)</a>"#), "\(date)")
            }
            #expect(!html.contains(#"id="check-blocked""#) && !html.contains("BLOCKED"))

            #expect(try await StoredCheckResult.write([failed], on: store.sql) == 1)
            let after = try #require(try await reader.latest(on: [day])[day])
            #expect(after.count == before.count && after.filter(\.result.blocks).map(\.runID) == ["dashboard-blocked"])
            let blocked = try await client.execute(uri: "/pipeline", method: .get, headers: cookie) {
                DashboardRouteTests.html($0)
            }
            #expect(
                blocked.contains(
                    #"<p class="alert" id="check-blocked">2024-01-15 is blocked by the failed error check "#
                        + "<code>raw.box_score_completeness</code>"))
            #expect(blocked.contains("<code>hoopcast check --date 2024-01-15</code>"))
            #expect(blocked.contains(Self.dateRow(day, after)))
            #expect(
                blocked.contains(
                    #"<span class="call call-under">BLOCKED</span> by check <code>raw.box_score_completeness</code>"#))
            // Listed first, with its sample row's key escaped.
            let table = try #require(blocked.range(of: #"<table class="data" id="checks">"#))
            let firstRow = try #require(blocked[table.upperBound...].range(of: #"<tr><th scope="row"><code>"#))
            #expect(blocked[firstRow.upperBound...].hasPrefix("raw.box_score_completeness</code>"))
            #expect(blocked.contains("<li><code>0022300555/&lt;script&gt;alert(1)&lt;/script&gt;</code>"))
            #expect(!blocked.contains("<script>alert") && !blocked.contains(hostile))

            // A date's link shows that date's checks; a date that is not one is a 400 naming the parameter.
            let earlier = try await client.execute(uri: "/pipeline?checks=2024-01-14", method: .get, headers: cookie) {
                DashboardRouteTests.html($0)
            }
            #expect(earlier.contains(#"<h2 id="h-check-detail">Checks of 2024-01-14</h2>"#))
            #expect(!earlier.contains(#"id="check-blocked""#))
            try await client.execute(uri: "/pipeline?checks=yesterday", method: .get, headers: cookie) {
                #expect($0.status == .badRequest)
                #expect(DashboardRouteTests.html($0).contains("checks"))
            }
        }
    }
}
