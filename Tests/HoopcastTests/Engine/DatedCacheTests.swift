import HoopcastCore
import HoopcastEngine
import NIOConcurrencyHelpers
import Testing

/// `DatedCache` reads each date once, re-reads a date whose change counter moved (and every date after it), and
/// answers what a fresh read of the window would as long as every write moves its counter (a change that does not
/// is, by contract, not seen): the reads it asks for are recorded and checked exactly.
struct DatedCacheTests {
    /// A table of one row per date (its value), with the ranges the cache asked for.
    final class Source: Sendable {
        let values = NIOLockedValueBox<[GameDate: Int]>([:])
        let reads = NIOLockedValueBox<[String]>([])

        func read(_ from: GameDate, _ before: GameDate) -> [(date: GameDate, row: Int)] {
            reads.withLockedValue { $0.append("\(from)…\(before)") }
            return values.withLockedValue { values in
                values.filter { $0.key >= from && $0.key < before }.sorted { $0.key < $1.key }.map {
                    ($0.key, $0.value)
                }
            }
        }
    }

    static func day(_ n: Int) -> GameDate { GameDate("2024-01-01")!.adding(days: n) }

    @Test func eachDateIsReadOnceAndAChangedDateIsReadAgainWithEveryLaterOne() async throws {
        let source = Source()
        source.values.withLockedValue { values in for n in 0..<10 { values[Self.day(n)] = n } }
        let cache = DatedCache<Int>(windowDays: 5)
        var versions: [String: Int] = [:]
        func rows(before n: Int) async throws -> [Int] {
            try await cache.rows(before: Self.day(n), versions: versions) { source.read($0, $1) }
        }
        #expect(try await rows(before: 6) == [1, 2, 3, 4, 5])
        #expect(try await rows(before: 7) == [2, 3, 4, 5, 6])
        #expect(try await rows(before: 7) == [2, 3, 4, 5, 6])  // the same date again: nothing new to read
        // Day 4's row changes and its counter moves: day 4 and the days after it are read again.
        source.values.withLockedValue { $0[Self.day(4)] = 40 }
        versions[Self.day(4).description] = 1
        #expect(try await rows(before: 8) == [3, 40, 5, 6, 7])
        // A change without a moved counter is not seen (every write bumps one: the cache trusts them).
        source.values.withLockedValue { $0[Self.day(5)] = 50 }
        #expect(try await rows(before: 9) == [40, 5, 6, 7, 8])
        // An earlier date than before reads the whole window afresh.
        #expect(try await rows(before: 7) == [2, 3, 40, 50, 6])
        #expect(
            source.reads.withLockedValue { $0 } == [
                "2024-01-02…2024-01-07", "2024-01-07…2024-01-08", "2024-01-08…2024-01-08",
                "2024-01-05…2024-01-09", "2024-01-09…2024-01-10", "2024-01-03…2024-01-08",
            ])
    }
}
