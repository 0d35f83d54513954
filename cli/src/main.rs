//! `egensag`, the command-line tool: a citizen's overview, its explanation, the check of a
//! vendor's export, notifications, batches of requests, KOMBIT index import and the JSON
//! Schemas, all computed by the `egensag` crate (this tool only reads files, calls the
//! crate's entry points and formats). The manual is docs/cli.md.
//!
//! ```text
//! egensag overview --sample self                 # the built-in sample citizen, as tables
//! egensag overview --policy P.json --request R.json --json   # the library's exact bytes
//! egensag validate --request export.json         # exit 2 when the export has problems
//! egensag batch --policy P.json < requests.ndjson > overviews.ndjson
//! ```
//!
//! Exit status: 0 done, 2 invalid input (the error on stderr as one line, or as the
//! library's error JSON with `--json`), 1 an internal defect. A closed stdout (`| head`)
//! ends the tool quietly with status 0.

mod batch;
mod input;
mod output;
mod render;
mod table;

use clap::{Args, Parser, Subcommand, ValueEnum};
use egensag::represented::RepresentedRequest;
use egensag::{Error, ErrorCode};
use input::{Inputs, Sample};
use output::Out;
use std::path::PathBuf;
use std::process::ExitCode;

/// What a citizen, or someone acting for them, may see of their municipal cases,
/// benefits, appointments and plans — computed by the egensag library.
#[derive(Parser)]
#[command(name = "egensag", version, max_term_width = 100)]
struct Cli {
    /// Print the library's exact JSON instead of tables; an error is printed as the
    /// library's error JSON on stderr.
    #[arg(long, global = true)]
    json: bool,
    /// The language of the tables and the record texts (default: the request's
    /// `language`, else Danish). The JSON output is always the request's own.
    #[arg(long, global = true, value_enum)]
    language: Option<Language>,
    #[command(subcommand)]
    command: Command,
}

/// The language of the readable output.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Language {
    /// Dansk.
    Da,
    /// English.
    En,
}

impl From<Language> for egensag::model::Language {
    fn from(language: Language) -> Self {
        match language {
            Language::Da => egensag::model::Language::Da,
            Language::En => egensag::model::Language::En,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// The citizen's overview: cases, plans, benefits and debt, appointments.
    Overview(RequestArgs),
    /// Why each record is shown or hidden: reasons, determining rules, actions.
    Explain(RequestArgs),
    /// Checks an export: schema errors, and every record the engine would hide because a
    /// source wrote it wrong (exit 2 when there is any).
    Validate(RequestArgs),
    /// What changed since an earlier overview (the notifications).
    Notify {
        #[command(flatten)]
        inputs: RequestArgs,
        /// The earlier overview (JSON, as `egensag overview --json` printed it).
        #[arg(long, value_name = "OVERVIEW.json")]
        previous: PathBuf,
    },
    /// Whom the viewer may act for (every mandate they may use on the request's day).
    Represented {
        #[command(flatten)]
        inputs: RequestArgs,
        /// A represented request (represented-request.schema.json) instead of a
        /// request: its `viewer`, `mandates` and `subjects` are used as given.
        #[arg(long, value_name = "FILE", conflicts_with_all = ["request", "sample"])]
        input: Option<PathBuf>,
    },
    /// Newline-delimited requests in, one overview (or error JSON) per line out, in input
    /// order, on every core; throughput on stderr at the end.
    Batch(batch::BatchArgs),
    /// Reads a KOMBIT index document (SF1470 or Ydelsesindeks XML) as egensag JSON:
    /// `{"cases"|"benefits": […], "problems": […]}`.
    Import(ImportArgs),
    /// Prints a JSON Schema (draft 2020-12) of an input or output; without NAME, lists them.
    Schema {
        /// The schema's name: `request`, `overview`, … (or its file name).
        name: Option<String>,
    },
}

/// Where a request comes from, shared by the subcommands that make one.
#[derive(Args)]
struct RequestArgs {
    /// A built-in sample request: Anna seen by herself, by her proxy, or Clara (16) by her
    /// parent. The default when no --request is given.
    #[arg(long, value_enum, conflicts_with = "request")]
    sample: Option<Sample>,
    /// The municipality's policy (JSON). Default: the samples' policy.
    #[arg(long, value_name = "FILE")]
    policy: Option<PathBuf>,
    /// The request (JSON): the citizen's records and who is looking.
    #[arg(long, value_name = "FILE")]
    request: Option<PathBuf>,
    /// A KLE catalogue (KLE-online XML or JSON) for subject and area titles. Default:
    /// the sample catalogue when no --policy is given.
    #[arg(long, value_name = "FILE")]
    catalogue: Option<PathBuf>,
    /// An SF1470 index document whose cases are added to the request's (repeatable).
    #[arg(long, value_name = "FILE")]
    sf1470: Vec<PathBuf>,
    /// A Ydelsesindeks document whose benefits are added to the request's (repeatable).
    #[arg(long, value_name = "FILE")]
    ydelsesindeks: Vec<PathBuf>,
    /// The municipality's classification UUIDs for the index readers (JSON).
    #[arg(long, value_name = "FILE")]
    source_profile: Option<PathBuf>,
}

impl RequestArgs {
    fn inputs(&self) -> Inputs<'_> {
        Inputs {
            sample: self.sample,
            policy: self.policy.as_deref(),
            request: self.request.as_deref(),
            catalogue: self.catalogue.as_deref(),
            sf1470: &self.sf1470,
            ydelsesindeks: &self.ydelsesindeks,
            source_profile: self.source_profile.as_deref(),
        }
    }
}

#[derive(Args)]
#[command(group(clap::ArgGroup::new("document").required(true).args(["sf1470", "ydelsesindeks"])))]
struct ImportArgs {
    /// An SF1470 Sags- og dokumentindeks document.
    #[arg(long, value_name = "FILE")]
    sf1470: Option<PathBuf>,
    /// A Ydelsesindeks document.
    #[arg(long, value_name = "FILE")]
    ydelsesindeks: Option<PathBuf>,
    /// The day the document is read for (YYYY-MM-DD): the Egenskaber in effect then.
    #[arg(long, value_name = "DATE")]
    as_of: String,
    /// The municipality's classification UUIDs (JSON); the published defaults otherwise.
    #[arg(long, value_name = "FILE")]
    source_profile: Option<PathBuf>,
}

/// How a subcommand ended when it did not succeed.
pub enum Failure {
    /// An error of the library or of reading the input (exit 2; 1 for `internal`).
    Error(Error),
    /// The input was read and answered, and the answer says it is invalid (a validation
    /// report with problems): exit 2, the answer is already printed.
    Rejected,
    /// Standard output was closed by its reader: stop quietly.
    Closed,
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Error(e)
    }
}

