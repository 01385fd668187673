/// Checks a response before any adapter reads it: status, empty body, HTML, content type, JSON syntax and source
/// error objects. Each failure is a ``PayloadError`` (never an empty success).
public enum PayloadGate {
    /// The JSON document of a response.
    /// - Parameters:
    ///   - contentType: the `Content-Type` header ("" when unknown, e.g. an archived payload from before it was kept).
    public static func json(status: Int, contentType: String, body: [UInt8], context: PayloadContext)
        throws(PayloadError) -> JSONCursor
    {
        func fail(_ kind: PayloadError.Kind, _ location: String = "$", _ reason: String) -> PayloadError {
            PayloadError(kind, source: context.source, endpoint: context.endpoint, location: location, reason: reason)
        }
        let firstByte = body.first {
            $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF
        }
        let type = contentType.lowercased()
        if firstByte == UInt8(ascii: "<") || type.contains("text/html") {
            throw fail(.html, "byte 0", "an HTML page (HTTP \(status)) where JSON was expected: \(snippet(body))")
        }
        guard (200...299).contains(status) else {
            throw fail(.httpStatus, "$", "HTTP \(status): \(snippet(body))")
        }
        guard firstByte != nil else { throw fail(.emptyBody, "byte 0", "the body is empty") }
        if !type.isEmpty, !type.contains("json"), !type.contains("javascript") {
            throw fail(.wrongContentType, "header", "content type '\(contentType)' is not JSON")
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(body)
        } catch {
            throw fail(.invalidJSON, "byte \(error.offset)", "\(error.reason) (\(body.count) bytes received)")
        }
        if case .object(let members) = value, members["data"] == nil, members["resultSets"] == nil,
            members["events"] == nil, members["leagueSchedule"] == nil, members["game"] == nil,
            let message = members["message"] ?? members["error"] ?? members["Message"]
        {
            let text: String
            if case .string(let string) = message { text = string } else { text = "\(message)" }
            throw fail(.errorResponse, "$", "the source returned an error: \(text)")
        }
        return JSONCursor(value, context: context)
    }

    /// The first 120 printable characters of a body, for error messages.
    static func snippet(_ body: [UInt8]) -> String {
        let text = String(decoding: body.prefix(400), as: UTF8.self)
        let flat = text.map { $0.isNewline || $0 == "\t" ? " " : $0 }
        return String(
            String(flat).split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ").prefix(120))
    }
}
