import Foundation

/// Rules that turn the romanizer's Hinglish into what a Hindi-speaking constable writes on her
/// phone: acronyms as acronyms (FIR, BNSS, CWC, SP, POCSO), English words where staff use them
/// (case, entry, list, report, save, draft, file, backup, admin, PIN), and the spellings phones
/// use (mein, nahi, haan, liye, gayi, aapka, pehle, naam, baad). `scripts/fill-hinglish` drafts
/// new keys through it; names and stored text are romanized without it (a name is not a word).
public enum HinglishDraft {
    /// The draft of a Hindi string: Devanagari acronyms first, then the romanizer, then the rules.
    public static func draft(fromHindi hindi: String) -> String {
        var text = hindi
        for (devanagari, latin) in acronyms { text = text.replacingOccurrences(of: devanagari, with: latin) }
        return mend(RomanizingSurface.roman(text))
    }

    /// The rules applied to Hinglish already in Roman letters (phrases, then single words).
    public static func mend(_ text: String) -> String {
        var out = text
        for (rule, replacement) in phraseRules {
            out = rule.stringByReplacingMatches(in: out, range: NSRange(out.startIndex..., in: out), withTemplate: replacement)
        }
        return replaceWords(out)
    }

    /// Acronyms as the Hindi strings spell them, and as staff write them.
    static let acronyms: [(String, String)] = [
        ("ई-एफ़आईआर", "e-FIR"), ("ज़ीरो एफ़आईआर", "Zero FIR"), ("एफ़आईआर", "FIR"), ("एफआईआर", "FIR"),
        ("बीएनएसएस", "BNSS"), ("बीएनएस", "BNS"), ("डीएलएसए", "DLSA"), ("सीडब्ल्यूसी", "CWC"),
        ("डीआईआर", "DIR"), ("एएचटीयू", "AHTU"), ("एनसीआर", "NCR"), ("पॉक्सो", "POCSO"), ("एसपी", "SP"),
        ("टेली-मानस", "Tele-MANAS"),
    ]

    /// A word is letters with inner hyphens or apostrophes; one after '.', '/' or '-' is part of a
    /// file name, a path or an option (users.json, directory.plist, --user) and stays.
    static func replaceWords(_ text: String) -> String {
        var out = ""
        var word = ""
        var previous: Character = " "
        var before: Character = " "
        func flush() {
            guard !word.isEmpty else { return }
            out += (before == "." || before == "/" || before == "-") ? word : (words[word] ?? word)
            word = ""
        }
        for ch in text {
            if ch.isASCII && ch.isLetter || (!word.isEmpty && (ch == "-" || ch == "'")) {
                if word.isEmpty { before = previous }
                word.append(ch)
            } else {
                flush()
                out.append(ch)
            }
            previous = ch
        }
        flush()
        return out
    }

    static let phraseRules: [(NSRegularExpression, String)] = phrases.compactMap { pattern, replacement in
        (try? NSRegularExpression(pattern: pattern)).map { ($0, replacement) }
    }

