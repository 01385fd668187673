import Foundation
import HoopcastCore
import HoopcastStore
import SQLKit

/// Loads a dataset directory in the canonical format into the raw tables.
///
/// Idempotent: each row's content hash is compared with the stored one, so a re-import writes nothing and a changed
/// row is updated in place. Bad rows are rejected with their file, line, column and value, kept in
/// `raw_import_quarantine`, and never stop good rows (unless `strict`). Each file is written in one transaction, so a
/// failure leaves what was stored before untouched.
public struct DatasetImporter: Sendable {
    /// The datasets in load order.
    public static let datasets: [any DatasetRecord.Type] = [
        GameRecord.self, BoxScoreRecord.self, GameLineRecord.self, PropLineRecord.self, OfficialInjuryRecord.self,
    ]

    /// The warehouse to load into.
    public let store: Store
    /// When true, any rejection loads nothing at all.
    public let strict: Bool
    /// Progress receiver.
    public let progress: any ImportProgress
    /// The current US Eastern date: a final score or box score dated later is rejected.
    public let today: GameDate

    /// Creates an importer; `today` defaults to the current US Eastern date (tests pass a fixed one).
    public init(
        store: Store, strict: Bool = false, today: GameDate = .eastern(),
        progress: any ImportProgress = SilentImportProgress()
    ) {
        self.store = store
        self.strict = strict
        self.today = today
        self.progress = progress
    }

    /// Imports every dataset file found in `directory`; throws when the directory holds none.
    public func importDirectory(_ directory: URL, runID: String) async throws -> ImportReport {
        let files = try DatasetImporter.locate(in: directory)
        let runLog = RunLog(store: store)
        try await runLog.start(runID: runID, command: "import \(directory.path)")
        do {
            let report = try await importFiles(files, runID: runID)
            try await runLog.finish(
                runID: runID, error: report.hasRejections ? "\(report.issues.count) rows rejected" : nil)
            return report
        } catch {
            try await runLog.finish(runID: runID, error: "\(error)")
            throw error
        }
    }

    private func importFiles(_ files: [(any DatasetRecord.Type, URL)], runID: String) async throws -> ImportReport {
        var summaries: [FileImportSummary] = []
        var issues: [ImportIssue] = []
        if strict {
            // Validate everything first; write only when nothing was rejected.
            var prepared: [any PreparedWritable] = []
            for (type, url) in files {
                let file = try type.prepareForWrite(url, today: today, progress: progress)
                issues += file.allIssues
                prepared.append(file)
            }
            if !issues.isEmpty {
                try await Quarantine(store: store).record(prepared.flatMap(\.quarantineRows), runID: runID)
                for file in prepared {
                    summaries.append(
                        FileImportSummary(
                            name: file.fileName, read: file.readCount, inserted: 0,
                            updated: 0, unchanged: 0, rejected: file.rejectedCount))
                }
                return ImportReport(runID: runID, files: summaries, issues: issues, aborted: true)
            }
            for file in prepared {
                let summary = try await file.write(to: store, runID: runID, progress: progress)
                progress.finished(summary)
                summaries.append(summary)
            }
        } else {
            for (type, url) in files {
                let file = try type.prepareForWrite(url, today: today, progress: progress)
                let summary = try await file.write(to: store, runID: runID, progress: progress)
                progress.finished(summary)
                summaries.append(summary)
                issues += file.allIssues
            }
        }
        return ImportReport(runID: runID, files: summaries, issues: issues, aborted: false)
    }

    /// Finds `NAME.csv` or `NAME.csv.gz` for each dataset, in load order.
    static func locate(in directory: URL) throws(ImportError) -> [(any DatasetRecord.Type, URL)] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue
        else { throw ImportError("\(directory.path) is not a directory") }
        var found: [(any DatasetRecord.Type, URL)] = []
        for type in datasets {
            let candidates = ["\(type.datasetName).csv", "\(type.datasetName).csv.gz"]
                .map { directory.appendingPathComponent($0) }
                .filter { FileManager.default.fileExists(atPath: $0.path) }
            if candidates.count > 1 {
                throw ImportError(
                    "both \(type.datasetName).csv and \(type.datasetName).csv.gz are in \(directory.path); keep one")
            }
            if let url = candidates.first { found.append((type, url)) }
        }
        guard !found.isEmpty else {
            let names = datasets.map { "\($0.datasetName).csv[.gz]" }.joined(separator: ", ")
            throw ImportError("no dataset files in \(directory.path) (expected any of \(names))")
        }
        return found
    }
}

/// The import could not start (no such directory, no dataset files, ambiguous files).
public struct ImportError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public let description: String
    init(_ description: String) { self.description = description }
}
