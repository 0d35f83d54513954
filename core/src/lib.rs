//! # egensag
//!
//! The rule core of a citizen's overview of their own municipal cases, benefits and
//! appointments ("Mit Overblik", "Mine sager"): which records a citizen, or someone
//! acting for them, may see, and how each is presented.
//!
//! The crate is pure: it performs no I/O and reads no clock. The day an overview is made
//! for is always part of the request (`as_of`).
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod actions;
pub mod calendar;
pub mod codes;
pub mod cpr;
pub mod dates;
mod engine;
pub mod error;
mod evaluation;
pub mod explanation;
pub mod json;
pub mod kle;
pub mod model;
pub mod notifications;
mod order;
pub mod overview;
pub mod plans;
mod presentation;
pub mod privileges;
pub mod represented;
pub mod schema;
pub mod sources;
pub mod status;
pub mod texts;
pub mod validation;
mod values;
pub mod visibility;
mod xml;

pub use cpr::Cpr;
pub use engine::Engine;
pub use error::{Error, ErrorCode};
pub use explanation::Explanation;
pub use notifications::Notifications;
pub use overview::Overview;
pub use validation::ValidationReport;

/// The repository README's Rust examples, run as doc tests so they cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;

/// The crate README's example (the crate's page on a registry), run as a doc test.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct CrateReadmeDoctests;
