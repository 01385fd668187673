import Foundation
import HoopcastCore

/// A file or directory a command was asked to write could not be written: which one and why, in words (not
/// Foundation's error dump).
struct OutputWriteError: Error, Sendable, CustomStringConvertible {
    /// The path that could not be written.
    let path: String
    /// What it was for (`output directory`, `file`).
    let what: String
    /// The operating system's reason.
    let reason: String

    var description: String { "cannot write the \(what) \(path): \(reason)" }

    /// Wraps `error` from writing `path`, keeping only the operating system's reason.
    init(path: String, what: String, error: any Error) {
        self.path = path
        self.what = what
        self.reason = SystemErrorReason.describe(error)
    }

    /// Runs `body`, turning any error into an ``OutputWriteError`` about `path`.
    static func attempt<R>(_ path: String, what: String, _ body: () throws -> R) throws(OutputWriteError) -> R {
        do { return try body() } catch { throw OutputWriteError(path: path, what: what, error: error) }
    }
}
