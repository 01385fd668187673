/// One `resultSets[i]` table of a stats.nba.com response: headers and rows, read by column name.
public struct ResultSetTable: Sendable {
    /// The table's cursor (for error paths).
    public let cursor: JSONCursor
    /// Column index by header name.
    public let columns: [String: Int]
    /// The rows.
    public let rows: [JSONCursor]

    /// The result set named `name`; every name in `required` must be a header.
    public static func named(_ name: String, in root: JSONCursor, required: [String]) throws(PayloadError)
        -> ResultSetTable
    {
        let sets: [JSONCursor]
        if let many = try root.optional("resultSets") {
            sets = try many.array()
        } else {
            sets = [try root["resultSet"]]
        }
        for set in sets where try set["name"].string() == name {
            let headers = try set["headers"].array().map { header throws(PayloadError) in try header.string() }
            var columns: [String: Int] = [:]
            for (index, header) in headers.enumerated() { columns[header] = index }
            let missing = required.filter { columns[$0] == nil }
            guard missing.isEmpty else {
                throw try set["headers"].drift("missing columns \(missing.joined(separator: ", "))")
            }
            let rows = try set["rowSet"].array()
            for row in rows {
                let cells = try row.count()
                guard cells == headers.count else {
                    throw row.drift("row has \(cells) cells; the headers have \(headers.count)")
                }
            }
            return ResultSetTable(cursor: set, columns: columns, rows: rows)
        }
        throw root.drift("no result set named '\(name)'")
    }

    /// The cell of `row` under `column` (the column must have been required).
    public func cell(_ row: JSONCursor, _ column: String) throws(PayloadError) -> JSONCursor {
        guard let index = columns[column] else { throw cursor.drift("no column '\(column)'") }
        return try row.element(index)
    }

    /// The cell as CSV-like text.
    public func text(_ row: JSONCursor, _ column: String) throws(PayloadError) -> String {
        try cell(row, column).cellText()
    }
}