fn main() -> ExitCode {
    let json_errors = std::env::args_os().any(|a| a == "--json");
    std::panic::set_hook(Box::new(move |_| {
        let error = Error::internal("the tool hit a defect; please report it");
        output::error_line(&error, json_errors);
    }));
    match std::panic::catch_unwind(|| run(json_errors)) {
        Ok(code) => code,
        Err(_) => ExitCode::from(1),
    }
}

fn run(json_errors: bool) -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e, json_errors),
    };
    let mut out = Out::stdout();
    let result = match &cli.command {
        Command::Batch(args) => batch::run(args, &mut out),
        command => dispatch(&cli, command, &mut out),
    };
    let result = result.and_then(|()| out.flush());
    match result {
        Ok(()) | Err(Failure::Closed) => ExitCode::SUCCESS,
        Err(Failure::Rejected) => ExitCode::from(2),
        Err(Failure::Error(error)) => {
            output::error_line(&error, cli.json);
            if error.code() == ErrorCode::Internal {
                ExitCode::from(1)
            } else {
                ExitCode::from(2)
            }
        }
    }
}

/// `--help` and `--version` print and succeed; any other command-line mistake is invalid
/// input, reported on one line.
fn usage_error(e: &clap::Error, json_errors: bool) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let mut out = Out::stdout();
        let _ = out.text(&e.render().to_string()).and_then(|()| out.flush());
        return ExitCode::SUCCESS;
    }
    // clap's message runs until the first blank line (then comes the usage).
    let rendered = e.render().to_string();
    let lines: Vec<&str> = rendered
        .lines()
        .take_while(|l| !l.trim().is_empty())
        .map(str::trim)
        .collect();
    let joined = lines.join(" ");
    let message = joined.strip_prefix("error: ").unwrap_or(&joined);
    let error = Error::input(
        "arguments",
        format!("{message} (see egensag --help)").trim(),
    );
    output::error_line(&error, json_errors);
    ExitCode::from(2)
}

