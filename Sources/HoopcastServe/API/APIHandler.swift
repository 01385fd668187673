import HoopcastCore
import HoopcastEngine
import HoopcastIngest
import HoopcastStore
internal import OpenAPIRuntime

/// The API's operations, implementing the protocol generated from `openapi.yaml`: each reads through the owning
/// layers' readers and maps to the document's types. Input the document cannot express (a date that is not a
/// calendar date, a cursor) is checked here and refused with a 400 naming the parameter.
struct APIHandler: APIProtocol {
    /// The store the API reads (a connection of its own on SQLite, so reads never run inside a worker's
    /// transaction).
    let store: Store
    let keys: KeyStore
    let admin: AdminActions
    let clock: any WallClock
    /// The dates' joined predictions, shared with the dashboard.
    let slates: VersionedCache<GameDate, [SlatePrediction]>

    /// Today in US Eastern time: dates before it are settled and cacheable.
    var today: GameDate { GameDate.eastern(at: clock.now.date) }

    func getHealth(_ input: Operations.GetHealth.Input) async throws -> Operations.GetHealth.Output {
        .ok(.init(body: .json(.init(status: .ok))))
    }

    func getReadiness(_ input: Operations.GetReadiness.Input) async throws -> Operations.GetReadiness.Output {
        let status: (applied: Int, expected: Int)
        do {
            status = try await store.schemaStatus()
        } catch {
            throw APIError(.unavailable, "the store cannot be reached", retryAfter: 5)
        }
        guard status.applied == status.expected else {
            throw APIError(
                .unavailable,
                "the store's schema version is \(status.applied); this server expects \(status.expected)",
                retryAfter: 30)
        }
        return .ok(
            .init(
                body: .json(
                    .init(
                        status: .ready, schemaVersion: status.applied,
                        engine: store.dialect == .sqlite ? .sqlite : .postgres))))
    }
}

/// The checks of the document's constraints the generated code does not make (bounds, lengths, patterns) and of the
/// parameters it passes through as text: each failure is a 400 naming the parameter.
enum Parameters {
    /// A `YYYY-MM-DD` date.
    static func date(_ text: String, name: String = "date") throws(APIError) -> GameDate {
        guard let date = GameDate(text), date.description == text else {
            throw APIError.invalid(name, "'\(text.prefix(32))' is not a date (YYYY-MM-DD)")
        }
        return date
    }

    /// An integer within the document's bounds, or `fallback` when absent.
    static func integer(_ value: Int?, _ name: String, in range: ClosedRange<Int>, default fallback: Int)
        throws(APIError) -> Int
    {
        guard let value else { return fallback }
        guard range.contains(value) else {
            throw APIError.invalid(name, "\(value) is outside \(range.lowerBound)…\(range.upperBound)")
        }
        return value
    }

    /// A page size: 1…1000, 200 when absent.
    static func limit(_ value: Int?) throws(APIError) -> Int {
        try integer(value, "limit", in: 1...1000, default: 200)
    }

    /// A text within the document's length bounds.
    static func text(_ value: String, _ name: String, length: ClosedRange<Int>) throws(APIError) -> String {
        guard length.contains(value.count) else {
            throw APIError.invalid(name, "takes \(length.lowerBound) to \(length.upperBound) characters")
        }
        return value
    }

    /// A cursor, when given.
    static func cursor(_ text: String?) throws(APIError) -> PageCursor? {
        try text.map { text throws(APIError) in try PageCursor(parameter: text) }
    }
}
