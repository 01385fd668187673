import Foundation
import HoopcastStore
import SQLKit

/// A named lease in the store (`ops_locks`): one holder at a time across threads, processes and machines sharing
/// the store, with an owner, a token unique to each acquisition and an expiry.
///
/// - ``acquire(waitSeconds:)`` takes the lease when nobody holds it or the holder's lease expired; otherwise it
///   waits (jittered polling) up to `waitSeconds`.
/// - A holder renews the lease while it works (``withLock(waitSeconds:_:)`` does this every lease/3) and writes
///   fenced: ``LockLease/verify(on:)`` inside the writing transaction refuses when the lease was lost, so a holder
///   that stalled past its expiry cannot write after someone else took over.
/// - A holder that dies simply lets its lease expire.
public struct DistributedLock: Sendable {
    public let store: Store
    /// The lock's name, for example `consolidate/predictions_player_props/2024-01-15`.
    public let name: String
    /// Who holds it (worker or run), shown in `ops_locks`.
    public let owner: String
    /// How long an acquisition lasts without renewal.
    public let leaseSeconds: Double
    /// The time source (injectable for tests).
    public let clock: @Sendable () -> Date
    /// The polling delay while waiting, drawn per attempt from this range.
    public let pollSeconds: ClosedRange<Double>

    /// Creates a lock handle (acquiring nothing yet).
    public init(store: Store, name: String, owner: String, leaseSeconds: Double = 60,
                clock: @escaping @Sendable () -> Date = { Date() }, pollSeconds: ClosedRange<Double> = 0.02...0.2) {
        precondition(leaseSeconds > 0 && pollSeconds.lowerBound > 0)
        self.store = store
        self.name = name
        self.owner = owner
        self.leaseSeconds = leaseSeconds
        self.clock = clock
        self.pollSeconds = pollSeconds
    }

    /// Takes the lease if it is free or expired; nil when someone else holds it.
    public func tryAcquire() async throws -> LockLease? {
        let now = clock(), token = UUID().uuidString
        let expires = QueueTime.text(now.addingTimeInterval(leaseSeconds)), nowText = QueueTime.text(now)
        // Lock writes go through a transaction of their own: on SQLite that serialises them with the other writers of
        // the process (one connection), so they never land inside, or roll back with, someone else's transaction.
        let row = try await store.transaction { [name, owner] db in try await db.raw("""
            INSERT INTO ops_locks (name, owner, token, acquired_at, expires_at)
            VALUES (\(bind: name), \(bind: owner), \(bind: token), \(bind: nowText), \(bind: expires))
            ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, token = excluded.token,
                acquired_at = excluded.acquired_at, expires_at = excluded.expires_at
            WHERE ops_locks.expires_at <= \(bind: nowText)
            RETURNING token
            """).first() }
        return row == nil ? nil : LockLease(lock: self, token: token)
    }

    /// Takes the lease, waiting while another holder has it; throws ``LockError/timedOut`` after `waitSeconds`.
    public func acquire(waitSeconds: Double) async throws -> LockLease {
        let started = ContinuousClock.now
        while true {
            if let lease = try await tryAcquire() { return lease }
            let waited = (ContinuousClock.now - started) / .seconds(1)
            guard waited < waitSeconds else {
                throw LockError.timedOut(name: name, waitedSeconds: waited, holder: try await holder())
            }
            try await Task.sleep(for: .seconds(min(Double.random(in: pollSeconds), max(0.001, waitSeconds - waited))))
        }
    }

    /// The current holder and expiry, nil when nobody ever took the lock.
    public func holder() async throws -> (owner: String, expiresAt: String)? {
        guard let row = try await store.sql.raw(
            "SELECT owner, expires_at FROM ops_locks WHERE name = \(bind: name)").first() else { return nil }
        return (try row.value("owner"), try row.value("expires_at"))
    }

    /// Acquires the lease, runs `body` while renewing it every lease/3, and releases it however `body` ends.
    public func withLock<T: Sendable>(waitSeconds: Double,
                                      _ body: @Sendable (LockLease) async throws -> T) async throws -> T {
        let lease = try await acquire(waitSeconds: waitSeconds)
        let renewal = Task { [leaseSeconds] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(leaseSeconds / 3))  // cancelled: the body ended
                // A renewal that fails (store unreachable) is tried again at the next beat; if none gets through the
                // lease expires, and the body's fenced write (`verify(on:)`) fails loudly — nothing is lost silently.
                guard !Task.isCancelled, (try? await lease.renew()) != false else { return }
            }
        }
        do {
            let result = try await body(lease)
            renewal.cancel()
            try await lease.release()
            return result
        } catch {
            renewal.cancel()
            try? await lease.release()  // the body's error is the one to report; an unreleased lease expires
            throw error
        }
    }
}

/// One acquisition of a ``DistributedLock``.
public struct LockLease: Sendable {
    public let lock: DistributedLock
    /// Unique to this acquisition.
    public let token: String

    /// Extends the lease; false when it was lost (expired and taken by someone else).
    @discardableResult
    public func renew() async throws -> Bool {
        try await lock.store.transaction { [self] db in try await extend(on: db) }
    }

    /// Inside the transaction that writes under the lock: extends the lease and throws ``LockError/lost`` when it
    /// is no longer held, so the transaction rolls back. On PostgreSQL the row stays locked until the commit.
    public func verify(on db: any SQLDatabase) async throws {
        guard try await extend(on: db) else { throw LockError.lost(name: lock.name, owner: lock.owner) }
    }

    /// Gives the lease up (a no-op when it was lost meanwhile).
    public func release() async throws {
        try await lock.store.transaction { [lock, token] db in
            try await db.raw("DELETE FROM ops_locks WHERE name = \(bind: lock.name) AND token = \(bind: token)").run()
        }
    }

    private func extend(on db: any SQLDatabase) async throws -> Bool {
        let now = lock.clock()
        return try await db.raw("""
            UPDATE ops_locks SET expires_at = \(bind: QueueTime.text(now.addingTimeInterval(lock.leaseSeconds)))
            WHERE name = \(bind: lock.name) AND token = \(bind: token) AND expires_at > \(bind: QueueTime.text(now))
            RETURNING name
            """).first() != nil
    }
}

/// A lock could not be taken or was lost.
public enum LockError: Error, Sendable, CustomStringConvertible {
    /// Another holder kept the lock for the whole wait.
    case timedOut(name: String, waitedSeconds: Double, holder: (owner: String, expiresAt: String)?)
    /// The lease expired and another holder took it before the write.
    case lost(name: String, owner: String)

    public var description: String {
        switch self {
        case let .timedOut(name, waited, holder):
            let by = holder.map { " (held by \($0.owner) until \($0.expiresAt))" } ?? ""
            return "lock \(name) not acquired after waiting \(String(format: "%.1f", waited)) s\(by)"
        case let .lost(name, owner):
            return "lock \(name) held by \(owner) was lost before its write (lease expired and taken over)"
        }
    }
}
