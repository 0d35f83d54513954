//! Whom a viewer may act for (docs/plans-and-actions.md): every subject the viewer may see
//! something of on a day, one entry per usable mandate — what a portal needs for its
//! "vælg hvem du vil se for" choice.
//!
//! A mandate is listed by the same rules W2–W5 the overview uses (one function,
//! `usable_mandates`, decides both): the right kind for its role, held by the viewer, a
//! fuldmagt's grantor 15 or older when it was given, in force (not expired, not revoked,
//! a fuldmagt not ended by the subject's death) and granting `read`. A parent is not
//! listed for a subject who is 18 or older (`custody.subject_adult`). Mandates from a
//! NemLog-in claim (`privileges_intermediate`) count as the request's own.
//!
//! ```
//! let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": []}}"#).unwrap();
//! let list = egensag::json::represented(&engine, r#"{"as_of": "2026-11-23",
//!   "viewer": {"cpr": "0202804321"},
//!   "mandates": [{"id": "F-1", "kind": "fuldmagt", "holder": "0202804321", "subject": "0101901234",
//!                 "valid_from": "2026-01-01", "privileges": ["read"]}]}"#).unwrap();
//! assert_eq!(list, r#"{"as_of":"2026-11-23","represented":[{"subject":"010190-XXXX","role":"proxy","mandate_id":"F-1","valid_to":null,"scope":{"kle":null,"max_sensitivity":null,"records":null}}]}"#);
//! ```

use crate::error::Error;
use crate::model::{Mandate, MandateScope, Request, Role, Subject};
use crate::order;
use crate::visibility::{claimed_mandates_of, usable_mandates, CompiledPolicy, ADULT_AGE};
use crate::Cpr;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The input of [`represented`](crate::Engine::represented): the parts of a request that
/// say whom the viewer holds mandates for.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RepresentedRequest {
    /// The day the list is for.
    #[serde(with = "crate::dates::Iso")]
    pub as_of: NaiveDate,
    /// Who is choosing whom to act for.
    pub viewer: RepresentedViewer,
    /// The mandates known for the viewer (others are ignored).
    #[serde(default)]
    pub mandates: Vec<Mandate>,
    /// A NemLog-in privileges claim (base64 XML); its fuldmagter count as mandates.
    #[serde(default)]
    pub privileges_intermediate: Option<String>,
    /// What is known of the subjects: a subject's `deceased_on` ends every fuldmagt for
    /// them from that day, as in the overview.
    #[serde(default)]
    pub subjects: Vec<Subject>,
}

impl RepresentedRequest {
    /// The represented request of an overview request, as the main job's `--represented`
    /// makes it: the request's `as_of`, its viewer's CPR number (every role, not only the
    /// one the request claims), its `mandates` and `privileges_intermediate`, and its
    /// subject (whose `deceased_on` counts).
    ///
    /// ```
    /// # let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": []}}"#).unwrap();
    /// use egensag::represented::RepresentedRequest;
    /// let request = engine.parse_request(r#"{"as_of": "2026-11-23", "subject": {"cpr": "0101901234"},
    ///   "viewer": {"cpr": "0202804321", "role": "relative"},
    ///   "mandates": [{"id": "F-1", "kind": "fuldmagt", "holder": "0202804321", "subject": "0101901234",
    ///                 "valid_from": "2026-01-01", "privileges": ["read"]}]}"#).unwrap();
    /// let input = RepresentedRequest::from_request(&request);
    /// assert_eq!(input.viewer.role, None);
    /// let list = engine.represented(&input).unwrap();
    /// assert_eq!(list.represented[0].mandate_id, "F-1");
    /// assert_eq!(list.represented[0].subject, "010190-XXXX");
    /// ```
    pub fn from_request(request: &Request) -> Self {
        RepresentedRequest {
            as_of: request.as_of,
            viewer: RepresentedViewer {
                cpr: request.viewer.cpr,
                role: None,
            },
            mandates: request.mandates.clone(),
            privileges_intermediate: request.privileges_intermediate.clone(),
            subjects: vec![request.subject.clone()],
        }
    }
}

