/// A models directory, metadata file or model file that cannot be used; names the file and what is wrong.
public struct ModelRegistryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem, extensible without breaking callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The models directory (or a market folder in it) cannot be listed, or a path is not what the layout expects.
        public static let unreadableDirectory = Code("unreadableDirectory")
        /// A folder in the models directory is not named after a ``Market``.
        public static let unknownMarket = Code("unknownMarket")
        /// A `.meta.json` file cannot be read or decoded.
        public static let malformedMetadata = Code("malformedMetadata")
        /// The metadata contradicts its location or itself (market folder, file name, training window).
        public static let inconsistentMetadata = Code("inconsistentMetadata")
        /// The model was trained on another feature-set version or column order than ``Feature``'s.
        public static let featureMismatch = Code("featureMismatch")
        /// A metadata file has no model file next to it.
        public static let missingModel = Code("missingModel")
        /// A model file has no metadata file next to it.
        public static let missingMetadata = Code("missingMetadata")
        /// A file in a market folder that is neither a model nor its metadata.
        public static let unexpectedFile = Code("unexpectedFile")
        /// A model file is not a usable CatBoost JSON model.
        public static let malformedModel = Code("malformedModel")

        public var description: String { name }
    }

    /// The kind of problem.
    public let code: Code
    /// The file or directory concerned (a path).
    public let path: String
    /// What is wrong, with the offending value.
    public let detail: String

    /// Creates an error.
    public init(_ code: Code, path: String, _ detail: String) {
        self.code = code
        self.path = path
        self.detail = detail
    }

    public var description: String { "\(path): \(detail)" }
}
