import Foundation
import HoopcastIngest

/// Shows import progress: a redrawn bar on a terminal, one plain line per phase otherwise.
final class ImportProgressPrinter: ImportProgress, @unchecked Sendable {
    // Progress callbacks arrive from one task at a time; the lock guards against anything else.
    private let lock = NSLock()
    private var phaseName = ""
    private var total = 0
    private let interactive: Bool
    private let enabled: Bool

    init(enabled: Bool, interactive: Bool = Terminal.isInteractive) {
        self.enabled = enabled
        self.interactive = interactive
    }

    func phase(_ phase: String, file: String, total: Int) {
        guard enabled else { return }
        lock.withLock {
            phaseName = phase
            self.total = total
            if !interactive { Terminal.err("\(file): \(phase)\(total > 0 ? " \(total) rows" : "")\n") }
        }
        advanced(file: file, done: 0)
    }

    func advanced(file: String, done: Int) {
        guard enabled, interactive else { return }
        lock.withLock {
            let width = 30
            let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 0
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            let count = total > 0 ? " \(done)/\(total)" : ""
            Terminal.err("\r\u{1B}[2K\(file) \(phaseName) [\(bar)]\(count)")
        }
    }

    func finished(_ summary: FileImportSummary) {
        guard enabled else { return }
        lock.withLock {
            if interactive { Terminal.err("\r\u{1B}[2K") }
            Terminal.err("\(summary.name): done\n")
        }
    }
}
