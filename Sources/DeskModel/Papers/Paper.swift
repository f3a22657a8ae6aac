import Foundation

/// The papers a desk prints for a case. Each shows only what it may (`PaperMaker`).
public enum PaperKind: String, CaseIterable, Codable, Sendable {
    /// For her to take home: case number, the desk's phone, the next date, helplines; nothing an
    /// abuser finding it could use (no offence, no name but hers; none at all in discreet wording).
    case slip
    /// To the partner of a referred plan step, only with her consent to sharing (or a recorded exception).
    case referral
    /// The police officer's duties under the DV Act s.5: what she was told, ticked.
    case dvNotice
    /// The officer in charge's certificate for interim relief (BNSS s.396(6)), to the DLSA.
    case reliefCertificate
    /// For the file: sessions and scores; the notes only when she agreed. Counsellors only.
    case counsellingSummary
}

/// How a paper is made: its language, discreet wording (the slip), the notes (the counselling
/// summary, with her agreement), the plan step a referral letter is about.
public struct PaperOptions: Equatable, Sendable {
    public var language: Language
    public var discreet: Bool
    public var notesAgreed: Bool
    public var stepID: UUID?

    public init(language: Language = .hi, discreet: Bool = false, notesAgreed: Bool = false, stepID: UUID? = nil) {
        self.language = language
        self.discreet = discreet
        self.notesAgreed = notesAgreed
        self.stepID = stepID
    }
}

/// Why a paper cannot be made for this case or this user. The strings hold "paper.refused.<rawValue>".
public enum PaperRefusal: String, Error, Equatable, Sendable {
    /// Her role may not print papers, or not at this station.
    case notAllowed
    /// A referral letter needs her consent to sharing, or a recorded exception on the step.
    case noSharingConsent
    /// No plan step of the case has been referred to a partner.
    case noReferral
    /// The s.5 notice is for domestic violence (or dowry harassment by the husband's family).
    case notDomesticViolence
    /// The counselling summary is made by a counsellor.
    case counsellorsOnly
    /// There is no session to sum up.
    case noSessions
}

/// One piece of a value: words to look up in her language, or text as it is.
public enum PaperPiece: Equatable, Sendable {
    case key(String)
    case text(String)
}

/// One labelled line of a paper: the label's strings key ("paper.field.<key>") and the value.
public struct PaperRow: Equatable, Sendable {
    public var label: String
    public var value: [PaperPiece]

    public init(_ label: String, _ value: [PaperPiece]) {
        self.label = label
        self.value = value
    }

    public init(_ label: String, text: String) { self.init(label, [.text(text)]) }
}

/// A paper as the model decides it: which words and which facts of her case, nothing more.
/// The text layer writes it as HTML in her language.
public struct Paper: Equatable, Sendable {
    public var kind: PaperKind
    public var options: PaperOptions
    public var caseNumber: String
    public var stationID: String
    public var printedOn: Day
    /// The labelled facts, in order.
    public var rows: [PaperRow]
    /// Lines ticked on the paper (the s.5 duties done): strings keys.
    public var ticks: [String]
    /// Paragraphs of fixed wording: strings keys.
    public var paragraphs: [String]
    /// Partner ids the paper is addressed to or names (the referral's partner; the s.5 notice's
    /// Protection Officer, legal aid and shelter).
    public var partnerIDs: [String]
    /// Who signs: a user id.
    public var signedBy: String

    public init(kind: PaperKind, options: PaperOptions, caseNumber: String, stationID: String, printedOn: Day,
                rows: [PaperRow] = [], ticks: [String] = [], paragraphs: [String] = [], partnerIDs: [String] = [],
                signedBy: String) {
        self.kind = kind
        self.options = options
        self.caseNumber = caseNumber
        self.stationID = stationID
        self.printedOn = printedOn
        self.rows = rows
        self.ticks = ticks
        self.paragraphs = paragraphs
        self.partnerIDs = partnerIDs
        self.signedBy = signedBy
    }

    /// Every piece of text from the case on the paper (for tests: what it lets out).
    public var caseText: [String] {
        rows.flatMap(\.value).compactMap { if case .text(let t) = $0 { return t } else { return nil } }
    }
}
