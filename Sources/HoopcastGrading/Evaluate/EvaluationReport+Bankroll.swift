import HoopcastCore

extension EvaluationReport {
    /// A system's bankroll under ``Staking`` over all its markets.
    public struct Bankroll: Sendable, Codable, Hashable {
        public var start: Double
        /// Bets given a stake (a bet without a Kelly edge at its price gets none).
        public var bets: Int
        /// Units staked in all.
        public var staked: Double
        public var end: Double
        /// (end − start) / staked; nil without stakes.
        public var roi: Double?
        /// Largest fall from a peak, as a share of the peak.
        public var maxDrawdown: Double
        /// The bankroll after each date with stakes.
        public var path: [BankrollPoint]

        enum CodingKeys: String, CodingKey { case start, bets, staked, end, roi, maxDrawdown, path }

        /// Encodes every key, missing values as `null`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(start, forKey: .start)
            try container.encode(bets, forKey: .bets)
            try container.encode(staked, forKey: .staked)
            try container.encode(end, forKey: .end)
            try container.encode(roi, forKey: .roi)
            try container.encode(maxDrawdown, forKey: .maxDrawdown)
            try container.encode(path, forKey: .path)
        }
    }

    /// The bankroll after one date's bets were settled.
    public struct BankrollPoint: Sendable, Codable, Hashable {
        public var date: String
        public var bets: Int
        public var staked: Double
        public var bankroll: Double
    }

    /// One system's bankroll.
    public struct SystemBankroll: Sendable, Codable, Hashable {
        public var system: SystemName
        public var bankroll: Bankroll
    }
}
