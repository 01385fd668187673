import Foundation
import Testing

@testable import HoopcastCore

struct PlayerNameResolverTests {
    /// One resolution expected from real data: a book name as it appears in the 2023-24 prop lines (or a real name
    /// for older seasons), the game's date and teams, and the NBA person id from the box scores.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let date: String
        let teams: [String]
        let playerID: Int
        let match: PlayerNameMatch

        init(_ name: String, _ date: String, _ teams: [String], _ playerID: Int, _ match: PlayerNameMatch) {
            self.name = name
            self.date = date
            self.teams = teams
            self.playerID = playerID
            self.match = match
        }

        var testDescription: String { "\(name) on \(date) \(teams)" }
    }

    /// A malformed fixture line.
    struct FixtureError: Error, CustomStringConvertible {
        let line: Int
        let text: String
        var description: String { "registry-sample.csv line \(line): cannot parse \(text)" }
    }

    /// Registry players from the committed excerpt of the real box scores, one `RegistryPlayer` per player id.
    let players: [RegistryPlayer]
    /// A resolver over `players` with the built-in aliases.
    let resolver: PlayerNameResolver

    init() throws {
        players = try Self.fixture.get()
        resolver = PlayerNameResolver(players: players, aliases: BuiltInAliases.all)
    }

    /// The fixture, parsed once for all tests.
    static let fixture = Result { try loadFixture() }

    static func loadFixture() throws -> [RegistryPlayer] {
        let url = TestPaths.repo("Tests/HoopcastTests/Fixtures/registry-sample.csv")
        let text = try String(contentsOf: url, encoding: .utf8)
        var names: [Int: String] = [:]
        var stints: [Int: [TeamStint]] = [:]
        for (offset, line) in text.split(separator: "\n").enumerated().dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == 6, let id = Int(fields[0]), let team = Team(fields[2]),
                let season = Season(fields[3]), let first = GameDate(fields[4]), let last = GameDate(fields[5])
            else { throw FixtureError(line: offset + 1, text: String(line)) }
            names[id] = String(fields[1])
            stints[id, default: []].append(TeamStint(team: team, season: season, first: first, last: last))
        }
        return stints.keys.sorted().map { RegistryPlayer(playerID: $0, name: names[$0]!, stints: stints[$0]!) }
    }

    /// Every team with a game on 2023-10-27 (games.csv.gz), as the pipeline passes for team-less rzrtag/bluefin rows.
    static let teamsOn20231027 = [
        "CHA", "DET", "MEM", "DEN", "ATL", "NYK", "BOS", "MIA", "CLE", "OKC", "CHI", "TOR",
        "SAS", "HOU", "DAL", "BKN", "UTA", "LAC", "POR", "ORL", "SAC", "GSW",
    ]

    /// Every team with a game on 2023-10-28.
    static let teamsOn20231028 = [
        "DET", "CHI", "WAS", "MEM", "NOP", "NYK", "CLE", "IND", "TOR", "PHI", "MIN", "MIA", "PHX", "UTA",
    ]

    func query(_ name: String, _ date: String, _ teams: [String]) -> PlayerNameQuery {
        PlayerNameQuery(rawName: name, gameDate: GameDate(date)!, teams: Set(teams.compactMap { Team($0) }))
    }

    func resolve(_ name: String, _ date: String, _ teams: [String] = []) -> PlayerNameResolution {
        resolver.resolve(query(name, date, teams))
    }

    @Test func fixtureLoads() {
        #expect(players.count == 81)
        #expect(players.first { $0.playerID == 203999 }?.name == "Nikola Jokić")
    }

    @Test(arguments: [
        Case("Nikola Jokić", "2023-10-24", ["DEN", "LAL"], 203999, .exact),
        Case("Luka Dončić", "2023-10-25", ["SAS", "DAL"], 1629029, .exact),
        Case("Dennis Schroder", "2023-10-25", [], 203471, .exact),
        Case("Dāvis Bertāns", "2023-10-25", ["CHA", "ATL"], 202722, .exact),
        Case("De’Anthony Melton", "2023-11-02", ["PHI", "TOR"], 1629001, .exact),
        Case("Royce O’Neale", "2024-02-25", ["PHX", "LAL"], 1626220, .exact),
        Case("P.J Washington", "2023-10-25", ["CHA", "ATL"], 1629023, .exact),
        Case("PJ Washington", "2024-02-25", ["IND", "DAL"], 1629023, .exact),
        Case("P.J. Washington Jr.", "2024-02-25", ["IND", "DAL"], 1629023, .exact),
        Case("T.J. McConnell Jr.", "2023-11-19", ["IND", "ORL"], 204456, .exact),
        Case("Anthony Davis Jr.", "2023-10-24", ["DEN", "LAL"], 203076, .exact),
        Case("Xavier Tillman, Sr.", "2024-03-17", ["WAS", "BOS"], 1630214, .exact),
        Case("Portis, Bobby", "2023-10-26", ["MIL", "PHI"], 1626171, .exact),
        Case("Jimmy Butler", "2023-10-25", ["MIA", "DET"], 202710, .exact),
        Case("Daniel Theis (IND)", "2023-12-02", ["LAC", "GSW"], 1628464, .exact),
        Case("Jalen (2001) Johnson", "2023-12-31", ["WAS", "ATL"], 1630552, .exact),
        Case("Dorian Finney Smith", "2023-10-30", ["CHA", "BKN"], 1627827, .compact),
        Case("Wembanyama Victor", "2023-10-25", ["SAS", "DAL"], 1641705, .reordered),
        Case("Morris Marcus", "2024-01-27", ["DEN", "PHI"], 202694, .reordered),
        Case("Love Kevin", "2023-11-25", ["BKN", "MIA"], 201567, .reordered),
        Case("Eric Ambrose Gordon Jr.", "2023-11-04", ["PHI", "PHX"], 201569, .middleNamesDropped),
        Case("Brook Robert Lopez", "2023-10-26", ["MIL", "PHI"], 201572, .middleNamesDropped),
        Case("Kevin Devon Knox II", "2024-01-15", ["WAS", "DET"], 1628995, .middleNamesDropped),
        Case("G Antetokounmpo", "2023-10-26", ["MIL", "PHI"], 203507, .initial),
        Case("S Gilgeous-Alexander", "2023-10-25", ["CHI", "OKC"], 1628983, .initial),
        Case("K Caldwell-Pope", "2024-01-14", ["DEN", "IND"], 203484, .initial),
        Case("M. Moody", "2023-10-24", ["GSW", "PHX"], 1630541, .initial),
        Case("D. Jones Jr.", "2023-11-03", ["DEN", "DAL"], 1627884, .initial),
        Case("Nicolas Claxton", "2023-10-25", ["BKN", "CLE"], 1629651, .firstNamePrefix),
        Case("Cameron Thomas", "2023-10-30", ["CHA", "BKN"], 1630560, .firstNamePrefix),
        Case("Cam Johnson", "2023-11-16", ["MIA", "BKN"], 1629661, .firstNamePrefix),
        Case("Herb Jones", "2024-03-10", ["ATL", "NOP"], 1630529, .firstNamePrefix),
        Case("Joshua Giddey", "2023-10-27", ["CLE", "OKC"], 1630581, .firstNamePrefix),
        Case("Mohamed Bamba", "2024-03-03", ["DAL", "PHI"], 1628964, .firstNamePrefix),
        Case("Ishmael Larry Smith", "2024-02-04", ["CHA", "IND"], 202397, .firstNamePrefix),
        Case("Moe Wagner", "2024-03-13", ["ORL", "BKN"], 1629021, .alias),
        Case("Gregory Jackson II", "2024-01-28", ["IND", "MEM"], 1641713, .alias),
        Case("Kenyon Martin Jr.", "2023-10-25", ["LAC", "POR"], 1630231, .alias),
        Case("Christian James McCollum", "2023-10-25", ["MEM", "NOP"], 203468, .alias),
        Case("Bojan Bogdanovich", "2024-01-15", ["WAS", "DET"], 202711, .alias),
    ])
    func resolvesRealBookNames(_ testCase: Case) {
        let result = resolve(testCase.name, testCase.date, testCase.teams)
        #expect(result == .resolved(playerID: testCase.playerID, match: testCase.match))
    }

    @Test(arguments: [
        // Same initial and surname: the game's teams decide.
        Case("J. Green", "2024-01-03", ["DAL", "POR"], 1630182, .initial),  // Josh Green
        Case("J. Green", "2024-04-11", ["DET", "CHI"], 1629750, .initial),  // Javonte Green
        Case("C. Martin", "2024-01-08", ["MIA", "HOU"], 1628997, .initial),  // Caleb Martin
        Case("C. Martin", "2024-01-02", ["SAC", "CHA"], 1628998, .initial),  // Cody Martin
        Case("T. Young", "2024-03-07", ["PHX", "TOR"], 201152, .initial),  // Thaddeus Young, traded TOR → PHX
        Case("G Antetokounmpo", "2024-03-04", ["MIL", "LAC"], 203507, .initial),
        Case("T. Antetokounmpo", "2024-03-04", ["MIL", "LAC"], 203648, .initial),
        // Mil. vs Mik.: the abbreviation's letters decide even when both Bridges are in the game.
        Case("Mil. Bridges", "2024-03-09", ["CHA", "BKN"], 1628970, .firstNamePrefix),
        Case("Mik. Bridges", "2024-03-09", ["CHA", "BKN"], 1628969, .firstNamePrefix),
        // Team-less rows: every team playing that date narrows it.
        Case("T. Young", "2023-10-28", teamsOn20231028, 201152, .initial),  // TOR plays, ATL does not
        Case("D. Wade", "2023-10-27", teamsOn20231027, 1629731, .initial),  // Dean Wade
        // The season decides between generations.
        Case("D. Wade", "2023-10-31", ["CLE", "NYK"], 1629731, .initial),
        Case("D. Wade", "2019-01-08", ["MIA", "DEN"], 2548, .initial),  // Dwyane Wade; Dean debuted 2019-11
        Case("K. Bryant", "2016-01-03", ["LAL", "PHX"], 977, .initial),
    ])
    func teamsAndSeasonsBreakTies(_ testCase: Case) {
        let result = resolve(testCase.name, testCase.date, testCase.teams)
        #expect(result == .resolved(playerID: testCase.playerID, match: testCase.match))
    }

    @Test func twoEquallyGoodCandidatesAreAmbiguous() {
        // Jalen Green and Jeff Green both played the whole 2023-24 season for Houston.
        #expect(resolve("J. Green", "2024-01-15", ["PHI", "HOU"]) == .ambiguous(candidates: [201145, 1630224]))
        // Caleb (MIA) and Cody (CHA) Martin in the same game.
        #expect(resolve("C. Martin", "2024-01-14", ["MIA", "CHA"]) == .ambiguous(candidates: [1628997, 1628998]))
        #expect(resolve("T. Young", "2024-01-28", ["ATL", "TOR"]) == .ambiguous(candidates: [201152, 1629027]))
        #expect(resolve("M. Bridges", "2024-03-09", ["CHA", "BKN"]) == .ambiguous(candidates: [1628969, 1628970]))
    }

    @Test func withoutTeamsEveryActivePlayerCounts() {
        #expect(resolve("Jalen Green", "2024-01-15") == .resolved(playerID: 1630224, match: .exact))
        // Jeff (HOU), Josh (DAL), Jalen (HOU) are near the date; Javonte (CHI from 2024-03-27) is not, and JaMychal
        // did not play in 2023-24.
        #expect(resolve("J. Green", "2024-01-15") == .ambiguous(candidates: [201145, 1630182, 1630224]))
        // In April all four are near.
        #expect(resolve("J. Green", "2024-04-10") == .ambiguous(candidates: [201145, 1629750, 1630182, 1630224]))
        // 2023-10-27: HOU, DAL and CHI all play; Javonte joined CHI only in March, so he is not near the date.
        let teamLess = resolve("J. Green", "2023-10-27", Self.teamsOn20231027)
        #expect(teamLess == .ambiguous(candidates: [201145, 1630182, 1630224]))
    }

    @Test func stintDatesBreakTiesWithinATeamSeason() {
        // Washington 2019-20: Justin Robinson until 2020-01-01, Jerome Robinson from 2020-02-09.
        #expect(resolve("J. Robinson", "2019-11-08", ["WAS", "CLE"]) == .resolved(playerID: 1629620, match: .initial))
        #expect(resolve("J. Robinson", "2020-02-09", ["WAS", "MEM"]) == .resolved(playerID: 1629010, match: .initial))
        #expect(resolve("J. Robinson", "2020-01-20", ["WAS", "DET"]) == .ambiguous(candidates: [1629010, 1629620]))
        // Memphis 2019-20: Jaren Jackson Jr. until 2020-02-21, Josh Jackson from 2020-01-29.
        #expect(resolve("J. Jackson", "2019-12-02", ["MEM", "IND"]) == .resolved(playerID: 1628991, match: .initial))
        #expect(resolve("J. Jackson", "2020-03-07", ["MEM", "ATL"]) == .resolved(playerID: 1628367, match: .initial))
        #expect(resolve("J. Jackson", "2020-02-09", ["WAS", "MEM"]) == .ambiguous(candidates: [1628367, 1628991]))
    }

    @Test func previousSeasonCountsBeforeANewSeasonHasGames() {
        // 2024-25 has no stints in the registry yet; 2023-24 stints decide.
        #expect(resolve("D. Wade", "2024-10-25", ["CLE", "TOR"]) == .resolved(playerID: 1629731, match: .initial))
        #expect(resolve("J. Green", "2024-10-25", ["HOU", "CHA"]) == .ambiguous(candidates: [201145, 1630224]))
    }

    @Test func spellingOnlyRulesFallBackToFormerPlayers() {
        // An exact name resolves even without recent games; a looser rule does not.
        #expect(resolve("Kobe Bryant", "2024-01-15", ["LAL", "OKC"]) == .resolved(playerID: 977, match: .exact))
        #expect(resolve("K. Bryant", "2024-01-15", ["LAL", "OKC"]) == .unresolved)
    }

    @Test(arguments: ["Bronny James", "Antetokounmpo", "", "Zach Edey", "J. Nobody"])
    func unknownNamesAreUnresolved(_ name: String) {
        #expect(resolve(name, "2024-01-15", ["LAL", "OKC"]) == .unresolved)
    }

    @Test func builtInAliasesResolveAndAreNotDerivableByRules() {
        let withoutAliases = PlayerNameResolver(players: players, aliases: [])
        for alias in BuiltInAliases.all {
            let aliasQuery = query(alias.alias, "2024-01-15", [])
            #expect(resolver.resolve(aliasQuery) == .resolved(playerID: alias.playerID, match: .alias), "\(alias)")
            #expect(withoutAliases.resolve(aliasQuery).playerID != alias.playerID, "\(alias.alias) needs no alias")
        }
        #expect(Set(BuiltInAliases.all.map { PlayerNameNormalizer.key($0.alias) }).count == BuiltInAliases.all.count)
    }

    @Test func aliasToAnUnknownIDStillResolves() {
        // An id the registry has never seen (e.g. a rookie before his first game).
        let alias = PlayerAlias(alias: "Bronny", playerID: 9_999_999)
        let resolver = PlayerNameResolver(players: players, aliases: [alias])
        #expect(resolver.resolve(query("Bronny", "2024-10-22", [])) == .resolved(playerID: 9_999_999, match: .alias))
    }

    @Test func duplicatePlayerEntriesAreMerged() {
        // One RegistryPlayer per stint row instead of per player: same answers.
        let perStint = players.flatMap { player in
            player.stints.map { RegistryPlayer(playerID: player.playerID, name: player.name, stints: [$0]) }
        }
        let resolver = PlayerNameResolver(players: perStint, aliases: BuiltInAliases.all)
        let josh = resolver.resolve(query("J. Green", "2024-01-03", ["DAL", "POR"]))
        #expect(josh == .resolved(playerID: 1630182, match: .initial))
        let houston = resolver.resolve(query("J. Green", "2024-01-15", ["PHI", "HOU"]))
        #expect(houston == .ambiguous(candidates: [201145, 1630224]))
    }

    @Test func resolveAllMatchesResolveInOrder() {
        let queries = [
            query("J. Green", "2024-01-03", ["DAL", "POR"]),
            query("J. Green", "2024-01-15", ["PHI", "HOU"]),
            query("Nicolas Claxton", "2023-10-25", ["BKN", "CLE"]),
            query("J. Green", "2024-04-11", ["DET", "CHI"]),
            query("Bronny James", "2024-01-15", ["LAL", "OKC"]),
            query("Nicolas Claxton", "2023-10-25", ["BKN", "CLE"]),
        ]
        let batch = resolver.resolveAll(queries)
        #expect(batch == queries.map { resolver.resolve($0) })
        #expect(batch.map(\.playerID) == [1630182, nil, 1629651, 1629750, nil, 1629651])
    }
}
