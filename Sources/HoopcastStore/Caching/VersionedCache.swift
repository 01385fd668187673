import Synchronization

/// Values derived from stored rows, kept while the rows they come from stay the same: an entry is used only when the
/// change counters of its tables over its dates (``PartitionVersions``) are the ones it was computed at, so a
/// re-written date is never served stale. The performance page's evaluations, the API's slates and the hand-over of
/// freshly committed predictions (`PredictionHandoff`) use it. When full,
/// the entry used least recently makes room.
public final class VersionedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Entry: Sendable {
        var versions: [String: Int]
        var value: Value
        var lastUse: UInt64
    }

    private struct State: Sendable {
        var entries: [Key: Entry] = [:]
        var clock: UInt64 = 0
    }

    /// Entries kept at most.
    public let capacity: Int
    private let state = Mutex(State())

    /// An empty cache of at most `capacity` entries.
    public init(capacity: Int) {
        precondition(capacity >= 1)
        self.capacity = capacity
    }

    /// The value computed for `key` at `versions`, when there is one.
    public func value(_ key: Key, versions: [String: Int]) -> Value? {
        state.withLock { state in
            guard var entry = state.entries[key], entry.versions == versions else { return nil }
            state.clock += 1
            entry.lastUse = state.clock
            state.entries[key] = entry
            return entry.value
        }
    }

    /// Keeps `value` for `key`, computed at `versions`.
    public func store(_ value: Value, for key: Key, versions: [String: Int]) {
        state.withLock { state in
            if state.entries[key] == nil, state.entries.count >= capacity,
                let oldest = state.entries.min(by: { $0.value.lastUse < $1.value.lastUse })?.key
            {
                state.entries[oldest] = nil
            }
            state.clock += 1
            state.entries[key] = Entry(versions: versions, value: value, lastUse: state.clock)
        }
    }

    /// The keys held, for tests.
    var keys: Set<Key> { state.withLock { Set($0.entries.keys) } }
}
