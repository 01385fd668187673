import HoopcastCore

/// What the performance page is asked for: a range (default: the 60 days up to the latest graded date), the system
/// whose calibration, edges and weekly errors are shown (default the ensemble), and optionally one market.
struct PerformanceQuery: Sendable, Hashable {
    var from: GameDate?
    var to: GameDate?
    var system: SystemName = .ensemble
    var market: Market?

    /// The default range's length in days.
    static let defaultDays = 60

    init() {}

    init(_ query: DashboardQuery) throws(APIError) {
        from = try query.date("from")
        to = try query.date("to")
        system = try query.choice("system", SystemName.self) ?? .ensemble
        market = try query.choice("market", Market.self)
    }
}
