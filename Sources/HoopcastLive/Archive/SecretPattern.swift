/// One secret and every way a server, a library or a log may write it, matched character by character.
///
/// Each character of the secret may appear as itself or encoded, independently of its neighbours, so mixtures
/// (Foundation's partial query encoding, a JSON-escaped URL) match too:
/// - percent-encoded with upper- or lower-case hex (`%2F`, `%2f`), and percent-encoded twice (`%252F`);
/// - form encoding and its decoding: a space as `+`, and a `+` that a server read as a space (` `, `%20`, `+`);
/// - JSON string escapes: `\/`, `\"`, `\\` and `\u002F` (any case) for ASCII characters;
/// - HTML character references: `&amp;`, `&quot;`, `&apos;`, `&lt;`, `&gt;`, `&#38;`, `&#x26;`.
struct SecretPattern: Sendable {
    /// The secret's UTF-8 bytes.
    let secret: [UInt8]
    /// Per secret byte, the bytes it may have become before encoding (itself; `+` and space for each other).
    private let equivalents: [[UInt8]]
    /// By byte value: true when a match can begin there (the first character raw, or any encoding's first byte).
    private let starts: [Bool]

    init(_ secret: String) {
        self.secret = Array(secret.utf8)
        equivalents = self.secret.map { byte in
            switch byte {
            case UInt8(ascii: "+"): return [byte, UInt8(ascii: " ")]
            case UInt8(ascii: " "): return [byte, UInt8(ascii: "+")]
            default: return [byte]
            }
        }
        var starts = [Bool](repeating: false, count: 256)
        for byte in equivalents.first ?? [] { starts[Int(byte)] = true }
        for byte in [UInt8(ascii: "%"), UInt8(ascii: "\\"), UInt8(ascii: "&")] { starts[Int(byte)] = true }
        self.starts = starts
    }

    /// `input` with every occurrence replaced by `replacement`; nil when there is none.
    func replacing(in input: [UInt8], with replacement: [UInt8]) -> [UInt8]? {
        guard !secret.isEmpty else { return nil }
        return input.withUnsafeBufferPointer { buffer -> [UInt8]? in
            var output: [UInt8] = []
            var copied = 0
            var index = 0
            while index < buffer.count {
                if starts[Int(buffer[index])], let end = matchEnd(buffer, at: index, position: 0) {
                    if output.isEmpty { output.reserveCapacity(buffer.count) }
                    output.append(contentsOf: buffer[copied..<index])
                    output.append(contentsOf: replacement)
                    index = end
                    copied = end
                } else {
                    index += 1
                }
            }
            guard copied > 0 else { return nil }
            output.append(contentsOf: buffer[copied..<buffer.count])
            return output
        }
    }

    /// Where a match of the secret from its byte `position` on, starting at `index` of `input`, ends.
    private func matchEnd(_ input: UnsafeBufferPointer<UInt8>, at index: Int, position: Int) -> Int? {
        if position == secret.count { return index }
        guard index < input.count else { return nil }
        for byte in equivalents[position] {
            for length in SecretPattern.encodedLengths(of: byte, in: input, at: index) {
                if let end = matchEnd(input, at: index + length, position: position + 1) { return end }
            }
        }
        return nil
    }

    /// The lengths of every encoding of `byte` that starts at `index` of `input` (empty when none does).
    static func encodedLengths(of byte: UInt8, in input: UnsafeBufferPointer<UInt8>, at index: Int) -> [Int] {
        let first = input[index]
        var lengths: [Int] = []
        if first == byte { lengths.append(1) }
        switch first {
        case UInt8(ascii: "%"):
            if hexByte(input, at: index + 1, digits: 2) == Int(byte) { lengths.append(3) }
            if hexByte(input, at: index + 1, digits: 2) == 0x25, hexByte(input, at: index + 3, digits: 2) == Int(byte) {
                lengths.append(5)
            }
        case UInt8(ascii: "\\"):
            guard index + 1 < input.count else { break }
            let next = input[index + 1]
            if next == byte, [UInt8(ascii: "/"), UInt8(ascii: "\""), UInt8(ascii: "\\")].contains(byte) {
                lengths.append(2)
            }
            if next == UInt8(ascii: "u"), byte < 0x80, hexByte(input, at: index + 2, digits: 4) == Int(byte) {
                lengths.append(6)
            }
        case UInt8(ascii: "&"):
            if let length = htmlReference(of: byte, in: input, at: index) { lengths.append(length) }
        default:
            break
        }
        return lengths
    }

    /// The value of `digits` hex digits (either case) at `index`; nil when they are not all there.
    static func hexByte(_ input: UnsafeBufferPointer<UInt8>, at index: Int, digits: Int) -> Int? {
        guard index + digits <= input.count else { return nil }
        var value = 0
        for offset in 0..<digits {
            guard let digit = hexDigit(input[index + offset]) else { return nil }
            value = value * 16 + digit
        }
        return value
    }

    static func hexDigit(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return Int(byte - UInt8(ascii: "A")) + 10
        default: return nil
        }
    }

    /// The length of an HTML character reference for `byte` at `index` (`&amp;`, `&#38;`, `&#x26;`), if one is there.
    static func htmlReference(of byte: UInt8, in input: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        guard let semicolon = (index + 1..<min(input.count, index + 10)).first(where: { input[$0] == 0x3B }) else {
            return nil
        }
        let name = String(decoding: input[(index + 1)..<semicolon], as: UTF8.self)
        let named: [String: UInt8] = ["amp": 0x26, "quot": 0x22, "apos": 0x27, "lt": 0x3C, "gt": 0x3E]
        let value: Int?
        if let character = named[name] {
            value = Int(character)
        } else if name.hasPrefix("#x") || name.hasPrefix("#X") {
            value = Int(name.dropFirst(2), radix: 16)
        } else if name.hasPrefix("#") {
            value = Int(name.dropFirst(), radix: 10)
        } else {
            value = nil
        }
        return value == Int(byte) ? semicolon + 1 - index : nil
    }
}
