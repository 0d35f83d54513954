# Generated from schemas/*.schema.json by `cargo xtask bless` (xtask/src/python_types.rs).
# Do not edit: regenerate with cargo xtask bless.
"""The data types of the egensag JSON API, as `TypedDict`s and `Literal` aliases.

Only type checkers read this module: import its names from `egensag` under
`typing.TYPE_CHECKING` (or in annotations with `from __future__ import annotations`).
"""

from typing import Literal

from typing_extensions import NotRequired, TypeAlias, TypedDict

__all__ = [
    "Action",
    "ActionCheck",
    "ActionReason",
    "ActionRule",
    "Activity",
    "ActivityStatus",
    "ActivityView",
    "Appointment",
    "AppointmentKind",
    "AppointmentView",
    "Area",
    "Assessment",
    "AssessmentView",
    "Assessor",
    "Awaiting",
    "Benefit",
    "BenefitStatus",
    "BenefitStatusCode",
    "BenefitView",
    "Case",
    "CaseStatus",
    "CaseStatusCode",
    "CaseView",
    "Caseworker",
    "Catalogue",
    "CatalogueEntry",
    "ClassRoles",
    "Consent",
    "ConsentKind",
    "ConsentScope",
    "Cpr",
    "Direction",
    "Document",
    "DocumentView",
    "ErrorCode",
    "ErrorObject",
    "Explanation",
    "ExplanationEntry",
    "Facet",
    "Frequency",
    "Goal",
    "GoalState",
    "GoalStatus",
    "GoalStatusCode",
    "GoalView",
    "Grant",
    "HttpsUrl",
    "IncludeRule",
    "InfoRequest",
    "ItemKind",
    "KlePattern",
    "KleRules",
    "Language",
    "Limits",
    "Link",
    "LinkText",
    "LinkView",
    "Mandate",
    "MandateKind",
    "MandateScope",
    "Moment",
    "NextPayment",
    "Notification",
    "NotificationCode",
    "Notifications",
    "NotifiedRecord",
    "Outcome",
    "Overview",
    "Party",
    "PartyRole",
    "Payer",
    "PayerKind",
    "Payment",
    "PaymentDay",
    "PaymentDayDayOfMonth",
    "PaymentPlan",
    "PaymentStatus",
    "Plan",
    "PlanKind",
    "PlanPeriod",
    "PlanStatus",
    "PlanStatusCode",
    "PlanView",
    "Policy",
    "PrivilegeLevel",
    "Problem",
    "ProcessingDays",
    "Progress",
    "ProgressState",
    "Reason",
    "RecordKind",
    "RecordRef",
    "Represented",
    "RepresentedEntry",
    "RepresentedRequest",
    "RepresentedViewer",
    "Request",
    "Role",
    "SecondaryPartyAccess",
    "Sensitivity",
    "SourceProfile",
    "Subject",
    "TitleMode",
    "Totals",
    "ValidationReport",
    "Viewer",
    "YearTotal",
]


# What a viewer may do with a record.
Action: TypeAlias = Literal["case.send_document", "case.answer_request", "appointment.cancel", "appointment.rebook", "plan.assess_goal", "plan.approve"]


class ActionCheck(TypedDict):
    """One action considered for a visible record: offered, or every reason it is not, in
    the order `action.not_enabled`, the viewer's reasons, the record's state.
    """
    # The action.
    action: Action
    # Whether the viewer is offered it.
    allowed: bool
    # Every reason it is not offered (empty when it is).
    reasons: list[ActionReason]


# Why an action is not offered.
ActionReason: TypeAlias = Literal["action.not_enabled", "action.not_applicable", "action.too_late", "action.self_only", "action.no_act_privilege", "action.consent_missing"]


class ActionRule(TypedDict):
    """The actions enabled for records matching a pattern (the most specific matching entry
    decides; `sources`, when given, limits the entry to records of those source systems).
    """
    # The actions enabled.
    allow: list[Action]
    # Appointments may be cancelled or rebooked until this many days before their
    # start day; 1 when absent.
    min_days_before: NotRequired[int | None]
    # The KLE pattern.
    pattern: KlePattern
    # When a list, the entry applies only to records from these source systems.
    sources: NotRequired[list[str] | None]


# An activity of a plan: a course, a job trial, training.
Activity = TypedDict(
    "Activity",
    {
        # First day.
        "from": str,
        # The activity's id within the plan.
        "id": str,
        # Where.
        "place": NotRequired[str | None],
        # Its status.
        "status": ActivityStatus,
        # What it is.
        "text": str,
        # Last day, if it has one (not before `from`).
        "to": NotRequired[str | None],
        # The role the citizen meets, e.g. `jobkonsulent`: never a name.
        "with_role": NotRequired[str | None],
    },
)


# An activity's status.
ActivityStatus: TypeAlias = Literal["planned", "ongoing", "completed", "cancelled"]


# An activity as shown.
ActivityView = TypedDict(
    "ActivityView",
    {
        # Going on on the overview's day: `from ≤ as_of ≤ to`, not cancelled or completed.
        "current": bool,
        # First day.
        "from": str,
        # The activity's id.
        "id": str,
        # Where.
        "place": NotRequired[str | None],
        # Its status as the source gives it.
        "status": ActivityStatus,
        # What it is.
        "text": str,
        # Last day, if any.
        "to": NotRequired[str | None],
        # The role met.
        "with_role": NotRequired[str | None],
    },
)


