/// Common words of desk Hindi as staff type them in Roman letters (Hinglish), with their usual
/// spelling. Looked up after the names and before the rules: Hinglish drops vowel length
/// (`pati` पति, not पती), writes no nukta or retroflex (`badh` बढ़, `beti` बेटी) and leaves out
/// the vowel that Hindi does not say (`karta` करता, not कर्ता) in ways no rule can undo.
/// Several spellings of one word each have their line. All-capital words (BNS, FIR) never get
/// here: they are kept as typed.
enum WordLexicon {
    static let devanagari: [String: String] = {
        var table: [String: String] = [:]
        for (hindi, spellings) in entries {
            for s in spellings.split(separator: " ") { table[String(s)] = hindi }
        }
        return table
    }()

    /// Each Hindi word with the Roman spellings that stand for it.
    static let entries: [(String, String)] = [
        // family and people
        ("पति", "pati"), ("पत्नी", "patni"), ("माँ", "maa ma"), ("माता", "mata maata"), ("पिता", "pita"),
        ("सास", "saas"), ("ससुर", "sasur"), ("ससुराल", "sasural"), ("मायका", "mayka maayka"), ("मायके", "mayke maayke"),
        ("देवर", "devar dewar"), ("ननद", "nanad"), ("जेठ", "jeth"), ("भाई", "bhai"), ("बहन", "bahan behen behan"),
        ("बेटी", "beti"), ("बेटा", "beta"), ("बच्चे", "bachche bacche"), ("बच्चा", "bachcha baccha"),
        ("बच्चों", "bachchon bacchon"), ("लड़की", "ladki"), ("लड़का", "ladka"), ("औरत", "aurat"), ("परिवार", "parivar pariwar"),
        ("महिला", "mahila"), ("पीड़िता", "peedita pidita"), ("आरोपी", "aropi aaropi"), ("गवाह", "gawah gavah"),
        // the desk's words
        ("सहमति", "sahamati sahmati"), ("सूचना", "suchna soochna"), ("शिकायत", "shikayat"), ("सलाह", "salah salaah"),
        ("परामर्श", "paramarsh"), ("बयान", "bayan bayaan"), ("धारा", "dhara dhaara"), ("मामला", "mamla maamla"),
        ("जानकारी", "jankari jaankari"), ("आवेदन", "avedan aavedan"), ("सुरक्षा", "suraksha"), ("स्थान", "sthan sthaan"),
        ("सहायता", "sahayata"), ("मदद", "madad"), ("जाँच", "janch jaanch"), ("न्याय", "nyay nyaay"), ("अदालत", "adalat"),
        ("पुलिस", "police pulis"), ("रिपोर्ट", "report"), ("मोबाइल", "mobile"), ("फ़ोन", "phone"), ("नंबर", "number"),
        ("दिनांक", "dinank"), ("तारीख़", "tarikh taarikh"), ("समय", "samay"), ("पता", "pata"), ("नाम", "naam"),
        ("उम्र", "umra umar"), ("विवाह", "vivah vivaah"), ("शादी", "shadi shaadi"), ("तलाक़", "talaq talak"),
        ("दहेज", "dahej"), ("मारपीट", "maarpeet marpeet marpit maarpit"), ("धमकी", "dhamki"), ("शराब", "sharab sharaab"),
        ("नशा", "nasha"), ("नशे", "nashe"), ("चोट", "chot"), ("इलाज", "ilaj ilaaj"), ("अस्पताल", "aspatal aspataal"),
        ("दवा", "dawa dava"), ("नौकरी", "naukri"), ("काम", "kaam"), ("पैसे", "paise"), ("पैसा", "paisa"),
        ("समूह", "samuh samooh"), ("प्रशिक्षण", "prashikshan"), ("आजीविका", "aajivika ajivika"), ("गाँव", "gaon gaanv gaav"),
        ("रामपुर", "rampur"), ("सोमवार", "somvar somvaar"), ("मंगलवार", "mangalvar mangalvaar"),
        ("बुधवार", "budhvar budhvaar"), ("गुरुवार", "guruvar guruvaar"), ("शुक्रवार", "shukravar shukravaar"),
        ("शनिवार", "shanivar shanivaar"), ("रविवार", "ravivar ravivaar"), ("महीने", "mahine"), ("महीना", "mahina"),
        ("सुबह", "subah"), ("शाम", "shaam sham"), ("रात", "raat"), ("आज", "aaj"), ("कल", "kal"), ("रोज़", "roz"),
        // small words
        ("में", "mein men"), ("मैं", "main"), ("है", "hai"), ("हैं", "hain"), ("हूँ", "hoon hun"), ("की", "ki"),
        ("भी", "bhi"), ("दी", "di"), ("नहीं", "nahi nahin nahee"), ("और", "aur"), ("या", "ya"),
        ("लिए", "liye lie"), ("इसलिए", "isliye isliya"), ("क्योंकि", "kyonki kyunki"), ("लेकिन", "lekin"),
        ("ताकि", "taki taaki"), ("अगर", "agar"), ("जब", "jab"), ("तब", "tab"), ("फिर", "phir fir"), ("अभी", "abhi"),
        ("बहुत", "bahut"), ("ज़्यादा", "zyada jyada"), ("सिर्फ़", "sirf"), ("हमेशा", "hamesha"), ("कई", "kai"),
        ("सभी", "sabhi"), ("कोई", "koi"), ("क्या", "kya"), ("कौन", "kaun"), ("उसने", "usne"), ("उसके", "uske"),
        ("उसकी", "uski"), ("उसका", "uska"), ("उनके", "unke"), ("उनकी", "unki"), ("उनका", "unka"), ("उन्हें", "unhe unhein"),
        ("मुझे", "mujhe"), ("हमें", "hame hamein humein"), ("अपने", "apne"), ("अपनी", "apni"), ("साथ", "sath saath"),
        ("बाद", "baad"), ("पहले", "pehle pahle"), ("पिछले", "pichhle pichle"), ("अगले", "agle"), ("अगली", "agli"),
        ("बढ़", "badh"), ("बढ़ी", "badhi"), ("बढ़ा", "badha"), ("ठीक", "theek thik"), ("अच्छा", "achha accha"),
        ("तुरंत", "turant"), ("आवश्यक", "avashyak aavashyak"), ("कृपया", "kripya kripaya"), ("द्वारा", "dwara dvara"),
        ("अनुसार", "anusar anusaar"), ("संबंध", "sambandh"), ("प्रति", "prati"),
        // verbs as they are typed
        ("करें", "karein karen"), ("दें", "dein den"), ("लें", "lein len"), ("आएँ", "aayein aaein aayen"),
        ("करता", "karta"), ("करती", "karti"), ("करते", "karte"), ("करना", "karna"), ("करने", "karne"), ("करनी", "karni"),
        ("रहना", "rehna rahna"), ("रहती", "rehti rahti"), ("रहता", "rehta rahta"), ("रहते", "rehte rahte"),
        ("चाहती", "chahti chaahti"), ("चाहते", "chahte chaahte"), ("चाहता", "chahta chaahta"), ("चाहिए", "chahiye chahie"),
        ("सकती", "sakti"), ("सकते", "sakte"), ("सकता", "sakta"), ("गई", "gayi gai"), ("गए", "gaye gae"),
        ("लिया", "liya"), ("दिया", "diya"), ("किया", "kiya"), ("हुआ", "hua"), ("हुई", "hui"), ("बताया", "bataya"),
        ("बताती", "batati"), ("कहा", "kaha"), ("निकाला", "nikala"), ("निकाल", "nikal"), ("पीटा", "peeta"),
        ("देना", "dena"), ("लेना", "lena"), ("जाना", "jana jaana"), ("आना", "aana"),
    ]
}
