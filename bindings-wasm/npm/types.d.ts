/* Generated from schemas/*.schema.json by bindings-wasm/tools/schemas-to-types.mjs
 * (json-schema-to-typescript). Do not edit: regenerate with
 * cargo xtask bless. */

/**
 * What a viewer may do with a record.
 */
export type Action =
  | "case.send_document"
  | "case.answer_request"
  | "appointment.cancel"
  | "appointment.rebook"
  | "plan.assess_goal"
  | "plan.approve";
/**
 * Why an action is not offered.
 */
export type ActionReason =
  | "action.not_enabled"
  | "action.not_applicable"
  | "action.too_late"
  | "action.self_only"
  | "action.no_act_privilege"
  | "action.consent_missing";
/**
 * A KLE pattern: * (everything), 32.* (a main group), 32.24.* (a group) or 32.24.04 (one subject); 32 and 32.24 are accepted for 32.* and 32.24.*.
 */
export type KlePattern = string;
/**
 * An activity's status.
 */
export type ActivityStatus = "planned" | "ongoing" | "completed" | "cancelled";
/**
 * The kind of an appointment.
 */
export type AppointmentKind = "meeting" | "home_visit" | "phone" | "video";
/**
 * Sensitivity level (SDI "Følsomhed"), ordered `ikke_fortrolige` < `fortrolige` <
 * `foelsomme` < `vip`.
 */
export type Sensitivity = "ikke_fortrolige" | "fortrolige" | "foelsomme" | "vip";
/**
 * A date YYYY-MM-DD or an RFC 3339 date-time.
 */
export type Moment = string;
/**
 * Who made an assessment: the citizen or the caseworker (never a name).
 */
export type Assessor = "citizen" | "caseworker";
/**
 * How often payments are made. Only monthly for now.
 */
export type Frequency = "monthly";
/**
 * When in the month a payment falls.
 */
export type PaymentDay =
  | "last_banking_day"
  | "first_banking_day"
  | {
      day_of_month: number;
    };
/**
 * The kind of a benefit's payer.
 */
export type PayerKind = "municipality" | "udbetaling_danmark" | "other";
/**
 * A payment's status.
 */
export type PaymentStatus = "planned" | "paid" | "stopped" | "annulled";
/**
 * A benefit's status code.
 */
export type BenefitStatusCode = "granted" | "paying" | "stopped" | "ended";
/**
 * A document's direction.
 */
export type Direction = "incoming" | "outgoing";
/**
 * A decision's outcome (KOMBIT: `Afgørelsesklasse`).
 */
export type Outcome = "bevilget" | "delvist_bevilget" | "afslag" | "afvist";
/**
 * A party's role in a case.
 */
export type PartyRole = "primary" | "secondary" | "recipient" | "owner";
/**
 * A progress state (KOMBIT: `FremdriftStatusKode`), in lifecycle order.
 */
export type ProgressState = "opstaaet" | "oplyst" | "afgjort" | "afsluttet";
/**
 * A case's status code.
 */
export type CaseStatusCode = "received" | "in_progress" | "awaiting_you" | "decided" | "closed";
/**
 * Consent or objection.
 */
export type ConsentKind = "samtykke" | "frabedelse";
/**
 * CPR number, DDMMYYSSSS or DDMMYY-SSSS; the date part must be a real date.
 */
export type Cpr = string;
/**
 * The stable machine code of an [`Error`].
 */
export type ErrorCode =
  "invalid_json" | "invalid_input" | "invalid_policy" | "limit_exceeded" | "internal" | "null_argument";
/**
 * The kind of one record, in explanations and notifications.
 */
export type ItemKind = "case" | "benefit" | "appointment" | "plan";
/**
 * Why a record is hidden: the reason codes of docs/rules.md, in rule order.
 */
export type Reason =
  | "record.void"
  | "record.withheld"
  | "subject.no_cpr"
  | "subject.not_party"
  | "kle.invalid"
  | "case.hidden"
  | "kle.not_included"
  | "kle.excluded"
  | "date.before_from"
  | "source.not_enabled"
  | "sensitivity.above_limit"
  | "viewer.not_subject"
  | "mandate.missing"
  | "mandate.not_in_force"
  | "mandate.no_read"
  | "mandate.out_of_scope"
  | "mandate.grantor_under_15"
  | "custody.subject_adult"
  | "custody.child_consent_required"
  | "custody.restricted"
  | "consent.missing"
  | "consent.objection"
  | "representative.withheld"
  | "error.too_many_items"
  | "error.invalid_amount"
  | "error.invalid_period"
  | "error.duplicate_payment"
  | "error.amount_overflow"
  | "error.score_invalid";
/**
 * The viewer's role.
 */
export type Role = "self" | "proxy" | "guardian" | "parent" | "relative";
/**
 * A KLE handlingsfacet: one of A P S Ø G K I and two digits.
 */
export type Facet = string;
/**
 * A goal's status as the source writes it.
 */
export type GoalState = "active" | "achieved" | "not_achieved" | "cancelled";
/**
 * A goal's status as shown.
 */
export type GoalStatusCode = "active" | "achieved" | "not_achieved" | "cancelled";
/**
 * A URL that starts with `https://` and has a host: the only links a policy may give.
 */
export type HttpsUrl = string;
/**
 * The language of the output texts.
 */
export type Language = "da" | "en";
/**
 * The kind of a mandate.
 */
export type MandateKind = "fuldmagt" | "vaergemaal" | "foraeldremyndighed";
/**
 * The kind of a record.
 */
export type RecordKind = "cases" | "benefits" | "appointments" | "plans";
/**
 * The kinds of change.
 */
export type NotificationCode =
  | "case.new"
  | "case.status_changed"
  | "case.decided"
  | "case.awaiting_you"
  | "benefit.new"
  | "benefit.status_changed"
  | "payment.new"
  | "appointment.new"
  | "appointment.changed"
  | "appointment.cancelled"
  | "plan.new"
  | "plan.goal_changed"
  | "plan.activity_new"
  | "plan.follow_up_changed"
  | "reminder.deadline";
/**
 * The kind of a plan.
 */
export type PlanKind = "handleplan" | "indsatsplan" | "jobplan" | "genoptraeningsplan" | "other";
/**
 * A plan's status.
 */
