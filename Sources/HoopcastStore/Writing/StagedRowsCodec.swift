import Foundation

/// The compact binary form of a staged batch: the rows of one partition, stored as one value in
/// `ops_staging_batches.payload` instead of one staging-table row each (one bind instead of ~100,000 per date).
///
/// Layout, little-endian: the magic `HCSB`, version 1; the row width (u32); a string table (u32 count, then u32
/// length + UTF-8 bytes per string); the row count (u32); then every value as a tag byte — 0 null, 1 int (i64),
/// 2 double (its IEEE bit pattern, u64, so decoding is exact to the last bit), 3 text (u32 index into the string
/// table). Repeated strings (game ids, markets, systems, books) are stored once.
public enum StagedRowsCodec {
    static let magic: [UInt8] = Array("HCSB".utf8) + [1]

    /// Encodes `rows`, each `width` values wide.
    public static func encode(_ rows: [[SQLValue]], width: Int) -> Data {
        var strings: [String: UInt32] = [:]
        var table: [String] = []
        var body: [UInt8] = []
        body.reserveCapacity(rows.count * width * 5)
        for row in rows {
            precondition(row.count == width, "row width must match the column list")
            for value in row {
                switch value {
                case .null: body.append(0)
                case .int(let number): body.append(1); append(UInt64(bitPattern: Int64(number)), to: &body)
                case .double(let number): body.append(2); append(number.bitPattern, to: &body)
                case .text(let text):
                    let index: UInt32
                    if let known = strings[text] {
                        index = known
                    } else {
                        index = UInt32(table.count)
                        strings[text] = index
                        table.append(text)
                    }
                    body.append(3); append(index, to: &body)
                }
            }
        }
        var out: [UInt8] = magic
        append(UInt32(width), to: &out)
        append(UInt32(table.count), to: &out)
        for text in table {
            let bytes = Array(text.utf8)
            append(UInt32(bytes.count), to: &out)
            out += bytes
        }
        append(UInt32(rows.count), to: &out)
        out += body
        return Data(out)
    }

    /// Decodes a payload written by ``encode(_:width:)``; `context` names the batch in errors.
    public static func decode(_ data: Data, width expected: Int, context: String) throws -> [[SQLValue]] {
        var reader = Reader(bytes: [UInt8](data), context: context)
        guard try reader.take(magic.count).elementsEqual(magic) else { throw reader.error("not a staged batch (bad magic)") }
        let width = Int(try reader.u32())
        guard width == expected else { throw reader.error("rows are \(width) values wide, the table has \(expected) columns") }
        let stringCount = Int(try reader.u32())
        var table: [String] = []
        table.reserveCapacity(stringCount)
        for _ in 0..<stringCount {
            let length = Int(try reader.u32())
            guard let text = String(validating: try reader.take(length), as: UTF8.self) else {
                throw reader.error("string \(table.count) is not UTF-8")
            }
            table.append(text)
        }
        let rowCount = Int(try reader.u32())
        var rows: [[SQLValue]] = []
        rows.reserveCapacity(rowCount)
        for _ in 0..<rowCount {
            var row: [SQLValue] = []
            row.reserveCapacity(width)
            for _ in 0..<width {
                switch try reader.byte() {
                case 0: row.append(.null)
                case 1: row.append(.int(Int(Int64(bitPattern: try reader.u64()))))
                case 2: row.append(.double(Double(bitPattern: try reader.u64())))
                case 3:
                    let index = Int(try reader.u32())
                    guard index < table.count else { throw reader.error("string index \(index) ≥ \(table.count)") }
                    row.append(.text(table[index]))
                case let tag: throw reader.error("unknown value tag \(tag)")
                }
            }
            rows.append(row)
        }
        guard reader.atEnd else { throw reader.error("\(reader.remaining) bytes after the last row") }
        return rows
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private struct Reader {
        let bytes: [UInt8]
        let context: String
        var offset = 0

        var atEnd: Bool { offset == bytes.count }
        var remaining: Int { bytes.count - offset }

        func error(_ message: String) -> StoreError {
            StoreError(.decodingFailed, "\(context): \(message) (byte \(offset) of \(bytes.count))")
        }

        mutating func take(_ count: Int) throws -> ArraySlice<UInt8> {
            guard count >= 0, count <= remaining else { throw error("truncated: \(count) bytes wanted") }
            defer { offset += count }
            return bytes[offset..<offset + count]
        }

        mutating func byte() throws -> UInt8 { try take(1).first! }

        mutating func u32() throws -> UInt32 { try integer() }

        mutating func u64() throws -> UInt64 { try integer() }

        private mutating func integer<T: FixedWidthInteger>() throws -> T {
            let slice = try take(MemoryLayout<T>.size)
            var value: T = 0
            for (shift, byte) in slice.enumerated() { value |= T(byte) << (8 * shift) }
            return value
        }
    }
}
