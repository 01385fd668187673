import HoopcastCore
import Synchronization

/// The tests' ``WallClock``: time stands still until the test moves it with ``advance(by:)``, and every sleep is
/// recorded (``sleeps``).
///
/// How a sleep ends is chosen per clock (``Sleeping``): in virtual time (the HTTP client's retries, the scheduler's
/// loop) it moves the clock to its deadline and returns at once, so no test waits; otherwise it suspends until the
/// test advances the clock past its deadline or the sleeping task is cancelled (a worker's heartbeat under a queue
/// whose leases the test expires by hand).
final class ManualClock: WallClock {
    /// How a sleep ends.
    enum Sleeping: Sendable {
        /// The sleep moves the clock to its deadline and returns at once.
        case advancesTheClock
        /// The sleep suspends until ``ManualClock/advance(by:)`` reaches its deadline (or its task is cancelled).
        case waitsForAdvance
    }

    private struct Sleeper {
        let id: Int
        let deadline: WallInstant
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now: WallInstant
        var sleeps: [Duration] = []
        var sleepers: [Sleeper] = []
        var cancelled: Set<Int> = []
        var nextID = 0
    }

    /// 2027-01-15T08:00:00Z: later than any real run_after a test's system-clock queue may have written.
    static let start = WallInstant.epoch + .seconds(1_800_000_000)

    /// How sleeps on this clock end.
    let sleeping: Sleeping
    private let state: Mutex<State>

    /// A clock at `now`.
    init(now: WallInstant = ManualClock.start, sleeping: Sleeping = .waitsForAdvance) {
        self.sleeping = sleeping
        state = Mutex(State(now: now))
    }

    var now: WallInstant { state.withLock { $0.now } }

    var minimumResolution: Duration { .zero }

    /// Every sleep's length (deadline minus the time it began), in order.
    var sleeps: [Duration] { state.withLock { $0.sleeps } }

    func sleep(until deadline: WallInstant, tolerance: Duration? = nil) async throws {
        try Task.checkCancellation()
        switch sleeping {
        case .advancesTheClock:
            state.withLock { state in
                state.sleeps.append(state.now.duration(to: deadline))
                state.now = max(state.now, deadline)
            }
        case .waitsForAdvance:
            let id = state.withLock { state in
                state.sleeps.append(state.now.duration(to: deadline))
                state.nextID += 1
                return state.nextID
            }
            try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                    let outcome: Result<Void, any Error>? = state.withLock { state in
                        if state.cancelled.remove(id) != nil { return .failure(CancellationError()) }
                        if deadline <= state.now { return .success(()) }
                        state.sleepers.append(Sleeper(id: id, deadline: deadline, continuation: continuation))
                        return nil
                    }
                    if let outcome { continuation.resume(with: outcome) }
                }
            } onCancel: {
                let sleeper = state.withLock { state -> Sleeper? in
                    guard let index = state.sleepers.firstIndex(where: { $0.id == id }) else {
                        state.cancelled.insert(id)  // not waiting yet: it throws as soon as it would
                        return nil
                    }
                    return state.sleepers.remove(at: index)
                }
                sleeper?.continuation.resume(throwing: CancellationError())
            }
        }
    }

    /// Moves the clock forward by `duration`, waking the sleeps whose deadline it reaches.
    func advance(by duration: Duration) {
        let woken = state.withLock { state -> [Sleeper] in
            state.now = state.now + duration
            let now = state.now
            let due = state.sleepers.filter { $0.deadline <= now }
            state.sleepers.removeAll { $0.deadline <= now }
            return due
        }
        for sleeper in woken { sleeper.continuation.resume() }
    }
}
