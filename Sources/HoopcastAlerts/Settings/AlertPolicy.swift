import HoopcastLive

/// When conditions become alerts and how often people hear of them (no secrets: safe to print).
public struct AlertPolicy: Sendable, Hashable {
    /// A firing alert is sent again only after this long (de-duplication by key).
    public var dedupeWindow: Duration
    /// At most this many messages per route in any hour; beyond it they are recorded as rate-limited and counted in
    /// the digest. Digests and test messages do not count.
    public var messagesPerHour: Int
    /// A source failing for this long is down.
    public var sourceDownAfter: Duration
    /// A game day with no predictions by this Eastern time is an alert.
    public var predictionsDue: WallTime
    /// The daily digest goes out after this Eastern time.
    public var digestAt: WallTime
    /// Checks and failed jobs of this many recent days are watched.
    public var lookbackDays: Int

    /// The defaults: 6 h window, 12 messages an hour, a source down after 30 min, predictions due by 18:00 ET, the
    /// digest after 09:00 ET, three days watched.
    public init(
        dedupeWindow: Duration = .seconds(6 * 3600), messagesPerHour: Int = 12,
        sourceDownAfter: Duration = .seconds(1800),
        predictionsDue: WallTime = WallTime(hour: 18, minute: 0)!, digestAt: WallTime = WallTime(hour: 9, minute: 0)!,
        lookbackDays: Int = 3
    ) {
        self.dedupeWindow = dedupeWindow
        self.messagesPerHour = messagesPerHour
        self.sourceDownAfter = sourceDownAfter
        self.predictionsDue = predictionsDue
        self.digestAt = digestAt
        self.lookbackDays = lookbackDays
    }
}
