/// What a key may do: `read` reads every `/v1` route; `admin` also runs the admin routes.
public enum KeyScope: String, Sendable, Hashable, CaseIterable, Codable {
    case read
    case admin

    /// Whether a key of this scope may use a route that needs `required`.
    public func allows(_ required: KeyScope) -> Bool { self == .admin || required == .read }
}