export type PlanStatusCode = "upcoming" | "active" | "ended";
/**
 * What a privilege URI grants.
 */
export type PrivilegeLevel = "read" | "act";
/**
 * Where case titles come from.
 */
export type TitleMode = "source" | "kle";

/**
 * Every type of the egensag JSON API (an index; use the named types).
 */
export interface EgensagTypes {
  Action?: Action;
  ActionCheck?: ActionCheck;
  ActionReason?: ActionReason;
  ActionRule?: ActionRule;
  Activity?: Activity;
  ActivityStatus?: ActivityStatus;
  ActivityView?: ActivityView;
  Appointment?: Appointment;
  AppointmentKind?: AppointmentKind;
  AppointmentView?: AppointmentView;
  Area?: Area;
  Assessment?: Assessment;
  AssessmentView?: AssessmentView;
  Assessor?: Assessor;
  Awaiting?: Awaiting;
  Benefit?: Benefit;
  BenefitStatus?: BenefitStatus;
  BenefitStatusCode?: BenefitStatusCode;
  BenefitView?: BenefitView;
  Case?: Case;
  CaseStatus?: CaseStatus;
  CaseStatusCode?: CaseStatusCode;
  CaseView?: CaseView;
  Caseworker?: Caseworker;
  Catalogue?: Catalogue;
  CatalogueEntry?: CatalogueEntry;
  ClassRoles?: ClassRoles;
  Consent?: Consent;
  ConsentKind?: ConsentKind;
  ConsentScope?: ConsentScope;
  Cpr?: Cpr;
  Direction?: Direction;
  Document?: Document;
  DocumentView?: DocumentView;
  ErrorCode?: ErrorCode;
  ErrorObject?: ErrorObject;
  Explanation?: Explanation;
  ExplanationEntry?: ExplanationEntry;
  Facet?: Facet;
  Frequency?: Frequency;
  Goal?: Goal;
  GoalState?: GoalState;
  GoalStatus?: GoalStatus;
  GoalStatusCode?: GoalStatusCode;
  GoalView?: GoalView;
  Grant?: Grant;
  HttpsUrl?: HttpsUrl;
  IncludeRule?: IncludeRule;
  InfoRequest?: InfoRequest;
  ItemKind?: ItemKind;
  KlePattern?: KlePattern;
  KleRules?: KleRules;
  Language?: Language;
  Limits?: Limits;
  Link?: Link;
  LinkText?: LinkText;
  LinkView?: LinkView;
  Mandate?: Mandate;
  MandateKind?: MandateKind;
  MandateScope?: MandateScope;
  Moment?: Moment;
  NextPayment?: NextPayment;
  Notification?: Notification;
  NotificationCode?: NotificationCode;
  Notifications?: Notifications;
  NotifiedRecord?: NotifiedRecord;
  Outcome?: Outcome;
  Overview?: Overview;
  Party?: Party;
  PartyRole?: PartyRole;
  Payer?: Payer;
  PayerKind?: PayerKind;
  Payment?: Payment;
  PaymentDay?: PaymentDay;
  PaymentPlan?: PaymentPlan;
  PaymentStatus?: PaymentStatus;
  Plan?: Plan;
  PlanKind?: PlanKind;
  PlanPeriod?: PlanPeriod;
  PlanStatus?: PlanStatus;
  PlanStatusCode?: PlanStatusCode;
  PlanView?: PlanView;
  Policy?: Policy;
  PrivilegeLevel?: PrivilegeLevel;
  Problem?: Problem;
  ProcessingDays?: ProcessingDays;
  Progress?: Progress;
  ProgressState?: ProgressState;
  Reason?: Reason;
  RecordKind?: RecordKind;
  RecordRef?: RecordRef;
  Represented?: Represented;
  RepresentedEntry?: RepresentedEntry;
  RepresentedRequest?: RepresentedRequest;
  RepresentedViewer?: RepresentedViewer;
  Request?: Request;
  Role?: Role;
  SecondaryPartyAccess?: SecondaryPartyAccess;
  Sensitivity?: Sensitivity;
  SourceProfile?: SourceProfile;
  Subject?: Subject;
  TitleMode?: TitleMode;
  Totals?: Totals;
  ValidationReport?: ValidationReport;
  Viewer?: Viewer;
  YearTotal?: YearTotal;
}
/**
 * One action considered for a visible record: offered, or every reason it is not, in
 * the order `action.not_enabled`, the viewer's reasons, the record's state.
 */
export interface ActionCheck {
  action: Action;
  /**
   * Whether the viewer is offered it.
   */
  allowed: boolean;
  /**
   * Every reason it is not offered (empty when it is).
   */
  reasons: ActionReason[];
}
/**
 * The actions enabled for records matching a pattern (the most specific matching entry
 * decides; `sources`, when given, limits the entry to records of those source systems).
 */
export interface ActionRule {
  /**
   * The actions enabled.
   */
  allow: Action[];
  /**
   * Appointments may be cancelled or rebooked until this many days before their
   * start day; 1 when absent.
   */
  min_days_before?: number | null;
  pattern: KlePattern;
  /**
   * When a list, the entry applies only to records from these source systems.
   */
  sources?: string[] | null;
}
/**
 * An activity of a plan: a course, a job trial, training.
 */
export interface Activity {
  /**
   * First day.
   */
  from: string;
  /**
   * The activity's id within the plan.
   */
  id: string;
  /**
   * Where.
   */
  place?: string | null;
  status: ActivityStatus;
  /**
   * What it is.
   */
  text: string;
  /**
   * Last day, if it has one (not before `from`).
   */
  to?: string | null;
  /**
   * The role the citizen meets, e.g. `jobkonsulent`: never a name.
   */
  with_role?: string | null;
}
/**
 * An activity as shown.
 */
export interface ActivityView {
  /**
   * Going on on the overview's day: `from ≤ as_of ≤ to`, not cancelled or completed.
   */
  current: boolean;
  /**
   * First day.
   */
  from: string;
  /**
   * The activity's id.
   */
  id: string;
  /**
   * Where.
   */
  place?: string | null;
  status: ActivityStatus;
  /**
   * What it is.
   */
  text: string;
  /**
   * Last day, if any.
   */
  to?: string | null;
  /**
   * The role met.
   */
  with_role?: string | null;
}
/**
 * An appointment.
 */
