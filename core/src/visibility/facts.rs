//! The facts the rules look at, gathered once per record: its flags, its subject number
//! (an appointment or plan without one takes its case's, when that case is shown), its facet,
//! whether the subject is a party, and its dates.

use crate::cpr::Cpr;
use crate::kle::{Facet, KleNumber};
use crate::model::{
    Appointment, Benefit, Case, Party, PartyRole, Payment, Plan, RecordFlags, RecordKind, Request,
};
use crate::status::is_closed;
use chrono::NaiveDate;
use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};

/// The flags every kind of record carries under the same field names.
macro_rules! flags_of {
    ($record:expr) => {
        RecordFlags {
            sensitivity: $record.sensitivity,
            withheld_from_citizen: $record.withheld_from_citizen,
            withheld_from_representatives: $record.withheld_from_representatives,
            void: $record.void,
        }
    };
}

/// A record's subject number as the rules see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum KleFact {
    /// A well-formed number (the record's own, or its case's).
    Valid(KleNumber),
    /// Missing or malformed.
    Invalid,
    /// An appointment or plan without a number whose case is not shown.
    CaseHidden,
}

/// The dates rule V7 looks at. What takes a pass over a record's lists (a case's
/// progress, a benefit's payments) is worked out only when V7 asks, which is only for a
/// record created before its include rule's from-date.
#[derive(Debug, Clone, Copy)]
pub(crate) enum DateFact<'a> {
    /// A case or plan: its creation date and whether it is closed on `as_of`.
    Case {
        created: NaiveDate,
        closed: Closed<'a>,
    },
    /// A benefit: its creation date and its payments, whose disposition dates count.
    Benefit {
        created: NaiveDate,
        payments: &'a [Payment],
    },
    /// An appointment: the day it starts.
    Appointment { start: NaiveDate },
}

/// Whether a case or plan is closed on `as_of`, for V7.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Closed<'a> {
    /// A plan's, known from its period.
    Known(bool),
    /// A case's on the given day, worked out from its progress when asked.
    Case(&'a Case, NaiveDate),
}

impl Closed<'_> {
    /// Whether the record is closed.
    pub(crate) fn get(self) -> bool {
        match self {
            Closed::Known(closed) => closed,
            Closed::Case(case, as_of) => is_closed(case, as_of),
        }
    }
}

/// What the rules need to know about one record, gathered once.
#[derive(Debug, Clone)]
pub(crate) struct RecordFacts<'a> {
    pub(crate) kind: RecordKind,
    pub(crate) source: &'a str,
    pub(crate) id: &'a str,
    /// The case a benefit or appointment belongs to (same source), when it names one.
    pub(crate) case_id: Option<&'a str>,
    pub(crate) flags: RecordFlags,
    pub(crate) kle: KleFact,
    /// `None` when absent, `Some(Err(()))` when malformed.
    pub(crate) facet: Option<Result<Facet, ()>>,
    /// Whether any party is identified by a well-formed CPR number.
    pub(crate) any_cpr: bool,
    /// The subject's roles in the record (for benefits and appointments: `primary`).
    pub(crate) subject_roles: RoleSet,
    pub(crate) dates: DateFact<'a>,
}

/// A set of party roles, kept in a byte so that gathering a record's facts allocates nothing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct RoleSet(u8);

impl RoleSet {
    /// The set holding `role` alone.
    pub(crate) fn of(role: PartyRole) -> RoleSet {
        let mut set = RoleSet::default();
        set.insert(role);
        set
    }

    /// Adds a role.
    pub(crate) fn insert(&mut self, role: PartyRole) {
        self.0 |= RoleSet::bit(role);
    }

    /// Whether the set holds `role`.
    pub(crate) fn contains(self, role: PartyRole) -> bool {
        self.0 & RoleSet::bit(role) != 0
    }

    fn bit(role: PartyRole) -> u8 {
        match role {
            PartyRole::Primary => 1,
            PartyRole::Secondary => 2,
            PartyRole::Recipient => 4,
            PartyRole::Owner => 8,
        }
    }
}

