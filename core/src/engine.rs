//! The engine: a policy (and optional KLE catalogue) compiled once, then used for any
//! number of requests, from any number of threads.

use crate::error::Error;
use crate::evaluation::{built, evaluate, DecisionsOnly, Evaluation};
use crate::explanation::Explanation;
use crate::kle::Catalogue;
use crate::model::{parse_policy, Policy, Request};
use crate::notifications::Notifications;
use crate::overview::Overview;
use crate::presentation::{with_payments, Presenter};
use crate::validation::ValidationReport;
use crate::visibility::{CompiledPolicy, Detail};

/// A compiled policy, immutable and `Send + Sync`: build it once, share it.
///
/// ```
/// use egensag::Engine;
/// let engine = Engine::from_policy_json(r#"{
///   "id": "kk-2026-11",
///   "kle": { "include": [ { "pattern": "32.*", "from": "2007-12-01" } ] }
/// }"#).unwrap();
/// let overview = engine.overview_json(r#"{
///   "as_of": "2026-11-23",
///   "subject": { "cpr": "0101901234" },
///   "viewer":  { "cpr": "0101901234", "role": "self" },
///   "cases": [ { "id": "S-1", "source": "KSD", "title": "Sygedagpenge", "kle": "32.30.04",
///                "parties": [ { "cpr": "0101901234", "role": "primary" } ], "created": "2026-11-02",
///                "progress": [ { "state": "oplyst", "at": "2026-11-05" } ] } ]
/// }"#).unwrap();
/// assert!(overview.contains(r#""text":"Sagen behandles""#));
/// assert!(!overview.contains("0101901234"));
/// ```
#[derive(Debug, Clone)]
pub struct Engine {
    policy: Policy,
    compiled: CompiledPolicy,
    catalogue: Option<Catalogue>,
}

impl Engine {
    /// Compiles a parsed policy.
    ///
    /// ```
    /// let policy = egensag::model::parse_policy(r#"{"id": "p", "kle": {"include": []}}"#).unwrap();
    /// let engine = egensag::Engine::new(policy);
    /// assert_eq!(engine.policy().id, "p");
    /// ```
    pub fn new(policy: Policy) -> Engine {
        let compiled = CompiledPolicy::new(&policy);
        Engine {
            policy,
            compiled,
            catalogue: None,
        }
    }

    /// Parses and compiles a policy given as JSON.
    ///
    /// ```
    /// let err = egensag::Engine::from_policy_json("{").unwrap_err();
    /// assert_eq!(err.code(), egensag::ErrorCode::InvalidJson);
    /// ```
    pub fn from_policy_json(policy_json: &str) -> Result<Engine, Error> {
        parse_policy(policy_json).map(Engine::new)
    }

    /// The same engine with a KLE catalogue, for subject and area titles.
    ///
    /// ```
    /// let catalogue = egensag::kle::Catalogue::from_json(r#"{"published": null, "entries": [{"number": "32", "title": "Social ydelser"}]}"#).unwrap();
    /// let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": []}}"#).unwrap().with_catalogue(catalogue);
    /// assert!(engine.catalogue().is_some());
    /// ```
    pub fn with_catalogue(mut self, catalogue: Catalogue) -> Engine {
        self.catalogue = Some(catalogue);
        self
    }

    /// Reads a catalogue given as KLE-online XML (starting with `<`) or as JSON.
    ///
    /// ```
    /// let c = egensag::Engine::parse_catalogue(r#"{"published": null, "entries": []}"#).unwrap();
    /// assert!(c.entries.is_empty());
    /// ```
    pub fn parse_catalogue(text: &str) -> Result<Catalogue, Error> {
        if text.trim_start().starts_with('<') {
            Catalogue::from_xml(text)
        } else {
            Catalogue::from_json(text)
        }
    }

    /// The policy this engine was compiled from.
    ///
    /// ```
    /// # let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": []}}"#).unwrap();
    /// assert!(engine.policy().kle.include.is_empty());
    /// ```
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// The catalogue, if one was given.
    ///
    /// ```
    /// # let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": []}}"#).unwrap();
    /// assert!(engine.catalogue().is_none());
    /// ```
    pub fn catalogue(&self) -> Option<&Catalogue> {
        self.catalogue.as_ref()
    }

