import Foundation
import HoopcastCore
import HoopcastIngest
import HoopcastStore

/// Everything the raw layer's checks look at for one date, read once by `check.raw`.
public struct RawCheckInputs: Sendable {
    /// The date checked.
    public var date: GameDate
    /// The date's games with their scores when in.
    public var games: [GameResult]
    /// Every box score of the date's games.
    public var boxScores: [BoxScoreLine]
    /// Every stored pre-game line of the date.
    public var gameLines: [RawGameLine]
    /// Every prop quote of the date (all markets, resolved or not).
    public var propQuotes: [RawPropQuote]
    /// The runs that last wrote the date's raw rows, per table.
    public var writes: [RawWrite]
    /// Those runs as `ops_runs` recorded them, by run id (runs not recorded are missing).
    public var runs: [String: RecordedRun]
    /// When the check runs (decides what is due yet).
    public var now: Date

    /// Creates inputs.
    public init(
        date: GameDate, games: [GameResult], boxScores: [BoxScoreLine], gameLines: [RawGameLine],
        propQuotes: [RawPropQuote], writes: [RawWrite] = [], runs: [String: RecordedRun] = [:], now: Date
    ) {
        self.date = date
        self.games = games
        self.boxScores = boxScores
        self.gameLines = gameLines
        self.propQuotes = propQuotes
        self.writes = writes
        self.runs = runs
        self.now = now
    }
}
