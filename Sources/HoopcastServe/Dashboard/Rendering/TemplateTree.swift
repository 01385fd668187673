/// A view model as the templates read it: every struct becomes a `[String: Any]` of its stored properties (a
/// dictionary is a `MustacheParent`, so a lookup is a hash probe), optionals are unwrapped (a nil field is absent),
/// arrays are converted element by element, and text, numbers, booleans and enums stay as they are.
///
/// Without it swift-mustache finds each `{{name}}` by reflecting on the object (`Mirror`), and a name the current
/// object lacks is reflected on every enclosing object in turn (a Player page cost ~80 ms, most of it that). The
/// tree reflects on each object once per render; the rendered text is the same (`TemplateTreeTests` compares both).
enum TemplateTree {
    /// `value` converted for rendering; nil for a nil optional.
    static func make(_ value: Any) -> Any? {
        switch value {
        case is String, is Int, is Double, is Bool: return value
        case let array as [Any]: return array.compactMap(make)
        case let optional as any OptionalValue: return optional.wrappedValue.flatMap(make)
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct, .class, .tuple:
            var fields: [String: Any] = [:]
            fields.reserveCapacity(Int(mirror.children.count))
            for child in mirror.children {
                guard let label = child.label, let converted = make(child.value) else { continue }
                fields[label] = converted
            }
            return fields
        case .collection, .set:
            return mirror.children.compactMap { make($0.value) }
        case .dictionary:
            guard let dictionary = value as? [String: Any] else { return value }
            return dictionary.compactMapValues(make)
        default:
            return value
        }
    }
}

/// An optional seen through `Any` (a cast is cheaper than reflecting on it).
private protocol OptionalValue {
    var wrappedValue: Any? { get }
}

extension Optional: OptionalValue {
    fileprivate var wrappedValue: Any? { self.map { $0 } }
}
