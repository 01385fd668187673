import HoopcastCore

/// A book BettingPros quotes: its id there, its name there, and how `prop_lines` names and classes it.
public struct BettingProsBook: Sendable, Hashable {
    /// BettingPros' book id (`over.book`, `opening_line.book_id`, `books[].id`).
    public let id: Int
    /// BettingPros' name for it (`books[].name`).
    public let name: String
    /// The `book` column: the lower-case key the other prop sources and the line policy use (`draftkings`, …).
    public let key: String
    /// A sportsbook (priced) or a daily-fantasy pick'em app (`dfs`).
    public let type: BookType

    /// Creates a book.
    public init(id: Int, name: String, key: String, type: BookType = .sportsbook) {
        self.id = id
        self.name = name
        self.key = key
        self.type = type
    }
}
