import DeskModel
import Foundation

/// What a synthetic case may look like for each kind of incident, so that the demo tells a
/// possible story: her age, marital status, dependents, the accused's relation to her, the place,
/// and what her sessions talk about all fit the category. The rules (tested over thousands of cases):
/// - child marriage: a girl of 14–17, married (or a marriage stopped before it happened: single),
///   no dependents; the accused her husband, his family or her own parents.
/// - domestic violence and dowry: a woman of 18 or more, married or separated (domestic violence
///   also divorced or widowed: then her former husband or his family); the accused her husband or
///   his family.
/// - every other girl under 18 is single with no dependents; no woman under 20 is divorced or
///   widowed; dependents are 0 for a single woman and at most one per four years past 18 (up to 3).
/// - the sessions' presenting problems are those of her category and the accused (no "beaten by
///   her husband" unless the accused is her husband); a "children's safety" worry only with dependents.
enum DemoStory {
    struct Profile {
        let ages: ClosedRange<Int>
        let places: [PlaceType]
        let complaints: [ComplaintKind]
    }

    static func profile(_ c: IncidentCategory) -> Profile {
        let any = ComplaintKind.allCases
        let firs: [ComplaintKind] = [.fir, .fir, .eFIR, .zeroFIR]
        switch c {
        case .domesticViolence: return Profile(ages: 18...58, places: [.home], complaints: [.none, .complaint, .ncr, .fir, .fir])
        case .dowry: return Profile(ages: 19...40, places: [.home], complaints: [.complaint, .fir, .fir, .eFIR])
        case .sexualAssault: return Profile(ages: 14...45, places: [.home, .workplace, .publicPlace, .transport], complaints: firs)
        case .stalking: return Profile(ages: 15...35, places: [.publicPlace, .transport, .workplace, .online], complaints: any)
        case .cyber: return Profile(ages: 16...40, places: [.online], complaints: [.complaint, .eFIR, .fir, .ncr])
        case .trafficking: return Profile(ages: 14...30, places: [.publicPlace, .transport, .workplace, .other], complaints: firs)
        case .childMarriage: return Profile(ages: 14...17, places: [.home], complaints: [.complaint, .fir, .fir])
        case .missing: return Profile(ages: 14...30, places: [.home, .publicPlace, .other], complaints: [.complaint, .fir])
        case .other: return Profile(ages: 18...62, places: PlaceType.allCases, complaints: any)
        }
    }

    /// The marital statuses she may have, by category and age (repeats weight the draw).
    static func maritalStatuses(_ c: IncidentCategory, age: Int) -> [MaritalStatus] {
        switch c {
        case .childMarriage: return [.married, .married, .single]
        case .dowry: return [.married, .married, .married, .separated]
        case .domesticViolence:
            return age < 20 ? [.married] : age < 25 ? [.married, .married, .separated]
                : [.married, .married, .married, .separated, .divorced, .widowed]
        default:
            if age < 18 { return [.single] }
            if age < 20 { return [.single, .single, .married] }
            if age < 25 { return [.single, .married, .separated] }
            return [.single, .married, .married, .separated, .divorced, .widowed]
        }
    }

    /// The accused's relation to her, by category and what she is.
    static func relations(_ c: IncidentCategory, marital: MaritalStatus, minor: Bool) -> [Relation] {
        switch c {
        case .childMarriage: return marital == .married ? [.husband, .inLaws, .parent] : [.parent, .parent, .relative]
        case .domesticViolence:
            // Her husband (former, when divorced) or his family; a widow, his family.
            return marital == .widowed ? [.inLaws] : [.husband, .husband, .inLaws]
        case .dowry: return [.husband, .inLaws, .inLaws]
        case .sexualAssault: return minor ? [.acquaintance, .relative, .stranger] : [.acquaintance, .stranger, .relative, .employer]
        case .stalking: return [.acquaintance, .acquaintance, .stranger]
        case .cyber: return [.acquaintance, .stranger, .other]
        case .trafficking: return minor ? [.acquaintance, .stranger, .relative] : [.acquaintance, .stranger, .employer]
        case .missing: return [.acquaintance, .stranger, .other]
        case .other:
            let family: [Relation] = marital == .single ? [.parent, .relative] : marital == .married ? [.husband, .relative] : [.relative]
            return family + [.acquaintance, .employer, .other]
        }
    }

    /// Most dependents she may have: none for a girl or a single woman; one per four years past 18, up to 3.
    static func maxDependents(age: Int, marital: MaritalStatus, category: IncidentCategory) -> Int {
        if age < 18 || marital == .single || category == .childMarriage { return 0 }
        return min(3, (age - 18) / 4)
    }

    /// What her sessions may talk about.
    static func problems(_ r: CaseRecord) -> [String] {
        let relation = r.incident.relation
        var out: [String]
        switch r.incident.category {
        case .domesticViolence:
            out = relation == .husband ? ["पति द्वारा मारपीट और धमकी", "घर लौटने का दबाव"]
                : ["ससुराल वालों द्वारा मारपीट और ताने", "ससुराल से निकाले जाने का डर"]
            out += ["आर्थिक निर्भरता", "नींद न आना, डर लगना"]
        case .dowry: out = ["ससुराल में दहेज की माँग", "मायके लौटने के बाद भविष्य की चिंता", "आर्थिक निर्भरता"]
        case .sexualAssault: out = ["घटना के बाद डर, नींद न आना", "बाहर जाने में डर और शर्म", "बयान और अदालत की चिंता"]
        case .stalking: out = ["पीछा किए जाने का डर", "अकेले बाहर निकलने में डर", "पढ़ाई या काम छूटने की चिंता"]
        case .cyber: out = ["तस्वीरें फैलाने की धमकी", "फ़ोन और सोशल मीडिया से डर", "बदनामी की चिंता"]
        case .trafficking: out = ["काम के झूठे वादे से धोखा", "घर लौटने पर अपनाए जाने की चिंता", "नींद न आना, डर लगना"]
        case .childMarriage:
            out = r.identity.maritalStatus == .married
                ? ["ससुराल भेजे जाने का डर", "पढ़ाई छूटने की चिंता"] : ["घरवालों का विवाह का दबाव", "पढ़ाई जारी रखने की इच्छा"]
        case .missing: out = ["घर छोड़ने की वजह पर बात", "घर लौटने के बाद तालमेल"]
        case .other: out = ["नींद न आना, डर लगना", "आर्थिक निर्भरता", "परिवार में तनाव"]
        }
        if (r.identity.dependents ?? 0) > 0 { out.append("बच्चों की सुरक्षा की चिंता") }
        return out
    }

    /// Who came with her to the first session: for a girl a parent, unless her family is accused.
    static func firstPresent(_ r: CaseRecord) -> String {
        guard r.isMinor else { return "पीड़िता, बहन" }
        return [.parent, .relative].contains(r.incident.relation) ? "पीड़िता, सहायक व्यक्ति" : "पीड़िता, माँ"
    }
}
