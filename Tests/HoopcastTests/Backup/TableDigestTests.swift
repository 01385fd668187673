import Testing

@testable import HoopcastStore

/// The table fingerprint of backups: independent of row order, sensitive to duplicates, equal to an independent
/// computation.
struct TableDigestTests {
    static let rows: [[SQLValue]] = [
        [.int(1), .double(0.5), .text("a"), .null],
        [.int(2), .double(-0.0), .text("bé"), .null],
    ]

    static func digest(_ rows: [[SQLValue]]) -> TableDigest {
        var digest = TableDigest()
        for row in rows { digest.add(row) }
        return digest
    }

    /// Expected values from a Python re-implementation (hashlib, struct): each row's SHA-256 of
    /// `i1\x1f` `d3fe0000000000000\x1f` `t1:a` `n\x1f` (and so on), read as four big-endian 64-bit limbs, limb k
    /// weighing 2^(64k); the limb-wise sum modulo 2^256; then SHA-256 of `"2:"` and the four limbs big-endian.
    @Test func matchesAnIndependentComputation() {
        #expect(Self.digest(Self.rows).hex == "5d07f94a72dd0a530185fe7ef26f2292cae11e5b72f5d7e30bb81b1209902651")
        #expect(Self.digest([]).hex == "72bc1514849cb79d3cc60fad5a3e4959a3a77cfd0ef91d483af90e4fc43281f4")
    }

    @Test func orderDoesNotMatterButDuplicatesAndValuesDo() {
        let forward = Self.digest(Self.rows).hex
        #expect(Self.digest(Self.rows.reversed()).hex == forward)
        #expect(Self.digest(Self.rows + [Self.rows[0]]).hex != forward)
        #expect(Self.digest([Self.rows[0], [.int(2), .double(0.0), .text("bé"), .null]]).hex == forward)  // ±0
        #expect(Self.digest([Self.rows[0], [.int(2), .double(1e-300), .text("bé"), .null]]).hex != forward)
        #expect(Self.digest([Self.rows[0], [.int(2), .double(0), .text("bé"), .text("")]]).hex != forward)  // NULL ≠ ""
    }
}
