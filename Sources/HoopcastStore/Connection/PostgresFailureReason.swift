import Foundation
import NIOCore
import NIOPosix
import PostgresNIO

/// The driver's reason for a failed PostgreSQL connection, in words (PostgresNIO hides it behind a generic
/// description): the server's message, the socket error or the timeout. Never the password.
enum PostgresFailureReason {
    /// What went wrong with `error`, in one short phrase.
    static func describe(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] {
                let code = error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
                return "the server refused: \(message)\(code)"
            }
            if let underlying = error.underlying { return describe(underlying) }
            return "\(error.code)"
        }
        if let error = error as? NIOConnectionError {
            if let failure = error.connectionErrors.first { return describe(failure.error) }
            if let dns = error.dnsAError ?? error.dnsAAAAError { return "host not found (\(describe(dns)))" }
            return "no address for the host"
        }
        if let error = error as? IOError { return String(cString: strerror(error.errnoCode)) }
        if let error = error as? ChannelError, case .connectTimeout(let amount) = error {
            return "no answer within \(amount.nanoseconds / 1_000_000) ms"
        }
        return String(describing: error)
    }
}