class Appointment(TypedDict):
    """An appointment."""
    # Cancelled appointments are kept and marked.
    cancelled: NotRequired[bool]
    # The case it belongs to, of the same source.
    case_id: NotRequired[str | None]
    # End (RFC 3339 date-time), not before `start`.
    end: str
    # The appointment's id, unique within `source`.
    id: str
    # The kind of appointment.
    kind: AppointmentKind
    # KLE subject number as written; when absent, the case's number is used.
    kle: NotRequired[str | None]
    # CPR numbers of the citizens taking part, as written.
    participants: NotRequired[list[str]]
    # Where, if anywhere.
    place: NotRequired[str | None]
    # Sensitivity level; `ikke_fortrolige` when absent (KOMBIT: `Foelsomhed`).
    sensitivity: NotRequired[Sensitivity]
    # Source system id, e.g. `DOMUS`.
    source: str
    # Start (RFC 3339 date-time).
    start: str
    # Annulled or registered in error.
    void: NotRequired[bool]
    # The planned tasks, e.g. `["Morgenhjælp", "Medicin"]`.
    what: NotRequired[list[str]]
    # The role the citizen meets, e.g. `hjemmepleje`, `sagsbehandler`: never a name.
    with_role: str
    # Never shown to anyone [Visningsklasse "Visning undtaget for borger"].
    withheld_from_citizen: NotRequired[bool]
    # Shown to the subject only (third-party information, risk of harm).
    withheld_from_representatives: NotRequired[bool]


# The kind of an appointment.
AppointmentKind: TypeAlias = Literal["meeting", "home_visit", "phone", "video"]


class AppointmentView(TypedDict):
    """A visible appointment."""
    # What the viewer may do with the appointment (docs/plans-and-actions.md).
    actions: NotRequired[list[Action]]
    # Cancelled (kept and marked).
    cancelled: bool
    # The case it belongs to, when that case is shown too.
    case_id: NotRequired[str | None]
    # End.
    end: str
    # The appointment's id.
    id: str
    # Kind.
    kind: AppointmentKind
    # The KLE subject number (its own or its case's).
    kle: str
    # A link to the specialist system's portal or a borger.dk article, when the policy
    # gives one for the record's area.
    link: NotRequired[LinkView | None]
    # Where.
    place: NotRequired[str | None]
    # Source system.
    source: str
    # Start.
    start: str
    # Planned tasks.
    what: list[str]
    # The role met, e.g. `hjemmepleje`.
    with_role: str


class Area(TypedDict):
    """A main group ("area"), e.g. `32` Social ydelser."""
    # The main group number, two digits.
    number: str
    # Its title from the KLE catalogue, when one is given.
    title: NotRequired[str | None]


class Assessment(TypedDict):
    """One assessment of a goal: a score on a scale from 0 to `scale_max`."""
    # When (a date, or a date-time that orders assessments within a day).
    at: Moment
    # Who assessed.
    by: Assessor
    # The top of the scale, at least 1.
    scale_max: int
    # The score, 0…`scale_max`.
    score: int


class AssessmentView(TypedDict):
    """An assessment as shown: when, and the score on its scale."""
    # When.
    at: Moment
    # The top of its scale.
    scale_max: int
    # The score.
    score: int


# Who made an assessment: the citizen or the caseworker (never a name).
Assessor: TypeAlias = Literal["citizen", "caseworker"]


class Awaiting(TypedDict):
    """Something the citizen has been asked for and has not yet sent."""
    # The deadline, if any.
    deadline: NotRequired[str | None]
    # What is asked for.
    what: str


class Benefit(TypedDict):
    """A benefit (KOMBIT: `BevillingIndeks`)."""
    # The granting case, of the same source (KOMBIT: `Bevillingssag`).
    case_id: NotRequired[str | None]
    # The date the benefit was created.
    created: str
    # The outstanding amount the citizen owes back, in øre.
    debt_ore: NotRequired[int | None]
    # The grant.
    grant: Grant
    # The benefit's id, unique within `source`.
    id: str
    # KLE subject number, as the source wrote it (checked by the engine).
    kle: NotRequired[str | None]
    # The benefit's name [BevilgetYdelse Navn], e.g. `Kontanthjælp`.
    name: str
    # Who pays (KOMBIT: `Udbetalingsafdeling`): the municipality or Udbetaling Danmark.
    payer: NotRequired[Payer | None]
    # Payments made or planned (KOMBIT: `OekonomiskEffektuering`).
    payments: NotRequired[list[Payment]]
    # CPR number of the recipient, as written; absent when the recipient is not a person.
    recipient: NotRequired[str | None]
    # Sensitivity level; `ikke_fortrolige` when absent (KOMBIT: `Foelsomhed`).
    sensitivity: NotRequired[Sensitivity]
    # Source system id, e.g. `KY`.
    source: str
    # Annulled or registered in error.
    void: NotRequired[bool]
    # Never shown to anyone [Visningsklasse "Visning undtaget for borger"].
    withheld_from_citizen: NotRequired[bool]
    # Shown to the subject only (third-party information, risk of harm).
    withheld_from_representatives: NotRequired[bool]


class BenefitStatus(TypedDict):
    """A benefit's status as shown."""
    # The status code.
    code: BenefitStatusCode
    # The first payment on or after `as_of`, while paying.
    next_payment: NotRequired[NextPayment | None]
    # Since when: creation (granted), grant start (paying), stop (stopped), the day after the grant's end (ended).
    since: str
    # Its text in the request's language.
    text: str


# A benefit's status code.
BenefitStatusCode: TypeAlias = Literal["granted", "paying", "stopped", "ended"]


class BenefitView(TypedDict):
    """A visible benefit."""
    # What the viewer may do with the benefit: no action applies to benefits today, so
    # this is always empty.
    actions: NotRequired[list[Action]]
    # The main group.
    area: Area
    # The granting case, when that case is shown too.
    case_id: NotRequired[str | None]
    # What the citizen owes back, in øre.
    debt_ore: NotRequired[int | None]
    # The grant, as the source gave it.
    grant: Grant
    # The benefit's id.
    id: str
    # The KLE subject number.
    kle: str
    # A link to the specialist system's portal or a borger.dk article, when the policy
    # gives one for the record's area.
    link: NotRequired[LinkView | None]
    # Its name, e.g. `Kontanthjælp`.
    name: str
    # Net total of the listed `paid` payments, in øre.
    paid_total_ore: int
    # Who pays, when the source says (KOMBIT: `Udbetalingsafdeling`).
    payer: NotRequired[Payer | None]
    # The payments listed (from the policy's from-date on), by disposition date.
    payments: list[Payment]
    # Source system.
    source: str
    # Its status.
    status: BenefitStatus


