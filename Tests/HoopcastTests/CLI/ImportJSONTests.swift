import Foundation
import HoopcastIngest
import Testing

@testable import HoopcastCLI

struct ImportJSONTests {
    @Test func jsonSummaryHasTheDocumentedShape() async throws {
        let store = try await TestStore.fresh()
        let report = try await TestStore.importDirectory(TestStore.fixture, into: store)
        let data = Data(try report.jsonSummary().utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let files = try #require(object["files"] as? [[String: Any]])
        #expect(files.count == 4)
        for file in files {
            #expect(Set(file.keys) == ["name", "read", "inserted", "updated", "unchanged", "rejected"])
        }
        let games = try #require(files.first { $0["name"] as? String == "games.csv" })
        #expect(games["read"] as? Int == 234)
        #expect(games["inserted"] as? Int == 234)
        #expect((object["rejections"] as? [Any])?.isEmpty == true)
    }
}
