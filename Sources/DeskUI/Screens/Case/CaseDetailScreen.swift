import DeskModel
import Foundation

/// The parts of a case, one tab each.
enum DetailTab: String, CaseIterable {
    case intake, counselling, plan, legal, timeline
}

/// One line of a case tab: a label and value, or a heading or note (value empty).
struct DetailLine {
    var label: String
    var value: String = ""
    var style: Style = .normal
    /// The plan step this line shows, when it is one that Enter opens.
    var stepID: UUID?
}

/// One case in five tabs: intake, counselling, plan, legal track, timeline. Identity is masked
/// until revealed, session notes until an SP reveals with a reason; each reveal is audited.
final class CaseDetailScreen: Screen, OffersActions {
    let caseID: UUID
    var tab: DetailTab
    var revealed = false
    /// Session notes shown to someone without the right to read them (an SP after a reason).
    var notesRevealed = false
    /// The tab's lines shown below the summary and the tabs.
    var scroll = Viewport()
    /// The chosen step in the plan tab.
    var stepIndex = 0
    /// Drawn for the command line: no selection marks.
    var printing = false
    enum PickerPurpose { case status, add, conflict }
    var picker: PickList?
    var pickerPurpose = PickerPurpose.status
    /// A reason, a directive, a reply, a remark or an alert's action note being typed.
    var prompt: Prompt?
    /// Shortest reason accepted: a word or two, not a keystroke.
    static let shortestReason = Access.shortestReason

    init(caseID: UUID, tab: DetailTab = .intake) {
        self.caseID = caseID
        self.tab = tab
    }

    var keyContexts: [KeyContext] { [.detail] }
    var handledActions: Set<Action> {
        Action.moving.union([.back, .nextTab, .prevTab, .reveal, .directive, .edit, .changeStatus, .add, .closeAlert, .select])
    }
    var overlay: Overlay? { prompt ?? picker }

    func appear(ctx: DeskContext) {
        // The case is read whole when it is opened, and kept: a save from here is over this revision.
        _ = ctx.record(caseID)
        ctx.markDirectivesRead(caseID: caseID)
    }

    func title(_ ctx: DeskContext) -> String {
        ctx.t(.detail_title, ctx.record(caseID)?.number.description ?? "")
    }

    /// What the bar offers this user on this case now.
    func offers(_ action: Action, ctx: DeskContext) -> Bool {
        guard prompt == nil, picker == nil, let r = ctx.record(caseID) else { return true }
        switch action {
        case .add: return !addOptions(r, ctx: ctx).isEmpty
        case .closeAlert: return r.hasOpenAlert && Access.allows(ctx.user, .closeAlert, stationID: r.stationID)
        case .edit: return Access.allows(ctx.user, .editCase, stationID: r.stationID)
        case .changeStatus: return Access.allows(ctx.user, .changeStatus, stationID: r.stationID)
        case .directive:
            if Access.allows(ctx.user, .giveDirective, stationID: r.stationID) { return true }
            return Access.allows(ctx.user, .answerDirective, stationID: r.stationID)
                && ctx.directives(for: caseID).contains { $0.doneAt == nil }
        case .reveal:
            return Access.allows(ctx.user, .revealIdentity, stationID: r.stationID)
                || Access.allows(ctx.user, .revealWithReason, stationID: r.stationID)
        case .nextTab: return false  // the tabs are on the screen with their numbers
        case .paper: return !PaperMaker.kinds(for: ctx.user, stationID: r.stationID).isEmpty
        default: return true
        }
    }

    func canReadNotes(_ ctx: DeskContext, _ r: CaseRecord) -> Bool {
        notesRevealed || Access.allows(ctx.user, .readNotes, stationID: r.stationID)
    }

