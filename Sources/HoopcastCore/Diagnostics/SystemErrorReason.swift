import Foundation

/// The operating system's reason inside a Foundation file error (`No such file or directory`, `Permission
/// denied`, …), for messages a person reads instead of Foundation's error dump.
public enum SystemErrorReason {
    /// The reason for `error`, unwrapping Foundation's underlying POSIX error when there is one.
    public static func describe(_ error: any Error) -> String {
        if let posix = error as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError { return describe(underlying) }
        switch CocoaError.Code(rawValue: nsError.code) {
        case .fileWriteNoPermission, .fileReadNoPermission: return "Permission denied"
        case .fileWriteOutOfSpace: return "No space left on device"
        case .fileWriteVolumeReadOnly: return "Read-only file system"
        case .fileNoSuchFile, .fileReadNoSuchFile, .fileWriteInvalidFileName: return "No such file or directory"
        case .fileWriteFileExists: return "File exists"
        default: return "error \(nsError.code) (\(nsError.domain))"
        }
    }
}
