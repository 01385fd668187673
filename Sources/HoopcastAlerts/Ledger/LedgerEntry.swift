import HoopcastCore

/// An alert as the ledger holds it: the condition, whether it is on, and when people last heard of it.
public struct LedgerEntry: Sendable, Hashable {
    /// The alert as last seen.
    public var alert: Alert
    /// On (the rules still find it) or resolved.
    public var firing: Bool
    /// When the rules first found it.
    public var firstSeen: WallInstant
    /// When the rules last found it.
    public var lastSeen: WallInstant
    /// When a message about it last went out (nil: never).
    public var lastNotified: WallInstant?
    /// When it cleared.
    public var resolvedAt: WallInstant?
    /// Messages sent about it while firing.
    public var notifications: Int
}