    /// Parses a request within this policy's limits.
    ///
    /// ```
    /// # let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": []}}"#).unwrap();
    /// let err = engine.parse_request(r#"{"as_of": "2026-13-01"}"#).unwrap_err();
    /// assert_eq!(err.path(), "as_of");
    /// ```
    pub fn parse_request(&self, request_json: &str) -> Result<Request, Error> {
        crate::model::parse::parse_request_with(request_json, &self.policy.limits)
    }

    /// Parses a [`RepresentedRequest`](crate::represented::RepresentedRequest) within
    /// this policy's limits (size, depth, string length; the number of mandates is
    /// checked by [`Engine::represented`]).
    ///
    /// ```
    /// # let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": []}}"#).unwrap();
    /// let err = engine.parse_represented_request(r#"{"as_of": "2026-11-23", "viewer": {"cpr": "0202804321"}, "cases": []}"#).unwrap_err();
    /// assert_eq!(err.code(), egensag::ErrorCode::InvalidInput);
    /// ```
    pub fn parse_represented_request(
        &self,
        json: &str,
    ) -> Result<crate::represented::RepresentedRequest, Error> {
        crate::model::parse::check_size_and_depth(json, &self.policy.limits)?;
        crate::model::parse::from_json(json, crate::ErrorCode::InvalidInput)
    }

    /// Whom the viewer may act for (docs/plans-and-actions.md): one entry per usable mandate.
    ///
    /// ```
    /// # let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": []}}"#).unwrap();
    /// let request = engine.parse_represented_request(r#"{"as_of": "2026-11-23", "viewer": {"cpr": "0202804321"},
    ///   "mandates": [{"id": "F-1", "kind": "fuldmagt", "holder": "0202804321", "subject": "0101901234",
    ///                 "valid_from": "2026-01-01", "valid_to": "2026-06-30", "privileges": ["read"]}]}"#).unwrap();
    /// assert!(engine.represented(&request).unwrap().represented.is_empty()); // expired
    /// ```
    pub fn represented(
        &self,
        request: &crate::represented::RepresentedRequest,
    ) -> Result<crate::represented::Represented, Error> {
        crate::represented::represented(&self.compiled, request)
    }

    /// The citizen's overview.
    ///
    /// ```
    /// # let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": [{"pattern": "*"}]}}"#).unwrap();
    /// let request = egensag::model::parse_request(r#"{"as_of": "2026-11-23", "subject": {"cpr": "0101901234"},
    ///   "viewer": {"cpr": "0202804321", "role": "relative"},
    ///   "cases": [{"id": "S-1", "source": "KSD", "title": "T", "kle": "32.30.04",
    ///              "parties": [{"cpr": "0101901234", "role": "primary"}], "created": "2026-11-01"}]}"#).unwrap();
    /// assert!(engine.overview(&request).unwrap().cases.is_empty()); // no consent
    /// ```
    pub fn overview(&self, request: &Request) -> Result<Overview, Error> {
        let evaluation = self.present(request, Detail::Reasons)?;
        let payments = request.benefits.iter().map(|b| b.payments.iter().cloned());
        Ok(Overview::assemble(
            request,
            built(evaluation.cases),
            with_payments(evaluation.benefits, payments),
            built(evaluation.appointments),
            built(evaluation.plans),
        ))
    }

    /// The explanation: every record's decision with its reasons and rules.
    ///
    /// ```
    /// # let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": [{"pattern": "*"}]}}"#).unwrap();
    /// # let request = egensag::model::parse_request(r#"{"as_of": "2026-11-23", "subject": {"cpr": "0101901234"},
    /// #   "viewer": {"cpr": "0101901234", "role": "self"}}"#).unwrap();
    /// assert!(engine.explain(&request).unwrap().entries.is_empty());
    /// ```
    pub fn explain(&self, request: &Request) -> Result<Explanation, Error> {
        let evaluation = self.present(request, Detail::Rules)?;
        Ok(Explanation::assemble(&self.policy.id, request, evaluation))
    }

    /// Validates a parsed request: what the engine would hide because a source wrote it wrong.
    ///
    /// ```
    /// # let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": []}}"#).unwrap();
    /// # let request = egensag::model::parse_request(r#"{"as_of": "2026-11-23", "subject": {"cpr": "0101901234"},
    /// #   "viewer": {"cpr": "0101901234", "role": "self"}}"#).unwrap();
    /// assert!(engine.validate(&request).valid);
    /// ```
    pub fn validate(&self, request: &Request) -> ValidationReport {
        crate::validation::validate(request, &self.policy.limits)
    }