class Case(TypedDict):
    """A case (KOMBIT: `Sag`)."""
    # The caseworker: input only, never output.
    caseworker: NotRequired[Caseworker | None]
    # The date the case arose.
    created: str
    # Document titles (never contents).
    documents: NotRequired[list[Document]]
    # Handlingsfacet (KOMBIT: `Handlingsklasse`), as the source wrote it (checked by the engine).
    facet: NotRequired[str | None]
    # Case number (KOMBIT: `Sagsnummer`), unique within `source`.
    id: str
    # KLE subject number [Primær klasse], as the source wrote it (checked by the engine).
    kle: NotRequired[str | None]
    # The source system's own status text (KOMBIT: `Sagsstatus`).
    local_status: NotRequired[str | None]
    # The decision's outcome (KOMBIT: `Afgørelsesklasse`).
    outcome: NotRequired[Outcome | None]
    # The parties (KOMBIT: `Sagspart`).
    parties: NotRequired[list[Party]]
    # The progress history (KOMBIT: `FremdriftStatusKode`).
    progress: NotRequired[list[Progress]]
    # What the municipality has asked the citizen for.
    requests: NotRequired[list[InfoRequest]]
    # Sensitivity level; `ikke_fortrolige` when absent (KOMBIT: `Foelsomhed`).
    sensitivity: NotRequired[Sensitivity]
    # Source system id, e.g. `KSD`, `KY`, `DOMUS`.
    source: str
    # The case title the public may see (KOMBIT: `Titel`).
    title: NotRequired[str]
    # The title may not be shown (KOMBIT: `OffentlighedUndtaget`).
    title_restricted: NotRequired[bool]
    # Annulled or registered in error.
    void: NotRequired[bool]
    # Never shown to anyone [Visningsklasse "Visning undtaget for borger"].
    withheld_from_citizen: NotRequired[bool]
    # Shown to the subject only (third-party information, risk of harm).
    withheld_from_representatives: NotRequired[bool]


class CaseStatus(TypedDict):
    """A case's status as shown."""
    # Open requests, earliest deadline first (those without a deadline last).
    awaiting: NotRequired[list[Awaiting]]
    # The status code.
    code: CaseStatusCode
    # `created` + the policy's processing days, until the case is decided or closed.
    expected_decision_by: NotRequired[str | None]
    # The decision's outcome, shown while the case is decided or closed.
    outcome: NotRequired[Outcome | None]
    # The outcome's text.
    outcome_text: NotRequired[str | None]
    # Whether `as_of` is after `expected_decision_by`.
    overdue: NotRequired[bool | None]
    # The date of the deciding entry (for `awaiting_you`, of the latest open request).
    since: str
    # Its text in the request's language.
    text: str


# A case's status code.
CaseStatusCode: TypeAlias = Literal["received", "in_progress", "awaiting_you", "decided", "closed"]


class CaseView(TypedDict):
    """A visible case."""
    # What the viewer may do with the case (docs/plans-and-actions.md).
    actions: NotRequired[list[Action]]
    # The main group.
    area: Area
    # The date the case arose.
    created: str
    # Document titles, when the policy shows them.
    documents: NotRequired[list[DocumentView] | None]
    # Case number.
    id: str
    # The KLE subject number.
    kle: str
    # A link to the specialist system's portal or a borger.dk article, when the policy
    # gives one for the record's area.
    link: NotRequired[LinkView | None]
    # The source system's own status text, when the policy shows it.
    local_status: NotRequired[str | None]
    # Source system.
    source: str
    # Its status.
    status: CaseStatus
    # The title shown: the case title, or the KLE subject title where the title may not be shown.
    title: str


class Caseworker(TypedDict):
    """The caseworker. Read, never output."""
    # Initials.
    initials: NotRequired[str | None]
    # Name.
    name: NotRequired[str | None]


class Catalogue(TypedDict):
    """The KLE catalogue (emneplan): titles and validity of main groups, groups and subjects."""
    # Every main group, group and subject, in document order.
    entries: list[CatalogueEntry]
    # The publication date of the emneplan (`UdgivelsesDato`), when known.
    published: NotRequired[str | None]


class CatalogueEntry(TypedDict):
    """One main group, group or subject of the KLE catalogue."""
    # The date the number was created (`OprettetDato`).
    created: NotRequired[str | None]
    # The date the number expired (`UdgaaetDato`).
    expired: NotRequired[str | None]
    # `32` (main group), `32.24` (group) or `32.24.04` (subject).
    number: str
    # The number that replaces this one (`AfloestAf`).
    replaced_by: NotRequired[str | None]
    # The title, e.g. `Hjælp til forsørgelse`.
    title: str


class ClassRoles(TypedDict):
    """Sagsklasse role UUIDs (each list is added to the published default, where one exists)."""
    # Afgørelsesklasse (→ `outcome`). When empty, any other class whose key or UUID is
    # in `outcomes` gives the outcome.
    decision: NotRequired[list[str]]
    # Handlingsklasse (→ `facet`); default `05ef7011-11a7-4e4c-a46b-3de6aa457fc3`.
    handling: NotRequired[list[str]]
    # Primær klasse (→ `kle`); default `a86c6581-ec85-412d-a655-31a1f1d5b14f`.
    primary: NotRequired[list[str]]