/// The viewer of a [`RepresentedRequest`].
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RepresentedViewer {
    /// The viewer's CPR number.
    pub cpr: Cpr,
    /// Only list mandates for this role (`proxy`, `guardian` or `parent`; `self` and
    /// `relative` need no mandate and list none). Absent: every role.
    #[serde(default)]
    pub role: Option<Role>,
}

/// Everyone the viewer may act for on `as_of`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Represented {
    /// The day the list is for.
    #[serde(with = "crate::dates::Iso")]
    pub as_of: NaiveDate,
    /// One entry per usable mandate, sorted by subject, role and mandate id.
    pub represented: Vec<RepresentedEntry>,
}

/// One usable mandate: whom it is for and what it covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RepresentedEntry {
    /// The subject, masked `DDMMYY-XXXX`.
    pub subject: String,
    /// The role the mandate gives the viewer: `proxy`, `guardian` or `parent`.
    pub role: Role,
    /// The mandate's id.
    pub mandate_id: String,
    /// The mandate's last day in force, if it ends.
    #[serde(default, with = "crate::dates::IsoOption")]
    pub valid_to: Option<NaiveDate>,
    /// What the mandate covers; absent fields mean no limit.
    pub scope: MandateScope,
}

/// The roles that act by a mandate, in the order they are tried.
const MANDATE_ROLES: [Role; 3] = [Role::Proxy, Role::Guardian, Role::Parent];

/// Lists whom the viewer may act for. Fails only on a bad NemLog-in claim or too many
/// mandates (`limit_exceeded`, path `mandates[N]`).
pub(crate) fn represented(
    policy: &CompiledPolicy,
    request: &RepresentedRequest,
) -> Result<Represented, Error> {
    let limit = policy.limits.max_mandates;
    if request.mandates.len() > limit {
        return Err(Error::limit(
            format!("mandates[{limit}]"),
            format!("more than {limit} mandates"),
        ));
    }
    let viewer = request.viewer.cpr;
    let as_of = request.as_of;
    let claimed = claimed_mandates_of(
        policy,
        request.privileges_intermediate.as_deref(),
        viewer,
        as_of,
    )?;
    let mandates: Vec<&Mandate> = request.mandates.iter().chain(claimed.iter()).collect();
    let mut subjects: Vec<Cpr> = mandates
        .iter()
        .filter(|m| m.holder == viewer)
        .map(|m| m.subject)
        .collect();
    order::sort_dedup(&mut subjects);
    let roles = MANDATE_ROLES
        .into_iter()
        .filter(|role| request.viewer.role.is_none_or(|wanted| wanted == *role));
    let mut entries = Vec::new();
    for role in roles {
        for &cpr in &subjects {
            let subject = subject_facts(request, cpr);
            if role == Role::Parent && cpr.age_on(as_of) >= ADULT_AGE {
                continue;
            }
            let Ok(usable) = usable_mandates(policy, role, viewer, &subject, as_of, &mandates)
            else {
                continue;
            };
            entries.extend(usable.into_iter().map(|m| RepresentedEntry {
                subject: cpr.masked(),
                role,
                mandate_id: m.id.clone(),
                valid_to: m.valid_to,
                scope: m.scope.clone(),
            }));
        }
    }
    order::sort_by(&mut entries, |a, b| {
        (&a.subject, a.role.as_str(), &a.mandate_id).cmp(&(
            &b.subject,
            b.role.as_str(),
            &b.mandate_id,
        ))
    });
    Ok(Represented {
        as_of,
        represented: entries,
    })
}

/// What the request says of the subject `cpr` (only that they exist, if nothing).
fn subject_facts(request: &RepresentedRequest, cpr: Cpr) -> Subject {
    request
        .subjects
        .iter()
        .find(|s| s.cpr == cpr)
        .cloned()
        .unwrap_or(Subject {
            cpr,
            deceased_on: None,
        })
}
