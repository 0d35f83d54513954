//! The canonical input model (docs/input.md): a [`Request`] with its records,
//! [`Mandate`]s and [`Consent`]s, and a municipality's [`Policy`].
//!
//! Field names and codes are exactly those of the contract. Parsing checks structure
//! (types, enums, dates, money as integer øre, the CPR numbers of subject, viewer,
//! mandates and consents, policy patterns, unknown fields, duplicate record ids). A
//! malformed KLE number, facet or party CPR inside one record is kept as written: the
//! engine hides that record (`kle.invalid`, `subject.no_cpr`) and `validate` reports it.

mod appointment;
mod benefit;
mod case;
mod common;
mod consent;
mod mandate;
pub(crate) mod parse;
mod plan;
mod policy;
mod redact;
mod request;

pub use appointment::{Appointment, AppointmentKind};
pub use benefit::{Benefit, Grant, Payer, PayerKind, Payment, PaymentStatus};
pub use case::{
    Case, Caseworker, Direction, Document, InfoRequest, Outcome, Party, PartyRole, Progress,
    ProgressState,
};
pub use common::{Language, Moment, RecordFlags, RecordKind, RecordRef, Sensitivity};
pub use consent::{Consent, ConsentKind, ConsentScope};
pub use mandate::{Mandate, MandateKind, MandateScope};
pub use parse::{parse_policy, parse_request};
pub use plan::{
    Activity, ActivityStatus, Assessment, Assessor, Goal, GoalState, Plan, PlanKind, PlanPeriod,
};
pub use policy::{
    ActionRule, HttpsUrl, IncludeRule, KleRules, Limits, Link, LinkText, Policy, PrivilegeLevel,
    ProcessingDays, SecondaryPartyAccess, TitleMode,
};
pub use request::{Request, Role, Subject, Viewer};
