/// A child process that could not be run to completion.
struct ChildProcessError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    enum Code: Sendable, Hashable {
        /// The executable does not exist or is not executable.
        case notFound
        /// The process could not be started.
        case launchFailed
        /// Its captured output could not be read back.
        case outputUnreadable
        /// It outlived its time limit and was stopped.
        case timedOut
    }

    /// What went wrong.
    let code: Code
    /// The command line.
    let command: String
    /// The signal that ended a stopped child.
    let signal: Int32?
    /// Details.
    let detail: String

    init(_ code: Code, command: String, signal: Int32? = nil, _ detail: String) {
        self.code = code
        self.command = command
        self.signal = signal
        self.detail = detail
    }

    var description: String { "\(command): \(detail)" }
}
