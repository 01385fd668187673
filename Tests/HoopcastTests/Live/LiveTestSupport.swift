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

/// A virtual clock: `sleep` records the delay and advances time at once, so retry tests never wait.
final class TestClock: LiveClock {
    private let state: NIOLockedValueBox<(now: Double, sleeps: [Double])>

    init(now: Double = 1_700_000_000) { state = NIOLockedValueBox((now, [])) }

    func now() -> Double { state.withLockedValue { $0.now } }

    func sleep(seconds: Double) async throws {
        state.withLockedValue {
            $0.sleeps.append(seconds)
            $0.now += seconds
        }
    }

    func advance(_ seconds: Double) { state.withLockedValue { $0.now += seconds } }

    /// Every delay slept, in order.
    var sleeps: [Double] { state.withLockedValue { $0.sleeps } }
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
