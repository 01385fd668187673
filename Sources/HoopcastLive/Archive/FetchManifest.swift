import HoopcastCore
import HoopcastStore
import SQLKit

/// One row of `raw_fetch_manifest`: a fetched (or replayed) payload, where it is archived, and what parsing it gave.
public struct ManifestEntry: Sendable, Hashable, Codable {
    /// The source name (`odds_api`, …).
    public var source: String
    /// The endpoint name (`events`, …).
    public var endpoint: String
    /// The request path and query, with secrets replaced by `REDACTED`.
    public var parameters: String
    /// The date the payload was fetched for (`YYYY-MM-DD`).
    public var partitionDate: String
    /// ISO-8601 UTC.
    public var fetchedAt: String
    /// The HTTP status of the response.
    public var httpStatus: Int
    /// The response's `Content-Type` ("" when absent).
    public var contentType: String
    /// SHA-256 of the archived bytes (after secret scrubbing), hex.
    public var sha256: String
    /// Uncompressed size, bytes.
    public var byteCount: Int
    /// Relative to the archive root.
    public var archivePath: String
    /// `parsed` or `failed`.
    public var parseStatus: String
    /// The ``PayloadError/Kind`` (or `fetch`) when failed.
    public var errorKind: String?
    /// The error's description when failed.
    public var errorDetail: String?
    /// Rows the adapter parsed (0 when failed).
    public var rowsParsed: Int
    /// The run that last recorded this payload.
    public var runID: String

    static let columns = [
        "source", "endpoint", "parameters", "partition_date", "fetched_at", "http_status", "content_type", "sha256",
        "byte_count", "archive_path", "parse_status", "error_kind", "error_detail", "rows_parsed", "run_id",
    ]

    var values: [SQLValue] {
        [
            .text(source), .text(endpoint), .text(parameters), .text(partitionDate), .text(fetchedAt), .int(httpStatus),
            .text(contentType), .text(sha256), .int(byteCount), .text(archivePath), .text(parseStatus),
            .text(errorKind),
            .text(errorDetail), .int(rowsParsed), .text(runID),
        ]
    }
}

/// Reads and writes `raw_fetch_manifest`.
public struct FetchManifest: Sendable {
    /// The warehouse.
    public let store: Store

    /// Creates an accessor.
    public init(store: Store) { self.store = store }

    /// Records a fetch; the same payload fetched again for the same request updates the row in place.
    public func record(_ entry: ManifestEntry) async throws {
        try await FetchManifest.record(entry, on: store.sql)
    }

    /// ``record(_:)`` inside the caller's transaction `db`.
    public static func record(_ entry: ManifestEntry, on db: any SQLDatabase) async throws {
        try await BulkUpsert(
            table: "raw_fetch_manifest", columns: ManifestEntry.columns,
            key: ["source", "endpoint", "parameters", "sha256", "http_status"]
        )
        .run([entry.values], on: db)
    }

    /// Entries for a date and optionally one source, in fetch order.
    public func entries(date: GameDate?, source: String?) async throws -> [ManifestEntry] {
        var query = store.sql.select().columns(ManifestEntry.columns.map { SQLColumn($0) }).from("raw_fetch_manifest")
        if let date { query = query.where("partition_date", .equal, date.description) }
        if let source { query = query.where("source", .equal, source) }
        let rows = try await query.orderBy("id").all()
        return try rows.map { row in
            ManifestEntry(
                source: try row.decode(column: "source", as: String.self),
                endpoint: try row.decode(column: "endpoint", as: String.self),
                parameters: try row.decode(column: "parameters", as: String.self),
                partitionDate: try row.decode(column: "partition_date", as: String.self),
                fetchedAt: try row.decode(column: "fetched_at", as: String.self),
                httpStatus: try row.decode(column: "http_status", as: Int.self),
                contentType: try row.decode(column: "content_type", as: String.self),
                sha256: try row.decode(column: "sha256", as: String.self),
                byteCount: try row.decode(column: "byte_count", as: Int.self),
                archivePath: try row.decode(column: "archive_path", as: String.self),
                parseStatus: try row.decode(column: "parse_status", as: String.self),
                errorKind: try row.decode(column: "error_kind", as: String?.self),
                errorDetail: try row.decode(column: "error_detail", as: String?.self),
                rowsParsed: try row.decode(column: "rows_parsed", as: Int.self),
                runID: try row.decode(column: "run_id", as: String.self))
        }
    }
}

extension FetchManifest {
    /// Each source's latest fetch whose payload parsed (sources never fetched are absent).
    public func lastSuccess() async throws -> [String: WallInstant] {
        var result: [String: WallInstant] = [:]
        for row in try await store.sql.raw(
            """
            SELECT source, MAX(fetched_at) AS fetched_at FROM raw_fetch_manifest
            WHERE parse_status = 'parsed' GROUP BY source
            """
        ).all() {
            let source = try row.value("source", as: String.self)
            result[source] = try row.parsed(
                "fetched_at", in: "raw_fetch_manifest", key: source, WallInstant.init(iso8601:))
        }
        return result
    }
}
