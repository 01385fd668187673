import Foundation

/// A JSON Schema (draft 2020-12) validator for the keywords Hoopcast's schemas use — `type` (one or several),
/// `required`, `properties`, `additionalProperties: false`, `items`, `enum`, `minimum`, `maximum`, `pattern` — and
/// nothing else: a schema using any other validation keyword is refused, so a passing check is never partial.
struct SchemaValidator {
    static let supported: Set<String> = [
        "$schema", "title", "description", "type", "required", "properties", "additionalProperties", "items", "enum",
        "minimum", "maximum", "pattern",
    ]

    let schema: [String: Any]

    init(contentsOf url: URL) throws {
        schema = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
    }

    /// Keywords the schema uses that this validator does not implement (must be empty).
    func unsupportedKeywords(_ node: [String: Any]? = nil) -> Set<String> {
        let node = node ?? schema
        var found = Set(node.keys).subtracting(Self.supported)
        if let properties = node["properties"] as? [String: Any] {
            for case let child as [String: Any] in properties.values { found.formUnion(unsupportedKeywords(child)) }
        }
        if let items = node["items"] as? [String: Any] { found.formUnion(unsupportedKeywords(items)) }
        return found
    }

    /// Every violation of `value`, as "path: problem".
    func errors(_ value: Any, _ node: [String: Any]? = nil, path: String = "$") -> [String] {
        let node = node ?? schema
        var errors: [String] = []
        if let type = node["type"] {
            let allowed = (type as? [String]) ?? [type as? String ?? ""]
            guard allowed.contains(where: { Self.matches(value, $0) }) else {
                return ["\(path): \(value) is not \(allowed)"]
            }
        }
        if let options = node["enum"] as? [String], !options.contains(value as? String ?? "\u{0}") {
            errors.append("\(path): \(value) not in \(options)")
        }
        if let number = Self.number(value) {
            if let minimum = node["minimum"] as? Double, number < minimum {
                errors.append("\(path): \(number) < \(minimum)")
            }
            if let maximum = node["maximum"] as? Double, number > maximum {
                errors.append("\(path): \(number) > \(maximum)")
            }
        }
        if let pattern = node["pattern"] as? String, let text = value as? String,
            text.range(of: pattern, options: .regularExpression) == nil
        {
            errors.append("\(path): \(text) does not match \(pattern)")
        }
        if let object = value as? [String: Any] {
            let properties = node["properties"] as? [String: Any] ?? [:]
            for key in node["required"] as? [String] ?? [] where object[key] == nil {
                errors.append("\(path): missing \(key)")
            }
            if node["additionalProperties"] as? Bool == false {
                for key in object.keys where properties[key] == nil { errors.append("\(path): unexpected \(key)") }
            }
            for (key, child) in object {
                if let childSchema = properties[key] as? [String: Any] {
                    errors += self.errors(child, childSchema, path: "\(path).\(key)")
                }
            }
        }
        if let array = value as? [Any], let items = node["items"] as? [String: Any] {
            for (index, item) in array.enumerated() { errors += self.errors(item, items, path: "\(path)[\(index)]") }
        }
        return errors
    }

    static func number(_ value: Any) -> Double? {
        guard let number = value as? NSNumber, !isBoolean(number) else { return nil }
        return number.doubleValue
    }

    /// JSONSerialization gives booleans as NSNumbers of type char.
    static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c" || String(cString: number.objCType) == "B"
    }

    static func matches(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "string": return value is String
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "boolean": return (value as? NSNumber).map(isBoolean) ?? false
        case "number": return number(value) != nil
        case "integer": return number(value).map { $0 == $0.rounded() } ?? false
        default: return false
        }
    }
}