export interface Appointment {
  /**
   * Cancelled appointments are kept and marked.
   */
  cancelled?: boolean;
  /**
   * The case it belongs to, of the same source.
   */
  case_id?: string | null;
  /**
   * End (RFC 3339 date-time), not before `start`.
   */
  end: string;
  /**
   * The appointment's id, unique within `source`.
   */
  id: string;
  kind: AppointmentKind;
  /**
   * KLE subject number as written; when absent, the case's number is used.
   */
  kle?: string | null;
  /**
   * CPR numbers of the citizens taking part, as written.
   */
  participants?: string[];
  /**
   * Where, if anywhere.
   */
  place?: string | null;
  sensitivity?: Sensitivity;
  /**
   * Source system id, e.g. `DOMUS`.
   */
  source: string;
  /**
   * Start (RFC 3339 date-time).
   */
  start: string;
  /**
   * Annulled or registered in error.
   */
  void?: boolean;
  /**
   * The planned tasks, e.g. `["Morgenhjælp", "Medicin"]`.
   */
  what?: string[];
  /**
   * The role the citizen meets, e.g. `hjemmepleje`, `sagsbehandler`: never a name.
   */
  with_role: string;
  /**
   * Never shown to anyone [Visningsklasse "Visning undtaget for borger"].
   */
  withheld_from_citizen?: boolean;
  /**
   * Shown to the subject only (third-party information, risk of harm).
   */
  withheld_from_representatives?: boolean;
}
/**
 * A visible appointment.
 */
export interface AppointmentView {
  /**
   * What the viewer may do with the appointment (docs/plans-and-actions.md).
   */
  actions?: Action[];
  /**
   * Cancelled (kept and marked).
   */
  cancelled: boolean;
  /**
   * The case it belongs to, when that case is shown too.
   */
  case_id?: string | null;
  /**
   * End.
   */
  end: string;
  /**
   * The appointment's id.
   */
  id: string;
  kind: AppointmentKind;
  /**
   * The KLE subject number (its own or its case's).
   */
  kle: string;
  /**
   * A link to the specialist system's portal or a borger.dk article, when the policy
   * gives one for the record's area.
   */
  link?: LinkView | null;
  /**
   * Where.
   */
  place?: string | null;
  /**
   * Source system.
   */
  source: string;
  /**
   * Start.
   */
  start: string;
  /**
   * Planned tasks.
   */
  what: string[];
  /**
   * The role met, e.g. `hjemmepleje`.
   */
  with_role: string;
}
/**
 * A link shown with a visible record: the policy's most specific matching `links` entry,
 * its text in the request's language. Only `https` URLs ever get here.
 */
export interface LinkView {
  /**
   * Its text in the request's language.
   */
  text: string;
  /**
   * Where the link goes.
   */
  url: string;
}
/**
 * A main group ("area"), e.g. `32` Social ydelser.
 */
export interface Area {
  /**
   * The main group number, two digits.
   */
  number: string;
  /**
   * Its title from the KLE catalogue, when one is given.
   */
  title?: string | null;
}
/**
 * One assessment of a goal: a score on a scale from 0 to `scale_max`.
 */
export interface Assessment {
  at: Moment;
  by: Assessor;
  /**
   * The top of the scale, at least 1.
   */
  scale_max: number;
  /**
   * The score, 0…`scale_max`.
   */
  score: number;
}
/**
 * An assessment as shown: when, and the score on its scale.
 */
export interface AssessmentView {
  at: Moment;
  /**
   * The top of its scale.
   */
  scale_max: number;
  /**
   * The score.
   */
  score: number;
}
/**
 * Something the citizen has been asked for and has not yet sent.
 */
export interface Awaiting {
  /**
   * The deadline, if any.
   */
  deadline?: string | null;
  /**
   * What is asked for.
   */
  what: string;
}
/**
 * A benefit (KOMBIT: `BevillingIndeks`).
 */
export interface Benefit {
  /**
   * The granting case, of the same source (KOMBIT: `Bevillingssag`).
   */
  case_id?: string | null;
  /**
   * The date the benefit was created.
   */
  created: string;
  /**
   * The outstanding amount the citizen owes back, in øre.
   */
  debt_ore?: number | null;
  grant: Grant;
  /**
   * The benefit's id, unique within `source`.
   */
  id: string;
  /**
   * KLE subject number, as the source wrote it (checked by the engine).
   */
  kle?: string | null;
  /**
   * The benefit's name [BevilgetYdelse Navn], e.g. `Kontanthjælp`.
   */
  name: string;
  /**
   * Who pays (KOMBIT: `Udbetalingsafdeling`): the municipality or Udbetaling Danmark.
   */
  payer?: Payer | null;
  /**
   * Payments made or planned (KOMBIT: `OekonomiskEffektuering`).
   */
  payments?: Payment[];
  /**
   * CPR number of the recipient, as written; absent when the recipient is not a person.
   */
  recipient?: string | null;
  sensitivity?: Sensitivity;
  /**
   * Source system id, e.g. `KY`.
   */
  source: string;
  /**
   * Annulled or registered in error.
   */
  void?: boolean;
  /**
   * Never shown to anyone [Visningsklasse "Visning undtaget for borger"].
   */
  withheld_from_citizen?: boolean;
  /**
   * Shown to the subject only (third-party information, risk of harm).
   */
  withheld_from_representatives?: boolean;
}
/**
 * A grant (KOMBIT: `Bevilling`): its period, amount and payment plan.
 */
export interface Grant {
  /**
   * The granted amount per period, in øre (not negative).
   */
  amount_ore: number;
  /**
   * First day of the grant.
   */
  from: string;
  /**
   * The payment plan; absent for one-off benefits.
   */
  plan?: PaymentPlan | null;
  /**
   * Whether the benefit must be paid back.
   */
  repayable?: boolean;
  /**
   * Payment stopped from this day.
   */
  stopped_from?: string | null;
  /**
   * Last day of the grant, if it ends.
   */
  to?: string | null;
}
/**
 * A payment plan [OekonomiskEffektueringsplan]: how often, on which day, and whether a payment pays for the month it is made in (in arrears) or the next (in advance).
 */
