import Foundation
import HoopcastCore
import HoopcastIngest
import HoopcastStore

/// `raw.freshness` (warn): the date's game lines, prop lines and — after the games — results and box scores
/// arrived, once each is due; and, for rows written by live ingestion, that they arrived by their expected time.
///
/// What the store can judge: *presence* once an arrival is due (the check runs at `now`), and the time of the
/// **run that last wrote** each row (`run_id` → `ops_runs.started_at`), not when the row first arrived — an
/// update re-stamps the row. Timeliness is therefore judged only where rows are not re-stamped by normal updates:
/// prop quotes (a new snapshot is a new row), box scores (written once; only a correction re-stamps them) and the
/// schedule while no result is in (a result re-stamps its game). Game lines are not judged (each pre-tip poll
/// re-stamps the rows whose line moved). A table counts as late only when every one of its rows was written by live
/// ingestion (`ingest …` runs) and the earliest of those runs started more than ``grace`` after the expected time.
/// Rows loaded by `import` (historical files, written long after the games) or `replay`, or by runs `ops_runs`
/// does not know, have no arrival time the store can judge; the summary says so. Expected times follow the live schedule
/// (`hoopcast schedule`): the schedule by 09:00 Eastern on the date, lines by 12:00 (pre-tip polling starts), results
/// and box scores by 03:00 the next morning (overnight ingest) — taken at UTC−5 (``UTCClock``).
public enum FreshnessCheck {
    public static let definition = CheckDefinition(
        name: "raw.freshness", severity: .warn, layer: .raw,
        compares: "arrival of the date's game lines, prop lines, results and box scores once due; live rows' "
            + "first write against the expected time",
        threshold: "fails for a game without a pre-game line after 12:00 ET, a date without prop quotes after 12:00 "
            + "ET, a game without a result or box scores after 03:00 ET next day, or live rows first written more "
            + "than 1 h after their expected time")

    /// How late the first live write may be after the expected time.
    public static let grace: Duration = .seconds(3_600)

    /// When each kind of row is expected for `date`.
    public static func expected(_ kind: RawTableKind, for date: GameDate) -> Date {
        switch kind {
        case .games: return UTCClock.eastern(date, hour: 9)
        case .gameLines, .propLines: return UTCClock.eastern(date, hour: 12)
        case .boxScores: return UTCClock.eastern(date, hour: 3, dayOffset: 1)
        }
    }

    /// The verdict on `inputs`.
    public static func evaluate(_ inputs: RawCheckInputs) -> CheckResult {
        var failures: [FailingRow] = [], checked = 0, notes: [String] = []
        func due(_ kind: RawTableKind) -> Bool { inputs.now >= expected(kind, for: inputs.date) }
        let expectedText = { (kind: RawTableKind) in UTCClock.text(expected(kind, for: inputs.date)) }
        if due(.gameLines) {
            let lined = Set(inputs.gameLines.map(\.gameID))
            for result in inputs.games {
                checked += 1
                if !lined.contains(result.game.gameID) {
                    failures.append(
                        FailingRow(
                            key: "game_lines/\(result.game.gameID)",
                            values: [
                                "game": "\(result.game.awayTeam.code)@\(result.game.homeTeam.code)",
                                "found": "no pre-game line", "expected_by": expectedText(.gameLines),
                            ]))
                }
            }
            checked += 1
            if inputs.propQuotes.isEmpty {
                failures.append(
                    FailingRow(
                        key: "prop_lines/\(inputs.date)",
                        values: ["found": "no prop quote", "expected_by": expectedText(.propLines)]))
            }
        } else {
            notes.append("lines not due before \(expectedText(.gameLines))")
        }
        if due(.boxScores) {
            let boxed = Set(inputs.boxScores.map(\.gameID))
            for result in inputs.games {
                checked += 1
                let game = "\(result.game.awayTeam.code)@\(result.game.homeTeam.code)"
                if !result.isFinal {
                    failures.append(
                        FailingRow(
                            key: "results/\(result.game.gameID)",
                            values: ["game": game, "found": "no result", "expected_by": expectedText(.boxScores)]))
                } else if !boxed.contains(result.game.gameID) {
                    failures.append(
                        FailingRow(
                            key: "box_scores/\(result.game.gameID)",
                            values: [
                                "game": game, "season_type": result.game.seasonType.rawValue,
                                "score": "\(result.awayPoints ?? 0)-\(result.homePoints ?? 0)",
                                "found": "final, no box score", "expected_by": expectedText(.boxScores),
                            ]))
                }
            }
        } else {
            notes.append("results and box scores not due before \(expectedText(.boxScores))")
        }
        let (late, unjudged) = arrivals(inputs, due: due)
        checked += late.checked
        failures += late.failures
        if !unjudged.isEmpty { notes.append("arrival times not judged: " + unjudged.joined(separator: "; ")) }
        let found = failures.isEmpty ? "all due rows present" : "\(failures.count) missing or late"
        return .judged(
            definition, checked: checked, failures: failures,
            summary: ([found] + notes).joined(separator: "; "))
    }

    /// Judges the first live write of each due table; returns the failures and, per table, why it was not judged.
    static func arrivals(_ inputs: RawCheckInputs, due: (RawTableKind) -> Bool)
        -> (late: (checked: Int, failures: [FailingRow]), unjudged: [String])
    {
        var failures: [FailingRow] = [], checked = 0, unjudged: [String] = []
        let resultsIn = inputs.games.contains { $0.isFinal }
        for kind in [RawTableKind.games, .propLines, .boxScores] where due(kind) && !(kind == .games && resultsIn) {
            let writes = inputs.writes.filter { $0.table == kind }
            guard !writes.isEmpty else { continue }
            let runs = writes.map { inputs.runs[$0.runID] }
            let live = runs.compactMap { $0 }.filter { $0.command.hasPrefix("ingest") }
            guard live.count == writes.count else {
                let sources = Set(
                    runs.map { run in run.map { String($0.command.prefix { $0 != " " }) } ?? "unrecorded run" })
                unjudged.append("\(kind.rawValue) written by \(sources.sorted().joined(separator: ", "))")
                continue
            }
            checked += 1
            let first = live.compactMap { run in UTCClock.date(run.startedAt).map { (run, $0) } }.min { $0.1 < $1.1 }
            let expectedBy = expected(kind, for: inputs.date)
            guard let (run, at) = first else { continue }
            if at > expectedBy.addingTimeInterval(grace.seconds) {
                failures.append(
                    FailingRow(
                        key: "\(kind.rawValue)/\(inputs.date)",
                        values: [
                            "first_written": run.startedAt, "run": run.runID,
                            "expected_by": UTCClock.text(expectedBy),
                        ]))
            }
        }
        return ((checked, failures), unjudged)
    }
}
