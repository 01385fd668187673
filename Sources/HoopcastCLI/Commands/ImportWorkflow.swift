import Foundation
import HoopcastIngest
import HoopcastStore

/// The import command's work, shared with `demo`: load files, refresh the registry, resolve prop-line names.
struct ImportWorkflow: Sendable {
    struct Outcome: Sendable {
        let report: ImportReport
        let resolution: NameResolutionSummary?
        let seconds: Double

        func printSummary() {
            let header = ["file", "read", "inserted", "updated", "unchanged", "rejected"]
            var rows = report.files.map {
                [$0.name, "\($0.read)", "\($0.inserted)", "\($0.updated)", "\($0.unchanged)", "\($0.rejected)"]
            }
            rows.insert(header, at: 0)
            Terminal.out(TextTable.render(rows))
            // An issue's description escapes control characters: input never reaches the terminal raw.
            for issue in report.issues.prefix(20) { Terminal.out("rejected: \(issue.description)") }
            if report.issues.count > 20 {
                Terminal.out(
                    "… \(report.issues.count - 20) more rejections in raw_import_quarantine "
                        + "(raw_import_quarantine_runs lists run \(report.runID))")
            }
            if report.aborted {
                Terminal.out("--strict: nothing was loaded because \(report.issues.count) rows were rejected")
            } else if report.changedNothing && !report.hasRejections {
                Terminal.out("Nothing changed: every row was already stored.")
            }
            if let resolution {
                Terminal.out(resolution.line)
            }
            Terminal.out(String(format: "import took %.1f s (run %@)", seconds, report.runID))
        }
    }

    let store: Store
    let strict: Bool
    let showProgress: Bool

    func run(directory: URL) async throws -> Outcome {
        let started = Date()
        let runID = RunLog.newRunID(prefix: "import")
        let importer = DatasetImporter(
            store: store, strict: strict,
            progress: ImportProgressPrinter(enabled: showProgress))
        let report = try await importer.importDirectory(directory, runID: runID)
        var resolution: NameResolutionSummary?
        if !report.aborted {
            try await RegistryBuilder(store: store).rebuild(runID: runID)
            resolution = try await NameResolutionPass(store: store).run(runID: runID)
        }
        return Outcome(report: report, resolution: resolution, seconds: Date().timeIntervalSince(started))
    }
}

extension ImportReport {
    /// `{"files":[{"name":…,"read":…,"inserted":…,"updated":…,"unchanged":…,"rejected":…}]}` plus the rejections.
    func jsonSummary() throws -> String {
        struct Payload: Encodable {
            let files: [FileImportSummary]
            let rejections: [ImportIssue]
            let aborted: Bool
            let runID: String
            enum CodingKeys: String, CodingKey { case files, rejections, aborted, runID = "run_id" }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(Payload(files: files, rejections: issues, aborted: aborted, runID: runID))
        return String(decoding: data, as: UTF8.self)
    }
}
