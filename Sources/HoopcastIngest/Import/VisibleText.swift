/// Input text made safe to echo in messages: control characters and invalid UTF-8 written as visible escapes, and
/// long values cut.
///
/// Escapes are Swift-style: a control or bidirectional-formatting character is written `\u{1B}` (hex, no padding),
/// a byte that is not part of valid UTF-8 `\xFF`. A backslash in the input is left as it is, so the escaped form is
/// for reading, not for decoding back.
///
/// ```swift
/// VisibleText.escaped("\u{1B}[2Jboom")       // "\u{1B}[2Jboom" with a literal backslash: no terminal escape
/// VisibleText.escaped(bytes: [0x41, 0xFF])  // "A\xFF"
/// ```
public enum VisibleText {
    /// The most characters of a value echoed in an issue or stored as the quarantine's `value`.
    public static let echoLimit = 200

    /// `text` with every control character (C0, DEL, C1) and every bidirectional-formatting character escaped, so
    /// that printing it can neither move the cursor, recolour the terminal nor reorder the line.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars { append(scalar, to: &result) }
        return result
    }

    /// `bytes` decoded as UTF-8, each byte of an invalid sequence written `\xNN` and characters escaped as by
    /// ``escaped(_:)``.
    public static func escaped(bytes: [UInt8]) -> String {
        var result = ""
        result.reserveCapacity(bytes.count + 8)
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                append(Unicode.UTF8.decode(encoded), to: &result)
                offset += encoded.count
            case .error(let length):
                for byte in bytes[offset..<offset + length] { result += "\\x" + hex(byte, width: 2) }
                offset += length
            case .emptyInput:
                return result
            }
        }
    }

    /// `text` itself when it has at most ``echoLimit`` characters; otherwise its first ``echoLimit`` characters
    /// followed by `… (N bytes)`, N being the whole value's UTF-8 length.
    public static func capped(_ text: String) -> String {
        // A character is at least one byte, so a short value needs no walk; a long one is walked only to the limit.
        guard text.utf8.count > echoLimit,
            let cut = text.index(text.startIndex, offsetBy: echoLimit, limitedBy: text.endIndex), cut < text.endIndex
        else { return text }
        return String(text[..<cut]) + "… (\(text.utf8.count) bytes)"
    }

    /// C0 controls (NUL … US), DEL, C1 controls, and the characters that reorder bidirectional text (ALM, LRM, RLM,
    /// LRE … RLO, LRI … PDI).
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    private static func append(_ scalar: Unicode.Scalar, to result: inout String) {
        if needsEscape(scalar) {
            result += "\\u{" + hex(scalar.value, width: 1) + "}"
        } else {
            result.unicodeScalars.append(scalar)
        }
    }

    private static func hex(_ value: some BinaryInteger, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
