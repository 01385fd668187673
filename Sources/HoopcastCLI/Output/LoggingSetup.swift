import Foundation
import Logging

/// Sends structured logs to standard error at the level in `HOOPCAST_LOG_LEVEL` (default `warning`), once per process.
enum LoggingSetup {
    private static let once: Void = {
        let name = ProcessInfo.processInfo.environment["HOOPCAST_LOG_LEVEL"]?.lowercased() ?? "warning"
        let level = Logger.Level(rawValue: name) ?? .warning
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }()

    /// Installs the log handler (idempotent).
    static func bootstrap() { _ = once }
}
