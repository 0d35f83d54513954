//! The benchmark's visibility rules as a Cedar policy set, and requests as Cedar entities.
//!
//! What is encoded (the rules the issue names): KLE include rules with facets, their
//! precedence (most specific first) and their from-dates (V6, V7, with
//! `show_active_before_from`), excludes (V6), the source filter (V8), the sensitivity
//! limit (V9), void and withheld records (V1, V2), the subject as primary party,
//! recipient or participant (V3, V4 without secondary-party rules), `self` (W1), one
//! fuldmagt's KLE, sensitivity and record-kind scope (W2, W3), a relative's consent
//! with a KLE scope (W8) and `withheld_from_representatives` (W10). Consents naming
//! records, objections and parental rules are not part of the comparison; [`encode`]
//! refuses a request that needs them.
//!
//! Each record is an entity whose attributes are facts read off the request once
//! (parsed KLE number, days since 2000-01-01, whether a case is closed on `as_of`): the
//! Cedar side is timed on `is_authorized` alone, with entities and requests built in
//! advance, which favours Cedar.

use cedar_policy::{
    Authorizer, Context, Decision, Entities, Entity, EntityUid, PolicySet, Request,
    RestrictedExpression,
};
use chrono::NaiveDate;
use egensag::kle::{Facet, KleNumber, KlePattern};
use egensag::model::{MandateKind, PartyRole, Policy, Request as EgRequest, Role};
use egensag::Cpr;
use std::collections::{HashMap, HashSet};
use std::str::FromStr;

/// The Cedar condition that a pattern matches the record's number.
fn pattern_condition(pattern: &KlePattern) -> String {
    let text = pattern.to_string();
    let digits: Vec<&str> = text.split('.').filter(|p| *p != "*").collect();
    let number = |parts: &[&str]| parts.concat().parse::<i64>().unwrap_or(0);
    match digits.len() {
        0 => "true".to_owned(),
        1 => format!("resource.kle_main == {}", number(&digits)),
        2 => format!("resource.kle_group == {}", number(&digits)),
        _ => format!("resource.kle_subject == {}", number(&digits)),
    }
}

/// The part of a pattern before `*`: a pattern nested in another starts with its prefix.
fn prefix(pattern: &KlePattern) -> String {
    pattern.to_string().trim_end_matches('*').to_owned()
}

/// Days since 2000-01-01.
pub fn days(day: NaiveDate) -> i64 {
    let epoch = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    (day - epoch).num_days()
}

/// The policy as Cedar source text.
pub fn policy_text(policy: &Policy) -> String {
    assert!(
        policy.secondary_party_access.is_empty(),
        "the Cedar encoding covers policies without secondary-party rules"
    );
    let include = &policy.kle.include;
    let facet_ok = |facets: &Option<Vec<Facet>>| match facets {
        None => "true".to_owned(),
        Some(list) => {
            let any: Vec<String> = list
                .iter()
                .map(|f| format!("resource.facet == \"{f}\""))
                .collect();
            format!(
                "({})",
                if any.is_empty() {
                    "false".to_owned()
                } else {
                    any.join(" || ")
                }
            )
        }
    };
    let mut alternatives = Vec::new();
    for (i, rule) in include.iter().enumerate() {
        // The rules that win over this one where both match: more specific and nested
        // in it, or the same pattern listed earlier.
        let winners: Vec<String> = include
            .iter()
            .enumerate()
            .filter(|(j, other)| {
                let nested = prefix(&other.pattern).starts_with(&prefix(&rule.pattern));
                nested
                    && (other.pattern.specificity() > rule.pattern.specificity()
                        || (other.pattern == rule.pattern && *j < i))
            })
            .map(|(_, other)| {
                format!(
                    "!({} && {})",
                    pattern_condition(&other.pattern),
                    facet_ok(&other.facets)
                )
            })
            .collect();
        let date = match rule.from {
            None => "true".to_owned(),
            Some(from) if policy.show_active_before_from => format!(
                "(resource.date >= {} || (resource.kind == \"cases\" && !resource.closed))",
                days(from)
            ),
            Some(from) => format!("resource.date >= {}", days(from)),
        };
        let mut parts = vec![pattern_condition(&rule.pattern), facet_ok(&rule.facets)];
        parts.extend(winners);
        parts.push(date);
        alternatives.push(format!("({})", parts.join(" && ")));
    }
    let included = if alternatives.is_empty() {
        "false".to_owned()
    } else {
        alternatives.join(" ||\n    ")
    };
    let mut text = String::new();
    text.push_str("// V1, V2\nforbid (principal, action, resource) when { resource.void || resource.withheld };\n");
    text.push_str("// V3, V4\nforbid (principal, action, resource) unless { resource.primaries.contains(context.subject) };\n");
    text.push_str(&format!(
        "// V5, V6, V7: an include rule (the most specific that applies) and its from-date\n\
         forbid (principal, action, resource) unless {{ resource.kle_valid && (\n    {included}) }};\n"
    ));
    if !policy.kle.exclude.is_empty() {
        let any: Vec<String> = policy.kle.exclude.iter().map(pattern_condition).collect();
        text.push_str(&format!(
            "// V6 excludes\nforbid (principal, action, resource) when {{ resource.kle_valid && ({}) }};\n",
            any.join(" || ")
        ));
    }
    if let Some(sources) = &policy.sources {
        let list: Vec<String> = sources.iter().map(|s| format!("\"{s}\"")).collect();
        text.push_str(&format!(
            "// V8\nforbid (principal, action, resource) unless {{ [{}].contains(resource.source) }};\n",
            list.join(", ")
        ));
    }
    text.push_str(&format!(
        "// V9\nforbid (principal, action, resource) when {{ resource.sensitivity > {} }};\n",
        policy.max_sensitivity.level()
    ));
    text.push_str("// W1\npermit (principal, action, resource) when { context.role == \"self\" && principal.is_subject };\n");
    text.push_str(
        "// W2, W3: a usable fuldmagt whose scope covers the record\n\
         permit (principal, action, resource) when { context.role == \"proxy\" && principal.mandate_usable\n\
         && (principal.scope_any || (resource.kle_valid && (principal.scope_mains.contains(resource.kle_main)\n\
         || principal.scope_groups.contains(resource.kle_group) || principal.scope_subjects.contains(resource.kle_subject))))\n\
         && resource.sensitivity <= principal.scope_max_sensitivity && principal.scope_records.contains(resource.kind) };\n",
    );
    text.push_str(
        "// W8: a consent from the subject to the viewer, for viewing, whose scope covers the record\n\
         permit (principal, action, resource) when { context.role == \"relative\" && principal.consent_usable\n\
         && (principal.consent_any || (resource.kle_valid && (principal.consent_mains.contains(resource.kle_main)\n\
         || principal.consent_groups.contains(resource.kle_group) || principal.consent_subjects.contains(resource.kle_subject)))) };\n",
    );
    text.push_str("// W10\nforbid (principal, action, resource) when { context.role != \"self\" && resource.withheld_reps };\n");
    text
}

