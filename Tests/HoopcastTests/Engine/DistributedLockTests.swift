import Foundation
import HoopcastEngine
import HoopcastStore
import SQLKit
import Testing

/// Named leases in `ops_locks` on both engines: one holder at a time, waiting, expiry and take-over, fencing.
struct DistributedLockTests {
    @Test(arguments: TestEngine.available)
    func oneHolderAtATimeAndAnExpiredLeaseIsTakenOverAndFenced(engine: TestEngine) async throws {
        let store = try await engine.freshStore()
        let clock = ManualClock()
        let a = DistributedLock(store: store, name: "consolidate/x/2024-01-15", owner: "a", leaseSeconds: 10, clock: clock.source)
        let b = DistributedLock(store: store, name: "consolidate/x/2024-01-15", owner: "b", leaseSeconds: 10, clock: clock.source)
        let other = DistributedLock(store: store, name: "consolidate/x/2024-01-16", owner: "b", leaseSeconds: 10, clock: clock.source)

        let leaseA = try #require(try await a.tryAcquire())
        #expect(try await b.tryAcquire() == nil)                 // held
        #expect(try await other.tryAcquire() != nil)             // another name is another lock
        clock.advance(9)
        #expect(try await leaseA.renew())                        // renewed: now expires at 19
        clock.advance(9)
        #expect(try await b.tryAcquire() == nil)                 // still held thanks to the renewal
        clock.advance(2)
        let leaseB = try #require(try await b.tryAcquire())      // expired: taken over
        #expect(try await b.holder()?.owner == "b")

        // The old holder can neither renew nor write under the lock, and its release leaves b's lease alone.
        #expect(try await leaseA.renew() == false)
        await #expect(throws: LockError.self) {
            try await store.transaction { db in try await leaseA.verify(on: db) }
        }
        try await leaseA.release()
        #expect(try await b.holder()?.owner == "b")
        try await store.transaction { db in try await leaseB.verify(on: db) }
        try await leaseB.release()
        #expect(try await a.tryAcquire() != nil)                 // released: free at once
        try await store.close()
    }

    @Test(arguments: TestEngine.available)
    func acquireWaitsForTheHolderThenTimesOutNamingIt(engine: TestEngine) async throws {
        let store = try await engine.freshStore()
        let a = DistributedLock(store: store, name: "l", owner: "worker-a", leaseSeconds: 60)
        let b = DistributedLock(store: store, name: "l", owner: "worker-b", leaseSeconds: 60, pollSeconds: 0.01...0.02)
        let lease = try await a.acquire(waitSeconds: 0)
        do {
            _ = try await b.acquire(waitSeconds: 0.2)
            Issue.record("acquired a held lock")
        } catch let LockError.timedOut(name, waited, holder) {
            #expect(name == "l")
            #expect(waited >= 0.2)
            #expect(holder?.owner == "worker-a")
        }
        // Released while b waits: b gets it.
        let waiting = Task { try await b.acquire(waitSeconds: 30) }
        try await Task.sleep(for: .milliseconds(50))
        try await lease.release()
        let leaseB = try await waiting.value
        #expect(try await b.holder()?.owner == "worker-b")
        try await leaseB.release()
        try await store.close()
    }

    @Test(arguments: TestEngine.available)
    func withLockReleasesWhenTheBodyThrows(engine: TestEngine) async throws {
        let store = try await engine.freshStore()
        let lock = DistributedLock(store: store, name: "l", owner: "a")
        struct Boom: Error {}
        await #expect(throws: Boom.self) {
            try await lock.withLock(waitSeconds: 1) { _ in throw Boom() }
        }
        #expect(try await lock.holder() == nil)
        #expect(try await lock.withLock(waitSeconds: 1) { _ in 7 } == 7)
        #expect(try await lock.holder() == nil)
        try await store.close()
    }
}
