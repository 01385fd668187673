import HoopcastCore

/// BettingPros' book ids as data: the 17 books of the captured multi-book listing's `books` map
/// (`bp_player_props/raw_82abe5b7.json`; `BettingProsMappingTests` checks ids and names against it), with the
/// `book` key of `prop_lines` (where The Odds API, the canonical dataset or the line policy's default books name a
/// book, their key: `draftkings`, `fanduel`, `betmgm`, `caesars`, `betrivers`, `espnbet`, `fanatics`,
/// `hardrockbet`, `bet365`, `prizepicks`, `underdog`) and whether it is a daily-fantasy app.
///
/// Book 0, "BettingPros Consensus", is not a book but BettingPros' own summary of the books; its quotes are skipped
/// (and counted), like any id not in the table.
public enum BettingProsBooks {
    /// Every known book.
    public static let all: [BettingProsBook] = [
        BettingProsBook(id: 10, name: "FanDuel", key: "fanduel"),
        BettingProsBook(id: 12, name: "DraftKings", key: "draftkings"),
        BettingProsBook(id: 13, name: "Caesars", key: "caesars"),
        BettingProsBook(id: 14, name: "Fanatics", key: "fanatics"),
        BettingProsBook(id: 15, name: "SugarHouse", key: "sugarhouse"),
        BettingProsBook(id: 18, name: "BetRivers", key: "betrivers"),
        BettingProsBook(id: 19, name: "BetMGM", key: "betmgm"),
        BettingProsBook(id: 24, name: "bet365", key: "bet365"),
        BettingProsBook(id: 27, name: "PartyCasino", key: "partycasino"),
        BettingProsBook(id: 33, name: "ESPN Bet", key: "espnbet"),
        BettingProsBook(id: 36, name: "Underdog", key: "underdog", type: .dfs),
        BettingProsBook(id: 37, name: "PrizePicks", key: "prizepicks", type: .dfs),
        BettingProsBook(id: 38, name: "ProphetX", key: "prophetx"),
        BettingProsBook(id: 39, name: "Fliff", key: "fliff"),
        BettingProsBook(id: 49, name: "Hard Rock", key: "hardrockbet"),
        BettingProsBook(id: 60, name: "Novig", key: "novig"),
        BettingProsBook(id: 63, name: "Sleeper", key: "sleeper", type: .dfs),
    ]

    /// BettingPros' consensus pseudo-book ("BettingPros Consensus"): never stored.
    public static let consensusID = 0

    /// The books `ingest` asks for, one `/v3/props` request each (a request naming several books answers with the
    /// best line across them, not each book's line): the line policy's default sportsbooks that BettingPros
    /// carries, then the two largest pick'em apps.
    public static let requested: [Int] = [12, 10, 19, 13, 18, 37, 36]

    static let byID: [Int: BettingProsBook] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    /// The book with BettingPros id `id`; nil for the consensus and for ids the table does not know.
    public static func book(_ id: Int) -> BettingProsBook? { byID[id] }
}
