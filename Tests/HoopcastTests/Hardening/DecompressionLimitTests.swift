import ArgumentParser
import Foundation
import HoopcastIngest
import HoopcastLive
import Testing

@testable import HoopcastCLI

/// A 1.17 MB `.json.gz` that unpacks to 1.2 GB drove `hoopcast replay` to 1.79 GB of memory: every file and payload
/// is now inflated only up to a ``ByteLimit`` (256 MiB unless configured) and refused with the file and the limit.
/// The bombs here are 64 MiB of zeros (65 KB compressed) against a 1 MiB limit, so the tests stay fast.
struct DecompressionLimitTests {
    static let mebibyte = 1 << 20
    static let hint = "set HOOPCAST_MAX_DECOMPRESSED_MB to raise the limit"

    /// 64 MiB of zeros as one gzip member.
    static let bomb: [UInt8] = Gzip.compress([UInt8](repeating: 0, count: 64 << 20))

    private func temporaryDirectory() throws -> URL {
        let directory = Scratch.root
            .appendingPathComponent("hoopcast-limit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    private func write(_ bytes: [UInt8], _ name: String, in directory: URL) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    @Test func aGzipBombIsRefusedWithTheFileAndTheLimit() throws {
        #expect(DecompressionLimitTests.bomb.count < 100_000)
        let error = try #require(throws: FileReadError.self) {
            _ = try FileReader.gunzip(DecompressionLimitTests.bomb, file: "bomb.json.gz", limit: .mebibytes(1))
        }
        #expect(error.code == .tooLarge)
        #expect(error.file == "bomb.json.gz")
        #expect(error.limit == ByteLimit(bytes: 1_048_576))
        #expect(
            error.description == "bomb.json.gz: inflates to more than the limit of 1 MiB (1048576 bytes); "
                + "refused (set HOOPCAST_MAX_DECOMPRESSED_MB to raise the limit)")
    }

    /// Inflating stops as soon as the limit is passed: a stream cut short after 2 MiB of zeros is reported as too
    /// large (what the first 1 MiB shows), not as truncated (what reading it to the end would find).
    @Test func inflatingStopsAtTheLimitWithoutReadingTheRest() throws {
        let whole = Gzip.compress([UInt8](repeating: 0, count: 2 * DecompressionLimitTests.mebibyte))
        let cut = Array(whole.dropLast(12))
        let tooLarge = try #require(throws: FileReadError.self) {
            _ = try FileReader.gunzip(cut, file: "cut.gz", limit: .mebibytes(1))
        }
        #expect(tooLarge.code == .tooLarge)
        let truncated = try #require(throws: FileReadError.self) {
            _ = try FileReader.gunzip(cut, file: "cut.gz", limit: .mebibytes(4))
        }
        #expect(truncated.code == .corrupt && truncated.reason == "truncated gzip data")
    }

    /// The limit is on the total: exactly the limit inflates, one byte more does not, and two members that are
    /// each under the limit but together over it are refused.
    @Test func theLimitIsInclusiveAndCountsEveryMember() throws {
        let exact = [UInt8](repeating: 7, count: 1000)
        #expect(try FileReader.gunzip(Gzip.compress(exact), file: "x.gz", limit: ByteLimit(bytes: 1000)) == exact)
        let over = try #require(throws: FileReadError.self) {
            _ = try FileReader.gunzip(Gzip.compress(exact + [7]), file: "x.gz", limit: ByteLimit(bytes: 1000))
        }
        #expect(
            over.description == "x.gz: inflates to more than the limit of 1000 bytes; refused ("
                + DecompressionLimitTests.hint + ")")
        let member = Gzip.compress([UInt8](repeating: 1, count: 600))
        let members = try #require(throws: FileReadError.self) {
            _ = try FileReader.gunzip(member + member, file: "two.gz", limit: ByteLimit(bytes: 1000))
        }
        #expect(members.code == .tooLarge && members.limit == ByteLimit(bytes: 1000))
        #expect(try FileReader.gunzip(member + member, file: "two.gz", limit: ByteLimit(bytes: 1200)).count == 1200)
    }

    @Test func aPlainFileAboveTheLimitIsRefusedBeforeItIsRead() throws {
        let directory = try temporaryDirectory()
        let url = try write(
            [UInt8](repeating: 0x20, count: 2 * DecompressionLimitTests.mebibyte + 1), "big.json",
            in: directory)
        let error = try #require(throws: FileReadError.self) { _ = try FileReader.read(url, limit: .mebibytes(2)) }
        #expect(error.code == .tooLarge && error.limit == .mebibytes(2))
        #expect(
            error.description == "big.json: is 2097153 bytes, more than the limit of 2 MiB (2097152 bytes); "
                + "refused (" + DecompressionLimitTests.hint + ")")
        #expect(try FileReader.read(url, limit: ByteLimit(bytes: 2_097_153)).count == 2_097_153)
    }

    /// Sizes from `gzip -l`: the largest bundled and captured inputs read under the default.
    @Test func realFilesUnderTheDefaultStillRead() throws {
        #expect(ByteLimit.standard.bytes == 268_435_456)
        #expect(try ByteLimit.inEffect() == .standard)  // the test process does not set the variable
        #expect(try FileReader.read(TestPaths.repo("data/demo/player_boxscores.csv.gz")).count == 10_491_134)
        #expect(
            try FileReader.read(LiveFixtures.root.appendingPathComponent("nbac_schedule_api/raw_80cb1fd6.json.gz"))
                .count == 9_170_297)
    }

    @Test func theEnvironmentVariableSetsTheLimitInWholeMebibytes() throws {
        let name = "HOOPCAST_MAX_DECOMPRESSED_MB"
        #expect(try ByteLimit.fromEnvironment([:]) == .standard)
        #expect(try ByteLimit.fromEnvironment([name: ""]) == .standard)
        #expect(try ByteLimit.fromEnvironment([name: "512"]).bytes == 536_870_912)
        #expect(try ByteLimit.fromEnvironment([name: " 1 "]).bytes == 1_048_576)
        for bad in ["0", "-5", "1.5", "lots", "1048577"] {
            let error = try #require(throws: ByteLimitError.self) { try ByteLimit.fromEnvironment([name: bad]) }
            #expect(
                error.description == "HOOPCAST_MAX_DECOMPRESSED_MB='\(bad)' is not a limit: "
                    + "give whole mebibytes from 1 to 1048576 (default 256)")
        }
    }

    /// The importer rejects the bomb as a whole file naming it and the limit, and still loads the real file beside it.
    @Test func importRejectsTheBombAsAWholeFileAndLoadsTheRest() async throws {
        let directory = try temporaryDirectory()
        try FileManager.default.copyItem(
            at: TestPaths.repo("data/demo/games.csv.gz"),
            to: directory.appendingPathComponent("games.csv.gz"))
        _ = try write(DecompressionLimitTests.bomb, "prop_lines.csv.gz", in: directory)
        let store = try await TestStore.fresh()
        let report = try await ByteLimit.$override.withValue(.mebibytes(1)) {
            try await TestStore.importDirectory(directory, into: store)
        }
        #expect(
            report.issues == [
                ImportIssue(
                    file: "prop_lines.csv.gz", line: 0,
                    reason: "inflates to more than the limit of 1 MiB (1048576 bytes); refused ("
                        + DecompressionLimitTests.hint + ")")
            ])
        #expect(report.files.first { $0.name == "games.csv.gz" }?.inserted == 3962)
        #expect(try await TestStore.snapshot(store, "raw_games").count == 3962)
    }

    /// `hoopcast replay --file` of a bomb fails with the typed error instead of inflating it.
    @Test func replayOfABombFileFailsWithTheFileAndTheLimit() async throws {
        let url = try write(DecompressionLimitTests.bomb, "bomb.json.gz", in: try temporaryDirectory())
        let error = try await ByteLimit.$override.withValue(.mebibytes(1)) {
            try await #require(throws: FileReadError.self) {
                let command = try HoopcastCommand.parseAsRoot([
                    "replay", "--source", "nba_stats.player_game_log",
                    "--file", url.path, "--dry-run", "--json",
                ])
                var replay = try #require(command as? ReplayCommand)
                try await replay.run()
            }
        }
        #expect(error.code == .tooLarge && error.file == "bomb.json.gz" && error.limit == .mebibytes(1))
        #expect(
            error.description == "bomb.json.gz: inflates to more than the limit of 1 MiB (1048576 bytes); "
                + "refused (" + DecompressionLimitTests.hint + ")")
    }
}
