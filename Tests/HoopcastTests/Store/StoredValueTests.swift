import HoopcastCore
import HoopcastStore
import SQLKit
import Testing

/// A stored value that does not parse is an error naming the table, the row's key, the column and the value (it
/// was "raw_games holds a malformed row").
struct StoredValueTests {
    @Test func aValueThatDoesNotParseNamesTableKeyColumnAndValue() async throws {
        let store = try await TestStore.fresh()
        let row = try #require(try await store.sql.raw("SELECT 'bogus' AS season, '2024-01-15' AS game_date").first())
        #expect(
            try row.parsed("game_date", in: "raw_games", key: "0022300555", GameDate.init) == GameDate("2024-01-15"))
        do {
            _ = try row.parsed("season", in: "raw_games", key: "0022300555", Season.init)
            Issue.record("'bogus' parsed as a season")
        } catch let error as StoreError {
            #expect(error.code == .decodingFailed)
            #expect(error.description == "raw_games row 0022300555: column season holds 'bogus', not a Season")
        }
        try await store.close()
    }
}
