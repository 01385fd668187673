import SQLiteNIO

/// The rows one statement returned, read in one go on the connection's thread: the values row after row in one
/// array, so a result of many rows costs one allocation, not one per row.
struct SQLiteRows: Sendable {
    /// The result's columns.
    let columns: SQLiteColumns
    /// Every value, row after row (`count × columns.count`).
    let values: [SQLiteData]

    /// The number of rows.
    var count: Int { columns.count == 0 ? 0 : values.count / columns.count }

    /// The value of column `position` in row `row`.
    func value(row: Int, position: Int) -> SQLiteData { values[row * columns.count + position] }
}