/// Whether the CPR number written as `text` is `subject`'s; `None` when malformed.
///
/// Sources mostly write the subject's number exactly as the request's subject was
/// normalised (ten digits), so that case is a byte comparison; anything else is parsed.
fn cpr_is(text: &str, subject: &Cpr) -> Option<bool> {
    if text.as_bytes() == subject.as_bytes() {
        return Some(true);
    }
    Cpr::parse(text).ok().map(|cpr| cpr == *subject)
}

/// Gathers the facts of one request's records. Cases are gathered, and those shown
/// marked with [`RequestFacts::show_case`], before appointments, which may take their
/// subject number from their case.
pub(crate) struct RequestFacts<'r> {
    request: &'r Request,
    /// The subject number of each shown case, by the case's position in the request.
    shown: Vec<Option<KleFact>>,
    /// The shown cases by (source, id): built from `shown` at the first lookup, so that
    /// deciding alone, which never asks, hashes nothing.
    shown_by_key: OnceCell<HashMap<(&'r str, &'r str), KleFact>>,
    /// Every case's (source, id), built at the first lookup that needs it.
    all_cases: OnceCell<HashSet<(&'r str, &'r str)>>,
}

impl<'r> RequestFacts<'r> {
    /// Starts gathering for `request`.
    pub(crate) fn new(request: &'r Request) -> RequestFacts<'r> {
        RequestFacts {
            request,
            shown: vec![None; request.cases.len()],
            shown_by_key: OnceCell::new(),
            all_cases: OnceCell::new(),
        }
    }

    /// Records that the case at `position` of the request, whose subject number is
    /// `kle`, is shown.
    pub(crate) fn show_case(&mut self, position: usize, kle: KleFact) {
        if let Some(slot) = self.shown.get_mut(position) {
            *slot = Some(kle);
        }
        // A lookup before this one saw the cases shown until then.
        self.shown_by_key.take();
    }

    /// Whether the case a benefit or appointment names (if it names one) is shown.
    pub(crate) fn case_shown(&self, source: &str, id: Option<&String>) -> bool {
        id.is_some_and(|id| self.shown_cases().contains_key(&(source, id.as_str())))
    }

    /// The shown cases by (source, id); where two cases share a key, the later counts.
    fn shown_cases(&self) -> &HashMap<(&'r str, &'r str), KleFact> {
        self.shown_by_key.get_or_init(|| {
            let shown = self.request.cases.iter().zip(&self.shown);
            let mut map =
                HashMap::with_capacity(shown.clone().filter(|(_, k)| k.is_some()).count());
            for (case, kle) in shown {
                if let Some(kle) = kle {
                    map.insert((case.source.as_str(), case.id.as_str()), *kle);
                }
            }
            map
        })
    }

    /// Whether the request has a case with this (source, id), shown or not.
    fn has_case(&self, key: &(&str, &str)) -> bool {
        self.all_cases
            .get_or_init(|| {
                self.request
                    .cases
                    .iter()
                    .map(|c| (c.source.as_str(), c.id.as_str()))
                    .collect()
            })
            .contains(key)
    }

    /// The facts of a case.
    pub(crate) fn case(&self, case: &'r Case) -> RecordFacts<'r> {
        let (any_cpr, subject_roles) = self.parties(&case.parties);
        RecordFacts {
            kind: RecordKind::Cases,
            source: &case.source,
            id: &case.id,
            case_id: None,
            flags: flags_of!(case),
            kle: own_kle(case.kle.as_ref()),
            facet: case
                .facet
                .as_deref()
                .map(|f| Facet::parse(f).map_err(|_| ())),
            any_cpr,
            subject_roles,
            dates: DateFact::Case {
                created: case.created,
                closed: Closed::Case(case, self.request.as_of),
            },
        }
    }

    /// Whether any party is identified by a well-formed CPR number, and the subject's roles.
    fn parties(&self, parties: &[Party]) -> (bool, RoleSet) {
        let subject = &self.request.subject.cpr;
        let mut any_cpr = false;
        let mut subject_roles = RoleSet::default();
        for party in parties.iter().filter(|p| p.counts_on(self.request.as_of)) {
            match party.cpr.as_deref().and_then(|c| cpr_is(c, subject)) {
                Some(true) => {
                    any_cpr = true;
                    subject_roles.insert(party.role);
                }
                Some(false) => any_cpr = true,
                None => {}
            }
        }
        (any_cpr, subject_roles)
    }

    /// The facts of a plan: parties as for a case; its number its own or its case's; for
    /// V7 it is dated by `created` and counts as closed once its period has ended.
    pub(crate) fn plan(&self, plan: &'r Plan) -> RecordFacts<'r> {
        let (any_cpr, subject_roles) = self.parties(&plan.parties);
        RecordFacts {
            kind: RecordKind::Plans,
            source: &plan.source,
            id: &plan.id,
            flags: flags_of!(plan),
            kle: self.kle_via_case(plan.kle.as_ref(), &plan.source, plan.case_id.as_deref()),
            facet: plan
                .facet
                .as_deref()
                .map(|f| Facet::parse(f).map_err(|_| ())),
            any_cpr,
            subject_roles,
            dates: DateFact::Case {
                created: plan.created,
                closed: Closed::Known(plan.period.to.is_some_and(|to| to < self.request.as_of)),
            },
            case_id: plan.case_id.as_deref(),
        }
    }

    /// The facts of a benefit: its recipient is its one party.
    pub(crate) fn benefit(&self, benefit: &'r Benefit) -> RecordFacts<'r> {
        let recipient = benefit
            .recipient
            .as_deref()
            .and_then(|c| cpr_is(c, &self.request.subject.cpr));
        RecordFacts {
            kind: RecordKind::Benefits,
            source: &benefit.source,
            id: &benefit.id,
            case_id: benefit.case_id.as_deref(),
            flags: flags_of!(benefit),
            kle: own_kle(benefit.kle.as_ref()),
            facet: None,
            any_cpr: recipient.is_some(),
            subject_roles: primary_if(recipient == Some(true)),
            dates: DateFact::Benefit {
                created: benefit.created,
                payments: &benefit.payments,
            },
        }
    }

    /// The facts of an appointment: its participants are its parties.
    pub(crate) fn appointment(&self, appointment: &'r Appointment) -> RecordFacts<'r> {
        let mut any_cpr = false;
        let mut is_participant = false;
        for participant in &appointment.participants {
            if let Some(is_subject) = cpr_is(participant, &self.request.subject.cpr) {
                any_cpr = true;
                is_participant |= is_subject;
            }
        }
        RecordFacts {
            kind: RecordKind::Appointments,
            source: &appointment.source,
            id: &appointment.id,
            case_id: appointment.case_id.as_deref(),
            flags: flags_of!(appointment),
            kle: self.kle_via_case(
                appointment.kle.as_ref(),
                &appointment.source,
                appointment.case_id.as_deref(),
            ),
            facet: None,
            any_cpr,
            subject_roles: primary_if(is_participant),
            dates: DateFact::Appointment {
                start: appointment.start.date_naive(),
            },
        }
    }

    /// An appointment's or plan's number: its own, else its (shown) case's.
    fn kle_via_case(&self, own: Option<&String>, source: &str, case_id: Option<&str>) -> KleFact {
        if own.is_some() {
            return own_kle(own);
        }
        let Some(case_id) = case_id else {
            return KleFact::Invalid;
        };
        let key = (source, case_id);
        match self.shown_cases().get(&key) {
            Some(kle) => *kle,
            None if self.has_case(&key) => KleFact::CaseHidden,
            None => KleFact::Invalid,
        }
    }
}

/// The subject's roles in a benefit or appointment: `primary` when they are its
/// recipient or a participant.
fn primary_if(is_party: bool) -> RoleSet {
    if is_party {
        RoleSet::of(PartyRole::Primary)
    } else {
        RoleSet::default()
    }
}

/// A record's own KLE number as the rules see it.
fn own_kle(kle: Option<&String>) -> KleFact {
    match kle.map(|k| KleNumber::parse(k)) {
        Some(Ok(n)) => KleFact::Valid(n),
        _ => KleFact::Invalid,
    }
}