class Consent(TypedDict):
    """A consent (`samtykke`) or objection (`frabedelse`) from the subject about a recipient."""
    # The consent's id.
    id: str
    # Consent or objection.
    kind: ConsentKind
    # Purposes; `view` is the one this library acts on.
    purposes: NotRequired[list[str]]
    # The person it is about.
    recipient: Cpr
    # The day it was revoked, if it was.
    revoked_at: NotRequired[str | None]
    # What it covers; absent fields mean no limit.
    scope: NotRequired[ConsentScope]
    # The person who gave it.
    subject: Cpr
    # First day in force.
    valid_from: str
    # Last day in force, if it ends.
    valid_to: NotRequired[str | None]


# Consent or objection.
ConsentKind: TypeAlias = Literal["samtykke", "frabedelse"]


class ConsentScope(TypedDict):
    """What a consent or objection covers. Absent fields mean no limit; where both are
    given a record must match both.
    """
    # KLE patterns covered.
    kle: NotRequired[list[KlePattern] | None]
    # The records covered, by source and id.
    record_ids: NotRequired[list[RecordRef] | None]


# CPR number, DDMMYYSSSS or DDMMYY-SSSS; the date part must be a real date.
Cpr: TypeAlias = str


# A document's direction.
Direction: TypeAlias = Literal["incoming", "outgoing"]


class Document(TypedDict):
    """A document of a case: its title and date only."""
    # Its date.
    date: str
    # Incoming (from the citizen) or outgoing (to the citizen).
    direction: Direction
    # The document's title.
    title: str
    # Never listed, counted or notified [the document's own Visningsklasse in SF1470].
    withheld_from_citizen: NotRequired[bool]


class DocumentView(TypedDict):
    """A document title shown with a case."""
    # The date.
    date: str
    # Incoming or outgoing.
    direction: Direction
    # The title.
    title: str


# The stable machine code of an [`Error`].
ErrorCode: TypeAlias = Literal["invalid_json", "invalid_input", "invalid_policy", "limit_exceeded", "internal", "null_argument"]


class ErrorObject(TypedDict):
    """An error with a code, a message and a path.

    The message says what was expected and never echoes the offending value; any run of
    six or more digits is removed from it, so no CPR number can reach a log through it.
    """
    # The stable machine code.
    code: ErrorCode
    # What was expected, in English. Never contains the offending value.
    message: str
    # Where in the input: `cases[3].kle`; empty for the whole input.
    path: str


class Explanation(TypedDict):
    """Why each record is, or is not, visible."""
    # The day evaluated.
    as_of: str
    # One entry per input record: cases, then benefits, appointments and plans, in input order.
    entries: list[ExplanationEntry]
    # The policy's id.
    policy: str
    # The viewer's role.
    viewer_role: Role


class ExplanationEntry(TypedDict):
    """The decision on one record."""
    # For a visible record, every action of its kind, offered or with every reason it is
    # not (docs/plans-and-actions.md); empty for a hidden record and for benefits.
    actions: list[ActionCheck]
    # Its id, with any CPR number inside it masked `DDMMYY-XXXX`
    # ([`crate::cpr::mask_cpr_numbers`]).
    id: str
    # The kind of record.
    kind: ItemKind
    # Every rule that denies, in rule order.
    reasons: list[Reason]
    # What permitted it.
    rules: list[str]
    # Its source system.
    source: str
    # Whether the viewer may see it.
    visible: bool


# A KLE handlingsfacet: one of A P S Ø G K I and two digits.
Facet: TypeAlias = str


# How often payments are made. Only monthly for now.
Frequency: TypeAlias = Literal["monthly"]


class Goal(TypedDict):
    """A goal of a plan."""
    # Assessments of how far the goal is reached.
    assessments: NotRequired[list[Assessment]]
    # The goal's id within the plan.
    id: str
    # The day it was set.
    set: str
    # Its status.
    status: GoalState
    # The day it got that status.
    status_at: NotRequired[str | None]
    # What the goal is.
    text: str


# A goal's status as the source writes it.
GoalState: TypeAlias = Literal["active", "achieved", "not_achieved", "cancelled"]


class GoalStatus(TypedDict):
    """A goal's status with its text."""
    # The code.
    code: GoalStatusCode
    # The day the goal got this status, when the source says (for `active`: when it was set).
    since: str
    # The default text in the overview's language.
    text: str


# A goal's status as shown.
GoalStatusCode: TypeAlias = Literal["active", "achieved", "not_achieved", "cancelled"]


class GoalView(TypedDict):
    """A goal as shown."""
    # The caseworker's latest assessment on or before the overview's day.
    caseworker_assessment: NotRequired[AssessmentView | None]
    # The citizen's latest assessment on or before the overview's day.
    citizen_assessment: NotRequired[AssessmentView | None]
    # The goal's id.
    id: str
    # The day it was set.
    set: str
    # Its status on the overview's day.
    status: GoalStatus
    # What the goal is.
    text: str


# A grant (KOMBIT: `Bevilling`): its period, amount and payment plan.
Grant = TypedDict(
    "Grant",
    {
        # The granted amount per period, in øre (not negative).
        "amount_ore": int,
        # First day of the grant.
        "from": str,
        # The payment plan; absent for one-off benefits.
        "plan": NotRequired[PaymentPlan | None],
        # Whether the benefit must be paid back.
        "repayable": NotRequired[bool],
        # Payment stopped from this day.
        "stopped_from": NotRequired[str | None],
        # Last day of the grant, if it ends.
        "to": NotRequired[str | None],
    },
)


# A URL that starts with `https://` and has a host: the only links a policy may give.
HttpsUrl: TypeAlias = str


# One include rule.
IncludeRule = TypedDict(
    "IncludeRule",
    {
        # When given, a case's facet must be one of these.
        "facets": NotRequired[list[Facet] | None],
        # Records created before this day are hidden (see `show_active_before_from`).
        "from": NotRequired[str | None],
        # The KLE pattern.
        "pattern": KlePattern,
    },
)


