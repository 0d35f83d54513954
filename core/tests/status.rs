//! Status derivation, by example: reopened cases, requests with deadlines, overdue cases,
//! outcomes, benefit states, and each payment-day rule across month ends and Easter.

use egensag::Engine;
use serde_json::{json, Value};

const SUBJECT: &str = "0101901234";

#[expect(
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn engine() -> Engine {
    Engine::from_policy_json(
        r#"{"id": "p", "kle": {"include": [{"pattern": "*"}]},
        "processing_days": [{"pattern": "32.30.*", "days": 28}]}"#,
    )
    .unwrap()
}

#[expect(
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn overview_of(as_of: &str, cases: Value, benefits: Value, language: &str) -> Value {
    let request = json!({"as_of": as_of, "language": language, "subject": {"cpr": SUBJECT},
        "viewer": {"cpr": SUBJECT, "role": "self"}, "cases": cases, "benefits": benefits});
    serde_json::from_str(&engine().overview_json(&request.to_string()).unwrap()).unwrap()
}

#[expect(
    clippy::indexing_slicing,
    reason = "test helper: a panic here fails the test that called it"
)]
fn case_status(as_of: &str, progress: Value, requests: Value) -> Value {
    let case = json!({"id": "S", "source": "KSD", "title": "T", "kle": "32.30.04", "created": "2026-09-01",
        "parties": [{"cpr": SUBJECT, "role": "primary"}], "progress": progress, "requests": requests, "outcome": "afslag"});
    overview_of(as_of, json!([case]), json!([]), "da")["cases"][0]["status"].clone()
}

#[test]
fn no_progress_means_received_since_created() {
    let s = case_status("2026-09-10", json!([]), json!([]));
    assert_eq!(
        (s["code"].as_str(), s["since"].as_str()),
        (Some("received"), Some("2026-09-01"))
    );
    assert_eq!(s["text"], "Sagen er modtaget");
    assert_eq!(s["expected_decision_by"], "2026-09-29");
    assert_eq!(s["overdue"], false);
}

#[test]
fn a_reopened_case_is_in_progress_again() {
    let progress = json!([{"state": "afgjort", "at": "2026-10-01"}, {"state": "afsluttet", "at": "2026-10-05"},
                          {"state": "oplyst", "at": "2026-10-20"}]);
    let s = case_status("2026-11-01", progress.clone(), json!([]));
    assert_eq!(
        (s["code"].as_str(), s["since"].as_str()),
        (Some("in_progress"), Some("2026-10-20"))
    );
    assert!(
        s.get("outcome").is_none(),
        "no outcome while the case is open again"
    );
    let s = case_status("2026-10-10", progress, json!([]));
    assert_eq!(s["code"], "closed");
    assert_eq!(s["outcome"], "afslag");
    assert_eq!(s["outcome_text"], "Du har fået afslag");
    assert!(
        s.get("expected_decision_by").is_none(),
        "no deadline once closed"
    );
}

#[test]
fn within_a_day_time_then_lifecycle_order_decides() {
    let progress = json!([{"state": "afsluttet", "at": "2026-10-01T09:00:00+02:00"},
                          {"state": "oplyst", "at": "2026-10-01T15:00:00+02:00"}]);
    assert_eq!(
        case_status("2026-10-02", progress, json!([]))["code"],
        "in_progress"
    );
    let same_day = json!([{"state": "afsluttet", "at": "2026-10-01"}, {"state": "afgjort", "at": "2026-10-01"}]);
    assert_eq!(
        case_status("2026-10-02", same_day, json!([]))["code"],
        "closed"
    );
    // A date-time's own offset gives its date: 23:30 at -02:00 is still 1 October there.
    let late = json!([{"state": "afgjort", "at": "2026-10-01T23:30:00-02:00"}]);
    assert_eq!(
        case_status("2026-10-01", late, json!([]))["code"],
        "decided"
    );
}

#[test]
fn open_requests_make_the_case_await_the_citizen() {
    let progress = json!([{"state": "oplyst", "at": "2026-09-05"}]);
    let requests = json!([
        {"what": "Lønsedler", "requested": "2026-09-10", "deadline": "2026-10-15"},
        {"what": "Lægeerklæring", "requested": "2026-09-20", "deadline": "2026-10-01"},
        {"what": "Kontoudtog", "requested": "2026-09-25"},
        {"what": "Opholdstilladelse", "requested": "2026-09-06", "fulfilled": "2026-09-08"},
        {"what": "Senere", "requested": "2026-12-01"}
    ]);
    let s = case_status("2026-09-30", progress.clone(), requests.clone());
    assert_eq!(s["code"], "awaiting_you");
    assert_eq!(s["text"], "Vi mangler oplysninger fra dig");
    assert_eq!(s["since"], "2026-09-25", "the latest open request");
    assert_eq!(
        s["awaiting"],
        json!([{"what": "Lægeerklæring", "deadline": "2026-10-01"}, {"what": "Lønsedler", "deadline": "2026-10-15"},
               {"what": "Kontoudtog"}])
    );
    // A decided case does not wait for anything.
    let decided =
        json!([{"state": "oplyst", "at": "2026-09-05"}, {"state": "afgjort", "at": "2026-09-29"}]);
    assert_eq!(
        case_status("2026-09-30", decided, requests)["code"],
        "decided"
    );
}