/// The policy as a Cedar policy set.
pub fn policy_set(policy: &Policy) -> PolicySet {
    let text = policy_text(policy);
    PolicySet::from_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

/// A request's records as Cedar entities, with one prepared Cedar request per record
/// (cases, then benefits, then appointments, as egensag's explanation lists them).
pub struct CedarData {
    /// The viewer and every record.
    pub entities: Entities,
    /// One authorization request per record.
    pub requests: Vec<Request>,
}

fn string(s: &str) -> RestrictedExpression {
    RestrictedExpression::new_string(s.to_owned())
}

fn long(n: i64) -> RestrictedExpression {
    RestrictedExpression::new_long(n)
}

fn boolean(b: bool) -> RestrictedExpression {
    RestrictedExpression::new_bool(b)
}

fn longs(values: impl IntoIterator<Item = i64>) -> RestrictedExpression {
    RestrictedExpression::new_set(values.into_iter().map(long))
}

/// The parsed number's attributes (`kle_valid`, `kle_main`, `kle_group`, `kle_subject`).
fn kle_attrs(
    kle: Option<&String>,
    facet: Option<&String>,
    attrs: &mut HashMap<String, RestrictedExpression>,
) {
    let number = kle.and_then(|k| KleNumber::parse(k).ok());
    let facet_valid = facet.is_none_or(|f| Facet::parse(f).is_ok());
    let (main, group, subject) = number.map_or((0, 0, 0), |n| {
        let (m, g, s) = (
            i64::from(n.main_group()),
            i64::from(n.group()),
            i64::from(n.subject()),
        );
        (m, m * 100 + g, m * 10_000 + g * 100 + s)
    });
    attrs.insert("kle_valid".into(), boolean(number.is_some() && facet_valid));
    attrs.insert("kle_main".into(), long(main));
    attrs.insert("kle_group".into(), long(group));
    attrs.insert("kle_subject".into(), long(subject));
    attrs.insert("facet".into(), string(facet.map_or("", String::as_str)));
}

fn flag_attrs(
    flags: egensag::model::RecordFlags,
    attrs: &mut HashMap<String, RestrictedExpression>,
) {
    attrs.insert("void".into(), boolean(flags.void));
    attrs.insert("withheld".into(), boolean(flags.withheld_from_citizen));
    attrs.insert(
        "withheld_reps".into(),
        boolean(flags.withheld_from_representatives),
    );
    attrs.insert(
        "sensitivity".into(),
        long(i64::from(flags.sensitivity.level())),
    );
}

/// Well-formed CPR numbers, written as ten digits.
fn cprs<'a>(texts: impl IntoIterator<Item = &'a str>) -> RestrictedExpression {
    RestrictedExpression::new_set(
        texts
            .into_iter()
            .filter_map(|t| Cpr::parse(t).ok())
            .map(|c| string(c.as_str())),
    )
}