class InfoRequest(TypedDict):
    """Something the municipality has asked the citizen for."""
    # The deadline, if any.
    deadline: NotRequired[str | None]
    # The day it was received, if it has been.
    fulfilled: NotRequired[str | None]
    # The day it was asked for.
    requested: str
    # What is asked for, in words the citizen understands.
    what: str


# The kind of one record, in explanations and notifications.
ItemKind: TypeAlias = Literal["case", "benefit", "appointment", "plan"]


# A KLE pattern: * (everything), 32.* (a main group), 32.24.* (a group) or 32.24.04 (one subject); 32 and 32.24 are accepted for 32.* and 32.24.*.
KlePattern: TypeAlias = str


class KleRules(TypedDict):
    """The KLE include and exclude lists."""
    # And none of these.
    exclude: NotRequired[list[KlePattern]]
    # A record's number must match one of these.
    include: NotRequired[list[IncludeRule]]


# The language of the output texts.
Language: TypeAlias = Literal["da", "en"]


class Limits(TypedDict):
    """Input limits. Requests beyond them are refused with `limit_exceeded`."""
    # Most consents and objections in one request.
    max_consents: NotRequired[int]
    # Deepest JSON nesting.
    max_depth: NotRequired[int]
    # Longest mandate or consent id, in bytes (an id is repeated in the explanation's
    # rules of every record it permits).
    max_id_bytes: NotRequired[int]
    # Largest request, in bytes of JSON.
    max_input_bytes: NotRequired[int]
    # Most payments in one benefit, progress entries, documents or requests in one
    # case, goals or activities in one plan.
    max_items_per_record: NotRequired[int]
    # Most mandates in one request.
    max_mandates: NotRequired[int]
    # Most `PrivilegeGroup` elements in a NemLog-in `privileges_intermediate` claim.
    max_privilege_groups: NotRequired[int]
    # Most `record_ids` in one consent's scope.
    max_record_ids: NotRequired[int]
    # Most records (cases + benefits + appointments + plans) in one request.
    max_records: NotRequired[int]
    # Most KLE patterns in one mandate's or consent's scope.
    max_scope_patterns: NotRequired[int]
    # Longest string, in bytes.
    max_string_bytes: NotRequired[int]


class Link(TypedDict):
    """A link given to each visible record of an area (the most specific pattern applies)."""
    # The KLE pattern.
    pattern: KlePattern
    # The link's text in each language.
    text: LinkText
    # Where the link goes: an `https` URL.
    url: HttpsUrl


class LinkText(TypedDict):
    """A link's text, in Danish and English."""
    # Danish.
    da: str
    # English.
    en: str


class LinkView(TypedDict):
    """A link shown with a visible record: the policy's most specific matching `links` entry,
    its text in the request's language. Only `https` URLs ever get here.
    """
    # Its text in the request's language.
    text: str
    # Where the link goes.
    url: str


class Mandate(TypedDict):
    """A mandate: the holder may act for the subject within a scope and a period."""
    # Who holds it.
    holder: Cpr
    # The mandate's id.
    id: str
    # Its kind.
    kind: MandateKind
    # `read`, `act` (includes read) or privilege URIs that the policy maps to one of them.
    privileges: NotRequired[list[str]]
    # The day it was revoked, if it was.
    revoked_at: NotRequired[str | None]
    # What it covers; absent fields mean no limit.
    scope: NotRequired[MandateScope]
    # Whom it is for.
    subject: Cpr
    # First day in force.
    valid_from: str
    # Last day in force, if it ends.
    valid_to: NotRequired[str | None]


# The kind of a mandate.
MandateKind: TypeAlias = Literal["fuldmagt", "vaergemaal", "foraeldremyndighed"]


class MandateScope(TypedDict):
    """What a mandate covers. An absent field means no limit on that axis."""
    # KLE patterns covered.
    kle: NotRequired[list[KlePattern] | None]
    # The highest sensitivity covered.
    max_sensitivity: NotRequired[Sensitivity | None]
    # The kinds of record covered.
    records: NotRequired[list[RecordKind] | None]


# A date YYYY-MM-DD or an RFC 3339 date-time.
Moment: TypeAlias = str


class NextPayment(TypedDict):
    """The next payment of a benefit being paid."""
    # The disposition date.
    date: str
    # Gross amount in øre: the planned payment's, or the grant's amount.
    gross_ore: NotRequired[int | None]
    # Net amount in øre, when a planned payment gives it.
    net_ore: NotRequired[int | None]


class Notification(TypedDict):
    """One change."""
    # What happened.
    code: NotificationCode
    # The record it happened to.
    record: NotifiedRecord
    # A short text in the overview's language.
    text: str
    # The record's title as the overview shows it (case title, benefit name, appointment role).
    title: str


# The kinds of change.
NotificationCode: TypeAlias = Literal["case.new", "case.status_changed", "case.decided", "case.awaiting_you", "benefit.new", "benefit.status_changed", "payment.new", "appointment.new", "appointment.changed", "appointment.cancelled", "plan.new", "plan.goal_changed", "plan.activity_new", "plan.follow_up_changed", "reminder.deadline"]


class Notifications(TypedDict):
    """The notifications since an earlier overview."""
    # The later overview's day.
    as_of: str
    # What changed: cases (each followed by its deadline reminders), then benefits and
    # their payments, then appointments, then plans, each in the later overview's order.
    notifications: list[Notification]
    # The earlier overview's day.
    since: str


class NotifiedRecord(TypedDict):
    """The record a notification is about."""
    # Id.
    id: str
    # Case, benefit or appointment.
    kind: ItemKind
    # For `payment.new`: the payment's id.
    payment_id: NotRequired[str | None]
    # Source system.
    source: str


# A decision's outcome (KOMBIT: `Afgørelsesklasse`).
Outcome: TypeAlias = Literal["bevilget", "delvist_bevilget", "afslag", "afvist"]


