import Foundation
@testable import DeskUI
import DeskModel
import XCTest

final class KeymapAndStringsTests: XCTestCase {
    func testResourcesLoad() throws {
        let res = try DeskResources.load()
        XCTAssertFalse(res.keymap.bindings.isEmpty)
        XCTAssertFalse(res.help[.hi]?.isEmpty ?? true)
    }

    func testEveryKeyExistsInBothLanguages() throws {
        let res = try DeskResources.load()
        let en = Set(res.strings.table[.en]?.keys.map { $0 } ?? [])
        let hi = Set(res.strings.table[.hi]?.keys.map { $0 } ?? [])
        XCTAssertFalse(en.isEmpty)
        XCTAssertEqual(en.subtracting(hi), [], "missing in Hindi")
        XCTAssertEqual(hi.subtracting(en), [], "missing in English")
        // Every screen string is really translated, not copied.
        let sameInBoth: Set<String> = ["intake.notSet", "detail.scrollHint", "translit.badge"]
        for key in en where !key.hasPrefix("cli.") && !sameInBoth.contains(key) {
            XCTAssertNotEqual(res.strings.text(.dynamic(key), .en), res.strings.text(.dynamic(key), .hi), key)
        }
    }

    func testEveryLabelOfTheCounsellingFormsExists() throws {
        let s = try DeskResources.load().strings
        let r = CaseRecord(number: CaseNumber(stationCode: "IND-VJN", year: 2026, sequence: 1), stationID: "VJN",
                           deskOfficerID: "asha", reportedAt: Date(), arrival: .walkIn, identity: Identity(name: "क"),
                           incident: Incident(category: .other), risk: RiskAssessment(answers: [:]), legal: LegalTrack(),
                           needs: ImmediateNeeds(), consent: Consent(), createdAt: Date(), updatedAt: Date())
        for kind in EntryKind.allCases {
            var form = EntryForm.blank(kind, for: r, partnerIDs: [], clock: SystemClock())
            // The fields that appear only for an SHG linkage or a declined referral too.
            form["stepKind"] = StepKind.shgLinkage.rawValue
            form["referral"] = ReferralState.declined.rawValue
            for lang in Language.allCases {
                XCTAssertTrue(s.has(.dynamic("entry.title." + kind.rawValue), lang))
                XCTAssertTrue(s.has(.dynamic("entry.saved." + kind.rawValue), lang))
                for f in form.fields {
                    let key = (kind == .phq9 || kind == .gad7) && f.key.hasPrefix("item")
                        ? "screen.\(kind.rawValue).\(f.key.dropFirst(4))" : "entry." + f.key
                    XCTAssertTrue(s.has(.dynamic(key), lang), "\(key) \(lang)")
                    if case .choice(let list, let options, _) = f.kind, list != "partner" {
                        for o in options { XCTAssertTrue(s.has(.dynamic("choice.\(list).\(o)"), lang), "\(list).\(o) \(lang)") }
                    }
                }
            }
        }
        for e in ValidationError.allCases { XCTAssertTrue(s.has(.dynamic("error." + e.rawValue), .hi), e.rawValue) }
        for k in CaseEvent.Kind.allCases { XCTAssertTrue(s.has(.dynamic("timeline." + k.rawValue), .hi), k.rawValue) }
        for sev in Severity.allCases { XCTAssertTrue(s.has(.dynamic("severity." + sev.rawValue), .hi), sev.rawValue) }
    }

    func testEveryLabelTheModelNeedsExists() throws {
        let s = try DeskResources.load().strings
        for f in IntakeField.allCases {
            XCTAssertTrue(s.has(.dynamic("field." + f.rawValue), .en), f.rawValue)
            if case .choice(let key, let options, _) = f.kind {
                for o in options { XCTAssertTrue(s.has(.dynamic("choice.\(key).\(o)"), .hi), "\(key).\(o)") }
            }
        }
        for sec in IntakeSection.allCases { XCTAssertTrue(s.has(.dynamic("section." + sec.rawValue), .hi)) }
        for e in ValidationError.allCases {
            XCTAssertTrue(s.has(.dynamic("error." + e.rawValue), .hi), e.rawValue)
        }
        for a in Action.allCases { XCTAssertTrue(s.has(.dynamic("action." + a.rawValue), .hi), a.rawValue) }
        for c in KeyContext.allCases { XCTAssertTrue(s.has(.dynamic("keys." + c.rawValue), .hi), c.rawValue) }
        for r in Role.allCases { XCTAssertTrue(s.has(.dynamic("role." + r.rawValue), .hi), r.rawValue) }
        for o in CaseSort.allCases { XCTAssertTrue(s.has(.dynamic("sort." + o.rawValue), .hi), o.rawValue) }
    }

