/// ``ByteLimit/environmentVariable`` holds something that is not a whole number of mebibytes from 1 to 1048576.
public struct ByteLimitError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The variable's name.
    public let variable: String
    /// The value found.
    public let value: String

    public var description: String {
        "\(variable)='\(value)' is not a limit: give whole mebibytes from 1 to 1048576 (default 256)"
    }
}
