import VaporCSQLite

/// Turns SQLite's reason for refusing a file into a ``StoreError`` that says what is wrong with which file.
enum SQLiteOpenFailure {
    /// The store error for `underlying`, raised while opening or configuring the SQLite store at `location`.
    static func error(location: StoreLocation, underlying: any Error) -> StoreError {
        guard let sqlite = underlying as? SQLiteFailure else {
            return StoreError(.openFailed, "cannot open \(location)", underlying: underlying)
        }
        let reason = sqlite.message
        switch sqlite.primary {
        case SQLITE_NOTADB:
            return StoreError(.openFailed, "\(location) is not an SQLite database (\(reason))")
        case SQLITE_CORRUPT:
            return StoreError(.openFailed, "\(location) is a damaged SQLite database (\(reason))")
        case SQLITE_READONLY, SQLITE_PERM, SQLITE_AUTH:
            return StoreError(
                .openFailed,
                "\(location) cannot be written (\(reason)): check the file's and its "
                    + "directory's permissions")
        case SQLITE_CANTOPEN:
            return StoreError(
                .openFailed,
                "\(location) cannot be opened (\(reason)): the path must name a file "
                    + "in a writable directory")
        case SQLITE_FULL:
            return StoreError(.openFailed, "\(location): the disk is full (\(reason))")
        default:
            return StoreError(.openFailed, "cannot open \(location) (\(reason))")
        }
    }
}
