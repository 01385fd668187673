import HoopcastCore

/// Choosing the edge threshold on a development window: for each candidate, the bets it would have made (every
/// calibrated lined prediction whose better side clears it) and their results.
public enum ThresholdTuning {
    /// Candidate thresholds: 0, 0.01, …, 0.10.
    public static let candidates = (0...10).map { Double($0) / 100 }
    /// Bets a threshold needs on the window before it can be chosen.
    public static let minimumBets = 50

    /// Results at one threshold for one system (all markets).
    public struct Row: Sendable, Hashable, Codable {
        public var system: SystemName
        public var threshold: Double
        public var bets: Int
        public var wins: Int
        public var hitRate: Double?
        public var roi: Double?
    }

    /// One row per (system, candidate), in that order.
    public static func table(_ rows: [EvaluatedPrediction]) -> [Row] {
        let bySystem = Dictionary(grouping: rows, by: \.system)
        return bySystem.keys.sorted().flatMap { system in
            let bets = bySystem[system]!.compactMap {
                row -> (edge: Double, bet: (won: Bool, pushed: Bool, profit: Double))? in
                guard let edge = row.edge, let bet = Evaluation.hypotheticalBet(row) else { return nil }
                return (edge, bet)
            }
            return candidates.map { threshold in
                let taken = bets.filter { $0.edge >= threshold }.map(\.bet)
                let wins = taken.filter(\.won).count, decided = taken.filter { !$0.pushed }.count
                return Row(
                    system: system, threshold: threshold, bets: taken.count, wins: wins,
                    hitRate: decided > 0 ? Double(wins) / Double(decided) : nil,
                    roi: taken.isEmpty ? nil : taken.map(\.profit).reduce(0, +) / Double(taken.count))
            }
        }
    }

    /// The candidate with the best ROI for `system` among those with at least ``minimumBets`` bets (the smallest
    /// threshold on ties); nil when none has enough bets.
    public static func best(_ table: [Row], system: SystemName) -> Row? {
        table.filter { $0.system == system && $0.bets >= minimumBets && $0.roi != nil }
            .max { ($0.roi!, -$0.threshold) < ($1.roi!, -$1.threshold) }
    }
}
