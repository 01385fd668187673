/// The frame of every page (`head`, `foot`) and the error page.
enum LayoutTemplates {
    /// From the doctype to the opening of `<main>`; rendered inside `{{#layout}}` (a ``Layout``).
    static let head = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{pageTitle}} · Hoopcast</title>
        <link rel="stylesheet" href="{{cssHref}}">
        <link rel="icon" href="{{iconHref}}" type="image/svg+xml">
        <script src="{{jsHref}}" defer></script>
        </head>
        <body>
        <a class="skip" href="#main">Skip to content</a>
        <header class="top">
        <div class="bar">
        <a class="brand" href="/"><img src="{{iconHref}}" alt="" width="24" height="24"><span>Hoopcast</span></a>
        <nav class="main-nav" aria-label="Main">
        <ul>
        <li><a href="/tonight"{{#navTonight}} aria-current="page"{{/navTonight}}>Tonight</a></li>
        <li><a href="/players"{{#navPlayers}} aria-current="page"{{/navPlayers}}>Players</a></li>
        <li><a href="/performance"{{#navPerformance}} aria-current="page"{{/navPerformance}}>Performance</a></li>
        <li><a href="/pipeline"{{#navPipeline}} aria-current="page"{{/navPipeline}}>Pipeline</a></li>
        </ul>
        </nav>
        <div class="account">
        {{#signedIn}}
        <span class="who">{{keyName}} <span class="scope">{{scope}}</span></span>
        <form method="post" action="/logout" class="inline">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <button type="submit" class="link-button">Sign out</button>
        </form>
        {{/signedIn}}
        {{^signedIn}}
        <a href="/login">Sign in</a>
        {{/signedIn}}
        </div>
        </div>
        </header>
        <main id="main">

        """

    /// From the closing of `<main>` to the end.
    static let foot = """
        </main>
        <footer class="foot">
        <p>Hoopcast · model estimates, not advice · <a href="/openapi.yaml">API document</a></p>
        </footer>
        </body>
        </html>

        """

    /// A failed request (``ErrorView``).
    static let error = """
        {{#layout}}{{>head}}{{/layout}}
        <div class="page-head">
        <h1>{{heading}}</h1>
        </div>
        <section class="card error-card">
        <p>{{message}}</p>
        <p class="muted">HTTP {{status}}{{#requestID}} · request {{.}}{{/requestID}}</p>
        <p><a href="/">Back to the slate</a></p>
        </section>
        {{#layout}}{{>foot}}{{/layout}}

        """
}