    /// The notifications from an earlier overview to a later one of the same subject
    /// (deadline reminders with the policy's `reminder_days`).
    ///
    /// ```
    /// # let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": []}}"#).unwrap();
    /// # let request = egensag::model::parse_request(r#"{"as_of": "2026-11-23", "subject": {"cpr": "0101901234"},
    /// #   "viewer": {"cpr": "0101901234", "role": "self"}}"#).unwrap();
    /// let overview = engine.overview(&request).unwrap();
    /// assert!(engine.notifications(&overview, &overview).unwrap().notifications.is_empty());
    /// ```
    pub fn notifications(
        &self,
        previous: &Overview,
        current: &Overview,
    ) -> Result<Notifications, Error> {
        crate::notifications::notifications_with_reminder(
            previous,
            current,
            self.policy.reminder_days,
        )
    }

    /// Makes an engine from policy JSON and an optional catalogue (KLE-online XML or
    /// JSON): [`json::engine`](crate::json::engine).
    ///
    /// ```
    /// let err = egensag::Engine::from_json(r#"{"id": "p", "kle": {"include": []}}"#, Some("<KLE-Emneplan>")).unwrap_err();
    /// assert_eq!(err.path(), "catalogue");
    /// ```
    pub fn from_json(policy_json: &str, catalogue: Option<&str>) -> Result<Engine, Error> {
        crate::json::engine(policy_json, catalogue)
    }

    /// JSON request in, JSON overview out: [`json::overview`](crate::json::overview).
    ///
    /// ```
    /// # let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": []}}"#).unwrap();
    /// let overview = engine.overview_json(r#"{"as_of": "2026-11-23", "language": "en",
    ///   "subject": {"cpr": "0101901234"}, "viewer": {"cpr": "0101901234", "role": "self"}}"#).unwrap();
    /// assert!(overview.starts_with(r#"{"as_of":"2026-11-23","language":"en","subject":"010190-XXXX""#));
    /// ```
    pub fn overview_json(&self, request_json: &str) -> Result<String, Error> {
        crate::json::overview(self, request_json)
    }

    /// JSON request in, JSON explanation out: [`json::explain`](crate::json::explain).
    ///
    /// ```
    /// # let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": []}}"#).unwrap();
    /// let err = engine.explain_json(r#"{"as_of": "2026-11-23", "subject": {"cpr": "0101901234"},
    ///   "viewer": {"cpr": "0101901234", "role": "boss"}}"#).unwrap_err();
    /// assert_eq!(err.path(), "viewer.role");
    /// ```
    pub fn explain_json(&self, request_json: &str) -> Result<String, Error> {
        crate::json::explain(self, request_json)
    }

    /// JSON request in, JSON validation report out: [`json::validate`](crate::json::validate).
    ///
    /// ```
    /// # let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": []}}"#).unwrap();
    /// let report = engine.validate_json(r#"{"as_of": "2026-11-23", "subject": {"cpr": "0101901234"},
    ///   "viewer": {"cpr": "0101901234", "role": "self"},
    ///   "cases": [{"id": "S-1", "source": "KSD", "kle": "32.3", "created": "2026-11-01",
    ///              "parties": [{"cpr": "0101901234", "role": "primary"}]}]}"#).unwrap();
    /// assert!(report.starts_with(r#"{"valid":false,"problems":[{"code":"kle.invalid","path":"cases[0].kle""#));
    /// ```
    pub fn validate_json(&self, request_json: &str) -> Result<String, Error> {
        crate::json::validate(self, request_json)
    }

    /// JSON represented request in, JSON list of whom the viewer may act for out:
    /// [`json::represented`](crate::json::represented).
    ///
    /// ```
    /// # let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": []}}"#).unwrap();
    /// let list = engine.represented_json(r#"{"as_of": "2026-11-23", "viewer": {"cpr": "0202804321"}}"#).unwrap();
    /// assert_eq!(list, r#"{"as_of":"2026-11-23","represented":[]}"#);
    /// ```
    pub fn represented_json(&self, request_json: &str) -> Result<String, Error> {
        crate::json::represented(self, request_json)
    }

