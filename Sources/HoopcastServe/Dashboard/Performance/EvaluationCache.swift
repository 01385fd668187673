import HoopcastCore
import HoopcastGrading
import Synchronization

/// The performance page's evaluations, kept while the grades they come from stay the same: an entry is used only
/// when the grading layer's change counters over its range (``PartitionVersions``) are the ones it was computed
/// at, so a re-graded date is never served stale. Reading every graded row of a range is the page's one costly step.
final class EvaluationCache: Sendable {
    struct Key: Hashable, Sendable {
        var from: GameDate
        var to: GameDate
        var system: SystemName
        var market: Market?
    }

    private struct Entry: Sendable {
        var versions: [String: Int]
        var result: EvaluationReport.SystemResult?
    }

    /// Entries kept at most (all are dropped when a new one would exceed it).
    static let capacity = 64
    private let entries = Mutex<[Key: Entry]>([:])

    /// The result computed for `key` at `versions`, when there is one.
    func result(_ key: Key, versions: [String: Int]) -> EvaluationReport.SystemResult?? {
        entries.withLock { entries in
            guard let entry = entries[key], entry.versions == versions else { return nil }
            return .some(entry.result)
        }
    }

    func store(_ result: EvaluationReport.SystemResult?, for key: Key, versions: [String: Int]) {
        entries.withLock { entries in
            if entries[key] == nil, entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = Entry(versions: versions, result: result)
        }
    }
}
