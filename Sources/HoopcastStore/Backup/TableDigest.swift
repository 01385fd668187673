import Crypto
import Foundation

/// A table's content fingerprint that is the same on SQLite and PostgreSQL: the SHA-256 of the row count and of the
/// sum modulo 2²⁵⁶ of the SHA-256s of its rows (a multiset hash: order does not matter, so engines that sort text
/// differently agree, and a duplicated row counts twice), each row written canonically (integers in decimal, doubles
/// by their bits with zero's sign dropped — SQLite keeps none —, text as UTF-8 with its length, NULL as its own
/// tag). Constant memory, whatever the table's size.
struct TableDigest: Sendable {
    /// The running sum, least significant 64-bit limb first.
    private var sum: [UInt64] = [0, 0, 0, 0]

    /// Rows added so far.
    private(set) var count = 0

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
        let bytes = Array(hasher.finalize())
        var carry: UInt64 = 0
        for limb in 0..<4 {
            var word: UInt64 = 0
            for byte in bytes[(limb * 8)..<(limb * 8 + 8)] { word = word << 8 | UInt64(byte) }
            let (partial, overflow1) = sum[limb].addingReportingOverflow(word)
            let (total, overflow2) = partial.addingReportingOverflow(carry)
            sum[limb] = total
            carry = (overflow1 ? 1 : 0) + (overflow2 ? 1 : 0)
        }
        count += 1
    }

    /// The fingerprint, as hex.
    var hex: String {
        var hasher = SHA256()
        hasher.update(data: Data("\(count):".utf8))
        for limb in sum { hasher.update(data: withUnsafeBytes(of: limb.bigEndian) { Data($0) }) }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
