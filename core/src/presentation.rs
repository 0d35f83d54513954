//! Presentation and redaction (docs/presentation.md): what of a visible record is shown.
//! Caseworkers, other parties and CPR numbers never reach these views.

use crate::actions::Action;
use crate::evaluation::{Build, Evaluated};
use crate::kle::{Catalogue, KleNumber};
use crate::model::{
    Appointment, Benefit, Case, Language, Payment, PaymentStatus, Plan, Policy, TitleMode,
};
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

impl Presenter<'_> {
    /// A visible benefit as shown but for its listed payments (left empty), and the day
    /// they are listed from (its include rule's from-date); `None` when its amounts
    /// cannot be totalled. Status and total come from the listed payments as a set.
    fn benefit_view(
        &self,
        benefit: &Benefit,
        number: KleNumber,
        case_shown: bool,
    ) -> Option<(BenefitView, Option<NaiveDate>)> {
        let from = self
            .compiled
            .include_rule(number, None)
            .and_then(|r| r.from);
        let paid_total_ore = listed(&benefit.payments, from)
            .filter(|p| p.status == PaymentStatus::Paid)
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
    let order =
        |a: &Payment, b: &Payment| (a.disposition_date, &a.id).cmp(&(b.disposition_date, &b.id));
    // Sources list payments by date already: sorting is for those that do not.
    if !payments.is_sorted_by(|a, b| order(a, b).is_le()) {
        payments.sort_by(order);
    }
    payments
}

/// Presents as [`Presenter`] does, except that each visible benefit's listed payments
/// are left in the request: [`with_payments`] moves them into the views once the
/// request is no longer borrowed, instead of copying them (most of a request's bytes
/// are payments).
pub(crate) struct Moving<'a>(pub(crate) Presenter<'a>);

impl Build for Moving<'_> {
    type Case = CaseView;
    type Benefit = (BenefitView, Option<NaiveDate>);
    type Appointment = AppointmentView;
    type Plan = PlanView;

    fn case(&self, case: &Case, number: KleNumber, actions: Vec<Action>) -> CaseView {
        self.0.case(case, number, actions)
    }

    fn benefit(
        &self,
        benefit: &Benefit,
        number: KleNumber,
        case_shown: bool,
    ) -> Option<(BenefitView, Option<NaiveDate>)> {
        self.0.benefit_view(benefit, number, case_shown)
    }

    fn appointment(
        &self,
        appointment: &Appointment,
        number: KleNumber,
        case_shown: bool,
        actions: Vec<Action>,
    ) -> AppointmentView {
        self.0.appointment(appointment, number, case_shown, actions)
    }

    fn plan(
        &self,
        plan: &Plan,
        number: KleNumber,
        case_shown: bool,
        actions: Vec<Action>,
    ) -> PlanView {
        self.0.plan(plan, number, case_shown, actions)
    }
}

/// The views of the visible benefits, in input order, each given its listed payments
/// moved out of `benefits` (the request's, in the same order).
pub(crate) fn with_payments(
    evaluated: Vec<Evaluated<(BenefitView, Option<NaiveDate>)>>,
    benefits: Vec<Benefit>,
) -> Vec<BenefitView> {
    evaluated
        .into_iter()
        .zip(benefits)
        .filter_map(|(evaluated, benefit)| {
            let (mut view, from) = evaluated.built?;
            view.payments = in_order(
                benefit
                    .payments
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
    type Benefit = BenefitView;
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

    /// A visible benefit as shown, or `None` when its amounts cannot be totalled.
    /// Payments before the include rule's from-date are not listed.
    fn benefit(
        &self,
        benefit: &Benefit,
        number: KleNumber,
        case_shown: bool,
    ) -> Option<BenefitView> {
        let (mut view, from) = self.benefit_view(benefit, number, case_shown)?;
        view.payments = in_order(listed(&benefit.payments, from).cloned().collect());
        Some(view)
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

/// The listed payments that have been paid.
pub(crate) fn paid(payments: &[Payment]) -> impl Iterator<Item = &Payment> {
    payments.iter().filter(|p| p.status == PaymentStatus::Paid)
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
    docs.sort_by(|a, b| (a.date, &a.title).cmp(&(b.date, &b.title)));
    docs
}
