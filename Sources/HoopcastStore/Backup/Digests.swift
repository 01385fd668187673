import Synchronization

/// A ``TableDigest`` fed from a streaming query's row callback.
final class Digests: Sendable {
    private let state = Mutex((digest: TableDigest(), undecodable: 0))

    /// Adds a row's values (nil: the row did not decode).
    func add(_ values: [SQLValue]?) {
        state.withLock { state in
            if let values { state.digest.add(values) } else { state.undecodable += 1 }
        }
    }

    /// The row count and fingerprint; throws when a row did not decode.
    func finish(table: String) throws -> (rows: Int, hex: String) {
        try state.withLock { state in
            guard state.undecodable == 0 else {
                throw StoreError(
                    .decodingFailed, "\(table): \(state.undecodable) rows hold values of another type than declared")
            }
            return (state.digest.count, state.digest.hex)
        }
    }
}
