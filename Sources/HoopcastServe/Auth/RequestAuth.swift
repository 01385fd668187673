/// The key a request was authenticated with, for the handlers below the middleware (the generated API handlers see
/// only their typed input). Nil when the route is public.
public enum RequestAuth {
    @TaskLocal public static var key: APIKey?
}