class Overview(TypedDict):
    """The citizen's overview. Hidden records leave no trace in it."""
    # Visible appointments not ended before `as_of`, earliest first.
    appointments: list[AppointmentView]
    # The day the overview is made for.
    as_of: str
    # Visible benefits, latest payment first.
    benefits: list[BenefitView]
    # Visible cases, latest status change first.
    cases: list[CaseView]
    # The language of its texts.
    language: Language
    # Visible plans, latest status change first (docs/plans-and-actions.md). Absent in an
    # overview made before plans existed, which reads as none.
    plans: NotRequired[list[PlanView]]
    # The subject's CPR number, masked `DDMMYY-XXXX`.
    subject: str
    # Totals over the visible benefits.
    totals: Totals
    # The viewer's role.
    viewer_role: Role


class Party(TypedDict):
    """A party to a case (KOMBIT: `Sagspart`): a person (`cpr`) or a company (`cvr`).

    The CPR number is kept as written; a malformed one does not identify anybody.
    """
    # CPR number of a person, as written by the source.
    cpr: NotRequired[str | None]
    # CVR number of a company.
    cvr: NotRequired[str | None]
    # The party's role.
    role: PartyRole
    # First day the party counts [Sagspart Virkning FraTidspunkt]; always when absent.
    valid_from: NotRequired[str | None]
    # Last day the party counts [Sagspart Virkning TilTidspunkt]; open-ended when absent.
    # SF1470 ends a relation by ending its validity, never by deleting it.
    valid_to: NotRequired[str | None]


# A party's role in a case.
PartyRole: TypeAlias = Literal["primary", "secondary", "recipient", "owner"]


class Payer(TypedDict):
    """Who pays a benefit [OekonomiskEffektuering Udbetalingsafdeling]."""
    # The kind of payer.
    kind: PayerKind
    # The paying office's name as the source gives it, e.g. `Ydelsesservice`.
    name: str


# The kind of a benefit's payer.
PayerKind: TypeAlias = Literal["municipality", "udbetaling_danmark", "other"]


class Payment(TypedDict):
    """One payment (KOMBIT: `OekonomiskEffektuering`)."""
    # The day the money is at the citizen's disposal.
    disposition_date: str
    # Gross amount in øre (not negative).
    gross_ore: int
    # The payment's id, unique within its benefit.
    id: str
    # Net amount in øre after tax (not negative).
    net_ore: int
    # First day of the period paid for.
    period_from: str
    # Last day of the period paid for.
    period_to: str
    # The payment's status.
    status: PaymentStatus


# When in the month a payment falls.
PaymentDay: TypeAlias = Literal["last_banking_day", "first_banking_day"] | PaymentDayDayOfMonth


class PaymentDayDayOfMonth(TypedDict):
    """Day N of the month (1 to 31; beyond the month's end means its last day), moved back
    to the preceding banking day when it is not one — possibly into the previous month.
    Constructed in code, 0 counts as 1.
    """
    day_of_month: int


class PaymentPlan(TypedDict):
    """A payment plan [OekonomiskEffektueringsplan]: how often, on which day, and whether a payment pays for the month it is made in (in arrears) or the next (in advance)."""
    # How often payments are made.
    frequency: Frequency
    # True when a payment made in month M pays for month M+1; false (the default) when it
    # pays for month M.
    in_advance: NotRequired[bool]
    # When in the month a payment falls.
    payment_day: PaymentDay


# A payment's status.
PaymentStatus: TypeAlias = Literal["planned", "paid", "stopped", "annulled"]


class Plan(TypedDict):
    """A plan: the fourth record kind, decided by the same rules as cases."""
    # The plan's activities.
    activities: NotRequired[list[Activity]]
    # The day the citizen approved it.
    approved_on: NotRequired[str | None]
    # The case it belongs to, of the same source.
    case_id: NotRequired[str | None]
    # The date the plan was made.
    created: str
    # Handlingsfacet as written.
    facet: NotRequired[str | None]
    # The plan's goals.
    goals: NotRequired[list[Goal]]
    # The plan's id, unique within `source`.
    id: str
    # The kind of plan.
    kind: PlanKind
    # KLE subject number as written; when absent, the case's number is used.
    kle: NotRequired[str | None]
    # The date of the next follow-up, if one is set.
    next_follow_up: NotRequired[str | None]
    # The parties, as for cases.
    parties: NotRequired[list[Party]]
    # When the plan runs.
    period: PlanPeriod
    # The plan needs the citizen's approval (Jobnet).
    requires_approval: NotRequired[bool]
    # Sensitivity level; `ikke_fortrolige` when absent.
    sensitivity: NotRequired[Sensitivity]
    # Source system id, e.g. `DOMUS`.
    source: str
    # The plan's title the public may see.
    title: NotRequired[str]
    # The title may not be shown: the KLE subject title is shown instead.
    title_restricted: NotRequired[bool]
    # Annulled or registered in error.
    void: NotRequired[bool]
    # Never shown to anyone.
    withheld_from_citizen: NotRequired[bool]
    # Shown to the subject only.
    withheld_from_representatives: NotRequired[bool]


# The kind of a plan.
PlanKind: TypeAlias = Literal["handleplan", "indsatsplan", "jobplan", "genoptraeningsplan", "other"]


# When a plan runs: from a day, to an optional day.
PlanPeriod = TypedDict(
    "PlanPeriod",
    {
        # First day.
        "from": str,
        # Last day, if the plan has one.
        "to": NotRequired[str | None],
    },
)


class PlanStatus(TypedDict):
    """A plan's status on the overview's day."""
    # `upcoming`, `active` or `ended`.
    code: PlanStatusCode
    # Since when: `created` while upcoming, `period.from` while active, the day after
    # `period.to` once ended.
    since: str
    # The default text in the overview's language.
    text: str


# A plan's status.
PlanStatusCode: TypeAlias = Literal["upcoming", "active", "ended"]


