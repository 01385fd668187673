import Configuration
import Foundation

/// Base URLs and API keys of the live sources.
///
/// Keys come from the environment through swift-configuration: `ODDS_API_KEY` and `BALLDONTLIE_API_KEY`, or
/// `ODDS_API_KEY_FILE` and `BALLDONTLIE_API_KEY_FILE` naming a file that holds the key (Docker/Kubernetes
/// secrets). Keys are marked secret in the configuration reader and never appear in descriptions.
public struct SourceSettings: Sendable, CustomStringConvertible {
    /// The production base URLs by source.
    public static let defaultBaseURLs: [String: String] = [
        "nba_stats": "https://stats.nba.com", "nba_cdn": "https://cdn.nba.com", "bdl": "https://api.balldontlie.io",
        "odds_api": "https://api.the-odds-api.com", "espn": "https://site.api.espn.com",
        "bettingpros": "https://api.bettingpros.com",
    ]

    /// Base URL by source (defaults merged with overrides).
    public var baseURLs: [String: String]
    /// The Odds API key.
    public var oddsAPIKey: String?
    /// Ball Don't Lie key.
    public var ballDontLieKey: String?

    /// Creates settings.
    public init(baseURLs: [String: String] = [:], oddsAPIKey: String? = nil, ballDontLieKey: String? = nil) {
        self.baseURLs = SourceSettings.defaultBaseURLs.merging(baseURLs) { _, override in override }
        self.oddsAPIKey = oddsAPIKey
        self.ballDontLieKey = ballDontLieKey
    }

    /// Reads keys and base-URL overrides (`HOOPCAST_BASE_URL_<SOURCE>`, e.g. `HOOPCAST_BASE_URL_ODDS_API`) from
    /// `environment`; `overrides` (from `--base-url`) win over the environment.
    public static func load(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        overrides: [String: String] = [:]
    ) throws(SettingsError) -> SourceSettings {
        let secretNames: Set<String> = ["ODDS_API_KEY", "BALLDONTLIE_API_KEY"]
        let provider = EnvironmentVariablesProvider(
            environmentVariables: environment,
            secretsSpecifier: .specific(secretNames))
        let config = ConfigReader(provider: provider)
        var urls: [String: String] = [:]
        for source in defaultBaseURLs.keys {
            if let url = config.string(forKey: ConfigKey(["hoopcast", "base", "url", source])) { urls[source] = url }
        }
        for (source, url) in overrides {
            guard defaultBaseURLs[source] != nil else {
                throw SettingsError(
                    "unknown source '\(source)' in a base-URL override (known: \(defaultBaseURLs.keys.sorted().joined(separator: ", ")))"
                )
            }
            urls[source] = url
        }
        return SourceSettings(
            baseURLs: urls,
            oddsAPIKey: try key(config, ["odds", "api", "key"], name: "ODDS_API_KEY"),
            ballDontLieKey: try key(config, ["balldontlie", "api", "key"], name: "BALLDONTLIE_API_KEY"))
    }

    /// A key from `NAME`, else from the file named by `NAME_FILE` (trimmed); the alert routes read their secrets
    /// the same way.
    public static func key(_ config: ConfigReader, _ path: [String], name: String) throws(SettingsError) -> String? {
        if let value = config.string(forKey: ConfigKey(path), isSecret: true), !value.isEmpty { return value }
        guard let file = config.string(forKey: ConfigKey(path + ["file"])), !file.isEmpty else { return nil }
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw SettingsError("\(name)_FILE names \(file), which cannot be read")
        }
        let key = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !key.isEmpty else { throw SettingsError("\(name)_FILE names \(file), which is empty") }
        return key
    }

    /// Every key, for redaction.
    public var secrets: [String] { [oddsAPIKey, ballDontLieKey].compactMap { $0 } }

    /// Base URLs and whether each key is set; never the keys.
    public var description: String {
        "SourceSettings(odds_api key: \(oddsAPIKey == nil ? "missing" : "set"), bdl key: \(ballDontLieKey == nil ? "missing" : "set"))"
    }
}

/// Settings could not be read.
public struct SettingsError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public let description: String
    /// An error saying `description`.
    public init(_ description: String) { self.description = description }
}
