import Foundation
import HoopcastCore
import HoopcastIngest
import HoopcastStore

/// `hoopcast replay`: re-parses archived payloads without the network. Writing goes through the same idempotent
/// path as ingestion, so replaying an identical payload changes nothing.
public struct Replayer: Sendable {
    /// The warehouse (nil for a dry run of a single file).
    public let store: Store?
    /// The archive the manifest points into.
    public let archive: RawArchive

    /// Creates a replayer.
    public init(store: Store?, archive: RawArchive) {
        self.store = store
        self.archive = archive
    }

    /// Replays every archived payload of `date` and/or `source` found in the manifest, in fetch order.
    public func replay(date: GameDate?, source: String?, dryRun: Bool, runID: String) async throws -> [PayloadOutcome] {
        guard let store else { throw SettingsError("replaying from the manifest needs a store") }
        var outcomes: [PayloadOutcome] = []
        let processor = PayloadProcessor(store: store, archive: nil)
        for entry in try await FetchManifest(store: store).entries(date: date, source: source) {
            guard let endpoint = EndpointCatalog.endpoint("\(entry.source).\(entry.endpoint)"),
                let partition = GameDate(entry.partitionDate)
            else {
                throw SettingsError(
                    "manifest entry \(entry.source)/\(entry.endpoint) \(entry.sha256): unknown endpoint or date")
            }
            let body = try archive.load(entry.archivePath)
            outcomes.append(
                try await processor.process(
                    PayloadProcessor.Payload(
                        endpoint: endpoint, parameters: entry.parameters,
                        context: ParseContext(date: partition, fetchedAt: entry.fetchedAt), status: entry.httpStatus,
                        contentType: entry.contentType, body: body), runID: runID, write: !dryRun))
        }
        return outcomes
    }

    /// Parses one file (`.json` or `.json.gz`) as the endpoint `key` (`source.endpoint`); writes unless `dryRun`.
    /// Throws ``FileReadError`` when the file cannot be read or holds more than ``ByteLimit/inEffect()`` bytes
    /// (inflated).
    public static func replayFile(
        _ url: URL, endpoint key: String, date: GameDate?, store: Store?, dryRun: Bool,
        runID: String
    ) async throws -> PayloadOutcome {
        guard let endpoint = EndpointCatalog.endpoint(key) else {
            let known = EndpointCatalog.all.map(\.key).joined(separator: ", ")
            throw SettingsError("unknown endpoint '\(key)'; known: \(known)")
        }
        // A FileReadError names the file, and the limit when the file or what it inflates to is too large.
        let body = try FileReader.read(url)
        let context = ParseContext(
            date: date ?? GameDate(dayNumber: 0), fetchedAt: "\(date ?? GameDate(dayNumber: 0))T00:00:00Z",
            limitToDate: date != nil)
        return try await PayloadProcessor(store: store, archive: nil).process(
            PayloadProcessor.Payload(
                endpoint: endpoint, parameters: "file=\(url.lastPathComponent)", context: context, status: 200,
                contentType: "", body: body), runID: runID, write: !dryRun)
    }
}
