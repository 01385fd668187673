import SQLiteNIO

/// Turns SQLite's reason for refusing a file into a ``StoreError`` that says what is wrong with which file.
enum SQLiteOpenFailure {
    /// The store error for `underlying`, raised while opening or configuring the SQLite store at `location`.
    static func error(location: StoreLocation, underlying: any Error) -> StoreError {
        guard let sqlite = underlying as? SQLiteError else {
            return StoreError(.openFailed, "cannot open \(location)", underlying: underlying)
        }
        let reason = sqlite.message
        switch sqlite.reason {
        case .notADatabase:
            return StoreError(.openFailed, "\(location) is not an SQLite database (\(reason))")
        case .corrupt, .corruptVirtualTable, .corruptSequenceSchema, .corruptIndex:
            return StoreError(.openFailed, "\(location) is a damaged SQLite database (\(reason))")
        case .readOnly, .readonlyDirectory, .readonlyCantLock, .readonlyInRecovery, .readonlyInRollback,
            .readonlyBackingMoved, .permission, .auth:
            return StoreError(
                .openFailed,
                "\(location) cannot be written (\(reason)): check the file's and its "
                    + "directory's permissions")
        case .cantOpen, .cantOpenDirectory, .cantOpenInvalidPath, .cantOpenCygwinPath, .cantOpenUnfollowedSymlink:
            return StoreError(
                .openFailed,
                "\(location) cannot be opened (\(reason)): the path must name a file "
                    + "in a writable directory")
        case .full:
            return StoreError(.openFailed, "\(location): the disk is full (\(reason))")
        default:
            return StoreError(.openFailed, "cannot open \(location) (\(reason))")
        }
    }
}