    /// The offence catalogue: every section with its English and Hindi label, which starts with the
    /// act and section (shown alone in the form), the same in both languages' numbering.
    func testEveryOffenceAndChildLawHasItsWordsInBothLanguages() throws {
        let s = try DeskResources.load().strings
        for o in Offence.allCases {
            for lang in Language.allCases {
                XCTAssertTrue(s.has(.dynamic(o.labelKey), lang), "\(o.rawValue) \(lang)")
                let label = s.text(.dynamic(o.labelKey), lang)
                XCTAssertTrue(label.contains(" · "), label)
                let number = label.components(separatedBy: " · ")[0].split(separator: " ").last.map(String.init) ?? ""
                XCTAssertFalse(number.isEmpty, label)
                XCTAssertTrue(o.rawValue.lowercased().filter { $0.isLetter || $0.isNumber }
                                .hasSuffix(number.lowercased().filter { $0.isLetter || $0.isNumber }),
                              "\(o.rawValue) is labelled \(label)")
            }
        }
        for lang in Language.allCases {
            for c in ConsentGiver.allCases { XCTAssertTrue(s.has(.dynamic(c.labelKey), lang), c.rawValue) }
            for c in SharingException.allCases { XCTAssertTrue(s.has(.dynamic(c.labelKey), lang), c.rawValue) }
            for c in CourtOutcome.allCases { XCTAssertTrue(s.has(.dynamic(c.labelKey), lang), c.rawValue) }
            for d in ChildDuty.allCases {
                for k in ["child.title.", "child.due.", "child.banner."] { XCTAssertTrue(s.has(.dynamic(k + d.rawValue), lang), k + d.rawValue) }
            }
            for w in FieldWarning.allCases { XCTAssertTrue(s.has(.dynamic("warn." + w.rawValue), lang), w.rawValue) }
            for e in ValidationError.allCases { XCTAssertTrue(s.has(.dynamic("error." + e.rawValue), lang), e.rawValue) }
        }
    }

    func testKeyTableResolvesByContextThenGlobal() throws {
        let map = try DeskResources.load().keymap
        XCTAssertEqual(map.action(for: .function(1), in: [.form]), .help)
        XCTAssertEqual(map.action(for: .char("?"), in: [.list]), .help)
        XCTAssertEqual(map.action(for: .left, in: [.form, .edit]), .cursorLeft)
        XCTAssertEqual(map.action(for: .left, in: [.form, .choice]), .optionPrev)
        XCTAssertEqual(map.action(for: .function(10), in: [.form, .edit]), .save)
        XCTAssertEqual(map.action(for: .ctrl("s"), in: [.form, .edit]), .save)
        XCTAssertNil(map.action(for: .function(10), in: [.list]))
        XCTAssertEqual(map.action(for: .escape, in: [.detail]), .back)
    }

    func testAClashingTableIsRefused() {
        let a = Keymap.Binding(action: .save, keys: ["F9"], contexts: [.form], bar: true)
        let b = Keymap.Binding(action: .back, keys: ["F9"], contexts: [.form], bar: true)
        XCTAssertThrowsError(try Keymap(bindings: [a, b]))
        XCTAssertThrowsError(try Keymap(bindings: [Keymap.Binding(action: .save, keys: ["Hyper-Z"], contexts: [.form], bar: true)]))
    }

    func testTheBarStartsWithHelp() throws {
        let map = try DeskResources.load().keymap
        XCTAssertEqual(map.barItems(for: [.list]).first?.action, .help)
        XCTAssertTrue(map.barItems(for: [.list]).contains { $0.action == .search })
    }

    func testKeyNamesRoundTrip() {
        for name in ["F1", "F12", "Enter", "Esc", "Tab", "Shift-Tab", "Ctrl-S", "?", "/", "PageUp"] {
            XCTAssertNotNil(Key(name: name), name)
        }
        XCTAssertEqual(Key(name: "Ctrl-S"), .ctrl("s"))
        XCTAssertNil(Key(name: "F13"))
    }
}

final class MessageFitTests: XCTestCase {
    /// Messages go on one line of an 80-column screen, with a case number or a count put in.
    func testEveryMessageFitsOneLine() throws {
        let s = try DeskResources.load().strings
        let messages: [StringKey] = [.intake_resumed, .intake_draftKept, .intake_draftFailed, .intake_fixFirst,
                                     .intake_saveFailed, .intake_saved, .intake_savedMinor, .login_needUser,
                                     .login_wrong, .store_damagedSetAside, .menu_draftDiscarded, .list_intakeDeskOnly,
                                     .detail_revealNotAllowed, .detail_statusNotAllowed, .detail_statusChanged,
                                     .detail_saveFailed, .menu_storeClean, .menu_storeProblems, .intake_changesSaved,
                                     .intake_editDiscarded, .detail_editNotAllowed, .detail_reasonNeeded,
                                     .directive_given, .directive_answered, .directive_noneOpen,
                                     .directive_notAllowed, .directive_error_textTooShort,
                                     .directive_error_replyTooShort, .directive_error_badDate,
                                     .directive_error_pastDate, .directive_unreadAtLogin]
        for lang in Language.allCases {
            for key in messages {
                XCTAssertTrue(s.has(key, lang), key.raw)
                var text = s.text(key, lang, "IND-VJN-2026-0042", "Phone (10 digits)", "Rehabilitation")
                if key == .intake_fixFirst { text = s.text(key, lang, 3, s.text(.field_consentSharing, lang)) }
                if key == .store_damagedSetAside { text = s.text(key, lang, 12) }
                XCTAssertLessThanOrEqual(TextWidth.of(text) + 1, 80, "\(lang) \(key): \(text)")
            }
        }
    }
}
