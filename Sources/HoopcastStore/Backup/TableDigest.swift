import Crypto
import Foundation

/// A table's content fingerprint that is the same on SQLite and PostgreSQL: the SHA-256 of the sorted SHA-256s of
/// its rows, each row written canonically (integers in decimal, doubles by their bits with zero's sign dropped —
/// SQLite keeps none —, text as UTF-8, NULL as its own tag). Row order does not matter, so engines that sort text
/// differently agree.
struct TableDigest: Sendable {
    private var rows: [SHA256.Digest] = []

    /// Rows added so far.
    var count: Int { rows.count }

    /// Adds a row.
    mutating func add(_ values: [SQLValue]) {
        var hasher = SHA256()
        for value in values {
            switch value {
            case .int(let number): hasher.update(data: Data("i\(number)\u{1F}".utf8))
            case .double(let number):
                let canonical = number == 0 ? 0.0 : number
                hasher.update(data: Data("d\(String(canonical.bitPattern, radix: 16))\u{1F}".utf8))
            case .text(let text): hasher.update(data: Data("t\(text.utf8.count):".utf8) + Data(text.utf8))
            case .null: hasher.update(data: Data("n\u{1F}".utf8))
            }
        }
        rows.append(hasher.finalize())
    }

    /// The fingerprint, as hex.
    var hex: String {
        var hasher = SHA256()
        for digest in rows.map({ Data($0) }).sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            hasher.update(data: digest)
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
