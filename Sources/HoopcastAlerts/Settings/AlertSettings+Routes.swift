extension AlertSettings {
    /// The configured routes: the webhook, then email.
    public func routes() throws(SMTPError) -> [any AlertRoute] {
        var routes: [any AlertRoute] = []
        if let webhook { routes.append(WebhookRoute(url: webhook.url, minimum: webhook.minimum)) }
        if let email { routes.append(try EmailRoute(settings: email.settings, minimum: email.minimum)) }
        return routes
    }
}
