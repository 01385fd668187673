/// The one way time is injected: a Swift `Clock` measuring ``Duration``s whose instants are wall-clock time
/// (``WallInstant``), so they can be stored, compared across processes and printed as UTC.
///
/// The job queue (leases, retry delays, event timestamps), its workers (polls, heartbeats, elapsed times), the
/// backfill and runner, the ingest scheduler and the HTTP client (rate limits, retry waits, breaker cool-downs,
/// latencies, fetch times) all take an `any WallClock`; production passes ``SystemClock``, tests a manual clock
/// they move by hand. Durations in APIs are `Duration`; seconds as a `Double` appear only where a value is written
/// to a column or printed (``Swift/Duration/seconds``).
public protocol WallClock: Clock where Instant == WallInstant, Duration == Swift.Duration {}
