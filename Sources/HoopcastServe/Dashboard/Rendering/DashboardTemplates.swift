import Mustache

/// The dashboard's mustache templates, compiled once from the Swift constants that hold them (so the installed
/// binary needs no files beside it). Templates use `{{ }}` only: every value is HTML-escaped, and a chart is drawn
/// by the `chart` partial from ``SVGChart``'s shapes, never pasted in as markup.
enum DashboardTemplates {
    /// Every template by name (a page's partials are referenced by these names).
    static let sources: [String: String] = [
        "head": LayoutTemplates.head, "foot": LayoutTemplates.foot, "chart": LayoutTemplates.chart,
        "error": LayoutTemplates.error, "tonight": TonightTemplate.text, "player": PlayerTemplate.text,
        "players": PlayerTemplate.search, "performance": PerformanceTemplate.text, "pipeline": PipelineTemplate.text,
        "sign-in": SignInTemplate.signIn, "sign-out": SignInTemplate.signOut,
    ]

    /// The compiled library; a template that does not parse is a programming error (`DashboardTemplateTests`
    /// renders each one).
    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for (name, text) in sources {
            do {
                try library.register(text, named: name)
            } catch {
                preconditionFailure("dashboard template '\(name)' does not parse: \(error)")
            }
        }
        return library
    }()

    /// `model` rendered with the template `name`.
    static func render(_ model: Any, template name: String) -> String {
        guard let text = library.render(model, withTemplate: name) else {
            preconditionFailure("no dashboard template '\(name)'")
        }
        return text
    }
}
