import ArgumentParser
import HoopcastCore

/// `--from`/`--to` validation shared by the range commands.
enum DateRange {
    static func parse(from: String, to: String) throws -> (GameDate, GameDate) {
        guard let first = GameDate(from), let last = GameDate(to), first <= last else {
            throw ValidationError("--from and --to must be YYYY-MM-DD dates with --from ≤ --to (got \(from), \(to))")
        }
        return (first, last)
    }
}