export interface PaymentPlan {
  frequency: Frequency;
  /**
   * True when a payment made in month M pays for month M+1; false (the default) when it
   * pays for month M.
   */
  in_advance?: boolean;
  payment_day: PaymentDay;
}
/**
 * Who pays a benefit [OekonomiskEffektuering Udbetalingsafdeling].
 */
export interface Payer {
  kind: PayerKind;
  /**
   * The paying office's name as the source gives it, e.g. `Ydelsesservice`.
   */
  name: string;
}
/**
 * One payment (KOMBIT: `OekonomiskEffektuering`).
 */
export interface Payment {
  /**
   * The day the money is at the citizen's disposal.
   */
  disposition_date: string;
  /**
   * Gross amount in øre (not negative).
   */
  gross_ore: number;
  /**
   * The payment's id, unique within its benefit.
   */
  id: string;
  /**
   * Net amount in øre after tax (not negative).
   */
  net_ore: number;
  /**
   * First day of the period paid for.
   */
  period_from: string;
  /**
   * Last day of the period paid for.
   */
  period_to: string;
  status: PaymentStatus;
}
/**
 * A benefit's status as shown.
 */
export interface BenefitStatus {
  code: BenefitStatusCode;
  /**
   * The first payment on or after `as_of`, while paying.
   */
  next_payment?: NextPayment | null;
  /**
   * Since when: creation (granted), grant start (paying), stop (stopped), the day after the grant's end (ended).
   */
  since: string;
  /**
   * Its text in the request's language.
   */
  text: string;
}
/**
 * The next payment of a benefit being paid.
 */
export interface NextPayment {
  /**
   * The disposition date.
   */
  date: string;
  /**
   * Gross amount in øre: the planned payment's, or the grant's amount.
   */
  gross_ore?: number | null;
  /**
   * Net amount in øre, when a planned payment gives it.
   */
  net_ore?: number | null;
}
/**
 * A visible benefit.
 */
export interface BenefitView {
  /**
   * What the viewer may do with the benefit: no action applies to benefits today, so
   * this is always empty.
   */
  actions?: Action[];
  area: Area;
  /**
   * The granting case, when that case is shown too.
   */
  case_id?: string | null;
  /**
   * What the citizen owes back, in øre.
   */
  debt_ore?: number | null;
  grant: Grant;
  /**
   * The benefit's id.
   */
  id: string;
  /**
   * The KLE subject number.
   */
  kle: string;
  /**
   * A link to the specialist system's portal or a borger.dk article, when the policy
   * gives one for the record's area.
   */
  link?: LinkView | null;
  /**
   * Its name, e.g. `Kontanthjælp`.
   */
  name: string;
  /**
   * Net total of the listed `paid` payments, in øre.
   */
  paid_total_ore: number;
  /**
   * Who pays, when the source says (KOMBIT: `Udbetalingsafdeling`).
   */
  payer?: Payer | null;
  /**
   * The payments listed (from the policy's from-date on), by disposition date.
   */
  payments: Payment[];
  /**
   * Source system.
   */
  source: string;
  status: BenefitStatus;
}
/**
 * A case (KOMBIT: `Sag`).
 */
export interface Case {
  /**
   * The caseworker: input only, never output.
   */
  caseworker?: Caseworker | null;
  /**
   * The date the case arose.
   */
  created: string;
  /**
   * Document titles (never contents).
   */
  documents?: Document[];
  /**
   * Handlingsfacet (KOMBIT: `Handlingsklasse`), as the source wrote it (checked by the engine).
   */
  facet?: string | null;
  /**
   * Case number (KOMBIT: `Sagsnummer`), unique within `source`.
   */
  id: string;
  /**
   * KLE subject number [Primær klasse], as the source wrote it (checked by the engine).
   */
  kle?: string | null;
  /**
   * The source system's own status text (KOMBIT: `Sagsstatus`).
   */
  local_status?: string | null;
  /**
   * The decision's outcome (KOMBIT: `Afgørelsesklasse`).
   */
  outcome?: Outcome | null;
  /**
   * The parties (KOMBIT: `Sagspart`).
   */
  parties?: Party[];
  /**
   * The progress history (KOMBIT: `FremdriftStatusKode`).
   */
  progress?: Progress[];
  /**
   * What the municipality has asked the citizen for.
   */
  requests?: InfoRequest[];
  sensitivity?: Sensitivity;
  /**
   * Source system id, e.g. `KSD`, `KY`, `DOMUS`.
   */
  source: string;
  /**
   * The case title the public may see (KOMBIT: `Titel`).
   */
  title?: string;
  /**
   * The title may not be shown (KOMBIT: `OffentlighedUndtaget`).
   */
  title_restricted?: boolean;
  /**
   * Annulled or registered in error.
   */
  void?: boolean;
  /**
   * Never shown to anyone [Visningsklasse "Visning undtaget for borger"].
   */
  withheld_from_citizen?: boolean;
  /**
   * Shown to the subject only (third-party information, risk of harm).
   */
  withheld_from_representatives?: boolean;
}
/**
 * The caseworker. Read, never output.
 */
export interface Caseworker {
  /**
   * Initials.
   */
  initials?: string | null;
  /**
   * Name.
   */
  name?: string | null;
}
/**
 * A document of a case: its title and date only.
 */
export interface Document {
  /**
   * Its date.
   */
  date: string;
  direction: Direction;
  /**
   * The document's title.
   */
  title: string;
  /**
   * Never listed, counted or notified [the document's own Visningsklasse in SF1470].
   */
  withheld_from_citizen?: boolean;
}
/**
 * A party to a case (KOMBIT: `Sagspart`): a person (`cpr`) or a company (`cvr`).
 *
 * The CPR number is kept as written; a malformed one does not identify anybody.
 */
export interface Party {
  /**
   * CPR number of a person, as written by the source.
   */
  cpr?: string | null;
  /**
   * CVR number of a company.
   */
  cvr?: string | null;
  role: PartyRole;
  /**
   * First day the party counts [Sagspart Virkning FraTidspunkt]; always when absent.
   */
  valid_from?: string | null;
  /**
   * Last day the party counts [Sagspart Virkning TilTidspunkt]; open-ended when absent.
   * SF1470 ends a relation by ending its validity, never by deleting it.
   */
  valid_to?: string | null;
}
/**
 * One entry of a case's progress history.
 */
