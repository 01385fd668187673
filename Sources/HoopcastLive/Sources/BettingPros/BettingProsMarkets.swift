import HoopcastCore

/// BettingPros' NBA player-prop market ids and the markets of `prop_lines` they are (every market BettingPros
/// lists has a canonical name, so none is renamed or dropped; an id not in the table is skipped and counted).
///
/// Ids, slugs and labels are BettingPros' own, as every captured `/v3/props` response lists them under `markets`
/// (`bp_player_props/*`; `BettingProsMappingTests` checks the table against them).
public enum BettingProsMarkets {
    /// One market: BettingPros' id and slug, and the `prop_lines` market.
    public struct Entry: Sendable, Hashable {
        /// BettingPros' `market_id`.
        public let id: Int
        /// BettingPros' slug (`markets[].slug`).
        public let slug: String
        /// The market in `prop_lines`.
        public let market: PropMarket
    }

    /// Every mapped market, by id.
    public static let all: [Entry] = [
        Entry(id: 151, slug: "assists", market: .assists),
        Entry(id: 152, slug: "blocks", market: .blocks),
        Entry(id: 156, slug: "points", market: .points),
        Entry(id: 157, slug: "rebounds", market: .rebounds),
        Entry(id: 160, slug: "steals", market: .steals),
        Entry(id: 162, slug: "threes", market: .threes),
        Entry(id: 335, slug: "points-assists", market: .pointsAssists),
        Entry(id: 336, slug: "points-rebounds", market: .pointsRebounds),
        Entry(id: 337, slug: "rebounds-assists", market: .reboundsAssists),
        Entry(id: 338, slug: "points-assists-rebounds", market: .pointsReboundsAssists),
    ]

    static let byID: [Int: PropMarket] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0.market) })

    /// The market of BettingPros' `id`; nil when the table does not know it.
    public static func market(_ id: Int) -> PropMarket? { byID[id] }

    /// The `market_id` request parameter: every mapped id, colon-separated as BettingPros' own site sends it.
    public static var requestParameter: String { all.map { String($0.id) }.joined(separator: ":") }
}
