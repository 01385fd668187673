/// Why `hoopcast train` stopped; the description says what to do about it.
struct TrainError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    enum Code: Sendable, Hashable {
        /// Python could not be found or run.
        case pythonUnavailable
        /// Python runs but catboost, numpy or pandas cannot be imported.
        case catboostMissing
        /// `train.py` is not where it was looked for.
        case scriptNotFound
        /// The feature backfill failed for some dates.
        case backfillFailed
        /// The range has no feature rows to train on.
        case noFeatureRows
        /// `train.py` exited non-zero or was stopped.
        case trainingFailed
        /// `train.py` succeeded but what it wrote is not a usable model.
        case invalidOutput
        /// A file could not be written or moved.
        case fileSystem
    }

    /// The hint for a missing Python package.
    static let installHint = "pip install -r training/requirements.txt"

    /// What went wrong.
    let code: Code
    /// The full explanation.
    let description: String

    init(_ code: Code, _ description: String) {
        self.code = code
        self.description = description
    }
}