    /// Two JSON overviews in (earlier, later), JSON notifications out:
    /// [`json::notifications`](crate::json::notifications).
    ///
    /// ```
    /// # let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": []}}"#).unwrap();
    /// let overview = engine.overview_json(r#"{"as_of": "2026-11-23", "subject": {"cpr": "0101901234"},
    ///   "viewer": {"cpr": "0101901234", "role": "self"}}"#).unwrap();
    /// let n = engine.notifications_json(&overview, &overview).unwrap();
    /// assert_eq!(n, r#"{"since":"2026-11-23","as_of":"2026-11-23","notifications":[]}"#);
    /// ```
    pub fn notifications_json(
        &self,
        previous_json: &str,
        current_json: &str,
    ) -> Result<String, Error> {
        crate::json::notifications(self, previous_json, current_json)
    }

    /// The visibility rules alone (docs/rules.md) over every record of a parsed
    /// request: the number of records visible, after the checks of each record's own
    /// values. For benchmarks that compare the decision with other policy engines; it
    /// presents nothing.
    ///
    /// ```
    /// # let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": [{"pattern": "*"}]}}"#).unwrap();
    /// let request = egensag::model::parse_request(r#"{"as_of": "2026-11-23", "subject": {"cpr": "0101901234"},
    ///   "viewer": {"cpr": "0101901234", "role": "self"},
    ///   "cases": [{"id": "S-1", "source": "KSD", "kle": "32.30.04",
    ///              "parties": [{"cpr": "0101901234", "role": "primary"}], "created": "2026-11-01"}]}"#).unwrap();
    /// assert_eq!(engine.decide_all(&request).unwrap(), 1);
    /// ```
    #[doc(hidden)]
    pub fn decide_all(&self, request: &Request) -> Result<usize, Error> {
        let evaluation = evaluate(&self.compiled, request, Detail::Reasons, &DecisionsOnly)?;
        Ok(evaluation.visible())
    }

    /// Decides every record of `request` and presents the visible ones.
    fn present(
        &self,
        request: &Request,
        detail: Detail,
    ) -> Result<Evaluation<Presenter<'_>>, Error> {
        let presenter = Presenter {
            policy: &self.policy,
            compiled: &self.compiled,
            catalogue: self.catalogue.as_ref(),
            as_of: request.as_of,
            language: request.language,
        };
        evaluate(&self.compiled, request, detail, &presenter)
    }

    /// [`Engine::overview`] of a request the caller gives up: the benefits' listed
    /// payments are moved into the overview instead of copied (most of a request's bytes
    /// are payments). The same overview as [`Engine::overview`]; the JSON entry points
    /// use this one.
    ///
    /// ```
    /// # let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": [{"pattern": "*"}]}}"#).unwrap();
    /// let request = egensag::model::parse_request(r#"{"as_of": "2026-11-23", "subject": {"cpr": "0101901234"},
    ///   "viewer": {"cpr": "0101901234", "role": "self"},
    ///   "benefits": [{"id": "Y-1", "source": "KY", "kle": "32.24.04", "name": "Kontanthjælp",
    ///                 "recipient": "0101901234", "created": "2026-01-05",
    ///                 "grant": {"from": "2026-02-01", "amount_ore": 150000,
    ///                           "plan": {"frequency": "monthly", "payment_day": "last_banking_day", "in_advance": false}},
    ///                 "payments": [{"id": "P-1", "period_from": "2026-02-01", "period_to": "2026-02-28",
    ///                               "disposition_date": "2026-02-27", "gross_ore": 150000, "net_ore": 120000,
    ///                               "status": "paid"}]}]}"#).unwrap();
    /// let copied = engine.overview(&request).unwrap();
    /// assert_eq!(copied.benefits[0].payments.len(), 1);
    /// assert_eq!(engine.overview_owned(request).unwrap(), copied);
    /// ```
    pub fn overview_owned(&self, mut request: Request) -> Result<Overview, Error> {
        let evaluation = self.present(&request, Detail::Reasons)?;
        let benefits = std::mem::take(&mut request.benefits);
        let benefits = with_payments(
            evaluation.benefits,
            benefits.into_iter().map(|b| b.payments),
        );
        Ok(Overview::assemble(
            &request,
            built(evaluation.cases),
            benefits,
            built(evaluation.appointments),
            built(evaluation.plans),
        ))
    }
}
