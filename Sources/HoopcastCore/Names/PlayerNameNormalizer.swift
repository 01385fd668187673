/// Turns a player name as a book or a box score writes it into comparable lower-case ASCII tokens.
///
/// The rules, applied in this order:
/// 1. **Folding.** Latin letters with diacritics become their base letters (`Jokić` → `jokic`, `Dāvis` → `davis`,
///    `Šarić` → `saric`); ligatures and special letters are spelled out (`æ` → `ae`, `ß` → `ss`, `ø` → `o`,
///    `ł` → `l`). Decomposed combining marks are dropped. Everything is lower-cased.
/// 2. **Brackets.** Anything inside `(…)` or `[…]` is dropped: `Daniel Theis (IND)`, `Jalen (2001) Johnson`.
/// 3. **Joiners.** Apostrophes of every kind (`'`, `’`, `‘`, `ʼ`, `` ` ``, `´`) and hyphens are removed without a
///    space, so `De’Anthony` = `De'Anthony` = `deanthony` and `Gilgeous-Alexander` = `gilgeousalexander`.
///    Digits are dropped; any other punctuation separates words.
/// 4. **Dots.** Single letters separated by dots form one token (`P.J.` = `P.J` = `pj`); after a longer piece a dot
///    ends the word (`Mil.Bridges` → `mil bridges`). Runs of single-letter words are then joined too
///    (`P J Washington` → `pj washington`).
/// 5. **Comma order.** `Last, First` becomes `First Last` (`Portis, Bobby` → `bobby portis`); when only a suffix
///    follows the comma (`Xavier Tillman, Sr.`) the order is kept.
/// 6. **Suffixes.** Generational suffixes (``suffixes``: jr, sr, ii, iii, iv) are removed wherever they appear after
///    the first token, so `Anthony Davis Jr.`, `Jimmy Butler III` and `Kevin Knox II` lose them. `V` is not treated
///    as a suffix because it is also an initial.
///
/// Example: `PlayerNameNormalizer.key("Dončić, Luka")` is `"luka doncic"`.
public enum PlayerNameNormalizer {
    /// Generational suffixes removed from names (after folding and dot handling).
    public static let suffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv"]

    /// The normalised tokens of a name, e.g. `["pj", "washington"]` for `P.J. Washington Jr.`; empty for a blank name.
    public static func tokens(_ raw: String) -> [String] {
        let folded = fold(raw)
        let parts = folded.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
        var tokens = words(parts[0])
        if parts.count == 2 {
            let afterComma = words(parts[1]).filter { !suffixes.contains($0) }
            if !afterComma.isEmpty { tokens = afterComma + tokens }
        }
        tokens = joinSingleLetters(tokens)
        guard tokens.count > 1 else { return tokens }
        let head = tokens[0]
        let rest = tokens.dropFirst().filter { !suffixes.contains($0) }
        return [head] + rest
    }

    /// The normalised tokens joined by single spaces, e.g. `"shai gilgeousalexander"`; the lookup key for names.
    public static func key(_ raw: String) -> String {
        tokens(raw).joined(separator: " ")
    }

    /// The normalised tokens joined without spaces, e.g. `"dorianfinneysmith"` for both `Dorian Finney-Smith` and
    /// `Dorian Finney Smith`; used to compare names that differ only in word breaks.
    public static func compactKey(_ raw: String) -> String {
        tokens(raw).joined()
    }

    /// Rule 1–3: folds to lower-case ASCII, keeping only letters, spaces, commas and dots.
    static func fold(_ raw: String) -> String {
        var out = String.UnicodeScalarView()
        var depth = 0
        for scalar in raw.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x28, 0x5B:  // ( [
                depth += 1
                out.append(" ")
                continue
            case 0x29, 0x5D:  // ) ]
                depth = max(0, depth - 1)
                out.append(" ")
                continue
            default:
                break
            }
            if depth > 0 { continue }
            switch value {
            case 0x61...0x7A, 0x2C, 0x2E:  // a-z , .
                out.append(scalar)
            case 0x41...0x5A:  // A-Z
                out.append(Unicode.Scalar(UInt8(value + 0x20)))
            case 0x30...0x39, 0x27, 0x60, 0xB4, 0x2BC, 0x2BB, 0x2018, 0x2019, 0x2D, 0x2010...0x2013, 0x300...0x36F:
                continue  // digits, apostrophes, hyphens, combining marks: joined without a space
            case 0xC0...0x17F:
                out.append(contentsOf: latinFolding(value).unicodeScalars)
            case 0x218...0x21B:  // Ș ș Ț ț
                out.append(value < 0x21A ? "s" : "t")
            default:
                out.append(" ")
            }
        }
        return String(out)
    }

    /// Rule 4 for one comma-free part: words split at spaces, and inside a word at dots.
    static func words(_ text: Substring) -> [String] {
        var result: [String] = []
        for word in text.split(separator: " ") {
            var pending = ""
            for piece in word.split(separator: ".") {
                if piece.count == 1 {
                    pending += piece
                } else {
                    if !pending.isEmpty { result.append(pending) }
                    pending = ""
                    result.append(String(piece))
                }
            }
            if !pending.isEmpty { result.append(pending) }
        }
        return result
    }

    /// Rule 4, second half: consecutive single-letter tokens become one token.
    static func joinSingleLetters(_ tokens: [String]) -> [String] {
        var result: [String] = []
        var run = ""
        var runLength = 0
        for token in tokens {
            if token.count == 1 {
                run += token
                runLength += 1
                continue
            }
            if runLength > 0 { result.append(run) }
            run = ""
            runLength = 0
            result.append(token)
        }
        if runLength > 0 { result.append(run) }
        return result
    }

    /// The ASCII spelling of a letter in Latin-1 Supplement or Latin Extended-A (U+00C0…U+017F).
    static func latinFolding(_ value: UInt32) -> String {
        switch value {
        case 0xC6, 0xE6: return "ae"
        case 0xDE, 0xFE: return "th"
        case 0xDF: return "ss"
        case 0x132, 0x133: return "ij"
        case 0x152, 0x153: return "oe"
        default: return String(latinBase[Int(value - 0xC0)])
        }
    }

    /// Base letters for U+00C0…U+017F, one per code point, 48 per line; `×` and `÷` map to a space.
    private static let latinBase: [Character] = Array(
        "aaaaaaaceeeeiiiidnooooo ouuuuytsaaaaaaaceeeeiiii"
            + "dnooooo ouuuuytyaaaaaaccccccccddddeeeeeeeeeegggg"
            + "gggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooo"
            + "oooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs"
    )
}
