//! Synthetic data, the Cedar encoding and timing helpers for egensag's benchmarks.
//!
//! Not published: a harness whose failures should be loud, so the library lints that
//! forbid panics are relaxed here.
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

pub mod cedar;
pub mod gen;
pub mod timing;
