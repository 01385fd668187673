/// What an import did with one file.
public struct FileImportSummary: Sendable, Hashable, Codable {
    /// The file name, e.g. `games.csv.gz`.
    public var name: String
    /// Data records read (header excluded).
    public var read: Int
    /// New rows stored.
    public var inserted: Int
    /// Existing rows whose content changed and were updated.
    public var updated: Int
    /// Rows identical to what was stored.
    public var unchanged: Int
    /// Rows rejected (kept in `raw_import_quarantine`).
    public var rejected: Int
}

/// The result of `hoopcast import`: a summary per file and every rejected row.
public struct ImportReport: Sendable, Codable {
    /// The run id recorded in `ops_runs` and on every written row.
    public var runID: String
    /// One entry per file, in import order.
    public var files: [FileImportSummary]
    /// Every rejection, in file and line order.
    public var issues: [ImportIssue]
    /// True when `--strict` refused to load anything because of rejections.
    public var aborted: Bool

    /// True when any row was rejected.
    public var hasRejections: Bool { !issues.isEmpty }
    /// True when nothing was inserted or updated.
    public var changedNothing: Bool { files.allSatisfy { $0.inserted == 0 && $0.updated == 0 } }
}
