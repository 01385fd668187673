import Foundation
import HoopcastCore
import HoopcastIngest
import HoopcastLive
import Logging
import NIOConcurrencyHelpers
import Testing

/// The captured real API responses copied from the shared fixtures (same layout: `<capture>/raw_*.json`).
enum LiveFixtures {
    static let root = TestPaths.repo("Tests/HoopcastTests/Fixtures/api-samples")

    /// The payload bytes (gzip inflated).
    static func bytes(_ relative: String) throws -> [UInt8] {
        try FileReader.read(root.appendingPathComponent(relative))
    }

    /// Gates and parses a fixture as `key`, with the partition date `date`.
    static func parse(
        _ key: String, _ relative: String, date: String = "2024-01-15", limitToDate: Bool = false,
        fetchedAt: String = "2024-01-15T12:00:00Z"
    ) throws -> ParsedRows {
        let endpoint = try #require(EndpointCatalog.endpoint(key))
        return try endpoint.process(
            status: 200, contentType: "application/json", body: bytes(relative),
            context: ParseContext(
                date: GameDate(date)!, fetchedAt: fetchedAt,
                limitToDate: limitToDate))
    }
}

extension ManualClock {
    /// Virtual time for the HTTP client and the ingestor, from `now` (default 2023-11-14T22:13:20Z): every sleep is
    /// recorded and moves the clock at once, so retry tests never wait.
    static func virtual(at now: WallInstant = .epoch + .seconds(1_700_000_000)) -> ManualClock {
        ManualClock(now: now, sleeping: .advancesTheClock)
    }
}

/// Collects every log line (message and metadata) for assertions.
final class LogCapture: Sendable {
    private let lines = NIOLockedValueBox<[String]>([])

    var all: [String] { lines.withLockedValue { $0 } }

    func logger(_ label: String = "test") -> Logger {
        var logger = Logger(label: label) { _ in CaptureHandler(sink: self) }
        logger.logLevel = .trace
        return logger
    }

    func append(_ line: String) { lines.withLockedValue { $0.append(line) } }

    struct CaptureHandler: LogHandler {
        let sink: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            let text = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            sink.append("\(event.level) \(event.message) \(text)")
        }
    }
}
