import Synchronization

/// Values derived from stored rows, kept while the rows they come from stay the same: an entry is used only when the
/// change counters of its tables over its dates (``PartitionVersions``) are the ones it was computed at, so a
/// re-written date is never served stale. The performance page's evaluations and the API's slates use it.
public final class VersionedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Entry: Sendable {
        var versions: [String: Int]
        var value: Value
    }

    /// Entries kept at most (all are dropped when a new one would exceed it).
    public let capacity: Int
    private let entries = Mutex<[Key: Entry]>([:])

    /// An empty cache of at most `capacity` entries.
    public init(capacity: Int) { self.capacity = capacity }

    /// The value computed for `key` at `versions`, when there is one.
    public func value(_ key: Key, versions: [String: Int]) -> Value? {
        entries.withLock { entries in
            guard let entry = entries[key], entry.versions == versions else { return nil }
            return entry.value
        }
    }

    /// Keeps `value` for `key`, computed at `versions`.
    public func store(_ value: Value, for key: Key, versions: [String: Int]) {
        entries.withLock { entries in
            if entries[key] == nil, entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = Entry(versions: versions, value: value)
        }
    }
}
