//! Reading the inputs: files (UTF-8 text, or an input error), the built-in samples (the
//! same files as `cargo run --example overview`), the engine, and the index documents
//! whose records join the request's.

use clap::ValueEnum;
use egensag::model::{Language, Request};
use egensag::sources::SourceOutput;
use egensag::{Engine, Error};
use std::path::{Path, PathBuf};

/// The built-in sample data: the main job's files in `examples/data/`, compiled in.
const SAMPLE_POLICY: &str = include_str!("../../examples/data/policy.json");
const SAMPLE_CATALOGUE: &str = include_str!("../../examples/data/kle-sample.xml");
const SAMPLE_SELF: &str = include_str!("../../examples/data/anna.json");
const SAMPLE_PROXY: &str = include_str!("../../examples/data/anna-proxy.json");
const SAMPLE_PARENT: &str = include_str!("../../examples/data/clara-parent.json");

/// A built-in sample request.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Sample {
    /// Anna (born 1990), seen by herself.
    #[value(name = "self")]
    Myself,
    /// Anna, seen by her proxy (a fuldmagt for KLE 32 only).
    Proxy,
    /// Clara (16), seen by her parent.
    Parent,
}

/// The files (or sample) a request and its engine are made of.
pub struct Inputs<'a> {
    pub sample: Option<Sample>,
    pub policy: Option<&'a Path>,
    pub request: Option<&'a Path>,
    pub catalogue: Option<&'a Path>,
    pub sf1470: &'a [PathBuf],
    pub ydelsesindeks: &'a [PathBuf],
    pub source_profile: Option<&'a Path>,
}

/// An engine and the request (JSON text, with the index documents' records added).
pub struct Loaded {
    pub engine: Engine,
    pub request: String,
    /// What the index readers could not read (those records are hidden).
    pub problems: Vec<SourceProblem>,
}

/// One problem an index reader reported: a record it could not read.
pub struct SourceProblem {
    /// The document it was in, as given on the command line.
    pub file: String,
    pub code: String,
    pub path: String,
    pub message: String,
}

impl SourceProblem {
    /// `source problem: FILE: CODE at PATH: MESSAGE`, as the main job prints it.
    pub fn line(&self) -> String {
        format!(
            "source problem: {}: {} at {}: {}",
            self.file, self.code, self.path, self.message
        )
    }
}

impl Loaded {
    /// The request parsed within the policy's limits; `language`, when given, replaces
    /// the request's own (the readable output's choice).
    pub fn parse_request(&self, language: Option<Language>) -> Result<Request, Error> {
        let mut request = self.engine.parse_request(&self.request)?;
        if let Some(language) = language {
            request.language = language;
        }
        Ok(request)
    }
}

/// Reads a file as UTF-8 text. A file that cannot be read is an `invalid_input` error at
/// `name` (the input's name); one that is not UTF-8 an `invalid_json` error at `name`
/// saying where, with the C library's message.
pub fn read_text(path: &Path, name: &str) -> Result<String, Error> {
    let bytes = std::fs::read(path)
        .map_err(|e| Error::input(name, format!("cannot read {}: {e}", path.display())))?;
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        Error::syntax(
            name,
            format!(
                "{}: expected UTF-8 text; invalid byte at offset {offset}",
                path.display()
            ),
        )
    })
}

fn read_optional(path: Option<&Path>, name: &str) -> Result<Option<String>, Error> {
    path.map(|p| read_text(p, name)).transpose()
}

/// Makes the engine and the request as the main job does: the samples' policy (and
/// catalogue) unless a policy is given, the sample request unless a request is given,
/// then every index document's records added for the request's `as_of`.
pub fn load(inputs: &Inputs<'_>) -> Result<Loaded, Error> {
    let policy = read_optional(inputs.policy, "policy")?;
    let catalogue = match (inputs.catalogue, &policy) {
        (Some(path), _) => Some(read_text(path, "catalogue")?),
        (None, None) => Some(SAMPLE_CATALOGUE.to_owned()),
        (None, Some(_)) => None,
    };
    let request = match (inputs.request, inputs.sample) {
        (Some(path), _) => read_text(path, "request")?,
        (None, None | Some(Sample::Myself)) => SAMPLE_SELF.to_owned(),
        (None, Some(Sample::Proxy)) => SAMPLE_PROXY.to_owned(),
        (None, Some(Sample::Parent)) => SAMPLE_PARENT.to_owned(),
    };
    let engine = Engine::from_json(
        policy.as_deref().unwrap_or(SAMPLE_POLICY),
        catalogue.as_deref(),
    )?;
    let mut loaded = Loaded {
        engine,
        request,
        problems: Vec::new(),
    };
    let documents = inputs
        .sf1470
        .iter()
        .map(|p| ("sf1470", p))
        .chain(inputs.ydelsesindeks.iter().map(|p| ("ydelsesindeks", p)));
    let mut as_of = None;
    let profile = read_optional(inputs.source_profile, "source_profile")?;
    for (kind, path) in documents {
        let day = match &as_of {
            Some(day) => day,
            None => as_of.insert(
                loaded
                    .engine
                    .parse_request(&loaded.request)?
                    .as_of
                    .to_string(),
            ),
        };
        let document = read_text(path, kind)?;
        let read = egensag::sources::read_sources(kind, &document, day, profile.as_deref())?;
        loaded.problems.extend(problems_of(&read, path));
        loaded.request =
            egensag::json::add_sources(&loaded.engine, &loaded.request, &read.to_json()?)?;
    }
    Ok(loaded)
}

/// The `problems` of an index reader's output, read from the document at `path`.
pub fn problems_of(read: &SourceOutput, path: &Path) -> Vec<SourceProblem> {
    read.problems()
        .iter()
        .map(|problem| SourceProblem {
            file: path.display().to_string(),
            code: problem.code.as_str().to_owned(),
            path: problem.path.clone(),
            message: problem.message.clone(),
        })
        .collect()
}
