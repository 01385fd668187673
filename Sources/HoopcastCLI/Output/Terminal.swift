import Foundation

/// Writes to standard error and knows whether it is a terminal (to draw progress bars).
enum Terminal {
    /// True when standard error is an interactive terminal.
    static let isInteractive: Bool = isatty(FileHandle.standardError.fileDescriptor) == 1

    /// Writes `text` to standard error.
    static func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Writes a line to standard output.
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
