import HoopcastCore

/// Which dates have work: the dates with scheduled games. The raw layer's schedule provides it (`RawReader` in
/// HoopcastIngest); the engine itself knows no table of the warehouse.
public protocol GameCalendar: Sendable {
    /// The dates between `from` and `to` (inclusive) with at least one scheduled game, in order.
    func gameDates(from: GameDate, to: GameDate) async throws -> [GameDate]
}
