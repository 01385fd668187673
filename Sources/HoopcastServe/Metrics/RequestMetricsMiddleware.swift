import CoreMetrics
import Hummingbird

/// Records each request's duration in `hoopcast_http_request_duration_seconds`, by route (the route's pattern, such
/// as `/v1/dates/{date}/predictions`, never the raw path), method and status. Takes its metrics factory (the
/// server's Prometheus registry) rather than the process-wide one, so that tests and servers stay apart.
public struct RequestMetricsMiddleware: RouterMiddleware {
    public typealias Context = ServeContext

    let factory: any MetricsFactory

    public init(factory: any MetricsFactory) { self.factory = factory }

    public func handle(
        _ request: Request, context: ServeContext, next: (Request, ServeContext) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        let status: Int
        do {
            let response = try await next(request, context)
            status = Int(response.status.code)
            record(request, context: context, status: status, elapsed: ContinuousClock.now - start)
            return response
        } catch {
            record(request, context: context, status: 500, elapsed: ContinuousClock.now - start)
            throw error
        }
    }

    func record(_ request: Request, context: ServeContext, status: Int, elapsed: Duration) {
        let route = context.endpointPath ?? "unmatched"
        Timer(
            label: "hoopcast_http_request_duration_seconds",
            dimensions: [("route", route), ("method", "\(request.method)"), ("status", String(status))],
            preferredDisplayUnit: .seconds, factory: factory
        ).record(duration: elapsed)
    }
}