fn dispatch(cli: &Cli, command: &Command, out: &mut Out) -> Result<(), Failure> {
    let language = cli.language.map(egensag::model::Language::from);
    match command {
        Command::Overview(args) => {
            let loaded = load(args)?;
            if cli.json {
                return out.line(&loaded.engine.overview_json(&loaded.request)?);
            }
            let request = loaded.parse_request(language)?;
            let overview = loaded.engine.overview(&request)?;
            out.text(&render::overview(&overview))
        }
        Command::Explain(args) => {
            let loaded = load(args)?;
            if cli.json {
                return out.line(&loaded.engine.explain_json(&loaded.request)?);
            }
            let request = loaded.parse_request(language)?;
            let explanation = loaded.engine.explain(&request)?;
            out.text(&render::explanation(&explanation, request.language))
        }
        Command::Validate(args) => {
            let loaded = input::load(&args.inputs())?;
            if cli.json {
                warn_problems(&loaded);
            }
            let request = loaded.parse_request(language)?;
            let report = loaded.engine.validate(&request);
            if cli.json {
                out.line(&loaded.engine.validate_json(&loaded.request)?)?;
            } else {
                out.text(&render::validation(
                    &report,
                    &loaded.problems,
                    request.language,
                ))?;
            }
            if report.valid && loaded.problems.is_empty() {
                Ok(())
            } else {
                out.flush()?;
                Err(Failure::Rejected)
            }
        }
        Command::Notify { inputs, previous } => {
            let loaded = load(inputs)?;
            let previous = input::read_text(previous, "previous")?;
            let current = if cli.json {
                loaded.engine.overview_json(&loaded.request)?
            } else {
                let request = loaded.parse_request(language)?;
                let overview = loaded.engine.overview(&request)?;
                output::to_json(&overview)?
            };
            let notifications = loaded.engine.notifications_json(&previous, &current)?;
            if cli.json {
                return out.line(&notifications);
            }
            let notifications: egensag::Notifications = serde_json::from_str(&notifications)
                .map_err(|_| Error::internal("the notifications could not be read back"))?;
            let language = language.unwrap_or(loaded.parse_request(None)?.language);
            out.text(&render::notifications(&notifications, language))
        }
        Command::Represented { inputs, input } => {
            let loaded = load(inputs)?;
            let request = match input {
                Some(path) => loaded
                    .engine
                    .parse_represented_request(&input::read_text(path, "input")?)?,
                None => RepresentedRequest::from_request(&loaded.parse_request(None)?),
            };
            let list = loaded.engine.represented(&request)?;
            if cli.json {
                return out.line(&output::to_json(&list)?);
            }
            let language = match (language, input) {
                (Some(language), _) => language,
                (None, Some(_)) => egensag::model::Language::Da,
                (None, None) => loaded.parse_request(None)?.language,
            };
            out.text(&render::represented(&list, language))
        }
        Command::Import(args) => {
            let (kind, path) = match (&args.sf1470, &args.ydelsesindeks) {
                (Some(path), _) => ("sf1470", path),
                (None, Some(path)) => ("ydelsesindeks", path),
                (None, None) => return Err(Error::input("arguments", "no document given").into()),
            };
            let document = input::read_text(path, kind)?;
            let profile = args
                .source_profile
                .as_deref()
                .map(|p| input::read_text(p, "source_profile"))
                .transpose()?;
            let read =
                egensag::sources::read_sources(kind, &document, &args.as_of, profile.as_deref())?;
            if !cli.json {
                for problem in input::problems_of(&read, path) {
                    output::warn(&problem.line());
                }
            }
            out.line(&read.to_json()?)
        }
        Command::Schema { name } => schema(name.as_deref(), out),
        Command::Batch(_) => Err(Error::internal("batch is run on its own").into()),
    }
}

/// Loads a request's inputs, printing what the index readers could not read on stderr.
fn load(args: &RequestArgs) -> Result<input::Loaded, Error> {
    let loaded = input::load(&args.inputs())?;
    warn_problems(&loaded);
    Ok(loaded)
}

fn warn_problems(loaded: &input::Loaded) {
    for problem in &loaded.problems {
        output::warn(&problem.line());
    }
}

/// Prints the named schema, or the list of names.
fn schema(name: Option<&str>, out: &mut Out) -> Result<(), Failure> {
    let files = egensag::schema::files()
        .map_err(|_| Error::internal("the schemas could not be written"))?;
    let short = |file: &str| file.trim_end_matches(".schema.json").to_owned();
    let Some(name) = name else {
        let names: Vec<String> = files.iter().map(|f| short(f.name)).collect();
        return out.text(&format!("{}\n", names.join("\n")));
    };
    match files
        .iter()
        .find(|f| f.name == name || short(f.name) == name)
    {
        Some(file) => out.text(&file.text),
        None => {
            let names: Vec<String> = files.iter().map(|f| short(f.name)).collect();
            Err(Error::input(
                "arguments",
                format!("no schema {name:?}; the schemas are {}", names.join(", ")),
            )
            .into())
        }
    }
}