export interface Progress {
  at: Moment;
  state: ProgressState;
}
/**
 * Something the municipality has asked the citizen for.
 */
export interface InfoRequest {
  /**
   * The deadline, if any.
   */
  deadline?: string | null;
  /**
   * The day it was received, if it has been.
   */
  fulfilled?: string | null;
  /**
   * The day it was asked for.
   */
  requested: string;
  /**
   * What is asked for, in words the citizen understands.
   */
  what: string;
}
/**
 * A case's status as shown.
 */
export interface CaseStatus {
  /**
   * Open requests, earliest deadline first (those without a deadline last).
   */
  awaiting?: Awaiting[];
  code: CaseStatusCode;
  /**
   * `created` + the policy's processing days, until the case is decided or closed.
   */
  expected_decision_by?: string | null;
  /**
   * The decision's outcome, shown while the case is decided or closed.
   */
  outcome?: Outcome | null;
  /**
   * The outcome's text.
   */
  outcome_text?: string | null;
  /**
   * Whether `as_of` is after `expected_decision_by`.
   */
  overdue?: boolean | null;
  /**
   * The date of the deciding entry (for `awaiting_you`, of the latest open request).
   */
  since: string;
  /**
   * Its text in the request's language.
   */
  text: string;
}
/**
 * A visible case.
 */
export interface CaseView {
  /**
   * What the viewer may do with the case (docs/plans-and-actions.md).
   */
  actions?: Action[];
  area: Area;
  /**
   * The date the case arose.
   */
  created: string;
  /**
   * Document titles, when the policy shows them.
   */
  documents?: DocumentView[] | null;
  /**
   * Case number.
   */
  id: string;
  /**
   * The KLE subject number.
   */
  kle: string;
  /**
   * A link to the specialist system's portal or a borger.dk article, when the policy
   * gives one for the record's area.
   */
  link?: LinkView | null;
  /**
   * The source system's own status text, when the policy shows it.
   */
  local_status?: string | null;
  /**
   * Source system.
   */
  source: string;
  status: CaseStatus;
  /**
   * The title shown: the case title, or the KLE subject title where the title may not be shown.
   */
  title: string;
}
/**
 * A document title shown with a case.
 */
export interface DocumentView {
  /**
   * The date.
   */
  date: string;
  direction: Direction;
  /**
   * The title.
   */
  title: string;
}
/**
 * The KLE catalogue (emneplan): titles and validity of main groups, groups and subjects.
 */
export interface Catalogue {
  /**
   * Every main group, group and subject, in document order.
   */
  entries: CatalogueEntry[];
  /**
   * The publication date of the emneplan (`UdgivelsesDato`), when known.
   */
  published?: string | null;
}
/**
 * One main group, group or subject of the KLE catalogue.
 */
export interface CatalogueEntry {
  /**
   * The date the number was created (`OprettetDato`).
   */
  created?: string | null;
  /**
   * The date the number expired (`UdgaaetDato`).
   */
  expired?: string | null;
  /**
   * `32` (main group), `32.24` (group) or `32.24.04` (subject).
   */
  number: string;
  /**
   * The number that replaces this one (`AfloestAf`).
   */
  replaced_by?: string | null;
  /**
   * The title, e.g. `Hjælp til forsørgelse`.
   */
  title: string;
}
/**
 * Sagsklasse role UUIDs (each list is added to the published default, where one exists).
 */
export interface ClassRoles {
  /**
   * Afgørelsesklasse (→ `outcome`). When empty, any other class whose key or UUID is
   * in `outcomes` gives the outcome.
   */
  decision?: string[];
  /**
   * Handlingsklasse (→ `facet`); default `05ef7011-11a7-4e4c-a46b-3de6aa457fc3`.
   */
  handling?: string[];
  /**
   * Primær klasse (→ `kle`); default `a86c6581-ec85-412d-a655-31a1f1d5b14f`.
   */
  primary?: string[];
}
/**
 * A consent (`samtykke`) or objection (`frabedelse`) from the subject about a recipient.
 */
export interface Consent {
  /**
   * The consent's id.
   */
  id: string;
  kind: ConsentKind;
  /**
   * Purposes; `view` is the one this library acts on.
   */
  purposes?: string[];
  recipient: Cpr;
  /**
   * The day it was revoked, if it was.
   */
  revoked_at?: string | null;
  scope?: ConsentScope;
  subject: Cpr;
  /**
   * First day in force.
   */
  valid_from: string;
  /**
   * Last day in force, if it ends.
   */
  valid_to?: string | null;
}
/**
 * What a consent or objection covers. Absent fields mean no limit; where both are
 * given a record must match both.
 */
export interface ConsentScope {
  /**
   * KLE patterns covered.
   */
  kle?: KlePattern[] | null;
  /**
   * The records covered, by source and id.
   */
  record_ids?: RecordRef[] | null;
}
/**
 * A reference to one record: its source system and its id there.
 */
export interface RecordRef {
  /**
   * The record's id within that source.
   */
  id: string;
  /**
   * Source system id, e.g. `KSD`.
   */
  source: string;
}
/**
 * An error with a code, a message and a path.
 *
 * The message says what was expected and never echoes the offending value; any run of
 * six or more digits is removed from it, so no CPR number can reach a log through it.
 */
export interface ErrorObject {
  code: ErrorCode;
  /**
   * What was expected, in English. Never contains the offending value.
   */
  message: string;
  /**
   * Where in the input: `cases[3].kle`; empty for the whole input.
   */
  path: string;
}
/**
 * Why each record is, or is not, visible.
 */
export interface Explanation {
  /**
   * The day evaluated.
   */
  as_of: string;
  /**
   * One entry per input record: cases, then benefits, appointments and plans, in input order.
   */
  entries: ExplanationEntry[];
  /**
   * The policy's id.
   */
  policy: string;
  viewer_role: Role;
}
/**
 * The decision on one record.
 */
