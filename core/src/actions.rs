//! Actions a citizen, or someone acting for them, may take on a visible record, and why
//! an action is not offered. The codes are declared here; the rules that offer actions
//! come with the next part of the contract.

use crate::codes::codes;

codes! {
    /// What a viewer may do with a record.
    ///
    /// ```
    /// use egensag::actions::Action;
    /// assert_eq!(Action::SendDocument.as_str(), "case.send_document");
    /// assert_eq!("plan.approve".parse::<Action>(), Ok(Action::ApprovePlan));
    /// ```
    #[non_exhaustive]
    pub enum Action {
        /// Send a document to a case.
        SendDocument = "case.send_document",
        /// Answer a request for information in a case.
        AnswerRequest = "case.answer_request",
        /// Cancel an appointment.
        CancelAppointment = "appointment.cancel",
        /// Book another time for an appointment.
        RebookAppointment = "appointment.rebook",
        /// Assess a goal of a plan.
        AssessGoal = "plan.assess_goal",
        /// Approve a plan.
        ApprovePlan = "plan.approve",
    }
}

codes! {
    /// Why an action is not offered.
    ///
    /// ```
    /// use egensag::actions::ActionReason;
    /// assert_eq!(ActionReason::TooLate.as_str(), "action.too_late");
    /// assert_eq!(serde_json::to_string(&ActionReason::SelfOnly).unwrap(), "\"action.self_only\"");
    /// ```
    #[non_exhaustive]
    pub enum ActionReason {
        /// The policy does not enable the action.
        NotEnabled = "action.not_enabled",
        /// The action does not apply to this record (e.g. no open request to answer).
        NotApplicable = "action.not_applicable",
        /// The time for the action has passed.
        TooLate = "action.too_late",
        /// Only the subject themself may take the action.
        SelfOnly = "action.self_only",
        /// The viewer's mandate does not grant acting.
        NoActPrivilege = "action.no_act_privilege",
        /// The viewer's consent does not cover acting.
        ConsentMissing = "action.consent_missing",
    }
}
