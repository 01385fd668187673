extension Store {
    /// How opening a PostgreSQL store treats a server that does not answer.
    public enum ConnectPolicy: Sendable, Hashable {
        /// One direct connection within ``failFastTimeout``; its failure is thrown at once, naming the host, the
        /// port and the driver's reason. For command-line invocations.
        case failFast
        /// The pool's own backoff: keeps trying while the server is down or restarting. For long-running
        /// `worker`, `schedule` and `serve`.
        case patient

        /// How long a fail-fast open waits for the server to accept a connection.
        public static let failFastTimeout: Duration = .seconds(5)
    }
}