export interface ExplanationEntry {
  /**
   * For a visible record, every action of its kind, offered or with every reason it is
   * not (docs/plans-and-actions.md); empty for a hidden record and for benefits.
   */
  actions: ActionCheck[];
  /**
   * Its id, with any CPR number inside it masked `DDMMYY-XXXX`
   * ([`crate::cpr::mask_cpr_numbers`]).
   */
  id: string;
  kind: ItemKind;
  /**
   * Every rule that denies, in rule order.
   */
  reasons: Reason[];
  /**
   * What permitted it.
   */
  rules: string[];
  /**
   * Its source system.
   */
  source: string;
  /**
   * Whether the viewer may see it.
   */
  visible: boolean;
}
/**
 * A goal of a plan.
 */
export interface Goal {
  /**
   * Assessments of how far the goal is reached.
   */
  assessments?: Assessment[];
  /**
   * The goal's id within the plan.
   */
  id: string;
  /**
   * The day it was set.
   */
  set: string;
  status: GoalState;
  /**
   * The day it got that status.
   */
  status_at?: string | null;
  /**
   * What the goal is.
   */
  text: string;
}
/**
 * A goal's status with its text.
 */
export interface GoalStatus {
  code: GoalStatusCode;
  /**
   * The day the goal got this status, when the source says (for `active`: when it was set).
   */
  since: string;
  /**
   * The default text in the overview's language.
   */
  text: string;
}
/**
 * A goal as shown.
 */
export interface GoalView {
  /**
   * The caseworker's latest assessment on or before the overview's day.
   */
  caseworker_assessment?: AssessmentView | null;
  /**
   * The citizen's latest assessment on or before the overview's day.
   */
  citizen_assessment?: AssessmentView | null;
  /**
   * The goal's id.
   */
  id: string;
  /**
   * The day it was set.
   */
  set: string;
  status: GoalStatus;
  /**
   * What the goal is.
   */
  text: string;
}
/**
 * One include rule.
 */
export interface IncludeRule {
  /**
   * When given, a case's facet must be one of these.
   */
  facets?: Facet[] | null;
  /**
   * Records created before this day are hidden (see `show_active_before_from`).
   */
  from?: string | null;
  pattern: KlePattern;
}
/**
 * The KLE include and exclude lists.
 */
export interface KleRules {
  /**
   * And none of these.
   */
  exclude?: KlePattern[];
  /**
   * A record's number must match one of these.
   */
  include?: IncludeRule[];
}
/**
 * Input limits. Requests beyond them are refused with `limit_exceeded`.
 */
export interface Limits {
  /**
   * Most consents and objections in one request.
   */
  max_consents?: number;
  /**
   * Deepest JSON nesting.
   */
  max_depth?: number;
  /**
   * Longest mandate or consent id, in bytes (an id is repeated in the explanation's
   * rules of every record it permits).
   */
  max_id_bytes?: number;
  /**
   * Largest request, in bytes of JSON.
   */
  max_input_bytes?: number;
  /**
   * Most payments in one benefit, progress entries, documents or requests in one
   * case, goals or activities in one plan.
   */
  max_items_per_record?: number;
  /**
   * Most mandates in one request.
   */
  max_mandates?: number;
  /**
   * Most `PrivilegeGroup` elements in a NemLog-in `privileges_intermediate` claim.
   */
  max_privilege_groups?: number;
  /**
   * Most `record_ids` in one consent's scope.
   */
  max_record_ids?: number;
  /**
   * Most records (cases + benefits + appointments + plans) in one request.
   */
  max_records?: number;
  /**
   * Most KLE patterns in one mandate's or consent's scope.
   */
  max_scope_patterns?: number;
  /**
   * Longest string, in bytes.
   */
  max_string_bytes?: number;
}
/**
 * A link given to each visible record of an area (the most specific pattern applies).
 */
export interface Link {
  pattern: KlePattern;
  text: LinkText;
  url: HttpsUrl;
}
/**
 * A link's text, in Danish and English.
 */
export interface LinkText {
  /**
   * Danish.
   */
  da: string;
  /**
   * English.
   */
  en: string;
}
/**
 * A mandate: the holder may act for the subject within a scope and a period.
 */
export interface Mandate {
  holder: Cpr;
  /**
   * The mandate's id.
   */
  id: string;
  kind: MandateKind;
  /**
   * `read`, `act` (includes read) or privilege URIs that the policy maps to one of them.
   */
  privileges?: string[];
  /**
   * The day it was revoked, if it was.
   */
  revoked_at?: string | null;
  scope?: MandateScope;
  subject: Cpr;
  /**
   * First day in force.
   */
  valid_from: string;
  /**
   * Last day in force, if it ends.
   */
  valid_to?: string | null;
}
/**
 * What a mandate covers. An absent field means no limit on that axis.
 */
export interface MandateScope {
  /**
   * KLE patterns covered.
   */
  kle?: KlePattern[] | null;
  /**
   * The highest sensitivity covered.
   */
  max_sensitivity?: Sensitivity | null;
  /**
   * The kinds of record covered.
   */
  records?: RecordKind[] | null;
}
/**
 * One change.
 */
export interface Notification {
  code: NotificationCode;
  record: NotifiedRecord;
  /**
   * A short text in the overview's language.
   */
  text: string;
  /**
   * The record's title as the overview shows it (case title, benefit name, appointment role).
   */
  title: string;
}
/**
 * The record a notification is about.
 */
export interface NotifiedRecord {
  /**
   * Id.
   */
  id: string;
  kind: ItemKind;
  /**
   * For `payment.new`: the payment's id.
   */
  payment_id?: string | null;
  /**
   * Source system.
   */
  source: string;
}
/**
 * The notifications since an earlier overview.
 */
export interface Notifications {
  /**
   * The later overview's day.
   */
  as_of: string;
  /**
   * What changed: cases (each followed by its deadline reminders), then benefits and
   * their payments, then appointments, then plans, each in the later overview's order.
   */
  notifications: Notification[];
  /**
   * The earlier overview's day.
   */
  since: string;
}
/**
 * The citizen's overview. Hidden records leave no trace in it.
 */
