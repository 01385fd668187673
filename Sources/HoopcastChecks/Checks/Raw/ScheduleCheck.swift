/// `raw.schedule` (error): the date's schedule arrived — at least one game is scheduled. A date without games has
/// nothing to run; the check says so before any step tries.
public enum ScheduleCheck {
    public static let definition = CheckDefinition(
        name: "raw.schedule", severity: .error, layer: .raw,
        compares: "games scheduled on the date in the raw schedule",
        threshold: "fails when the date has no game")

    /// The verdict on `inputs`.
    public static func evaluate(_ inputs: RawCheckInputs) -> CheckResult {
        guard inputs.games.isEmpty else {
            return .judged(
                definition, checked: inputs.games.count, failures: [], summary: "\(inputs.games.count) games")
        }
        return .judged(
            definition, checked: 1,
            failures: [FailingRow(key: "schedule/\(inputs.date)", values: ["games": "0"])],
            summary: "no game is scheduled on \(inputs.date); import or ingest its schedule first")
    }
}
