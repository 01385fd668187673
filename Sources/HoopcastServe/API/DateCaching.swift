import Crypto
internal import Foundation
import HoopcastCore

/// HTTP caching of responses about one date: a date before today (US Eastern) does not change any more, so its
/// responses carry a strong `ETag` (SHA-256 of the encoded body) and a day's `Cache-Control`; today's and later
/// dates are `no-cache` without a validator.
struct DateCaching: Sendable {
    /// Whether `date`'s data is settled.
    let isPast: Bool

    init(date: GameDate, today: GameDate) { isPast = date < today }

    /// The `Cache-Control` value.
    var cacheControl: String { isPast ? "public, max-age=86400" : "no-cache" }

    /// The body's `ETag` for a past date.
    func eTag(of body: some Encodable) throws -> String? {
        guard isPast else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let digest = SHA256.hash(data: try encoder.encode(body))
        return "\"" + digest.prefix(16).map { String(format: "%02x", $0) }.joined() + "\""
    }

    /// Whether an `If-None-Match` header matches `eTag` (a list, or `*`).
    static func matches(_ ifNoneMatch: String?, eTag: String?) -> Bool {
        guard let ifNoneMatch, let eTag else { return false }
        return ifNoneMatch.split(separator: ",").contains {
            let tag = $0.trimmingCharacters(in: .whitespaces)
            return tag == "*" || tag == eTag || tag == "W/" + eTag
        }
    }

    /// The headers of a response carrying `body`, and whether `ifNoneMatch` already holds it (answer 304).
    func validate(_ body: some Encodable, ifNoneMatch: String?) throws -> (
        eTag: String?, cacheControl: String, notModified: Bool
    ) {
        if let ifNoneMatch, ifNoneMatch.count > 256 {
            throw APIError.invalid("If-None-Match", "is longer than 256 characters")
        }
        let eTag = try eTag(of: body)
        return (eTag, cacheControl, DateCaching.matches(ifNoneMatch, eTag: eTag))
    }
}