export interface Overview {
  /**
   * Visible appointments not ended before `as_of`, earliest first.
   */
  appointments: AppointmentView[];
  /**
   * The day the overview is made for.
   */
  as_of: string;
  /**
   * Visible benefits, latest payment first.
   */
  benefits: BenefitView[];
  /**
   * Visible cases, latest status change first.
   */
  cases: CaseView[];
  language: Language;
  /**
   * Visible plans, latest status change first (docs/plans-and-actions.md). Absent in an
   * overview made before plans existed, which reads as none.
   */
  plans?: PlanView[];
  /**
   * The subject's CPR number, masked `DDMMYY-XXXX`.
   */
  subject: string;
  totals: Totals;
  viewer_role: Role;
}
/**
 * A visible plan.
 */
export interface PlanView {
  /**
   * What the viewer may do with the plan (docs/plans-and-actions.md).
   */
  actions?: Action[];
  /**
   * Its activities, by first day, then id.
   */
  activities: ActivityView[];
  area: Area;
  /**
   * The plan needs the citizen's approval and has not had it by the overview's day.
   */
  awaiting_approval: boolean;
  /**
   * The case it belongs to, when that case is shown too.
   */
  case_id?: string | null;
  /**
   * The date it was made.
   */
  created: string;
  /**
   * Whether the overview's day is after the next follow-up (present with it).
   */
  follow_up_overdue?: boolean | null;
  /**
   * Its goals, by the day they were set, then id.
   */
  goals: GoalView[];
  /**
   * Goals achieved.
   */
  goals_achieved: number;
  /**
   * Goals not cancelled.
   */
  goals_total: number;
  /**
   * The plan's id.
   */
  id: string;
  kind: PlanKind;
  /**
   * The KLE subject number (its own or its case's).
   */
  kle: string;
  /**
   * A link to the specialist system's portal or a borger.dk article, when the policy
   * gives one for the plan's area.
   */
  link?: LinkView | null;
  /**
   * The next follow-up, if one is set.
   */
  next_follow_up?: string | null;
  period: PlanPeriod;
  /**
   * Source system.
   */
  source: string;
  status: PlanStatus;
  /**
   * The title shown: the plan's title, or the KLE subject title where it may not be shown.
   */
  title: string;
}
/**
 * When a plan runs: from a day, to an optional day.
 */
export interface PlanPeriod {
  /**
   * First day.
   */
  from: string;
  /**
   * Last day, if the plan has one.
   */
  to?: string | null;
}
/**
 * A plan's status on the overview's day.
 */
export interface PlanStatus {
  code: PlanStatusCode;
  /**
   * Since when: `created` while upcoming, `period.from` while active, the day after
   * `period.to` once ended.
   */
  since: string;
  /**
   * The default text in the overview's language.
   */
  text: string;
}
/**
 * Totals over the visible benefits. A total that does not fit in 64 bits is left out
 * and flagged (`overflow`, `debt_overflow`) instead of rejecting the overview; it is
 * summed exactly, so it does not depend on the order of the records.
 */
export interface Totals {
  /**
   * Sum of `debt_ore` over the visible benefits; absent when it does not fit in 64
   * bits (then `debt_overflow` is true).
   */
  debt_ore?: number | null;
  /**
   * True when the sum of `debt_ore` does not fit in 64 bits and is left out.
   */
  debt_overflow?: boolean;
  /**
   * Net amounts of listed `paid` payments by calendar year of disposition date, ascending.
   */
  paid_by_year: YearTotal[];
}
/**
 * The net amount paid in one calendar year.
 */
export interface YearTotal {
  /**
   * Net amount in øre; absent when it does not fit in 64 bits (then `overflow` is true).
   */
  net_ore?: number | null;
  /**
   * True when the year's net amount does not fit in 64 bits and is left out.
   */
  overflow?: boolean;
  /**
   * The year.
   */
  year: number;
}
/**
 * A plan: the fourth record kind, decided by the same rules as cases.
 */
export interface Plan {
  /**
   * The plan's activities.
   */
  activities?: Activity[];
  /**
   * The day the citizen approved it.
   */
  approved_on?: string | null;
  /**
   * The case it belongs to, of the same source.
   */
  case_id?: string | null;
  /**
   * The date the plan was made.
   */
  created: string;
  /**
   * Handlingsfacet as written.
   */
  facet?: string | null;
  /**
   * The plan's goals.
   */
  goals?: Goal[];
  /**
   * The plan's id, unique within `source`.
   */
  id: string;
  kind: PlanKind;
  /**
   * KLE subject number as written; when absent, the case's number is used.
   */
  kle?: string | null;
  /**
   * The date of the next follow-up, if one is set.
   */
  next_follow_up?: string | null;
  /**
   * The parties, as for cases.
   */
  parties?: Party[];
  period: PlanPeriod;
  /**
   * The plan needs the citizen's approval (Jobnet).
   */
  requires_approval?: boolean;
  sensitivity?: Sensitivity;
  /**
   * Source system id, e.g. `DOMUS`.
   */
  source: string;
  /**
   * The plan's title the public may see.
   */
  title?: string;
  /**
   * The title may not be shown: the KLE subject title is shown instead.
   */
  title_restricted?: boolean;
  /**
   * Annulled or registered in error.
   */
  void?: boolean;
  /**
   * Never shown to anyone.
   */
  withheld_from_citizen?: boolean;
  /**
   * Shown to the subject only.
   */
  withheld_from_representatives?: boolean;
}
/**
 * A municipality's configuration, compiled once into an [`crate::Engine`].
 */
