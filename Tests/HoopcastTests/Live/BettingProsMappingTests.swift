import HoopcastCore
import HoopcastLive
import Testing

/// BettingPros' ids and codes as data (``BettingProsMarkets``, ``BettingProsBooks``, ``BettingProsTeams``), checked
/// against what the three real captures list; the request plan and the page numbers of `bettingpros.player_props`.
@Suite struct BettingProsMappingTests {
    static let captures = ["raw_392d3a8b.json", "raw_e49ff768.json.gz", "raw_82abe5b7.json"]

    static func document(_ file: String) throws -> JSONCursor {
        let value = try JSONParser.parse(try LiveFixtures.bytes("bp_player_props/\(file)"))
        return JSONCursor(value, context: PayloadContext(source: "test", endpoint: file))
    }

    /// Every string value under a member named `key`, anywhere in `value`.
    static func strings(named key: String, in value: JSONValue) -> [String] {
        switch value {
        case .object(let members):
            return members.flatMap { name, member -> [String] in
                var found = strings(named: key, in: member)
                if name == key, case .string(let text) = member { found.append(text) }
                return found
            }
        case .array(let items): return items.flatMap { strings(named: key, in: $0) }
        default: return []
        }
    }

    /// The listing's `books` (`python3 -c "import json; print({b['id']: b['name'] for b in
    /// json.load(open('raw_82abe5b7.json'))['books']})"`): 18 ids, the table's 17 books and the consensus.
    @Test func theBookTableIsTheListingsBooks() throws {
        var names: [Int: String] = [:]
        for book in try BettingProsMappingTests.document("raw_82abe5b7.json")["books"].array() {
            names[try book["id"].int()] = try book["name"].string()
        }
        #expect(names.count == 18)
        #expect(names[BettingProsBooks.consensusID] == "BettingPros Consensus")
        #expect(BettingProsBooks.book(BettingProsBooks.consensusID) == nil)
        var table: [Int: String] = [:]
        for book in BettingProsBooks.all { table[book.id] = book.name }
        #expect(table == names.filter { $0.key != BettingProsBooks.consensusID })
        #expect(Set(BettingProsBooks.all.map(\.key)).count == 17)
        #expect(BettingProsBooks.all.filter { $0.type == .dfs }.map(\.name) == ["Underdog", "PrizePicks", "Sleeper"])
        // The keys the other prop sources and the line policy's default books already use.
        #expect(
            [12, 10, 19, 13, 18].compactMap { BettingProsBooks.book($0)?.key } == [
                "draftkings", "fanduel", "betmgm", "caesars", "betrivers",
            ])
        // Every book any capture quotes (current sides and opening lines) is in the table or is the consensus.
        for file in BettingProsMappingTests.captures {
            let root = try BettingProsMappingTests.document(file)
            for prop in try root["props"].array() {
                for side in ["over", "under"] {
                    var ids = [try prop[side]["book"].int()]
                    if let opening = try prop[side].optional("selection")?.optional("opening_line") {
                        ids.append(try opening["book_id"].int())
                    }
                    for id in ids {
                        #expect(BettingProsBooks.book(id) != nil || id == BettingProsBooks.consensusID, "\(file) \(id)")
                    }
                }
            }
        }
        #expect(BettingProsBooks.requested.allSatisfy { BettingProsBooks.book($0) != nil })
    }

    /// Every capture lists the same ten markets (`python3 -c "import json; print([(m['id'], m['slug']) for m in
    /// json.load(open('raw_392d3a8b.json'))['markets']])"`, likewise for the other two).
    @Test func theMarketTableIsEveryCapturesMarketList() throws {
        let table = Set(BettingProsMarkets.all.map { "\($0.id) \($0.slug)" })
        #expect(table.count == 10)
        #expect(Set(BettingProsMarkets.all.map(\.market)) == Set(PropMarket.allCases))
        for file in BettingProsMappingTests.captures {
            let root = try BettingProsMappingTests.document(file)
            var listed: Set<String> = []
            for market in try root["markets"].array() {
                listed.insert("\(try market["id"].int()) \(try market["slug"].string())")
            }
            #expect(listed == table, "\(file)")
            for prop in try root["props"].array() {
                #expect(BettingProsMarkets.market(try prop["market_id"].int()) != nil)
            }
        }
        #expect(BettingProsMarkets.market(156) == .points && BettingProsMarkets.market(338) == .pointsReboundsAssists)
        #expect(BettingProsMarkets.market(162) == .threes && BettingProsMarkets.market(346) == nil)
        #expect(BettingProsMarkets.requestParameter == "151:152:156:157:160:162:335:336:337:338")
    }

    /// Team codes anywhere in the captures (events' `home`/`visitor`, players' `team`, lineups): 25 codes, from
    /// `python3 -c "import json,gzip,re; print(sorted({c for t in [open('raw_392d3a8b.json').read(),
    /// open('raw_82abe5b7.json').read(), gzip.open('raw_e49ff768.json.gz','rt').read()] for c in
    /// re.findall(r'\"(?:home|visitor|team)\": \"([A-Z]{3})\"', t)}))"`.
    @Test func everyTeamCodeOfTheCapturesMapsToAnNBATeam() throws {
        var codes: Set<String> = []
        for file in BettingProsMappingTests.captures {
            let root = try BettingProsMappingTests.document(file).value
            for key in ["home", "visitor", "team"] {
                codes.formUnion(BettingProsMappingTests.strings(named: key, in: root).filter { $0.count == 3 })
            }
        }
        #expect(
            codes == [
                "ATL", "BKN", "BOS", "CHI", "CLE", "DAL", "DEN", "DET", "GSW", "HOU", "IND", "LAL", "MEM", "MIL", "MIN",
                "NOR", "NYK", "ORL", "PHI", "PHO", "POR", "SAC", "SAS", "TOR", "UTH",
            ])
        for code in codes { #expect(BettingProsTeams.team(code) != nil, "\(code)") }
        #expect(BettingProsTeams.team("UTH")?.code == "UTA")
        #expect(BettingProsTeams.team("NOR")?.code == "NOP")
        #expect(BettingProsTeams.team("PHO")?.code == "PHX")
        #expect(BettingProsTeams.team("BOS")?.code == "BOS" && BettingProsTeams.team("XYZ") == nil)
        // All 30 franchises, each once.
        #expect(BettingProsTeams.nbaCodes.count == 30)
        #expect(Set(BettingProsTeams.nbaCodes.values) == Set(Team.all.map(\.code)))
        #expect(BettingProsTeams.nbaCodes.allSatisfy { Team($0.value)?.code == $0.value })
    }

    @Test func propsArePlannedPerBookInTheMorningAndBeforeTipOffNotOvernight() {
        let settings = SourceSettings()
        let morning = RequestPlanner(
            date: GameDate("2024-12-06")!, phase: .morning, sources: ["bettingpros.player_props"], settings: settings
        ).dateStage(seasonTypes: [.regularSeason])
        #expect(morning.count == 7 && morning.allSatisfy { $0.endpoint == "bettingpros.player_props" })
        #expect(morning.allSatisfy { $0.request.baseURL == "https://api.bettingpros.com" })
        #expect(morning.allSatisfy { $0.request.path == "/v3/props" && $0.request.policyHost == "api.bettingpros.com" })
        #expect(
            morning[0].request.redactedParameters
                == "sport=NBA&date=2024-12-06&book_id=12&market_id=151:152:156:157:160:162:335:336:337:338&limit=1000"
                + "&include_events=true&include_selections=true")
        #expect(
            morning.map { $0.request.query.first { $0.name == "book_id" }!.value } == [
                "12", "10", "19", "13", "18", "37", "36",
            ])
        let pretip = RequestPlanner(
            date: GameDate("2024-12-06")!, phase: .pretip, sources: ["bettingpros"], settings: settings)
        #expect(
            pretip.dateStage(seasonTypes: [.regularSeason]).map(\.endpoint)
                == Array(repeating: "bettingpros.player_props", count: 7))
        let overnight = RequestPlanner(
            date: GameDate("2024-12-06")!, phase: .overnight, sources: ["bettingpros"], settings: settings)
        #expect(overnight.dateStage(seasonTypes: [.regularSeason]).isEmpty)
        #expect(IngestPhase.morning.includes("bettingpros.player_props"))
        #expect(IngestPhase.pretip.includes("bettingpros.player_props"))
        #expect(!IngestPhase.overnight.includes("bettingpros.player_props"))
    }

    @Test func pagesAreFollowedByNumberUntilTheLast() throws {
        let endpoint = try #require(EndpointCatalog.endpoint("bettingpros.player_props"))
        #expect(endpoint.cursor?.parameter == "page")
        // The listing is page 1 of 56; the DraftKings slate page 1 of 1; the derived split pages 1 and 2 of 2.
        #expect(endpoint.nextCursor(in: try LiveFixtures.bytes("bp_player_props/raw_82abe5b7.json")) == "2")
        #expect(endpoint.nextCursor(in: try LiveFixtures.bytes("bp_player_props/raw_392d3a8b.json")) == nil)
        #expect(endpoint.nextCursor(in: try LiveFixtures.bytes("bp_player_props/raw_e49ff768.json.gz")) == nil)
        #expect(endpoint.nextCursor(in: try LiveFixtures.bytes("derived/bp_props_dk_2024-12-06_page1.json")) == "2")
        #expect(endpoint.nextCursor(in: try LiveFixtures.bytes("derived/bp_props_dk_2024-12-06_page2.json")) == nil)
        // Ball Don't Lie still pages by cursor.
        let players = try #require(EndpointCatalog.endpoint("bdl.players"))
        #expect(players.cursor?.parameter == "cursor")
        #expect(players.nextCursor(in: Array(#"{"data":[],"meta":{"next_cursor":146}}"#.utf8)) == "146")
        #expect(players.nextCursor(in: Array(#"{"data":[],"meta":{}}"#.utf8)) == nil)
    }
}