class PlanView(TypedDict):
    """A visible plan."""
    # What the viewer may do with the plan (docs/plans-and-actions.md).
    actions: NotRequired[list[Action]]
    # Its activities, by first day, then id.
    activities: list[ActivityView]
    # The main group.
    area: Area
    # The plan needs the citizen's approval and has not had it by the overview's day.
    awaiting_approval: bool
    # The case it belongs to, when that case is shown too.
    case_id: NotRequired[str | None]
    # The date it was made.
    created: str
    # Whether the overview's day is after the next follow-up (present with it).
    follow_up_overdue: NotRequired[bool | None]
    # Its goals, by the day they were set, then id.
    goals: list[GoalView]
    # Goals achieved.
    goals_achieved: int
    # Goals not cancelled.
    goals_total: int
    # The plan's id.
    id: str
    # The kind of plan.
    kind: PlanKind
    # The KLE subject number (its own or its case's).
    kle: str
    # A link to the specialist system's portal or a borger.dk article, when the policy
    # gives one for the plan's area.
    link: NotRequired[LinkView | None]
    # The next follow-up, if one is set.
    next_follow_up: NotRequired[str | None]
    # When it runs.
    period: PlanPeriod
    # Source system.
    source: str
    # Its status.
    status: PlanStatus
    # The title shown: the plan's title, or the KLE subject title where it may not be shown.
    title: str


class Policy(TypedDict):
    """A municipality's configuration, compiled once into an [`crate::Engine`]."""
    # The actions enabled per KLE pattern (docs/plans-and-actions.md); none when absent.
    actions: NotRequired[list[ActionRule]]
    # From this age a parent sees a record only under the child's consent; 15 when absent.
    child_consent_age: NotRequired[int]
    # The policy's id, e.g. `kk-2026-11`.
    id: str
    # Which subject numbers are shown.
    kle: KleRules
    # Input limits; safe defaults when absent.
    limits: NotRequired[Limits]
    # Links to a specialist portal or a borger.dk article, per KLE pattern.
    links: NotRequired[list[Link]]
    # The highest sensitivity shown; `vip` when absent.
    max_sensitivity: NotRequired[Sensitivity]
    # Records never shown to a parent.
    parent_restricted: NotRequired[list[KlePattern]]
    # Privilege URIs mapped to `read` or `act`.
    privileges: NotRequired[dict[str, PrivilegeLevel]]
    # Expected processing times.
    processing_days: NotRequired[list[ProcessingDays]]
    # How many days before a request's deadline `reminder.deadline` is notified; 3 when absent.
    reminder_days: NotRequired[int]
    # Party roles other than `primary` that may see a case, per KLE pattern.
    secondary_party_access: NotRequired[list[SecondaryPartyAccess]]
    # Show cases created before their rule's `from` while they are not closed.
    show_active_before_from: NotRequired[bool]
    # Show document titles of cases.
    show_document_titles: NotRequired[bool]
    # Show the source system's own status text.
    show_local_status: NotRequired[bool]
    # When a list, only records from these source systems are shown.
    sources: NotRequired[list[str] | None]
    # Where case titles come from.
    title_mode: NotRequired[TitleMode]


# What a privilege URI grants.
PrivilegeLevel: TypeAlias = Literal["read", "act"]


class Problem(TypedDict):
    """One problem: a code (as in explanations), where, and what was expected."""
    # `kle.invalid`, `subject.no_cpr`, `case.missing`, `error.invalid_amount`, `error.score_invalid`, ….
    code: str
    # What was expected (never the value).
    message: str
    # Where: `cases[3].kle`.
    path: str


class ProcessingDays(TypedDict):
    """An expected processing time for a KLE pattern."""
    # Days from `created` to the expected decision.
    days: int
    # The KLE pattern.
    pattern: KlePattern


class Progress(TypedDict):
    """One entry of a case's progress history."""
    # When: a date, or a date-time that orders entries within a day.
    at: Moment
    # The state entered.
    state: ProgressState


# A progress state (KOMBIT: `FremdriftStatusKode`), in lifecycle order.
ProgressState: TypeAlias = Literal["opstaaet", "oplyst", "afgjort", "afsluttet"]


# Why a record is hidden: the reason codes of docs/rules.md, in rule order.
Reason: TypeAlias = Literal["record.void", "record.withheld", "subject.no_cpr", "subject.not_party", "kle.invalid", "case.hidden", "kle.not_included", "kle.excluded", "date.before_from", "source.not_enabled", "sensitivity.above_limit", "viewer.not_subject", "mandate.missing", "mandate.not_in_force", "mandate.no_read", "mandate.out_of_scope", "mandate.grantor_under_15", "custody.subject_adult", "custody.child_consent_required", "custody.restricted", "consent.missing", "consent.objection", "representative.withheld", "error.too_many_items", "error.invalid_amount", "error.invalid_period", "error.duplicate_payment", "error.amount_overflow", "error.score_invalid"]


# The kind of a record.
RecordKind: TypeAlias = Literal["cases", "benefits", "appointments", "plans"]


class RecordRef(TypedDict):
    """A reference to one record: its source system and its id there."""
    # The record's id within that source.
    id: str
    # Source system id, e.g. `KSD`.
    source: str


class Represented(TypedDict):
    """Everyone the viewer may act for on `as_of`."""
    # The day the list is for.
    as_of: str
    # One entry per usable mandate, sorted by subject, role and mandate id.
    represented: list[RepresentedEntry]


class RepresentedEntry(TypedDict):
    """One usable mandate: whom it is for and what it covers."""
    # The mandate's id.
    mandate_id: str
    # The role the mandate gives the viewer: `proxy`, `guardian` or `parent`.
    role: Role
    # What the mandate covers; absent fields mean no limit.
    scope: MandateScope
    # The subject, masked `DDMMYY-XXXX`.
    subject: str
    # The mandate's last day in force, if it ends.
    valid_to: NotRequired[str | None]


