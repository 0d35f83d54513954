//! Presentation and redaction (docs/presentation.md): what of a visible record is shown.
//! Caseworkers, other parties and CPR numbers never reach these views.

use crate::actions::Action;
use crate::evaluation::{Build, Evaluated};
use crate::kle::{Catalogue, KleNumber};
use crate::model::{
    Appointment, Benefit, Case, Language, Payment, PaymentStatus, Plan, Policy, TitleMode,
};
use crate::order;
use crate::overview::{AppointmentView, Area, BenefitView, CaseView, DocumentView, LinkView};
use crate::plans::{plan_body, PlanView};
use crate::status::{benefit_status_of, case_status};
use crate::visibility::CompiledPolicy;
use chrono::NaiveDate;

/// What presentation needs besides the record.
pub(crate) struct Presenter<'a> {
    pub(crate) policy: &'a Policy,
    pub(crate) compiled: &'a CompiledPolicy,
    pub(crate) catalogue: Option<&'a Catalogue>,
    pub(crate) as_of: NaiveDate,
    pub(crate) language: Language,
}

impl Presenter<'_> {
    /// The area (main group) of a number, titled from the catalogue when one is given.
    fn area(&self, number: KleNumber) -> Area {
        Area {
            number: format!("{:02}", number.main_group()),
            title: self
                .catalogue
                .and_then(|c| c.main_group_title(number.main_group()))
                .map(str::to_owned),
        }
    }

    /// The link of the policy's most specific `links` pattern matching `number`, in the
    /// request's language.
    fn link(&self, number: KleNumber) -> Option<LinkView> {
        self.compiled.links.best(number).map(|(_, link)| LinkView {
            url: link.url.as_str().to_owned(),
            text: match self.language {
                Language::Da => link.text.da.clone(),
                Language::En => link.text.en.clone(),
            },
        })
    }

    /// The title shown for a case or plan: its own, unless restricted or the policy
    /// titles by KLE.
    fn title(&self, title: &str, restricted: bool, number: KleNumber) -> String {
        if !restricted && self.policy.title_mode == TitleMode::Source {
            return title.to_owned();
        }
        match self.catalogue.and_then(|c| c.subject_title(number)) {
            Some(title) => title.to_owned(),
            None => match self.language {
                Language::Da => format!("Sag om KLE {number}"),
                Language::En => format!("Case concerning KLE {number}"),
            },
        }
    }
}

/// Whether a payment is listed: disposed on or after `from`.
fn is_listed(payment: &Payment, from: Option<NaiveDate>) -> bool {
    from.is_none_or(|from| payment.disposition_date >= from)
}

/// The payments of a benefit that are listed.
fn listed(payments: &[Payment], from: Option<NaiveDate>) -> impl Iterator<Item = &Payment> {
    payments.iter().filter(move |p| is_listed(p, from))
}

/// Listed payments in the order they are shown: by disposition date, then id.
fn in_order(mut payments: Vec<Payment>) -> Vec<Payment> {
    // Sources list payments by date already: `order::sort_by` then moves nothing.
    order::sort_by(&mut payments, |a, b| {
        (a.disposition_date, &a.id).cmp(&(b.disposition_date, &b.id))
    });
    payments
}

/// The views of the visible benefits, in input order, each given its listed payments
/// from `payments`: each benefit's payments in the request's order of benefits, read
/// only for the visible ones. The typed overview copies them out of the caller's request;
/// the JSON entry point moves them out of the request it parsed (most of a request's
/// bytes are payments).
pub(crate) fn with_payments<P: IntoIterator<Item = Payment>>(
    evaluated: Vec<Evaluated<(BenefitView, Option<NaiveDate>)>>,
    payments: impl IntoIterator<Item = P>,
) -> Vec<BenefitView> {
    evaluated
        .into_iter()
        .zip(payments)
        .filter_map(|(evaluated, payments)| {
            let (mut view, from) = evaluated.built?;
            view.payments = in_order(
                payments
                    .into_iter()
                    .filter(|p| is_listed(p, from))
                    .collect(),
            );
            Some(view)
        })
        .collect()
}

