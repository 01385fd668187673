import HoopcastCore
import Hummingbird

extension Dashboard {
    /// The sign-in form's fields.
    struct SignInForm: Decodable, Sendable {
        var key: String?
        var csrf: String?
        var next: String?
    }

    /// A form that carries only its CSRF token (sign out).
    struct TokenForm: Decodable, Sendable {
        var csrf: String?
    }

    /// The retry button's form.
    struct RetryForm: Decodable, Sendable {
        var csrf: String?
        var job: String?
    }

    /// A form body (`application/x-www-form-urlencoded`); 400 when it cannot be read.
    static func form<Form: Decodable>(_ type: Form.Type, _ request: Request, _ context: ServeContext) async throws
        -> Form
    {
        do {
            return try await URLEncodedFormDecoder().decode(Form.self, from: request, context: context)
        } catch let error as any HTTPResponseError {
            throw error
        } catch {
            throw APIError(.badRequest, "The form could not be read.")
        }
    }

    /// The sign-in page, with a fresh form token.
    func signInPage(_ request: Request) async throws -> Response {
        let viewer = try await sessions.viewer(of: request)
        let query = DashboardQuery(request.uri.query)
        let notice: String? =
            query["signed_out"] != nil
            ? "You are signed out."
            : query["ended"] != nil ? "Your session ended (it expired, or its key was revoked). Sign in again." : nil
        var response = try await signInForm(
            viewer: viewer, next: DashboardQuery.localPath(query["next"]), error: nil, notice: notice, status: .ok)
        if viewer.staleCookie { response.setCookie(sessions.clearing(DashboardSessions.cookieName)) }
        return response
    }

    func signInForm(
        viewer: Viewer, next: String, error: String?, notice: String?, status: HTTPResponse.Status
    ) async throws -> Response {
        let challenge = try await sessions.signInChallenge()
        let view = SignInView(
            layout: Layout(title: "Sign in", section: .signIn, viewer: viewer), token: challenge.token, next: next,
            error: error, notice: notice, signedInAs: viewer.key?.name)
        var response = HTMLPage.response("sign-in", view, status: status)
        response.setCookie(challenge.cookie)
        return response
    }

    /// Signs in with the key of the form: a session cookie and a redirect to where the user was going; the form
    /// again with the reason (401) when the key is malformed, unknown or revoked; 403 when the form's token does
    /// not match its nonce cookie; 429 with `Retry-After` past ``Dashboard/signInAttemptsPerMinute`` from one
    /// address.
    func signIn(_ request: Request, _ context: ServeContext) async throws -> Response {
        let wait = signInLimiter.admit("address:\(context.remoteAddress?.ipAddress ?? "unknown")")
        guard wait == .zero else {
            let seconds = max(1, Int((wait / .seconds(1)).rounded(.up)))
            throw APIError(
                .tooManyRequests, "Too many sign-in attempts; try again in \(seconds) s.", retryAfter: seconds)
        }
        let form = try await Self.form(SignInForm.self, request, context)
        guard let token = form.csrf, try await sessions.checkSignIn(token: token, request: request) else {
            throw APIError(
                .forbidden, "The sign-in form expired or did not come from this site. Reload it and try again.")
        }
        let next = DashboardQuery.localPath(form.next)
        let text = (form.key ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard let presented = KeyToken(text) else {
            return try await signInForm(
                viewer: .anonymous, next: next, error: "That is not a Hoopcast API key (hc_…).", notice: nil,
                status: .unauthorized)
        }
        guard let key = try await sessions.keys.authenticate(presented) else {
            return try await signInForm(
                viewer: .anonymous, next: next, error: "The key is unknown or has been revoked.", notice: nil,
                status: .unauthorized)
        }
        var response = HTMLPage.redirect(to: next)
        response.setCookie(try await sessions.open(for: key))
        response.setCookie(sessions.clearing(DashboardSessions.signInCookieName))
        return response
    }

    /// Asks to confirm signing out (a link cannot sign out: that would need no CSRF token).
    func signOutPage(_ request: Request) async throws -> Response {
        let viewer = try await sessions.viewer(of: request)
        guard viewer.isSignedIn, let token = viewer.csrf else { return HTMLPage.redirect(to: "/login") }
        return HTMLPage.response(
            "sign-out",
            SignOutView(layout: Layout(title: "Sign out", section: .none, viewer: viewer), formToken: token))
    }

    /// Ends the session (403 without the session's CSRF token).
    func signOut(_ request: Request, _ context: ServeContext) async throws -> Response {
        let form = try await Self.form(TokenForm.self, request, context)
        guard try await sessions.checkCSRF(form.csrf, request: request) else {
            throw APIError(.forbidden, "The form did not come from this session. Reload the page and try again.")
        }
        var response = HTMLPage.redirect(to: "/login?signed_out=1")
        response.setCookie(sessions.clearing(DashboardSessions.cookieName))
        return response
    }

    /// Re-opens a failed job: an admin session and its CSRF token, else 403.
    func retry(_ request: Request, _ context: ServeContext) async throws -> Response {
        let form = try await Self.form(RetryForm.self, request, context)
        let viewer = try await sessions.viewer(of: request)
        guard viewer.isSignedIn, try await sessions.checkCSRF(form.csrf, request: request) else {
            throw APIError(.forbidden, "The form did not come from a live session. Sign in and try again.")
        }
        guard viewer.isAdmin else { throw APIError(.forbidden, "Retrying jobs needs a session of an admin key.") }
        guard let job = form.job?.trimmingCharacters(in: .whitespaces), !job.isEmpty, job.count <= 500 else {
            throw APIError.invalid("job", "name the failed job to retry")
        }
        let reopened = try await PipelinePage(store: store, clock: clock).retry(key: job)
        return HTMLPage.redirect(to: "/pipeline?retried=\(reopened)")
    }
}
