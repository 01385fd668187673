/// Receives progress from a running import (the CLI draws a bar on a terminal, plain lines otherwise).
public protocol ImportProgress: Sendable {
    /// A phase of a file started (`reading`, `validating`, `writing`) with its total units (0 when unknown).
    func phase(_ phase: String, file: String, total: Int)
    /// `done` of the phase's total units are finished.
    func advanced(file: String, done: Int)
    /// The file is finished.
    func finished(_ summary: FileImportSummary)
}

/// Ignores progress (tests, JSON output).
public struct SilentImportProgress: ImportProgress {
    /// Creates a silent reporter.
    public init() {}
    public func phase(_ phase: String, file: String, total: Int) {}
    public func advanced(file: String, done: Int) {}
    public func finished(_ summary: FileImportSummary) {}
}
