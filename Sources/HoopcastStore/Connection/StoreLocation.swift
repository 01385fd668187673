/// Where the warehouse lives: an embedded SQLite file or a PostgreSQL server.
///
/// Parsed from `--store` or `HOOPCAST_STORE`: `sqlite:PATH`, `sqlite::memory:`, a bare path ending in `.sqlite`/`.db`,
/// or `postgres://…` / `postgresql://…`.
public enum StoreLocation: Sendable, Hashable, CustomStringConvertible {
    /// An SQLite database file (created when missing).
    case sqlite(path: String)
    /// A private in-memory SQLite database (tests).
    case sqliteMemory
    /// A PostgreSQL server, by URL (the password is never printed).
    case postgres(url: String)

    /// The default embedded store: `./hoopcast-data/hoopcast.sqlite`.
    public static let defaultLocation = StoreLocation.sqlite(path: "hoopcast-data/hoopcast.sqlite")

    /// Parses a store specification; throws ``StoreError`` naming the text when it is not understood.
    public init(parsing text: String) throws(StoreError) {
        let trimmed = text.trimmingSpaces()
        if trimmed == "sqlite::memory:" || trimmed == ":memory:" {
            self = .sqliteMemory
        } else if trimmed.hasPrefix("sqlite:") {
            let path = String(trimmed.dropFirst("sqlite:".count))
            guard !path.isEmpty else {
                throw StoreError(.invalidLocation, "sqlite: needs a path, e.g. sqlite:data/h.sqlite")
            }
            self = .sqlite(path: path)
        } else if trimmed.hasPrefix("postgres://") || trimmed.hasPrefix("postgresql://") {
            self = .postgres(url: trimmed)
        } else if trimmed.hasSuffix(".sqlite") || trimmed.hasSuffix(".db") || trimmed.hasSuffix(".sqlite3") {
            self = .sqlite(path: trimmed)
        } else {
            throw StoreError(
                .invalidLocation, "unknown store '\(StoreLocation.redact(trimmed))': use sqlite:PATH or postgres://…")
        }
    }

    /// A printable form with any password removed.
    public var description: String {
        switch self {
        case .sqlite(let path): return "sqlite:\(path)"
        case .sqliteMemory: return "sqlite::memory:"
        case .postgres(let url): return StoreLocation.redact(url)
        }
    }

    /// Removes the password from `scheme://user:password@host…`.
    static func redact(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://"),
            let at = url.range(of: "@", range: schemeEnd.upperBound..<url.endIndex)
        else { return url }
        let credentials = url[schemeEnd.upperBound..<at.lowerBound]
        guard let colon = credentials.firstIndex(of: ":") else { return url }
        return String(url[..<colon]) + ":***" + String(url[at.lowerBound...])
    }
}
