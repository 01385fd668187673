import Foundation
import Logging
import NIOCore
import SQLKit
import Synchronization

// TEMPORARY profiling aid: not to be committed.
final class QueryProfile: Sendable {
    static let shared = QueryProfile()
    let table = Mutex<[String: (count: Int, seconds: Double, rows: Int)]>([:])
    func add(_ key: String, _ s: Double, _ rows: Int) {
        table.withLock { t in
            var e = t[key] ?? (0, 0, 0); e.count += 1; e.seconds += s; e.rows += rows; t[key] = e
        }
    }
    func dump() {
        let rows = table.withLock { $0 }.sorted { $0.value.seconds > $1.value.seconds }.prefix(40)
        var out = ""
        for (k, v) in rows { out += String(format: "%8.2f s %6d calls %9d rows  ", v.seconds, v.count, v.rows) + k + "\n" }
        try? out.write(toFile: ProcessInfo.processInfo.environment["HOOPCAST_SQL_PROFILE"]!, atomically: true, encoding: .utf8)
    }
}

struct ProfilingDatabase: SQLDatabase {
    let base: any SQLDatabase
    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var dialect: any SQLDialect { base.dialect }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var queryLogLevel: Logger.Level? { nil }
    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        let (text, _) = base.serialize(query)
        let key = String(text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "  ", with: " ").prefix(150))
        let start = DispatchTime.now().uptimeNanoseconds
        let counter = Mutex(0)
        return base.execute(sql: query) { row in counter.withLock { $0 += 1 }; onRow(row) }.always { _ in
            QueryProfile.shared.add(key, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, counter.withLock { $0 })
            if Int.random(in: 0..<200) == 0 { QueryProfile.shared.dump() }
        }
    }
    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await closure(self)
    }
}
