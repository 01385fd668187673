/// The sign-in and sign-out pages (``SignInView``, ``SignOutView``).
enum SignInTemplate {
    static let signIn = """
        {{#layout}}{{>head}}{{/layout}}
        <div class="narrow-wrap">
        <div class="page-head"><h1>Sign in</h1></div>
        {{#notice}}<p class="flash" role="status">{{.}}</p>{{/notice}}
        {{#error}}<p class="alert" role="alert">{{.}}</p>{{/error}}
        {{#signedInAs}}<p class="flash" role="status">You are signed in as {{.}}. \
        Signing in again replaces that session.</p>{{/signedInAs}}
        <section class="card">
        <form method="post" action="/login" class="stacked">
        <input type="hidden" name="csrf" value="{{token}}">
        <input type="hidden" name="next" value="{{next}}">
        <label for="key">API key</label>
        <input type="password" id="key" name="key" required autocomplete="current-password" spellcheck="false" \
        aria-describedby="key-hint">
        <p class="hint" id="key-hint">A key from <code>hoopcast keys create --name NAME --scope read</code> \
        (or <code>--scope admin</code> to retry failed jobs). The session lasts 12 hours and ends at once when \
        the key is revoked.</p>
        <button type="submit">Sign in</button>
        </form>
        </section>
        </div>
        {{#layout}}{{>foot}}{{/layout}}

        """

    static let signOut = """
        {{#layout}}{{>head}}{{/layout}}
        <div class="narrow-wrap">
        <div class="page-head"><h1>Sign out</h1></div>
        <section class="card">
        <form method="post" action="/logout" class="stacked">
        <input type="hidden" name="csrf" value="{{formToken}}">
        <p>End this session in this browser?</p>
        <button type="submit">Sign out</button>
        </form>
        </section>
        </div>
        {{#layout}}{{>foot}}{{/layout}}

        """
}