    /// In order: longer phrases before the words in them.
    static let phrases: [(String, String)] = [
        ("\\bkeval-parhne yogya\\b", "read-only"),
        ("\\bgharelu hinsa adhiniyam\\b", "DV Act"),
        ("\\bkishor nyay adhi\\.", "JJ Act"),
        ("\\badhi\\.", "Act"),
        ("\\bbal kalyan samiti \\(CWC\\)", "CWC (bal kalyan samiti)"),
        ("(?<!\\()\\bbal kalyan samiti\\b(?! \\(CWC\\))", "CWC"),
        ("\\bsamiti\\b(?!\\))", "CWC"),
        ("\\barop[- ]patra\\b", "chargesheet"),
        ("\\bmanak input\\b", "standard input"),
        ("\\bpulis adhikshak\\b", "SP"),
        ("\\blog aut\\b", "logout"),
        ("\\blog in\\b", "login"),
        ("\\burja desk\\b", "Urja Desk"),
        ("\\bprakran kra\\.", "case no."),
        ("\\bkra\\.", "no."),
        ("\\bsaheja nahin ja sakta\\b", "save nahi ho sakta"),
        ("\\bsaheja nahin ja saka\\b", "save nahi ho saka"),
        ("\\bsaheja nahin gaya\\b", "save nahi hua"),
        ("\\bsaheji nahin gai\\b", "save nahi hui"),
        ("\\bsaheje nahin gae\\b", "save nahi hue"),
        ("\\bsaheja nahin\\b", "save nahi hua"),
        ("\\bsaheji nahin\\b", "save nahi hui"),
        ("\\bsaheja gaya\\b", "save hua"),
        ("\\bsaheji gai\\b", "save hui"),
        ("\\bsaheje gae\\b", "save hue"),
        ("\\bsahejen\\b", "save karen"),
        ("\\bsahejna\\b", "save karna"),
        ("\\bsahejne\\b", "save karne"),
        ("\\bsahejte\\b", "save karte"),
        ("\\bsahejta\\b", "save karta"),
        ("\\bsaheja\\b", "save kiya"),
        ("\\bsaheji\\b", "save ki"),
        ("\\bsaheje\\b", "save kiye"),
        ("\\bsahejon\\b", "save karun"),
        ("\\bnaya panjiyan\\b", "nayi entry"),
        ("\\badhura panjiyan\\b", "adhuri entry"),
        ("\\badhure panjiyan\\b", "adhuri entries"),
        ("\\bapka panjiyan\\b", "aapki entry"),
        ("\\bpanjiyan hua\\b", "entry hui"),
        ("\\bpanjiyan abhi save nahi hua\\b", "entry abhi save nahi hui"),
        ("\\bpanjiyan\\b", "entry"),
        ("\\bthanon ki kataren\\b", "thanon ki list"),
        ("\\bkataren\\b", "lists"),
        ("\\bkatar\\b", "list"),
        ("\\bbar-bar\\b", "baar-baar"),
        ("\\bdin-rat\\b", "din-raat"),
        ("\\bkam-kaj\\b", "kaam-kaaj"),
        ("\\batm-hani\\b", "aatm-hani"),
        ("\\bteli-manas\\b", "Tele-MANAS"),
        ("\\bfolo-ap\\b", "follow-up"),
        ("\\baega-jaega\\b", "aayega-jayega"),
        ("\\bi-FIR\\b", "e-FIR"),
        ("\\bkeval-parhne\\b", "read-only"),
    ]

