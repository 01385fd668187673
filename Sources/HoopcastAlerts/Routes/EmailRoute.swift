/// Email through an SMTP server (STARTTLS and authentication by default): one message to every recipient.
public struct EmailRoute: AlertRoute {
    public let name = "email"
    public let minimum: AlertSeverity
    let client: SMTPClient

    /// A route sending with `settings` (the password is a secret: ``SMTPError`` never carries it).
    public init(settings: SMTPSettings, minimum: AlertSeverity) throws(SMTPError) {
        self.client = try SMTPClient(settings: settings)
        self.minimum = minimum
    }

    public func deliver(_ message: AlertMessage) async throws {
        try await client.send(SMTPMessage(subject: message.subject, body: message.body))
    }
}
