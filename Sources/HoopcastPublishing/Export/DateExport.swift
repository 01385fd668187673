import HoopcastCore

/// The JSON files `hoopcast export --date D` writes, each described by a schema in `schemas/` and encoded by the
/// house encoder (``JSONDocument``).
public struct DateExport: Sendable {
    /// `predictions.json`: every prediction of the date.
    public struct Predictions: Encodable, Sendable {
        public var date: String
        public var featureVersion: String
        public var predictions: [ExportedPrediction]
    }

    /// `best_bets.json`: the OVER/UNDER predictions, ranked by edge.
    public struct BestBets: Encodable, Sendable {
        public var date: String
        public var featureVersion: String
        public var bets: [ExportedPrediction]
    }

    /// `results.json`: the date's graded predictions.
    public struct Results: Encodable, Sendable {
        public var date: String
        public var featureVersion: String
        public var results: [ExportedResult]
    }

    /// `performance.json`: the day and the season to date per system and market.
    public struct Performance: Encodable, Sendable {
        public var date: String
        public var featureVersion: String
        public var season: String
        public var systems: [SystemPerformance]
    }

    public var predictions: Predictions
    public var bestBets: BestBets
    public var results: Results
    public var performance: Performance

    /// The files, in order: predictions, best bets, graded results, system performance.
    public static let fileNames = ["predictions.json", "best_bets.json", "results.json", "performance.json"]

    /// File name → JSON text, in ``fileNames`` order.
    public func files() throws -> [(name: String, json: String)] {
        [
            ("predictions.json", try JSONDocument.text(predictions)),
            ("best_bets.json", try JSONDocument.text(bestBets)),
            ("results.json", try JSONDocument.text(results)),
            ("performance.json", try JSONDocument.text(performance)),
        ]
    }
}
