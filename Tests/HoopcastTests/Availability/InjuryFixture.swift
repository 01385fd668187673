import Foundation

/// The official injury reports of the eleven games of 2024-01-15 (every row of `injuries.csv.gz` with that game
/// date, copied unchanged but for LF line ends: `awk -F, 'NR==1 || $3=="2024-01-15"' | sed 's/\r$//'`), next to the 2024-01 dataset fixture.
enum InjuryFixture {
    static let file = TestPaths.repo("Tests/HoopcastTests/Fixtures/injuries-2024-01-15/injuries.csv")

    /// The file's text.
    static func text() throws -> String { try String(contentsOf: file, encoding: .utf8) }

    /// A copy of the dataset fixture with `injuries.csv` (its text passed through `edit`) added.
    static func datasetCopy(_ edit: (String) -> String = { $0 }) throws -> URL {
        let directory = try TestStore.fixtureCopy()
        try edit(try text()).write(
            to: directory.appendingPathComponent("injuries.csv"), atomically: true, encoding: .utf8)
        return directory
    }
}
