import HoopcastCore

/// The features of one (player, game, market), with which were defaulted, the quality and the gate.
public struct FeatureRow: Sendable, Hashable {
    public var gameID: String
    public var playerID: Int
    public var team: Team
    public var market: Market
    /// One value per ``Feature``.
    public var values: FeatureValues
    /// Features that fell back to their default.
    public var defaulted: Set<Feature>
    /// Share of features computed from real data (0…1).
    public var quality: Double { 1 - Double(defaulted.count) / Double(Feature.allCases.count) }
    /// Why no prediction should be made for this row (nil when it passes the gate).
    public var skipReason: String?
    /// The line chosen for the row (book, prices, snapshot), stored beside the features; nil without one.
    public var line: ChosenLine? = nil
}
