import Foundation
import HoopcastCore
import HoopcastStore
import SQLKit

/// A row of `ops_check_results`: one check's result for one date in one run, with the failing rows' sample as JSON.
///
/// The table is a log kept per run — its key is (date, check, run id) and it has no content hash: a run that finds
/// the same as the last one still records that it looked.
public struct StoredCheckResult: StoredRow, Hashable {
    /// The date checked.
    public var date: GameDate
    /// The run (the job's correlation id, or the `check` command's run id).
    public var runID: String
    /// The step that ran it (`check.raw`, …, or `check` for the command).
    public var step: String
    /// What was found.
    public var result: CheckResult
    /// When it was checked (ISO-8601 UTC).
    public var checkedAt: String
    /// The sample as stored: compact JSON.
    let sampleJSON: String

    /// Creates a row.
    public init(date: GameDate, runID: String, step: String, result: CheckResult, checkedAt: String) throws {
        let encoder = JSONDocument.encoder()
        encoder.outputFormatting.remove(.prettyPrinted)
        self.init(
            date: date, runID: runID, step: step, result: result, checkedAt: checkedAt,
            sampleJSON: String(decoding: try encoder.encode(result.sample), as: UTF8.self))
    }

    init(date: GameDate, runID: String, step: String, result: CheckResult, checkedAt: String, sampleJSON: String) {
        self.date = date
        self.runID = runID
        self.step = step
        self.result = result
        self.checkedAt = checkedAt
        self.sampleJSON = sampleJSON
    }

    public static let table = TableDescription(
        name: "ops_check_results",
        columns: [
            "partition_date", "check_name", "run_id", "step", "layer", "severity", "status", "checked_rows",
            "failed_rows", "summary", "sample", "checked_at",
        ],
        key: [("partition_date", .text), ("check_name", .text), ("run_id", .text)])

    public var storedValues: [SQLValue] {
        let definition = result.definition
        return [
            .text(date.description), .text(definition.name), .text(runID), .text(step),
            .text(definition.layer.rawValue), .text(definition.severity.rawValue), .text(result.status.rawValue),
            .int(result.checked), .int(result.failed), .text(result.summary), .text(sampleJSON), .text(checkedAt),
        ]
    }

    public init(row: some SQLRow) throws {
        let table = StoredCheckResult.table.name
        let name = try row.value("check_name", as: String.self)
        let key = { "\(try row.value("partition_date", as: String.self))/\(name)" }
        let layer = try row.parsed("layer", in: table, key: key(), CheckLayer.init(rawValue:))
        let severity = try row.parsed("severity", in: table, key: key(), CheckSeverity.init(rawValue:))
        // A check renamed or retired since keeps its stored name, severity and layer.
        let definition =
            CheckCatalogue.definition(named: name)
            ?? CheckDefinition(name: name, severity: severity, layer: layer, compares: "", threshold: "")
        let sampleText = try row.value("sample", as: String.self)
        let sample: [FailingRow]
        do {
            sample = try JSONDecoder().decode([FailingRow].self, from: Data(sampleText.utf8))
        } catch {
            throw StoreError(
                .decodingFailed, "\(table) row \(try key()): column sample is not a JSON list of failing rows",
                underlying: error)
        }
        self.init(
            date: try row.parsed("partition_date", in: table, key: key(), GameDate.init),
            runID: try row.value("run_id"), step: try row.value("step"),
            result: CheckResult(
                definition: CheckDefinition(
                    name: name, severity: severity, layer: layer, compares: definition.compares,
                    threshold: definition.threshold),
                status: try row.parsed("status", in: table, key: key(), CheckStatus.init(rawValue:)),
                checked: try row.value("checked_rows"), failed: try row.value("failed_rows"),
                summary: try row.value("summary"), sample: sample),
            checkedAt: try row.value("checked_at"), sampleJSON: sampleText)
    }

    /// Writes `rows` through `db` (the check step's commit); returns how many.
    public static func write(_ rows: [StoredCheckResult], on db: any SQLDatabase) async throws -> Int {
        try await BulkUpsert(table: table.name, columns: table.columns, key: table.key.map(\.name))
            .run(rows.map(\.storedValues), on: db)
    }
}
