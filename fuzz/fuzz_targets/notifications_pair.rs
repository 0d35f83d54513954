//! A pair of overviews for notifications: the input split at its first NUL byte into
//! two texts. Each is tried as a pair of overviews (JSON) and, when it parses, as a pair
//! of requests whose overviews are compared.
//!
//! Invariants: every notification names a record of the later overview (a record that
//! left produces nothing); comparing an overview with itself notifies nothing; errors
//! have a known code, a path starting with `previous` or `current`, and no CPR digits.
#![no_main]

#[path = "../common/mod.rs"]
mod common;

use common::{check_error, engines, fail};
use egensag::{explanation::ItemKind, ErrorCode, Overview};
use libfuzzer_sys::fuzz_target;

fn names_current(n: &egensag::notifications::Notification, current: &Overview) -> bool {
    let r = &n.record;
    match r.kind {
        ItemKind::Case => current
            .cases
            .iter()
            .any(|c| c.source == r.source && c.id == r.id),
        ItemKind::Benefit => current
            .benefits
            .iter()
            .any(|b| b.source == r.source && b.id == r.id),
        ItemKind::Appointment => current
            .appointments
            .iter()
            .any(|a| a.source == r.source && a.id == r.id),
        ItemKind::Plan => current
            .plans
            .iter()
            .any(|p| p.source == r.source && p.id == r.id),
        #[allow(unreachable_patterns)]
        _ => false,
    }
}

fuzz_target!(|data: &[u8]| {
    let split = data.iter().position(|b| *b == 0).unwrap_or(data.len());
    let (a, b) = data.split_at(split);
    let b = b.get(1..).unwrap_or_default();
    let (Ok(a), Ok(b)) = (std::str::from_utf8(a), std::str::from_utf8(b)) else {
        return;
    };
    let allowed = [
        ErrorCode::InvalidJson,
        ErrorCode::InvalidInput,
        ErrorCode::LimitExceeded,
    ];
    for engine in engines() {
        // As two overviews.
        match engine.notifications_json(a, b) {
            Ok(json) => {
                let (Ok(previous), Ok(current)) = (
                    serde_json::from_str::<Overview>(a),
                    serde_json::from_str::<Overview>(b),
                ) else {
                    fail("notifications from texts that are not overviews");
                };
                let Ok(n) = engine.notifications(&previous, &current) else {
                    fail("notifications_json and notifications disagree");
                };
                if serde_json::to_string(&n).ok().as_deref() != Some(json.as_str()) {
                    fail("notifications_json and notifications disagree");
                }
                if n.notifications.iter().any(|x| !names_current(x, &current)) {
                    fail("a notification about a record not in the later overview");
                }
                if common::has_cpr_like(&json)
                    && !common::has_cpr_like(b)
                    && !common::has_cpr_like(a)
                {
                    fail("notifications hold a CPR-like number");
                }
            }
            Err(e) => {
                check_error(&e, &allowed);
                if !(e.path().starts_with("previous")
                    || e.path().starts_with("current")
                    || e.path().is_empty())
                {
                    fail("a notifications error path names neither overview");
                }
            }
        }
        // As two requests.
        let (Ok(ra), Ok(rb)) = (engine.parse_request(a), engine.parse_request(b)) else {
            continue;
        };
        let (Ok(oa), Ok(ob)) = (engine.overview(&ra), engine.overview(&rb)) else {
            continue;
        };
        for (x, y) in [(&oa, &ob), (&ob, &oa)] {
            match engine.notifications(x, y) {
                Ok(n) => {
                    if n.notifications.iter().any(|m| !names_current(m, y)) {
                        fail("a notification about a record not in the later overview");
                    }
                }
                Err(e) => check_error(&e, &allowed),
            }
        }
        match engine.notifications(&ob, &ob) {
            Ok(n) if n.notifications.is_empty() => {}
            _ => fail("an overview compared with itself notifies"),
        }
    }
});