    static let words: [String: String] = [
        "abhilekh": "record", "aega": "aayega", "aen": "aayen", "ain": "aayin", "aj": "aaj",
        "alart": "alert", "am": "aam", "amne-samne": "aamne-saamne", "ana": "aana", "ane": "aane",
        "ankron": "aankdon", "apat": "emergency", "apka": "aapka", "apke": "aapke", "apki": "aapki",
        "apko": "aapko", "apthit": "unread", "aram": "aaram", "atmahatya": "aatmhatya", "aya": "aaya",
        "ayu": "umar", "bad": "baad", "baen": "baayen", "baikaap": "backup", "banaen": "banayen",
        "banaengi": "banayengi", "banai": "banayi", "bar": "baar", "bara": "bada", "barhava": "badhava",
        "barhi": "badhi", "barhne": "badhne", "bari": "badi", "bat": "baat", "bataen": "batayen",
        "batai": "batayi", "baten": "baatein", "baton": "baaton", "bhandar": "store", "bhukh": "bhookh",
        "boks": "box", "brauzar": "browser", "chahie": "chahiye", "chaildalain": "Childline",
        "chalaen": "chalayen", "chhipaen": "chhipayen", "chhora": "chhoda", "chhore": "chhode",
        "chhoren": "chhoden", "chhori": "chhodi", "dabaen": "dabayen", "daen": "daayen",
        "darshae": "darshaye", "darshai": "darshayi", "dayal": "dial",
        "devanagari": "Devanagari", "dharaen": "dharayen", "die": "diye", "dikhaen": "dikhayen",
        "divais": "device", "dohrae": "dohraye", "doktar": "doctor", "edmin": "admin",
        "embulens": "ambulance", "enkripted": "encrypted", "ensiar": "NCR", "efaaiar": "FIR", "espi": "SP", "fail": "file",
        "failen": "files", "failon": "files", "filtar": "filter", "foldar": "folder", "fon": "phone",
        "gae": "gaye", "gai": "gayi", "gain": "gayin", "garbar": "gadbad", "ghatnaen": "ghatnayen",
        "ham": "hum", "han": "haan", "hataen": "hatayen", "hatai": "hatayi", "hath": "haath",
        "helpalain": "helpline", "hindi": "Hindi", "indaur": "Indore", "inhen": "inhe", "islie": "isliye",
        "jae": "jaye", "jaega": "jayega", "jaegi": "jayegi", "jaen": "jayen", "jan": "jaan",
        "jnat": "gyat", "jora": "joda", "joren": "joden", "jorne": "jodne", "jura": "juda",
        "jurav": "judav", "jurin": "judi", "jurne": "judne", "jurte": "judte", "jurvaen": "judvayen",
        "kamand": "command", "kamyab": "kaamyab", "karsar": "cursor", "karyalay": "office", "kes": "case",
        "kibord": "keyboard", "kie": "kiye", "klozar": "closure", "kod": "code", "kol": "call",
        "kunji": "key", "kyon": "kyun", "lagaen": "lagayen", "lai": "layi", "laindlain": "landline",
        "lautae": "lautaye", "lie": "liye", "madhyapradesh": "Madhya Pradesh", "mahilaen": "mahilayen",
        "man": "maan", "marpit": "maarpeet", "masauda": "draft", "masaude": "draft", "mashin": "machine",
        "mashinon": "machines", "men": "mein", "milai": "milayi", "minat": "minute", "mitaen": "mitayen",
        "mobail": "mobile", "nae": "naye", "nahin": "nahi", "nai": "nayi", "nam": "naam",
        "nambar": "number", "nind": "neend", "niryat": "export", "not": "notes", "odit": "audit",
        "onlain": "online", "pahla": "pehla", "pahle": "pehle", "pahli": "pehli", "parh": "padh", "parha": "padha",
        "parhe": "padhe", "parhi": "padhi", "parhne": "padhne", "parhta": "padhta", "parhte": "padhte",
        "pas": "paas", "pasafrez": "passphrase", "pasvardon": "passwords", "pin": "PIN",
        "pirita": "pidita", "pisi": "PC", "pokso": "POCSO", "prakran": "case", "prakranon": "cases",
        "prarup": "format", "prashasak": "admin", "prativedan": "report", "pravesh": "login",
        "pravishti": "entry", "pravishtiyan": "entries", "printar": "printer", "pulis": "police",
        "rajistar": "register", "refar": "refer", "refral": "referral", "renj": "range",
        "rikord": "record", "rikvari": "recovery", "riport": "report", "saibar": "cyber",
        "samay-simaen": "samay-simayen", "sanskaran": "version", "sarvajnik": "sarvajanik",
        "sath": "saath", "sekand": "second", "seting": "setting", "sheping": "shaping",
        "simaen": "simayen", "sink": "sync", "skor": "score", "skrin": "screen", "skrining": "screening",
        "skript": "script", "stor": "store", "suchi": "list", "svayan": "khud", "taib": "tab",
        "taimlain": "timeline", "taip": "type", "taiping": "typing", "tarminal": "terminal", "tivi": "TV",
        "ujjain": "Ujjain", "unhen": "unhe", "upyogkarta": "user", "upyogkartaon": "users", "vah": "woh",
        "vard": "ward", "vindo": "window", "vivrani": "return", "yah": "yeh", "ziro": "Zero",
    ]
}
