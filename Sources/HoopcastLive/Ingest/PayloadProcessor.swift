import HoopcastCore
import HoopcastIngest
import HoopcastStore
import SQLKit

/// Archives, parses and writes one payload, and records it in the manifest: the path shared by `ingest`, the ingest
/// steps and `replay`. ``prepare(_:)`` archives and parses (no database); ``write(_:runID:on:)`` writes the rows and
/// the manifest entry inside the caller's transaction. A payload that fails the gate or the parser writes no row
/// and is recorded as failed with its error.
public struct PayloadProcessor: Sendable {
    /// The warehouse (nil for a dry run without a store).
    public let store: Store?
    /// The archive (nil when replaying archived payloads, which are already stored).
    public let archive: RawArchive?
    /// Removes keys from bodies and messages.
    public let redactor: Redactor

    /// Creates a processor.
    public init(store: Store?, archive: RawArchive?, redactor: Redactor = Redactor(secrets: [])) {
        self.store = store
        self.archive = archive
        self.redactor = redactor
    }

    /// One payload to process.
    public struct Payload: Sendable {
        /// The endpoint that parses it.
        public var endpoint: LiveEndpoint
        /// Redacted parameters.
        public var parameters: String
        /// The partition date and fetch time.
        public var context: ParseContext
        /// HTTP status.
        public var status: Int
        /// The `Content-Type` header ("" when unknown).
        public var contentType: String
        /// The body.
        public var body: [UInt8]

        /// Creates a payload.
        public init(
            endpoint: LiveEndpoint, parameters: String, context: ParseContext, status: Int, contentType: String,
            body: [UInt8]
        ) {
            self.endpoint = endpoint
            self.parameters = parameters
            self.context = context
            self.status = status
            self.contentType = contentType
            self.body = body
        }
    }

    /// A payload archived and parsed, not yet written.
    public struct Prepared: Sendable {
        /// The outcome so far (parsed counts, or the error); `writes` and `issues` are filled when written.
        public var outcome: PayloadOutcome
        /// The parsed rows; nil when the payload failed (or never arrived).
        public var rows: ParsedRows?
        /// Datasets whose stored rows the endpoint does not overwrite.
        public var keepStored: Set<RawDataset>
        /// The manifest row to record; nil when nothing was archived in this run.
        public var manifest: ManifestEntry?

        /// An outcome with nothing to write or record (a request that never got a response, a missing key).
        public init(outcome: PayloadOutcome) {
            self.outcome = outcome
            self.rows = nil
            self.keepStored = []
            self.manifest = nil
        }

        init(outcome: PayloadOutcome, rows: ParsedRows?, keepStored: Set<RawDataset>, manifest: ManifestEntry?) {
            self.outcome = outcome
            self.rows = rows
            self.keepStored = keepStored
            self.manifest = manifest
        }
    }

    /// Scrubs, archives (when this processor has an archive) and parses `payload`; touches no database.
    public func prepare(_ payload: Payload) throws -> Prepared {
        // A source may echo a key anywhere it can write: the body, a header, the parameters it was given back.
        let body = redactor.scrub(payload.body)
        let parameters = redactor.scrub(payload.parameters)
        let contentType = redactor.scrub(payload.contentType)
        let endpoint = payload.endpoint
        let sha = ContentAddress.sha256Hex(body)
        let path = RawArchive.relativePath(source: endpoint.source, date: payload.context.date, sha256: sha)
        if let archive { try archive.store(body, source: endpoint.source, date: payload.context.date, sha256: sha) }
        var outcome = PayloadOutcome(
            endpoint: endpoint.key, parameters: parameters, httpStatus: payload.status,
            sha256: sha, parsed: [:], writes: [], issues: [], errorKind: nil, error: nil)
        var rows: ParsedRows?
        do {
            let parsed = try endpoint.process(
                status: payload.status, contentType: contentType, body: body,
                context: payload.context)
            outcome.parsed = parsed.counts
            if !parsed.skipped.isEmpty { outcome.skipped = parsed.skipped }
            rows = parsed
        } catch {
            outcome.errorKind = error.kind.rawValue
            outcome.error = redactor.scrub(error.description)
        }
        let manifest =
            archive == nil
            ? nil
            : ManifestEntry(
                source: endpoint.source, endpoint: endpoint.name, parameters: parameters,
                partitionDate: payload.context.date.description, fetchedAt: payload.context.fetchedAt,
                httpStatus: payload.status, contentType: contentType, sha256: sha, byteCount: body.count,
                archivePath: path, parseStatus: outcome.failed ? "failed" : "parsed", errorKind: outcome.errorKind,
                errorDetail: outcome.error, rowsParsed: rows?.total ?? 0, runID: "")
        return Prepared(outcome: outcome, rows: rows, keepStored: endpoint.keepsStored, manifest: manifest)
    }

    /// Writes a prepared payload's rows (when it parsed) and its manifest entry inside the transaction `db`.
    public func write(_ prepared: Prepared, runID: String, on db: any SQLDatabase) async throws -> PayloadOutcome {
        var outcome = prepared.outcome
        if let rows = prepared.rows {
            let label = "\(outcome.endpoint)@\(outcome.sha256.prefix(12))"
            let (writes, issues) = try await RowSink(db: db).write(
                rows, label: label, runID: runID,
                keepStored: prepared.keepStored)
            outcome.writes = writes
            outcome.issues = issues.map { redactor.scrub($0.description) }
        }
        if var entry = prepared.manifest {
            entry.runID = runID
            try await FetchManifest.record(entry, on: db)
        }
        return outcome
    }

    /// Validates a prepared payload's rows without writing (a dry run): rows completed from `raw_games` when there is
    /// a store to read it from. Without a store, box-score rows cannot know which team was at home (the payload does
    /// not say); they are validated on every other column.
    public func validate(_ prepared: Prepared) async throws -> PayloadOutcome {
        var outcome = prepared.outcome
        guard let rows = prepared.rows else { return outcome }
        for dataset in rows.rows.keys.sorted() {
            var datasetRows = rows.rows[dataset] ?? []
            if let store {
                let (resolved, issues) = try await RowSink(db: store.sql).resolve(
                    dataset, datasetRows,
                    label: outcome.endpoint)
                datasetRows = resolved
                outcome.issues += issues.map { redactor.scrub($0.description) }
            } else if dataset == .playerBoxscores {
                datasetRows = datasetRows.map { row in
                    var row = row
                    // unknown without raw_games; not written
                    if (row["is_home"] ?? "").isEmpty { row["is_home"] = "0" }
                    return row
                }
            }
            let (_, issues) = FieldRowWriter.validate(
                dataset.record, name: "\(outcome.endpoint)#\(dataset.rawValue)",
                rows: datasetRows)
            outcome.issues += issues.map { redactor.scrub($0.description) }
        }
        return outcome
    }

    /// Prepares `payload`, then writes it in a transaction of its own (or, with `write` false, validates only).
    public func process(_ payload: Payload, runID: String, write: Bool) async throws -> PayloadOutcome {
        let prepared = try prepare(payload)
        guard write, let store else { return try await validate(prepared) }
        return try await store.transaction { db in try await self.write(prepared, runID: runID, on: db) }
    }
}
