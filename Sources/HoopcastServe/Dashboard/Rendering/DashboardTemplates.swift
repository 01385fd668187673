import Mustache

/// The dashboard's mustache templates, compiled once from the Swift constants that hold them (so the installed
/// binary needs no files beside it). Templates use `{{ }}` only, so every value is HTML-escaped, except a chart's
/// `{{{svg}}}`: a ``ChartMarkup``, which only ``SVGWriter`` makes, escaping every text in it.
enum DashboardTemplates {
    /// Every template by name (a page's partials are referenced by these names).
    static let sources: [String: String] = [
        "head": LayoutTemplates.head, "foot": LayoutTemplates.foot,
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

    /// `model` rendered with the template `name`, read through a ``TemplateTree``.
    static func render(_ model: Any, template name: String) -> String {
        guard let text = library.render(TemplateTree.make(model) ?? [String: Any](), withTemplate: name) else {
            preconditionFailure("no dashboard template '\(name)'")
        }
        return text
    }
}