#[test]
fn overdue_after_the_expected_decision() {
    let progress = json!([{"state": "oplyst", "at": "2026-09-05"}]);
    let s = case_status("2026-09-29", progress.clone(), json!([]));
    assert_eq!(
        (s["expected_decision_by"].as_str(), s["overdue"].as_bool()),
        (Some("2026-09-29"), Some(false))
    );
    let s = case_status("2026-09-30", progress, json!([]));
    assert_eq!(s["overdue"], true);
}

#[expect(
    clippy::indexing_slicing,
    reason = "test helper: a panic here fails the test that called it"
)]
fn benefit_status(as_of: &str, grant: Value, payments: Value) -> Value {
    let benefit = json!({"id": "B", "source": "KY", "kle": "32.24.04", "name": "Kontanthjælp", "recipient": SUBJECT,
        "created": "2026-01-10", "grant": grant, "payments": payments});
    overview_of(as_of, json!([]), json!([benefit]), "en")["benefits"][0]["status"].clone()
}

fn plan(day: Value, in_advance: bool) -> Value {
    json!({"frequency": "monthly", "payment_day": day, "in_advance": in_advance})
}

#[test]
fn benefit_states_in_order() {
    let grant = json!({"from": "2026-02-01", "to": "2026-12-31", "stopped_from": "2026-10-01", "amount_ore": 100,
                       "plan": plan(json!("last_banking_day"), false)});
    let at = |day: &str| benefit_status(day, grant.clone(), json!([]));
    assert_eq!(
        (
            at("2026-01-20")["code"].as_str(),
            at("2026-01-20")["since"].as_str()
        ),
        (Some("granted"), Some("2026-01-10"))
    );
    assert_eq!(at("2026-01-20")["text"], "The benefit has been granted");
    assert_eq!(at("2026-05-01")["code"], "paying");
    assert_eq!(at("2026-05-01")["next_payment"]["date"], "2026-05-29");
    assert_eq!(at("2026-10-01")["code"], "stopped");
    assert!(at("2026-10-01").get("next_payment").is_none());
    assert_eq!(
        (
            at("2027-01-01")["code"].as_str(),
            at("2027-01-01")["since"].as_str()
        ),
        (Some("ended"), Some("2027-01-01"))
    );
}

#[test]
fn a_listed_planned_payment_comes_before_the_plan() {
    let grant = json!({"from": "2026-02-01", "amount_ore": 100_000, "plan": plan(json!("last_banking_day"), false)});
    let payments = json!([{"id": "P", "period_from": "2026-11-01", "period_to": "2026-11-30",
        "disposition_date": "2026-11-27", "gross_ore": 120_000, "net_ore": 90_000, "status": "planned"}]);
    let s = benefit_status("2026-11-23", grant.clone(), payments);
    assert_eq!(
        s["next_payment"],
        json!({"date": "2026-11-27", "gross_ore": 120_000, "net_ore": 90_000})
    );
    // A planned payment already past, or a paid one, is not the next payment: the plan is.
    let payments = json!([
        {"id": "Old", "period_from": "2026-10-01", "period_to": "2026-10-31",
         "disposition_date": "2026-10-30", "gross_ore": 1, "net_ore": 1, "status": "planned"},
        {"id": "Paid", "period_from": "2026-11-01", "period_to": "2026-11-30",
         "disposition_date": "2026-11-25", "gross_ore": 2, "net_ore": 2, "status": "paid"}]);
    let s = benefit_status("2026-11-23", grant, payments);
    assert_eq!(
        s["next_payment"],
        json!({"date": "2026-11-30", "gross_ore": 100_000})
    );
}

