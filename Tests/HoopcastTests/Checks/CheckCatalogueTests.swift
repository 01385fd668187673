import Foundation
import HoopcastChecks
import Testing

/// The catalogue is one list of uniquely named checks, each layer's step runs exactly its layer's checks, and
/// `docs/architecture.md` documents every check with its severity.
struct CheckCatalogueTests {
    @Test func namesAreUniqueAndEachStepRunsItsLayer() {
        let names = CheckCatalogue.all.map(\.name)
        #expect(Set(names).count == names.count)
        for (layer, definitions) in [
            (CheckLayer.raw, RawChecks.definitions), (.features, FeatureChecks.definitions),
            (.predictions, PredictionChecks.definitions),
        ] {
            #expect(definitions.allSatisfy { $0.layer == layer && $0.name.hasPrefix("\(layer.rawValue).") })
        }
        #expect(CheckCatalogue.all.filter { $0.severity == .error }.count == 13)
    }

    @Test func theArchitectureDocumentListsEveryCheck() throws {
        let text = try String(contentsOf: TestPaths.repo("docs/architecture.md"), encoding: .utf8)
        for check in CheckCatalogue.all {
            #expect(
                text.contains("| `\(check.name)` | \(check.severity.rawValue) | \(check.layer.rawValue) |"),
                "\(check.name) is not in the catalogue table of docs/architecture.md")
        }
    }
}