    func handle(_ input: Input, ctx: DeskContext) -> Transition {
        guard let record = ctx.record(caseID) else { return .pop }
        if var p = picker {
            let outcome = p.handle(input)
            picker = outcome == .open ? p : nil
            if case .picked(let code) = outcome { return picked(code, record: record, ctx: ctx) }
            return .stay
        }
        if var p = prompt {
            switch p.handle(input, transliterate: ctx.transliterating) {
            case .open: prompt = p
            case .cancelled: prompt = nil
            case .submitted:
                if submit(p, record: record, ctx: ctx) {
                    prompt = nil
                } else {
                    // What is needed is said in the box, under the field, as well as on the message line.
                    if let m = ctx.message, m.style == .error { p.error = m.text }
                    prompt = p
                }
            }
            return .stay
        }
        switch input {
        case .action(.back):
            return .pop
        case .action(.nextTab), .action(.prevTab):
            let all = DetailTab.allCases
            let step = input == .action(.nextTab) ? 1 : all.count - 1
            tab = all[((all.firstIndex(of: tab) ?? 0) + step) % all.count]
            scroll = Viewport()
        case .action(.reveal):
            reveal(record, ctx: ctx)
        case .action(.directive):
            directive(record, ctx: ctx)
        case .action(.paper):
            guard !PaperMaker.kinds(for: ctx.user, stationID: record.stationID).isEmpty else {
                ctx.say(.papers_notAllowed, .warning)
                return .stay
            }
            return .push(PaperMenuScreen(caseID: caseID))
        case .action(.edit):
            guard Access.allows(ctx.user, .editCase, stationID: record.stationID) else {
                ctx.say(.detail_editNotAllowed, .warning)
                return .stay
            }
            return .push(IntakeScreen(editing: record))
        case .action(.changeStatus):
            guard Access.allows(ctx.user, .changeStatus, stationID: record.stationID) else {
                ctx.say(.detail_statusNotAllowed, .warning)
                return .stay
            }
            pickerPurpose = .status
            picker = PickList(options: CaseStatus.allCases.map(\.rawValue), labels: CaseStatus.allCases.map { ctx.label($0) },
                              current: record.status.rawValue)
        case .action(.add):
            let options = addOptions(record, ctx: ctx)
            guard !options.isEmpty else {
                ctx.say(.detail_addNotAllowed, .warning)
                return .stay
            }
            pickerPurpose = .add
            picker = PickList(options: options, labels: options.map { ctx.t(.dynamic("add." + $0)) }, current: "")
        case .action(.closeAlert):
            guard record.hasOpenAlert else {
                ctx.say(.alert_noneOpen, .warning)
                return .stay
            }
            guard Access.allows(ctx.user, .closeAlert, stationID: record.stationID) else {
                ctx.say(.alert_closeNotAllowed, .warning)
                return .stay
            }
            prompt = Prompt(.closeAlert, titleKey: .alert_closePrompt, hintKey: .alert_closeHint, fields: [(nil, "", 200)])
        case .action(.select) where tab == .intake && !record.conflicts.isEmpty:
            openConflictPick(record, ctx: ctx)
        case .action(.select) where tab == .plan:
            guard record.plan.indices.contains(stepIndex) else { return .stay }
            guard Access.allows(ctx.user, .editPlan, stationID: record.stationID) else {
                ctx.say(.detail_addNotAllowed, .warning)
                return .stay
            }
            let ordered = Self.orderedPlan(record)
            return .push(EntryScreen(form: .editing(ordered[stepIndex], of: record, partnerIDs: ctx.partners.map(\.id),
                                                                     partnerKinds: Self.partnerKinds(ctx)), ctx: ctx))
        case .action(.up) where tab == .plan && !record.plan.isEmpty:
            stepIndex = max(0, stepIndex - 1)
        case .action(.down) where tab == .plan && !record.plan.isEmpty:
            stepIndex = min(record.plan.count - 1, stepIndex + 1)
        case .action(let a):
            _ = scroll.scroll(a, page: 9)
        case .text(let scalar):
            // 1–5 jump to a tab.
            if let n = Int(Digits.toASCII(String(scalar))), (1...DetailTab.allCases.count).contains(n) {
                tab = DetailTab.allCases[n - 1]
                scroll = Viewport()
            }
        }
        return .stay
    }
}