export interface Policy {
  /**
   * The actions enabled per KLE pattern (docs/plans-and-actions.md); none when absent.
   */
  actions?: ActionRule[];
  /**
   * From this age a parent sees a record only under the child's consent; 15 when absent.
   */
  child_consent_age?: number;
  /**
   * The policy's id, e.g. `kk-2026-11`.
   */
  id: string;
  kle: KleRules;
  limits?: Limits;
  /**
   * Links to a specialist portal or a borger.dk article, per KLE pattern.
   */
  links?: Link[];
  max_sensitivity?: Sensitivity;
  /**
   * Records never shown to a parent.
   */
  parent_restricted?: KlePattern[];
  /**
   * Privilege URIs mapped to `read` or `act`.
   */
  privileges?: {
    [k: string]: PrivilegeLevel;
  };
  /**
   * Expected processing times.
   */
  processing_days?: ProcessingDays[];
  /**
   * How many days before a request's deadline `reminder.deadline` is notified; 3 when absent.
   */
  reminder_days?: number;
  /**
   * Party roles other than `primary` that may see a case, per KLE pattern.
   */
  secondary_party_access?: SecondaryPartyAccess[];
  /**
   * Show cases created before their rule's `from` while they are not closed.
   */
  show_active_before_from?: boolean;
  /**
   * Show document titles of cases.
   */
  show_document_titles?: boolean;
  /**
   * Show the source system's own status text.
   */
  show_local_status?: boolean;
  /**
   * When a list, only records from these source systems are shown.
   */
  sources?: string[] | null;
  title_mode?: TitleMode;
}
/**
 * An expected processing time for a KLE pattern.
 */
export interface ProcessingDays {
  /**
   * Days from `created` to the expected decision.
   */
  days: number;
  pattern: KlePattern;
}
/**
 * Party roles that may see cases matching a pattern.
 */
export interface SecondaryPartyAccess {
  pattern: KlePattern;
  /**
   * The roles that may see.
   */
  roles: PartyRole[];
}
/**
 * One problem: a code (as in explanations), where, and what was expected.
 */
export interface Problem {
  /**
   * `kle.invalid`, `subject.no_cpr`, `case.missing`, `error.invalid_amount`, `error.score_invalid`, ….
   */
  code: string;
  /**
   * What was expected (never the value).
   */
  message: string;
  /**
   * Where: `cases[3].kle`.
   */
  path: string;
}
/**
 * Everyone the viewer may act for on `as_of`.
 */
export interface Represented {
  /**
   * The day the list is for.
   */
  as_of: string;
  /**
   * One entry per usable mandate, sorted by subject, role and mandate id.
   */
  represented: RepresentedEntry[];
}
/**
 * One usable mandate: whom it is for and what it covers.
 */
export interface RepresentedEntry {
  /**
   * The mandate's id.
   */
  mandate_id: string;
  role: Role;
  scope: MandateScope;
  /**
   * The subject, masked `DDMMYY-XXXX`.
   */
  subject: string;
  /**
   * The mandate's last day in force, if it ends.
   */
  valid_to?: string | null;
}
/**
 * The input of [`represented`](crate::Engine::represented): the parts of a request that
 * say whom the viewer holds mandates for.
 */
export interface RepresentedRequest {
  /**
   * The day the list is for.
   */
  as_of: string;
  /**
   * The mandates known for the viewer (others are ignored).
   */
  mandates?: Mandate[];
  /**
   * A NemLog-in privileges claim (base64 XML); its fuldmagter count as mandates.
   */
  privileges_intermediate?: string | null;
  /**
   * What is known of the subjects: a subject's `deceased_on` ends every fuldmagt for
   * them from that day, as in the overview.
   */
  subjects?: Subject[];
  viewer: RepresentedViewer;
}
/**
 * The citizen the request is about.
 */
export interface Subject {
  cpr: Cpr;
  /**
   * The day the subject died, if they have; every fuldmagt ends from that day.
   */
  deceased_on?: string | null;
}
/**
 * The viewer of a [`RepresentedRequest`].
 */
export interface RepresentedViewer {
  cpr: Cpr;
  /**
   * Only list mandates for this role (`proxy`, `guardian` or `parent`; `self` and
   * `relative` need no mandate and list none). Absent: every role.
   */
  role?: Role | null;
}
/**
 * A request: the subject's records, the viewer, and the day the overview is made for.
 */
export interface Request {
  /**
   * The subject's appointments.
   */
  appointments?: Appointment[];
  /**
   * The day the overview is made for (the library reads no clock).
   */
  as_of: string;
  /**
   * The subject's benefits.
   */
  benefits?: Benefit[];
  /**
   * The subject's cases.
   */
  cases?: Case[];
  /**
   * Consents and objections given by the subject.
   */
  consents?: Consent[];
  language?: Language;
  /**
   * Mandates held for the subject.
   */
  mandates?: Mandate[];
  /**
   * The subject's plans (docs/plans-and-actions.md).
   */
  plans?: Plan[];
  /**
   * The viewer's NemLog-in `privileges_intermediate` claim (base64 OIO Basic Privilege
   * Profile XML), if the login carried one: it becomes fuldmagt mandates in force on `as_of`.
   */
  privileges_intermediate?: string | null;
  subject: Subject;
  viewer: Viewer;
}
/**
 * Who is looking, and in which role.
 */
export interface Viewer {
  cpr: Cpr;
  role: Role;
}
/**
 * A municipality's source profile.
 */
export interface SourceProfile {
  class_roles?: ClassRoles;
  document_direction?: Direction;
  /**
   * Afgørelsesklasse key (`BrugervendtNoegle`) or UUID → outcome. Unmapped: no outcome.
   */
  outcomes?: {
    [k: string]: Outcome;
  };
  /**
   * Sagspart role UUIDs → party role, added to the published default (Primær part →
   * `primary`). A role not listed is not read: an unknown role is never the primary party.
   */
  party_roles?: {
    [k: string]: PartyRole;
  };
  /**
   * Bevillingspart role UUIDs of the recipient (Ydelsesmodtager). When empty, the one
   * Bevillingspart with a CPR number is the recipient, and none when there are several.
   */
  recipient_roles?: string[];
  /**
   * Source system id for every record read, instead of the document's own
   * (`SagsitsystemRelation/SystemNavn`, `ItSystem/SystemNavn`).
   */
  source?: string | null;
  /**
   * Visningsklasse keys (`BrugervendtNoegle`) that withhold.
   */
  withholding_keys?: string[];
  /**
   * Visningsklasse titles (`Klassetitel`) that withhold a case or document from the
   * citizen; compared ignoring case and surrounding spaces. Default: "Visning undtaget
   * for borger".
   */
  withholding_titles?: string[];
}
/**
 * The problems found in a request that parsed.
 */
export interface ValidationReport {
  /**
   * Every problem, in input order.
   */
  problems: Problem[];
  /**
   * True when there are no problems.
   */
  valid: boolean;
}
