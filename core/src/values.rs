//! A record's own values (docs/limits.md): amounts, the order of dates and the
//! number of items. They do not reject the request: a record the rules would show is
//! hidden when its own values are malformed (fail closed, with `error.<kind>`), and
//! `validate` reports every such problem with its path, so one faulty source system
//! cannot blank a citizen's whole overview.

use crate::model::{Appointment, Benefit, Case, Limits, Payment, PaymentStatus, Plan};
use crate::visibility::Reason;

/// One malformed value of a record.
///
/// The reasons are [`Reason::ErrorTooManyItems`], [`Reason::ErrorInvalidAmount`],
/// [`Reason::ErrorInvalidPeriod`], [`Reason::ErrorDuplicatePayment`],
/// [`Reason::ErrorAmountOverflow`] and [`Reason::ErrorScoreInvalid`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ValueProblem {
    /// The reason the record is hidden.
    pub(crate) reason: Reason,
    /// Where, relative to the record: `payments[2].net_ore`.
    pub(crate) path: String,
    /// What was expected (never the value).
    pub(crate) message: &'static str,
}

const NOT_NEGATIVE: &str = "expected an amount in øre, not negative";
const TOO_MANY: &str = "expected at most policy.limits.max_items_per_record items";

fn problem(reason: Reason, path: impl Into<String>, message: &'static str) -> ValueProblem {
    ValueProblem {
        reason,
        path: path.into(),
        message,
    }
}

/// A list longer than the items-per-record limit.
fn too_many(name: &str, len: usize, limits: &Limits) -> Option<ValueProblem> {
    (len > limits.max_items_per_record).then(|| problem(Reason::ErrorTooManyItems, name, TOO_MANY))
}

