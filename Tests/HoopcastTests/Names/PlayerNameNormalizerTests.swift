import Testing

@testable import HoopcastCore

struct PlayerNameNormalizerTests {
    /// Book and box-score spellings seen in the real prop lines and box scores, with their keys worked out by hand.
    @Test(arguments: [
        // Accents and diacritics (precomposed and decomposed).
        ("Nikola Jokić", "nikola jokic"),
        ("Nikola Jokic\u{301}", "nikola jokic"),
        ("Luka Dončić", "luka doncic"),
        ("Dāvis Bertāns", "davis bertans"),
        ("Dennis Schröder", "dennis schroder"),
        ("Alperen Şengün", "alperen sengun"),
        // Apostrophes of every kind are removed without a space.
        ("De’Anthony Melton", "deanthony melton"),
        ("De'Anthony Melton", "deanthony melton"),
        ("Royce O’Neale", "royce oneale"),
        ("Devonte' Graham", "devonte graham"),
        ("Jae'sean Tate", "jaesean tate"),
        // Dots and initials.
        ("P.J. Washington", "pj washington"),
        ("PJ Washington", "pj washington"),
        ("P.J Washington", "pj washington"),
        ("P J Washington", "pj washington"),
        ("G.G. Jackson", "gg jackson"),
        ("Mil. Bridges", "mil bridges"),
        ("Mil.Bridges", "mil bridges"),
        ("G Antetokounmpo", "g antetokounmpo"),
        // Hyphens join.
        ("S Gilgeous-Alexander", "s gilgeousalexander"),
        ("Karl-Anthony Towns Jr.", "karlanthony towns"),
        // Suffixes, including spurious ones.
        ("Anthony Davis Jr.", "anthony davis"),
        ("Jimmy Butler III", "jimmy butler"),
        ("Lonnie Walker IV", "lonnie walker"),
        ("Kelly Oubre Jr", "kelly oubre"),
        ("P.J. Washington Jr.", "pj washington"),
        ("Marcus Morris Sr.", "marcus morris"),
        ("JR Smith", "jr smith"),
        // Comma order.
        ("Portis, Bobby", "bobby portis"),
        ("Xavier Tillman, Sr.", "xavier tillman"),
        ("Smith Jr., Jabari", "jabari smith"),
        // Brackets, digits and spacing.
        ("Daniel Theis (IND)", "daniel theis"),
        ("Kyle Lowry (Phi)", "kyle lowry"),
        ("Jalen (2001) Johnson", "jalen johnson"),
        ("  Kelly\u{A0}Oubre   Jr.  ", "kelly oubre"),
        // Middle names are kept by the normaliser (the resolver drops them).
        ("Eric Ambrose Gordon Jr.", "eric ambrose gordon"),
    ])
    func key(raw: String, expected: String) {
        #expect(PlayerNameNormalizer.key(raw) == expected)
    }

    @Test func tokensSplitAtSpacesAfterFolding() {
        #expect(PlayerNameNormalizer.tokens("Shai Gilgeous-Alexander") == ["shai", "gilgeousalexander"])
        #expect(PlayerNameNormalizer.tokens("Dončić, Luka") == ["luka", "doncic"])
        #expect(PlayerNameNormalizer.tokens("A.J. Green") == ["aj", "green"])
        #expect(PlayerNameNormalizer.tokens("Jaren Jackson Jr.") == ["jaren", "jackson"])
    }

    @Test func blankNamesHaveNoTokens() {
        #expect(PlayerNameNormalizer.tokens("").isEmpty)
        #expect(PlayerNameNormalizer.tokens("  , . ()").isEmpty)
        #expect(PlayerNameNormalizer.key("(IND)") == "")
    }

    @Test func suffixAloneIsKept() {
        // Nothing else to call the player, so the lone token stays.
        #expect(PlayerNameNormalizer.tokens("Jr.") == ["jr"])
    }

    @Test func ligaturesAndSpecialLettersAreSpelledOut() {
        #expect(PlayerNameNormalizer.key("Æsa Strøß") == "aesa stross")
        #expect(PlayerNameNormalizer.key("Łukasz Đorđević") == "lukasz dordevic")
        #expect(PlayerNameNormalizer.key("Œlaf Ţepeş") == "oelaf tepes")
    }

    @Test func compactKeyIgnoresWordBreaks() {
        #expect(PlayerNameNormalizer.compactKey("Dorian Finney Smith") == "dorianfinneysmith")
        #expect(PlayerNameNormalizer.compactKey("Dorian Finney-Smith") == "dorianfinneysmith")
        #expect(PlayerNameNormalizer.compactKey("Karl Anthony Towns") == "karlanthonytowns")
        #expect(PlayerNameNormalizer.compactKey("Karl-Anthony Towns") == "karlanthonytowns")
    }
}
