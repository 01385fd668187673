import Foundation
import HoopcastStore
import Testing

/// The staged-batch payload gives back exactly the rows it was given, and a damaged payload is an error that says
/// where, never fewer rows.
struct StagedRowsCodecTests {
    static let rows: [[SQLValue]] = [
        [.text("0022300581"), .int(201_939), .text("points"), .double(27.549_999_999_999_997), .null],
        [.text("0022300581"), .int(-7), .text("points"), .double(-0.0), .text("Dončić ✓")],
        [.text(""), .int(Int.max), .text("threes"), .double(.leastNonzeroMagnitude), .text("points")],
        [.text("x"), .int(Int.min), .null, .double(.infinity), .double(0.1 + 0.2)],
    ]

    @Test func roundTripsEveryValueToTheLastBit() throws {
        let data = StagedRowsCodec.encode(Self.rows, width: 5)
        let decoded = try StagedRowsCodec.decode(data, width: 5, context: "test")
        #expect(decoded == Self.rows)
        // Doubles keep their bit pattern (−0.0 == 0.0 would hide a lost sign).
        guard case .double(let zero) = decoded[1][3] else { Issue.record("not a double"); return }
        #expect(zero.sign == .minus)
        // Repeated strings are stored once: "0022300581" and "points" appear once each in the payload.
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.components(separatedBy: "0022300581").count == 2)
        #expect(text.components(separatedBy: "points").count == 2)
    }

    @Test func anEmptyBatchIsNoRows() throws {
        #expect(try StagedRowsCodec.decode(StagedRowsCodec.encode([], width: 21), width: 21, context: "test").isEmpty)
    }

    @Test func aTruncatedPayloadNamesTheBatchAndTheByte() throws {
        let data = StagedRowsCodec.encode(Self.rows, width: 5)
        let cut = data.prefix(data.count - 3)
        let error = try #require(throws: StoreError.self) {
            try StagedRowsCodec.decode(Data(cut), width: 5, context: "staging batch B1")
        }
        #expect(error.description.contains("staging batch B1"))
        #expect(error.description.contains("truncated"))
        #expect(error.description.contains("of \(cut.count)"))
    }

    @Test func aWidthMismatchOrForeignBytesAreRefused() throws {
        let data = StagedRowsCodec.encode(Self.rows, width: 5)
        let wide = try #require(throws: StoreError.self) { try StagedRowsCodec.decode(data, width: 6, context: "b") }
        #expect(wide.description.contains("5 values wide, the table has 6 columns"))
        let foreign = try #require(throws: StoreError.self) {
            try StagedRowsCodec.decode(Data("[1,2,3]".utf8), width: 5, context: "b")
        }
        #expect(foreign.description.contains("bad magic"))
        let trailing = try #require(throws: StoreError.self) {
            try StagedRowsCodec.decode(data + Data([0]), width: 5, context: "b")
        }
        #expect(trailing.description.contains("1 bytes after the last row"))
    }
}
