internal import Foundation
import HoopcastCore

/// Query strings of the dashboard's links and GET forms: parsed as a browser encodes a form (`+` is a space), and
/// written back with every value percent-encoded. Pure.
struct DashboardQuery: Sendable, Hashable {
    /// The first value of each name.
    var values: [String: String]

    init(_ query: String?) {
        var values: [String: String] = [:]
        for item in (query ?? "").split(separator: "&") {
            let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                let spaced = text.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            let name = decode(pair[0])
            if values[name] == nil { values[name] = pair.count > 1 ? decode(pair[1]) : "" }
        }
        self.values = values
    }

    /// The trimmed value of `name`; nil when absent or empty.
    subscript(_ name: String) -> String? {
        guard let value = values[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    /// A `YYYY-MM-DD` date parameter; a 400 naming it when it is not one.
    func date(_ name: String) throws(APIError) -> GameDate? {
        guard let text = self[name] else { return nil }
        guard let date = GameDate(text), date.description == text else {
            throw APIError.invalid(name, "'\(text.prefix(32))' is not a date (YYYY-MM-DD)")
        }
        return date
    }

    /// A parameter that must be one of `T`'s raw values; a 400 naming it otherwise.
    func choice<T: RawRepresentable>(_ name: String, _ type: T.Type) throws(APIError) -> T? where T.RawValue == String {
        guard let text = self[name] else { return nil }
        guard let value = T(rawValue: text) else { throw APIError.invalid(name, "'\(text.prefix(32))' is not known") }
        return value
    }

    /// `path` with the given parameters (nil values left out), percent-encoded.
    static func link(_ path: String, _ parameters: [(String, String?)]) -> String {
        let items = parameters.compactMap { name, value in value.map { "\(name)=\(encode($0))" } }
        return items.isEmpty ? path : "\(path)?\(items.joined(separator: "&"))"
    }

    /// RFC 3986's unreserved characters: everything else is percent-encoded.
    static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    /// A local path to return to after signing in: `next` when it is a path on this server, else `/`.
    static func localPath(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\"), next.count <= 512,
            next.unicodeScalars.allSatisfy({ (0x21...0x7e).contains($0.value) })
        else { return "/" }
        return next
    }
}