/// A case's problems: too many progress entries, documents or requests.
pub(crate) fn case_problems(case: &Case, limits: &Limits) -> Vec<ValueProblem> {
    [
        too_many("progress", case.progress.len(), limits),
        too_many("documents", case.documents.len(), limits),
        too_many("requests", case.requests.len(), limits),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// A benefit's problems: too many payments (then its payments are not read further), a
/// negative amount, a period that runs backwards, two payments with one id, or paid
/// amounts whose sum does not fit in 64 bits.
pub(crate) fn benefit_problems(benefit: &Benefit, limits: &Limits) -> Vec<ValueProblem> {
    let mut problems = Vec::new();
    if benefit.grant.amount_ore < 0 {
        problems.push(problem(
            Reason::ErrorInvalidAmount,
            "grant.amount_ore",
            NOT_NEGATIVE,
        ));
    }
    if benefit.grant.to.is_some_and(|to| to < benefit.grant.from) {
        problems.push(problem(
            Reason::ErrorInvalidPeriod,
            "grant.to",
            "expected a day on or after grant.from",
        ));
    }
    if benefit.debt_ore.is_some_and(|d| d < 0) {
        problems.push(problem(
            Reason::ErrorInvalidAmount,
            "debt_ore",
            NOT_NEGATIVE,
        ));
    }
    if let Some(p) = too_many("payments", benefit.payments.len(), limits) {
        problems.push(p);
        return problems;
    }
    let repeated = repeated_ids(&benefit.payments);
    let mut paid_total = Some(0i64);
    for (i, payment) in benefit.payments.iter().enumerate() {
        let at = |field: &str| format!("payments[{i}].{field}");
        if payment.gross_ore < 0 {
            problems.push(problem(
                Reason::ErrorInvalidAmount,
                at("gross_ore"),
                NOT_NEGATIVE,
            ));
        }
        if payment.net_ore < 0 {
            problems.push(problem(
                Reason::ErrorInvalidAmount,
                at("net_ore"),
                NOT_NEGATIVE,
            ));
        }
        if payment.period_to < payment.period_from {
            problems.push(problem(
                Reason::ErrorInvalidPeriod,
                at("period_to"),
                "expected a day on or after period_from",
            ));
        }
        if repeated.get(i).copied().unwrap_or(false) {
            problems.push(problem(
                Reason::ErrorDuplicatePayment,
                at("id"),
                "expected payment ids unique within the benefit",
            ));
        }
        if payment.status == PaymentStatus::Paid {
            paid_total = paid_total.and_then(|sum| sum.checked_add(payment.net_ore));
        }
    }
    if paid_total.is_none() {
        problems.push(problem(
            Reason::ErrorAmountOverflow,
            "payments",
            "expected paid amounts whose sum fits in 64 bits",
        ));
    }
    problems
}

/// For each payment, whether an earlier payment of the list has its id (empty when
/// none has).
fn repeated_ids(payments: &[Payment]) -> Vec<bool> {
    repeated(payments.iter().map(|p| id_order(&p.id)))
}

/// The order ids are compared in by [`repeated`]: length, then bytes. Ids that count up
/// (`P8`, `P9`, `P10`) are then already in order.
pub(crate) fn id_order(id: &str) -> (usize, &[u8]) {
    (id.len(), id.as_bytes())
}

/// For each key, whether an earlier key of the list equals it; empty (no allocation)
/// when the keys are in strictly increasing order, as sources' counting ids are under
/// [`id_order`], which one pass confirms. Other lists are sorted, as a copy of their keys.
pub(crate) fn repeated<K: Ord + Copy>(keys: impl Iterator<Item = K> + Clone) -> Vec<bool> {
    if keys.clone().is_sorted_by(|a, b| a < b) {
        return Vec::new();
    }
    let mut order: Vec<(K, usize)> = keys.zip(0..).collect();
    let mut repeated = vec![false; order.len()];
    crate::order::sort_by(&mut order, Ord::cmp);
    for pair in order.windows(2) {
        if let [(a, _), (b, later)] = pair {
            if a == b {
                if let Some(flag) = repeated.get_mut(*later) {
                    *flag = true;
                }
            }
        }
    }
    repeated
}

/// An appointment's problems: an end before its start.
pub(crate) fn appointment_problems(appointment: &Appointment) -> Vec<ValueProblem> {
    if appointment.end < appointment.start {
        vec![problem(
            Reason::ErrorInvalidPeriod,
            "end",
            "expected an end not before the start",
        )]
    } else {
        Vec::new()
    }
}

/// A plan's problems: too many goals or activities, a period or activity that ends
/// before it starts, an assessment whose scale has a top of zero or whose score is off
/// its scale.
pub(crate) fn plan_problems(plan: &Plan, limits: &Limits) -> Vec<ValueProblem> {
    let mut problems: Vec<ValueProblem> = [
        too_many("goals", plan.goals.len(), limits),
        too_many("activities", plan.activities.len(), limits),
    ]
    .into_iter()
    .flatten()
    .collect();
    if plan.period.to.is_some_and(|to| to < plan.period.from) {
        problems.push(problem(
            Reason::ErrorInvalidPeriod,
            "period.to",
            "expected a day on or after period.from",
        ));
    }
    for (i, goal) in plan.goals.iter().enumerate() {
        for (j, assessment) in goal.assessments.iter().enumerate() {
            let at = |field: &str| format!("goals[{i}].assessments[{j}].{field}");
            if assessment.scale_max == 0 {
                problems.push(problem(
                    Reason::ErrorScoreInvalid,
                    at("scale_max"),
                    "expected a scale with a top of at least 1",
                ));
            } else if assessment.score > assessment.scale_max {
                problems.push(problem(
                    Reason::ErrorScoreInvalid,
                    at("score"),
                    "expected a score from 0 to scale_max",
                ));
            }
        }
    }
    for (i, activity) in plan.activities.iter().enumerate() {
        if activity.to.is_some_and(|to| to < activity.from) {
            problems.push(problem(
                Reason::ErrorInvalidPeriod,
                format!("activities[{i}].to"),
                "expected a day on or after from",
            ));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PaymentStatus;
    use chrono::NaiveDate;
    use proptest::prelude::*;
    use std::collections::HashSet;

    fn payment(id: &str) -> Payment {
        let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
        Payment {
            id: id.to_owned(),
            period_from: day,
            period_to: day,
            disposition_date: day,
            gross_ore: 0,
            net_ore: 0,
            status: PaymentStatus::Paid,
        }
    }

    proptest! {
        /// A payment is flagged exactly when an earlier one has its id, whether the ids
        /// count up (the one-pass path) or come in any order (the sorted path).
        #[test]
        fn repeated_ids_are_those_seen_before(
            ids in prop::collection::vec("P?[0-9]{0,2}", 0..30),
            counting in any::<bool>(),
        ) {
            let ids: Vec<String> = if counting {
                (0..ids.len()).map(|i| format!("P{i}")).collect()
            } else {
                ids
            };
            let payments: Vec<Payment> = ids.iter().map(|id| payment(id)).collect();
            let mut seen = HashSet::new();
            let expected: Vec<bool> = ids.iter().map(|id| !seen.insert(id.as_str())).collect();
            let flags = repeated_ids(&payments);
            let found: Vec<bool> = (0..ids.len()).map(|i| flags.get(i).copied().unwrap_or(false)).collect();
            prop_assert_eq!(found, expected);
            // Ids that count up are confirmed without a list of flags.
            if counting {
                prop_assert!(flags.is_empty());
            }
        }
    }
}
