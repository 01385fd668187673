/// An NBA franchise, identified by the NBA's three-letter code (ATL, BOS, BKN, …).
public struct Team: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The three-letter code, upper case.
    public let code: String

    /// Resolves a code or a full/short name ("BOS", "Boston Celtics", "LA Clippers"); nil when unknown.
    public init?(_ text: some StringProtocol) {
        if text.utf8.count == 3, Team.fullNames[String(text)] != nil {  // the common case: a stored code
            code = String(text)
            return
        }
        let trimmed = text.trimmingSpaces()
        if Team.fullNames[trimmed.uppercased()] != nil {
            code = trimmed.uppercased()
        } else if let code = Team.codeByName[trimmed.lowercased()] {
            self.code = code
        } else {
            return nil
        }
    }

    /// The franchise's current full name, e.g. "Boston Celtics".
    public var fullName: String { Team.fullNames[code] ?? code }

    public var description: String { code }

    public static func < (lhs: Team, rhs: Team) -> Bool { lhs.code < rhs.code }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let team = Team(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown team: \(text)")
        }
        self = team
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }

    /// Every current franchise.
    public static var all: [Team] { fullNames.keys.sorted().compactMap { Team($0) } }

    static let fullNames: [String: String] = [
        "ATL": "Atlanta Hawks", "BKN": "Brooklyn Nets", "BOS": "Boston Celtics", "CHA": "Charlotte Hornets",
        "CHI": "Chicago Bulls", "CLE": "Cleveland Cavaliers", "DAL": "Dallas Mavericks", "DEN": "Denver Nuggets",
        "DET": "Detroit Pistons", "GSW": "Golden State Warriors", "HOU": "Houston Rockets", "IND": "Indiana Pacers",
        "LAC": "Los Angeles Clippers", "LAL": "Los Angeles Lakers", "MEM": "Memphis Grizzlies", "MIA": "Miami Heat",
        "MIL": "Milwaukee Bucks", "MIN": "Minnesota Timberwolves", "NOP": "New Orleans Pelicans",
        "NYK": "New York Knicks", "OKC": "Oklahoma City Thunder", "ORL": "Orlando Magic",
        "PHI": "Philadelphia 76ers", "PHX": "Phoenix Suns", "POR": "Portland Trail Blazers",
        "SAC": "Sacramento Kings", "SAS": "San Antonio Spurs", "TOR": "Toronto Raptors", "UTA": "Utah Jazz",
        "WAS": "Washington Wizards",
    ]

    /// Lower-cased names and alternative codes that books and sources use.
    static let codeByName: [String: String] = {
        var map: [String: String] = [:]
        for (code, name) in fullNames { map[name.lowercased()] = code }
        let extra: [String: String] = [
            "la clippers": "LAC", "l.a. clippers": "LAC", "la lakers": "LAL", "l.a. lakers": "LAL",
            "brk": "BKN", "bk": "BKN", "cho": "CHA", "pho": "PHX", "gs": "GSW", "no": "NOP", "nop": "NOP",
            "ny": "NYK", "sa": "SAS", "utah": "UTA", "uth": "UTA", "was": "WAS", "wsh": "WAS",
            "charlotte bobcats": "CHA", "new jersey nets": "BKN", "new orleans hornets": "NOP",
        ]
        map.merge(extra) { current, _ in current }
        return map
    }()
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and newlines.
    public func trimmingSpaces() -> String {
        var view = Substring(self)
        while let first = view.first, first == " " || first == "\t" || first == "\n" || first == "\r" {
            view.removeFirst()
        }
        while let last = view.last, last == " " || last == "\t" || last == "\n" || last == "\r" { view.removeLast() }
        return String(view)
    }
}
