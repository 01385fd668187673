/// What every page's frame shows: the title, which section of the navigation is current, who is signed in and the
/// CSRF token of the sign-out form.
struct Layout: Sendable {
    /// The navigation's sections.
    enum Section: Sendable { case tonight, players, performance, pipeline, signIn, none }

    var pageTitle: String
    var navTonight = false, navPlayers = false, navPerformance = false, navPipeline = false
    var signedIn = false
    var keyName: String?
    var scope: String?
    var csrf: String?
    var cssHref = DashboardAssets.cssPath
    var jsHref = DashboardAssets.jsPath
    var iconHref = DashboardAssets.iconPath

    init(title: String, section: Section, viewer: Viewer) {
        pageTitle = title
        switch section {
        case .tonight: navTonight = true
        case .players: navPlayers = true
        case .performance: navPerformance = true
        case .pipeline: navPipeline = true
        case .signIn, .none: break
        }
        if let key = viewer.key {
            signedIn = true
            keyName = key.name
            scope = key.scope.rawValue
            csrf = viewer.csrf
        }
    }
}

/// One `<option>` of a filter.
struct Choice: Sendable, Hashable {
    var value: String
    var label: String
    var selected: Bool
}
