import HoopcastCore
import HoopcastIngest
import HoopcastStore

/// Archives, parses and writes one payload, and records it in the manifest: the path shared by `ingest` and
/// `replay`. A payload that fails the gate or the parser writes no row and is recorded as failed with its error.
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
        public init(endpoint: LiveEndpoint, parameters: String, context: ParseContext, status: Int, contentType: String,
                    body: [UInt8]) {
            self.endpoint = endpoint
            self.parameters = parameters
            self.context = context
            self.status = status
            self.contentType = contentType
            self.body = body
        }
    }

    /// Processes `payload`; `write` false parses only (dry run).
    public func process(_ payload: Payload, runID: String, write: Bool) async throws -> PayloadOutcome {
        let body = redactor.scrub(payload.body)
        let endpoint = payload.endpoint
        let sha = SHA256.hex(body)
        let path = RawArchive.relativePath(source: endpoint.source, date: payload.context.date, sha256: sha)
        if let archive { try archive.store(body, source: endpoint.source, date: payload.context.date, sha256: sha) }
        var outcome = PayloadOutcome(endpoint: endpoint.key, parameters: payload.parameters, httpStatus: payload.status,
                                     sha256: sha, parsed: [:], writes: [], issues: [], errorKind: nil, error: nil)
        var parsedTotal = 0
        do {
            let rows = try endpoint.process(status: payload.status, contentType: payload.contentType, body: body,
                                            context: payload.context)
            outcome.parsed = rows.counts
            parsedTotal = rows.total
            if write, let store {
                let (writes, issues) = try await RowSink(store: store).write(rows, label: "\(endpoint.key)@\(sha.prefix(12))",
                                                                           runID: runID)
                outcome.writes = writes
                outcome.issues = issues.map { redactor.scrub($0.description) }
            } else {
                // A dry run still validates, so it reports what would be rejected.
                for dataset in rows.rows.keys.sorted() {
                    let (_, issues) = FieldRowWriter.validate(dataset.record, name: "\(endpoint.key)#\(dataset.rawValue)",
                                                              rows: rows.rows[dataset] ?? [])
                    outcome.issues += issues.map { redactor.scrub($0.description) }
                }
            }
        } catch let error as PayloadError {
            outcome.errorKind = error.kind.rawValue
            outcome.error = redactor.scrub(error.description)
        }
        if write, let store, archive != nil {
            try await FetchManifest(store: store).record(ManifestEntry(
                source: endpoint.source, endpoint: endpoint.name, parameters: redactor.scrub(payload.parameters),
                partitionDate: payload.context.date.description, fetchedAt: payload.context.fetchedAt,
                httpStatus: payload.status, contentType: payload.contentType, sha256: sha, byteCount: body.count,
                archivePath: path, parseStatus: outcome.failed ? "failed" : "parsed", errorKind: outcome.errorKind,
                errorDetail: outcome.error, rowsParsed: parsedTotal, runID: runID))
        }
        return outcome
    }
}