/// The viewer entity: whether they are the subject, and their one fuldmagt's scope.
fn viewer_entity(policy: &Policy, request: &EgRequest) -> Entity {
    let viewer = request.viewer.cpr;
    let subject = request.subject.cpr;
    let mut attrs = HashMap::new();
    attrs.insert("is_subject".into(), boolean(viewer == subject));
    let usable: Vec<_> = request
        .mandates
        .iter()
        .filter(|m| {
            m.kind == MandateKind::Fuldmagt
                && m.holder == viewer
                && m.subject == subject
                && subject.age_on(m.valid_from) >= 15
                && m.in_force_on(request.as_of)
                && m.privileges.iter().any(|p| {
                    p == "read"
                        || p == "act"
                        || policy.privileges.get(p).is_some_and(|l| l.includes_read())
                })
        })
        .collect();
    assert!(usable.len() <= 1, "the Cedar encoding covers one mandate");
    attrs.insert("mandate_usable".into(), boolean(!usable.is_empty()));
    let scope = usable.first().map(|m| &m.scope);
    let kle = scope.and_then(|s| s.kle.as_ref());
    kle_scope_attrs("scope", kle, &mut attrs);
    // W8: the consents from the subject to the viewer, in force, for viewing.
    let consents: Vec<_> = request
        .consents
        .iter()
        .filter(|c| c.subject == subject && c.recipient == viewer && c.in_force_on(request.as_of))
        .filter(|c| c.allows_viewing())
        .collect();
    assert!(consents.len() <= 1, "the Cedar encoding covers one consent");
    assert!(
        consents.iter().all(|c| c.scope.record_ids.is_none()),
        "the Cedar encoding covers consents without record_ids"
    );
    attrs.insert("consent_usable".into(), boolean(!consents.is_empty()));
    let consent_kle = consents.first().and_then(|c| c.scope.kle.as_ref());
    kle_scope_attrs("consent", consent_kle, &mut attrs);
    attrs.insert(
        "scope_max_sensitivity".into(),
        long(i64::from(
            scope
                .and_then(|s| s.max_sensitivity)
                .map_or(4, |s| s.level()),
        )),
    );
    let kinds: Vec<&str> = match scope.and_then(|s| s.records.as_ref()) {
        None => vec!["cases", "benefits", "appointments"],
        Some(list) => list
            .iter()
            .map(|k| match k {
                egensag::model::RecordKind::Cases => "cases",
                egensag::model::RecordKind::Benefits => "benefits",
                _ => "appointments",
            })
            .collect(),
    };
    attrs.insert(
        "scope_records".into(),
        RestrictedExpression::new_set(kinds.into_iter().map(string)),
    );
    Entity::new(uid("Viewer", "viewer"), attrs, HashSet::new()).unwrap()
}

/// A KLE scope as attributes `{name}_any` (no list, or `*`), `{name}_mains`,
/// `{name}_groups` and `{name}_subjects` (the numbers its patterns name at each level).
fn kle_scope_attrs(
    name: &str,
    kle: Option<&Vec<KlePattern>>,
    attrs: &mut HashMap<String, RestrictedExpression>,
) {
    let level = |p: &KlePattern| prefix(p).matches('.').count();
    let numbers = |want: usize| -> Vec<i64> {
        kle.into_iter()
            .flatten()
            .filter(|p| level(p) == want && p.specificity() as usize == want)
            .map(|p| {
                prefix(p)
                    .replace(['.', '*'], "")
                    .parse::<i64>()
                    .unwrap_or(-1)
            })
            .collect()
    };
    attrs.insert(
        format!("{name}_any"),
        boolean(kle.is_none_or(|k| k.iter().any(|p| p.specificity() == 0))),
    );
    attrs.insert(format!("{name}_mains"), longs(numbers(1)));
    attrs.insert(format!("{name}_groups"), longs(numbers(2)));
    attrs.insert(
        format!("{name}_subjects"),
        longs(
            kle.into_iter()
                .flatten()
                .filter(|p| p.specificity() == 3)
                .map(|p| p.to_string().replace('.', "").parse::<i64>().unwrap_or(-1)),
        ),
    );
}

fn uid(kind: &str, id: &str) -> EntityUid {
    EntityUid::from_str(&format!("{kind}::{}", serde_json::Value::from(id))).unwrap()
}

