import HoopcastStore
import SQLKit

/// One row type of the canonical dataset format: how to validate it from CSV and how it is stored.
public protocol DatasetRecord: Sendable {
    /// The dataset name (file stem), e.g. `games`.
    static var datasetName: String { get }
    /// The raw table the rows go to.
    static var table: String { get }
    /// Header columns that must be present.
    static var requiredHeaders: [String] { get }
    /// Stored columns, in ``values`` order (the content hash and run id are appended by the importer).
    static var columns: [String] { get }
    /// The natural-key columns with their types (a subset of ``columns``).
    static var keyColumns: [(name: String, type: KeyColumnType)] { get }
    /// Validates one record; throws an ``ImportIssue`` naming the column and value at fault.
    init(_ row: RowReader) throws(ImportIssue)
    /// The stored values, one per column.
    var values: [SQLValue] { get }
    /// Called inside the write transaction with the rows just inserted or updated (in ``columns`` order), so that
    /// derived work can be queued atomically with the data.
    static func didWrite(_ rows: [[SQLValue]], runID: String, on db: any SQLDatabase) async throws
}

extension DatasetRecord {
    public static func didWrite(_ rows: [[SQLValue]], runID: String, on db: any SQLDatabase) async throws {}
}

extension DatasetRecord {
    /// The natural key as one comparable string.
    var naturalKey: String {
        let positions = Self.keyColumns.map { key in Self.columns.firstIndex(of: key.name)! }
        let row = values
        return NaturalKey.make(positions.map { row[$0] })
    }
}
