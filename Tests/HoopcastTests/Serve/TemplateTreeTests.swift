import HoopcastCore
import HoopcastPredictions
import HoopcastStore
import Mustache
import Testing

@testable import HoopcastServe

/// The templates read views through a ``TemplateTree`` instead of swift-mustache's reflection: the same text on the
/// fixture's real Tonight and Player pages, and the conversion's rules on a small hand-made value.
@Suite struct TemplateTreeTests {
    struct Inner: Sendable { var text: String, note: String? }
    struct Outer: Sendable {
        var title: String
        var count: Int
        var flag: Bool
        var missing: String?
        var present: Inner?
        var items: [Inner]
    }

    @Test func structsBecomeDictionariesWithoutTheirNilFields() throws {
        let value = Outer(
            title: "t", count: 3, flag: false, missing: nil, present: Inner(text: "a", note: nil),
            items: [Inner(text: "b", note: "n"), Inner(text: "c", note: nil)])
        let tree = try #require(TemplateTree.make(value) as? [String: Any])
        #expect(Set(tree.keys) == ["title", "count", "flag", "present", "items"])
        #expect(tree["title"] as? String == "t" && tree["count"] as? Int == 3 && tree["flag"] as? Bool == false)
        let present = try #require(tree["present"] as? [String: Any])
        #expect(Set(present.keys) == ["text"])
        let items = try #require(tree["items"] as? [Any])
        #expect(items.compactMap { ($0 as? [String: Any])?["note"] as? String } == ["n"])
        #expect(TemplateTree.make(Optional<Inner>.none as Any) == nil)
        let template = try MustacheTemplate(
            string: "{{title}}{{#items}}[{{text}}{{#note}}:{{.}}{{/note}}{{^note}}-{{title}}{{/note}}]{{/items}}")
        let tree2 = try #require(TemplateTree.make(value))
        #expect(template.render(tree2) == "t[b:n][c-t]")
        #expect(template.render(tree2) == template.render(value))
    }

    @Test func realPagesRenderTheSameAsThroughReflection() async throws {
        let store = try await PredictionStepTests.shared.value.store
        let date = PredictionStepTests.date
        let lined = try await PredictionReader(db: store.sql).rows(on: date).filter {
            $0.system == .ensemble && $0.line != nil
        }
        let player = try #require(lined.first).playerID
        let layout = Layout(title: "Page", section: .players, viewer: .anonymous)
        let playerView = try await PlayerPageReader(store: store, today: date).view(id: player, date: date) { _ in
            layout
        }
        let tonight = try await TonightPage(
            store: store, today: date, slates: VersionedCache(capacity: 2), grades: VersionedCache(capacity: 2)
        ).view(query: TonightQuery(), layout: layout)
        let pages: [(String, Any)] = [("player", playerView), ("tonight", tonight)]
        for (name, view) in pages {
            let reflected = try #require(DashboardTemplates.library.render(view, withTemplate: name))
            let tree = DashboardTemplates.render(view, template: name)
            #expect(tree == reflected, "\(name)")
            #expect(tree.contains("<svg") || name == "tonight")
        }
    }
}
