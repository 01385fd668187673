/// The paths and methods `openapi.yaml` declares, read from the committed document once: a request for a declared
/// path with an undeclared method is a 405 naming the allowed ones, not a 404.
struct DocumentRoutes: Sendable {
    struct Route: Sendable {
        /// The path's segments; `{name}` segments match any one segment.
        let segments: [Substring]
        let methods: [String]
    }

    let routes: [Route]

    static let api = DocumentRoutes(document: OpenAPIDocument.yaml)

    /// Reads the `paths` block: a path is a two-space-indented key starting with `/`, its methods four-space keys.
    init(document: String) {
        var routes: [Route] = []
        var path: Substring?
        var methods: [String] = []
        var inPaths = false
        func flush() {
            if let path { routes.append(Route(segments: path.split(separator: "/"), methods: methods)) }
            path = nil
            methods = []
        }
        for line in document.split(separator: "\n", omittingEmptySubsequences: false) {
            if !line.hasPrefix(" ") && !line.isEmpty {
                flush()
                inPaths = line == "paths:"
                continue
            }
            guard inPaths else { continue }
            if line.hasPrefix("  /") && line.hasSuffix(":") {
                flush()
                path = line.dropFirst(2).dropLast()
            } else if line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":") {
                let key = line.dropFirst(4).dropLast()
                if ["get", "post", "put", "patch", "delete"].contains(key) { methods.append(key.uppercased()) }
            }
        }
        flush()
        self.routes = routes
    }

    /// The methods declared for `path`, empty when the document has no such path.
    func methods(for path: String) -> [String] {
        let segments = path.split(separator: "/")
        return routes.first { route in
            route.segments.count == segments.count
                && zip(route.segments, segments).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
        }?.methods ?? []
    }
}