/// Presents every visible record: the views of the overview.
impl Build for Presenter<'_> {
    type Case = CaseView;
    type Benefit = (BenefitView, Option<NaiveDate>);
    type Appointment = AppointmentView;
    type Plan = PlanView;

    /// A visible case as shown, with the processing days of the policy's best match.
    fn case(&self, case: &Case, number: KleNumber, actions: Vec<Action>) -> CaseView {
        let processing_days = self.compiled.processing_days.best(number).map(|(_, d)| *d);
        CaseView {
            id: case.id.clone(),
            source: case.source.clone(),
            title: self.title(&case.title, case.title_restricted, number),
            kle: number.to_string(),
            area: self.area(number),
            created: case.created,
            status: case_status(case, self.as_of, processing_days, self.language),
            documents: self.policy.show_document_titles.then(|| documents(case)),
            local_status: if self.policy.show_local_status {
                case.local_status.clone()
            } else {
                None
            },
            link: self.link(number),
            actions,
        }
    }

    /// A visible benefit as shown but for its listed payments, which [`with_payments`]
    /// adds, with the day they are listed from; `None` when its amounts cannot be totalled.
    fn benefit(
        &self,
        benefit: &Benefit,
        number: KleNumber,
        case_shown: bool,
    ) -> Option<(BenefitView, Option<NaiveDate>)> {
        let from = self
            .compiled
            .include_rule(number, None)
            .and_then(|r| r.from);
        let paid_total_ore = paid(listed(&benefit.payments, from))
            .try_fold(0i64, |sum, p| sum.checked_add(p.net_ore))?;
        let status = benefit_status_of(
            benefit,
            listed(&benefit.payments, from),
            self.as_of,
            self.language,
        );
        let view = BenefitView {
            id: benefit.id.clone(),
            source: benefit.source.clone(),
            name: benefit.name.clone(),
            kle: number.to_string(),
            area: self.area(number),
            case_id: benefit.case_id.clone().filter(|_| case_shown),
            status,
            grant: benefit.grant.clone(),
            payments: Vec::new(),
            paid_total_ore,
            debt_ore: benefit.debt_ore,
            payer: benefit.payer.clone(),
            link: self.link(number),
            actions: Vec::new(),
        };
        Some((view, from))
    }

    /// A visible appointment as shown.
    fn appointment(
        &self,
        appointment: &Appointment,
        number: KleNumber,
        case_shown: bool,
        actions: Vec<Action>,
    ) -> AppointmentView {
        AppointmentView {
            id: appointment.id.clone(),
            source: appointment.source.clone(),
            kle: number.to_string(),
            case_id: appointment.case_id.clone().filter(|_| case_shown),
            start: appointment.start,
            end: appointment.end,
            kind: appointment.kind,
            with_role: appointment.with_role.clone(),
            place: appointment.place.clone(),
            what: appointment.what.clone(),
            cancelled: appointment.cancelled,
            link: self.link(number),
            actions,
        }
    }

    /// A visible plan as shown.
    fn plan(
        &self,
        plan: &Plan,
        number: KleNumber,
        case_shown: bool,
        actions: Vec<Action>,
    ) -> PlanView {
        let body = plan_body(plan, self.as_of, self.language);
        PlanView {
            id: plan.id.clone(),
            source: plan.source.clone(),
            title: self.title(&plan.title, plan.title_restricted, number),
            kle: number.to_string(),
            area: self.area(number),
            case_id: plan.case_id.clone().filter(|_| case_shown),
            kind: plan.kind,
            period: plan.period,
            created: plan.created,
            status: body.status,
            goals: body.goals,
            goals_achieved: body.goals_achieved,
            goals_total: body.goals_total,
            activities: body.activities,
            next_follow_up: body.next_follow_up,
            follow_up_overdue: body.follow_up_overdue,
            awaiting_approval: body.awaiting_approval,
            link: self.link(number),
            actions,
        }
    }
}

/// The payments among `payments` that have been paid.
pub(crate) fn paid<'a>(
    payments: impl IntoIterator<Item = &'a Payment>,
) -> impl Iterator<Item = &'a Payment> {
    payments
        .into_iter()
        .filter(|p| p.status == PaymentStatus::Paid)
}

/// Document titles by date, then title; a document withheld from the citizen is never listed.
fn documents(case: &Case) -> Vec<DocumentView> {
    let mut docs: Vec<DocumentView> = case
        .documents
        .iter()
        .filter(|d| !d.withheld_from_citizen)
        .map(|d| DocumentView {
            title: d.title.clone(),
            date: d.date,
            direction: d.direction,
        })
        .collect();
    order::sort_by(&mut docs, |a, b| {
        (a.date, &a.title).cmp(&(b.date, &b.title))
    });
    docs
}