/// Encodes a parsed request for [`policy_set`].
pub fn encode(policy: &Policy, request: &EgRequest) -> CedarData {
    let mut entities = vec![viewer_entity(policy, request)];
    let mut ids = Vec::new();
    let mut add = |kind: &str, index: usize, attrs: HashMap<String, RestrictedExpression>| {
        let id = uid("Record", &format!("{kind}/{index}"));
        entities.push(Entity::new(id.clone(), attrs, HashSet::new()).unwrap());
        ids.push(id);
    };
    for (i, case) in request.cases.iter().enumerate() {
        let mut attrs = HashMap::new();
        attrs.insert("kind".into(), string("cases"));
        attrs.insert("source".into(), string(&case.source));
        kle_attrs(case.kle.as_ref(), case.facet.as_ref(), &mut attrs);
        flag_attrs(
            egensag::model::RecordFlags {
                sensitivity: case.sensitivity,
                withheld_from_citizen: case.withheld_from_citizen,
                withheld_from_representatives: case.withheld_from_representatives,
                void: case.void,
            },
            &mut attrs,
        );
        attrs.insert(
            "primaries".into(),
            cprs(
                case.parties
                    .iter()
                    .filter(|p| p.role == PartyRole::Primary)
                    .filter_map(|p| p.cpr.as_deref()),
            ),
        );
        attrs.insert("date".into(), long(days(case.created)));
        attrs.insert(
            "closed".into(),
            boolean(egensag::status::is_closed(case, request.as_of)),
        );
        add("case", i, attrs);
    }
    for (i, benefit) in request.benefits.iter().enumerate() {
        let mut attrs = HashMap::new();
        attrs.insert("kind".into(), string("benefits"));
        attrs.insert("source".into(), string(&benefit.source));
        kle_attrs(benefit.kle.as_ref(), None, &mut attrs);
        flag_attrs(
            egensag::model::RecordFlags {
                sensitivity: benefit.sensitivity,
                withheld_from_citizen: benefit.withheld_from_citizen,
                withheld_from_representatives: benefit.withheld_from_representatives,
                void: benefit.void,
            },
            &mut attrs,
        );
        attrs.insert("primaries".into(), cprs(benefit.recipient.as_deref()));
        let latest = benefit
            .payments
            .iter()
            .map(|p| p.disposition_date)
            .max()
            .map_or(benefit.created, |d| d.max(benefit.created));
        attrs.insert("date".into(), long(days(latest)));
        attrs.insert("closed".into(), boolean(false));
        add("benefit", i, attrs);
    }
    for (i, appointment) in request.appointments.iter().enumerate() {
        assert!(
            appointment.kle.is_some(),
            "the Cedar encoding covers appointments with their own KLE number"
        );
        let mut attrs = HashMap::new();
        attrs.insert("kind".into(), string("appointments"));
        attrs.insert("source".into(), string(&appointment.source));
        kle_attrs(appointment.kle.as_ref(), None, &mut attrs);
        flag_attrs(
            egensag::model::RecordFlags {
                sensitivity: appointment.sensitivity,
                withheld_from_citizen: appointment.withheld_from_citizen,
                withheld_from_representatives: appointment.withheld_from_representatives,
                void: appointment.void,
            },
            &mut attrs,
        );
        attrs.insert(
            "primaries".into(),
            cprs(appointment.participants.iter().map(String::as_str)),
        );
        attrs.insert("date".into(), long(days(appointment.start.date_naive())));
        attrs.insert("closed".into(), boolean(false));
        add("appointment", i, attrs);
    }
    let role = match request.viewer.role {
        Role::Myself => "self",
        Role::Proxy => "proxy",
        Role::Relative => "relative",
        other => panic!("the Cedar encoding covers self, proxy and relative, not {other:?}"),
    };
    let context = Context::from_pairs([
        ("subject".to_owned(), string(request.subject.cpr.as_str())),
        ("role".to_owned(), string(role)),
    ])
    .unwrap();
    let viewer = uid("Viewer", "viewer");
    let action = uid("Action", "view");
    let requests = ids
        .into_iter()
        .map(|id| Request::new(viewer.clone(), action.clone(), id, context.clone(), None).unwrap())
        .collect();
    CedarData {
        entities: Entities::from_entities(entities, None).unwrap(),
        requests,
    }
}

/// Cedar's decision for every record, in order.
pub fn decisions(policies: &PolicySet, data: &CedarData) -> Vec<bool> {
    let authorizer = Authorizer::new();
    data.requests
        .iter()
        .map(|r| {
            authorizer
                .is_authorized(r, policies, &data.entities)
                .decision()
                == Decision::Allow
        })
        .collect()
}

/// egensag's decision for every record, in the same order (from its explanation).
pub fn egensag_decisions(engine: &egensag::Engine, request: &EgRequest) -> Vec<bool> {
    engine
        .explain(request)
        .unwrap()
        .entries
        .iter()
        .map(|e| e.visible)
        .collect()
}