class RepresentedRequest(TypedDict):
    """The input of [`represented`](crate::Engine::represented): the parts of a request that
    say whom the viewer holds mandates for.
    """
    # The day the list is for.
    as_of: str
    # The mandates known for the viewer (others are ignored).
    mandates: NotRequired[list[Mandate]]
    # A NemLog-in privileges claim (base64 XML); its fuldmagter count as mandates.
    privileges_intermediate: NotRequired[str | None]
    # What is known of the subjects: a subject's `deceased_on` ends every fuldmagt for
    # them from that day, as in the overview.
    subjects: NotRequired[list[Subject]]
    # Who is choosing whom to act for.
    viewer: RepresentedViewer


class RepresentedViewer(TypedDict):
    """The viewer of a [`RepresentedRequest`]."""
    # The viewer's CPR number.
    cpr: Cpr
    # Only list mandates for this role (`proxy`, `guardian` or `parent`; `self` and
    # `relative` need no mandate and list none). Absent: every role.
    role: NotRequired[Role | None]


class Request(TypedDict):
    """A request: the subject's records, the viewer, and the day the overview is made for."""
    # The subject's appointments.
    appointments: NotRequired[list[Appointment]]
    # The day the overview is made for (the library reads no clock).
    as_of: str
    # The subject's benefits.
    benefits: NotRequired[list[Benefit]]
    # The subject's cases.
    cases: NotRequired[list[Case]]
    # Consents and objections given by the subject.
    consents: NotRequired[list[Consent]]
    # The language of texts; `da` when absent.
    language: NotRequired[Language]
    # Mandates held for the subject.
    mandates: NotRequired[list[Mandate]]
    # The subject's plans (docs/plans-and-actions.md).
    plans: NotRequired[list[Plan]]
    # The viewer's NemLog-in `privileges_intermediate` claim (base64 OIO Basic Privilege
    # Profile XML), if the login carried one: it becomes fuldmagt mandates in force on `as_of`.
    privileges_intermediate: NotRequired[str | None]
    # The citizen whose records these are.
    subject: Subject
    # Who is looking (authenticated by the caller).
    viewer: Viewer


# The viewer's role.
Role: TypeAlias = Literal["self", "proxy", "guardian", "parent", "relative"]


class SecondaryPartyAccess(TypedDict):
    """Party roles that may see cases matching a pattern."""
    # The KLE pattern.
    pattern: KlePattern
    # The roles that may see.
    roles: list[PartyRole]


# Sensitivity level (SDI "Følsomhed"), ordered `ikke_fortrolige` < `fortrolige` <
# `foelsomme` < `vip`.
Sensitivity: TypeAlias = Literal["ikke_fortrolige", "fortrolige", "foelsomme", "vip"]


class SourceProfile(TypedDict):
    """A municipality's source profile."""
    # Sagsklasse role UUIDs.
    class_roles: NotRequired[ClassRoles]
    # The direction given to documents read from a Sag: SF1470's Sag does not carry it
    # (it is on the Dokument object). Default `incoming`.
    document_direction: NotRequired[Direction]
    # Afgørelsesklasse key (`BrugervendtNoegle`) or UUID → outcome. Unmapped: no outcome.
    outcomes: NotRequired[dict[str, Outcome]]
    # Sagspart role UUIDs → party role, added to the published default (Primær part →
    # `primary`). A role not listed is not read: an unknown role is never the primary party.
    party_roles: NotRequired[dict[str, PartyRole]]
    # Bevillingspart role UUIDs of the recipient (Ydelsesmodtager). When empty, the one
    # Bevillingspart with a CPR number is the recipient, and none when there are several.
    recipient_roles: NotRequired[list[str]]
    # Source system id for every record read, instead of the document's own
    # (`SagsitsystemRelation/SystemNavn`, `ItSystem/SystemNavn`).
    source: NotRequired[str | None]
    # Visningsklasse keys (`BrugervendtNoegle`) that withhold.
    withholding_keys: NotRequired[list[str]]
    # Visningsklasse titles (`Klassetitel`) that withhold a case or document from the
    # citizen; compared ignoring case and surrounding spaces. Default: "Visning undtaget
    # for borger".
    withholding_titles: NotRequired[list[str]]


class Subject(TypedDict):
    """The citizen the request is about."""
    # The subject's CPR number.
    cpr: Cpr
    # The day the subject died, if they have; every fuldmagt ends from that day.
    deceased_on: NotRequired[str | None]


# Where case titles come from.
TitleMode: TypeAlias = Literal["source", "kle"]


class Totals(TypedDict):
    """Totals over the visible benefits. A total that does not fit in 64 bits is left out
    and flagged (`overflow`, `debt_overflow`) instead of rejecting the overview; it is
    summed exactly, so it does not depend on the order of the records.
    """
    # Sum of `debt_ore` over the visible benefits; absent when it does not fit in 64
    # bits (then `debt_overflow` is true).
    debt_ore: NotRequired[int | None]
    # True when the sum of `debt_ore` does not fit in 64 bits and is left out.
    debt_overflow: NotRequired[bool]
    # Net amounts of listed `paid` payments by calendar year of disposition date, ascending.
    paid_by_year: list[YearTotal]


class ValidationReport(TypedDict):
    """The problems found in a request that parsed."""
    # Every problem, in input order.
    problems: list[Problem]
    # True when there are no problems.
    valid: bool


class Viewer(TypedDict):
    """Who is looking, and in which role."""
    # The viewer's CPR number.
    cpr: Cpr
    # The role the viewer claims.
    role: Role


class YearTotal(TypedDict):
    """The net amount paid in one calendar year."""
    # Net amount in øre; absent when it does not fit in 64 bits (then `overflow` is true).
    net_ore: NotRequired[int | None]
    # True when the year's net amount does not fit in 64 bits and is left out.
    overflow: NotRequired[bool]
    # The year.
    year: int
