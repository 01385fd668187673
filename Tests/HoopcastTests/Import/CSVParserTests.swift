import Testing

@testable import HoopcastIngest

struct CSVParserTests {
    private func parse(_ text: String) throws -> [CSVRecord] {
        try CSVParser(bytes: Array(text.utf8)).records()
    }

    @Test func quotedFieldsWithCommasQuotesAndNewlines() throws {
        let records = try parse("a,b,c\n\"Portis, Bobby\",\"say \"\"hi\"\"\",\"two\nlines\"\nx,,z\r\n")
        #expect(records.count == 3)
        #expect(records[1].fields == ["Portis, Bobby", "say \"hi\"", "two\nlines"])
        #expect(records[1].line == 2)
        #expect(records[2].fields == ["x", "", "z"])
        #expect(records[2].line == 4)  // the quoted newline moved the physical line on
    }

    @Test func byteOrderMarkAndBlankLinesAreSkipped() throws {
        let records = try parse("\u{FEFF}a,b\n\n1,2\n")
        #expect(records.map(\.fields) == [["a", "b"], ["1", "2"]])
        #expect(records[1].line == 3)
    }

    @Test func unterminatedQuoteNamesTheLine() {
        #expect(throws: CSVParser.SyntaxError.self) { try parse("a,b\n1,\"open\n") }
        do {
            _ = try parse("a,b\n1,2\n3,\"open\n")
        } catch let error as CSVParser.SyntaxError {
            #expect(error.line == 3)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func gzipRoundTripOfTheRealDemoFile() throws {
        let bytes = try FileReader.read(TestPaths.repo("data/demo/games.csv.gz"))
        let records = try CSVParser(bytes: bytes).records()
        #expect(records.first?.fields.first == "game_id")
        #expect(records.count == 3963)  // 3,962 games of 2021-22 → 2023-24 plus the header (counted with zcat | wc -l)
    }

    @Test func corruptGzipIsAnError() {
        #expect(throws: FileReadError.self) {
            try FileReader.gunzip([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02], file: "x.gz")
        }
    }
}
