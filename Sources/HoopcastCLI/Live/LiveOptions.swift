import ArgumentParser
import Foundation
import HoopcastCore
import HoopcastIngest
import HoopcastLive

/// Options shared by the live commands: the archive location, base-URL overrides and rate limits.
struct LiveOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Raw archive directory (default $HOOPCAST_ARCHIVE, else hoopcast-data/archive).", valueName: "dir"))
    var archive: String?

    @Option(
        name: .customLong("base-url"), parsing: .singleValue,
        help: ArgumentHelp(
            "Override a source's base URL, e.g. odds_api=http://127.0.0.1:8080 (repeatable; also $HOOPCAST_BASE_URL_<SOURCE>).",
            valueName: "source=url"))
    var baseURLs: [String] = []

    @Option(
        name: .customLong("rate"), parsing: .singleValue,
        help: ArgumentHelp(
            "Requests per minute for a host, e.g. stats.nba.com=20; 0 turns limiting off (repeatable).",
            valueName: "host=n"))
    var rates: [String] = []

    /// Reads `HOOPCAST_MAX_DECOMPRESSED_MB` (once per process, see ``ByteLimit``) so that a value that is not a limit
    /// stops the command before any work instead of failing every file it reads.
    func validate() throws {
        do {
            _ = try ByteLimit.inEffect()
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The archive.
    func rawArchive() -> RawArchive {
        let path = archive ?? ProcessInfo.processInfo.environment["HOOPCAST_ARCHIVE"] ?? "hoopcast-data/archive"
        return RawArchive(root: URL(fileURLWithPath: path))
    }

    /// Settings from the environment with the command line's overrides.
    func settings() throws -> SourceSettings {
        try SourceSettings.load(overrides: try LiveOptions.pairs(baseURLs, option: "--base-url"))
    }

    /// Host policies with the `--rate` overrides applied to the defaults.
    func policies() throws -> [String: HostPolicy] {
        var result: [String: HostPolicy] = [:]
        for (host, text) in try LiveOptions.pairs(rates, option: "--rate") {
            guard let perMinute = Double(text), perMinute >= 0 else {
                throw ValidationError("--rate \(host)=\(text): the rate is a number of requests per minute")
            }
            var policy = HostPolicy.defaults(host: host)
            policy.requestsPerMinute = perMinute == 0 ? nil : perMinute
            result[host] = policy
        }
        return result
    }

    /// The HTTP transport for these policies (one connect timeout per distinct policy); shut it down when done.
    func transport(policies: [String: HostPolicy]) -> AsyncHTTPTransport {
        AsyncHTTPTransport(
            connectTimeouts: Set(
                EndpointCatalog.all.map {
                    (policies[$0.host] ?? HostPolicy.defaults(host: $0.host)).connectTimeout
                }))
    }

    /// `a,b` → a set of trimmed names; nil for nil.
    static func list(_ text: String?) -> Set<String>? {
        text.map { Set($0.split(separator: ",").map { String($0).trimmingSpaces() }) }
    }

    static func pairs(_ values: [String], option: String) throws -> [String: String] {
        var result: [String: String] = [:]
        for value in values {
            guard let equals = value.firstIndex(of: "="), equals != value.startIndex else {
                throw ValidationError("\(option) takes NAME=VALUE, got '\(value)'")
            }
            result[String(value[..<equals])] = String(value[value.index(after: equals)...])
        }
        return result
    }
}