#[test]
fn payment_day_rules_across_month_ends_and_easter() {
    let next = |as_of: &str, day: Value, in_advance: bool| {
        let grant = json!({"from": "2020-01-01", "amount_ore": 1, "plan": plan(day, in_advance)});
        benefit_status(as_of, grant, json!([]))["next_payment"]["date"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    // Last banking day: 31 December is a closing day, so 30 December 2026 (a Wednesday).
    assert_eq!(
        next("2026-12-01", json!("last_banking_day"), false),
        "2026-12-30"
    );
    // Easter 2026 is 5 April: Thursday 2 April and Friday 3 April are closed; 1 April is open.
    assert_eq!(
        next("2026-04-01", json!({"day_of_month": 3}), false),
        "2026-04-01"
    );
    // After the day has passed, next month's (rolled back from Sunday 3 May 2026 to Friday 1 May).
    assert_eq!(
        next("2026-04-02", json!({"day_of_month": 3}), false),
        "2026-05-01"
    );
    // First banking day of January 2027: the 1st is closed, the 2nd and 3rd a weekend.
    assert_eq!(
        next("2026-12-31", json!("first_banking_day"), false),
        "2027-01-04"
    );
    // Day 31 in February means its last day, rolled back from a Saturday (28 February 2026) to the 27th.
    assert_eq!(
        next("2026-02-10", json!({"day_of_month": 31}), false),
        "2026-02-27"
    );
    // Day 1 on a Sunday (1 March 2026) rolls back into February, still after as_of.
    assert_eq!(
        next("2026-02-28", json!({"day_of_month": 1}), false),
        "2026-04-01"
    );
    assert_eq!(
        next("2026-02-27", json!({"day_of_month": 1}), false),
        "2026-02-27"
    );
}

#[test]
fn in_advance_payments_stop_a_month_before_the_grant_ends() {
    let grant = |in_advance| {
        json!({"from": "2026-01-01", "to": "2026-06-30", "amount_ore": 1,
        "plan": plan(json!("last_banking_day"), in_advance)})
    };
    let at = |in_advance| benefit_status("2026-06-01", grant(in_advance), json!([]));
    assert_eq!(at(false)["next_payment"]["date"], "2026-06-30");
    assert!(
        at(true).get("next_payment").is_none(),
        "June's payment in advance would pay for July"
    );
}

#[test]
fn totals_count_paid_payments_by_year_and_debt() {
    let payment = |id: &str, date: &str, net: i64, status: &str| {
        json!({"id": id, "period_from": "2025-01-01",
        "period_to": "2025-01-31", "disposition_date": date, "gross_ore": net, "net_ore": net, "status": status})
    };
    let benefit = json!({"id": "B", "source": "KY", "kle": "32.24.04", "name": "K", "recipient": SUBJECT, "created": "2024-01-01",
        "grant": {"from": "2024-01-01", "amount_ore": 1}, "debt_ore": 5_000,
        "payments": [payment("a", "2025-12-31", 100, "paid"), payment("b", "2026-01-02", 200, "paid"),
                     payment("c", "2026-02-02", 400, "annulled"), payment("d", "2026-03-02", 800, "planned")]});
    let o = overview_of("2026-03-01", json!([]), json!([benefit]), "da");
    assert_eq!(
        o["totals"],
        json!({"paid_by_year": [{"year": 2025, "net_ore": 100}, {"year": 2026, "net_ore": 200}], "debt_ore": 5_000})
    );
    assert_eq!(o["benefits"][0]["paid_total_ore"], 300);
}

#[test]
fn a_request_is_open_until_the_day_it_is_fulfilled() {
    let progress = json!([{"state": "oplyst", "at": "2026-09-05"}]);
    let request = |fulfilled: &str| json!([{"what": "Lønsedler", "requested": "2026-09-10", "deadline": "2026-10-15", "fulfilled": fulfilled}]);
    // Fulfilled on `as_of`: no longer open.
    let s = case_status("2026-09-30", progress.clone(), request("2026-09-30"));
    assert_eq!(s["code"], "in_progress");
    // Fulfilled only after `as_of`: still open on `as_of`.
    let s = case_status("2026-09-30", progress, request("2026-10-02"));
    assert_eq!(s["code"], "awaiting_you");
    assert_eq!(s["since"], "2026-09-10");
}

#[test]
fn a_grant_pays_from_its_first_through_its_last_day() {
    let grant = json!({"from": "2026-02-01", "to": "2026-12-31", "amount_ore": 100,
                       "plan": plan(json!("last_banking_day"), false)});
    assert_eq!(
        benefit_status("2026-01-31", grant.clone(), json!([]))["code"],
        "granted"
    );
    assert_eq!(
        benefit_status("2026-02-01", grant.clone(), json!([]))["code"],
        "paying"
    );
    assert_eq!(
        benefit_status("2026-12-31", grant.clone(), json!([]))["code"],
        "paying"
    );
    assert_eq!(
        benefit_status("2027-01-01", grant, json!([]))["code"],
        "ended"
    );
}

#[test]
fn a_case_is_closed_only_while_its_latest_state_is_afsluttet() {
    use chrono::NaiveDate;
    let case = |progress: Value| -> egensag::model::Case {
        serde_json::from_value(
            json!({"id": "S", "source": "KSD", "created": "2026-01-01", "progress": progress}),
        )
        .unwrap()
    };
    let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let closed = case(
        json!([{"state": "afgjort", "at": "2026-03-01"}, {"state": "afsluttet", "at": "2026-04-01"}]),
    );
    assert!(egensag::status::is_closed(&closed, day("2026-04-01")));
    assert!(!egensag::status::is_closed(&closed, day("2026-03-31")));
    let reopened = case(
        json!([{"state": "afsluttet", "at": "2026-04-01"}, {"state": "oplyst", "at": "2026-05-01"}]),
    );
    assert!(!egensag::status::is_closed(&reopened, day("2026-06-01")));
    assert!(!egensag::status::is_closed(
        &case(json!([])),
        day("2026-06-01")
    ));
}
