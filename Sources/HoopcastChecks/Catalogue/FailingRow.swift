/// A row a check found wrong: its natural key and the values that made it fail (column or measure → value as text).
public struct FailingRow: Sendable, Hashable, Codable {
    /// The row's key, such as `0022300567/BOS` or `0022300567/203954/points`.
    public var key: String
    /// The values behind the verdict, by name (`players`, `points_sum`, `score`, …).
    public var values: [String: String]

    /// Creates a failing row.
    public init(key: String, values: [String: String]) {
        self.key = key
        self.values = values
    }

    /// `key: name=value, …` with the names in order, for terminals and job messages.
    public var text: String {
        key + ": " + values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
    }
}
