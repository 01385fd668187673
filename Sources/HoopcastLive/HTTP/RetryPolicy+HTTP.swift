import HoopcastCore

extension RetryPolicy {
    /// True for HTTP statuses worth retrying: 429 and every 5xx.
    public static func isRetryable(status: Int) -> Bool { status == 429 || (500...599).contains(status) }
}
