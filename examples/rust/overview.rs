//! The main job: a citizen's overview ("Mine sager", "Ydelser og gæld", "Aftaler").
//!
//! ```text
//! cargo run --example overview                      # built-in sample: Anna, seen by herself
//! cargo run --example overview -- --sample proxy    # … by her proxy (fuldmagt for 32.*)
//! cargo run --example overview -- --sample parent   # Clara (16), seen by her parent
//! cargo run --example overview -- --policy P.json --request R.json [--catalogue KLE.xml]
//!         [--format json] [--explain] [--previous OVERVIEW.json] [--represented]
//!         [--sf1470 SAG.xml]... [--ydelsesindeks YDELSER.xml]... [--source-profile PROFILE.json]
//! ```
//!
//! `--sf1470` and `--ydelsesindeks` (each repeatable) read KOMBIT index documents for the
//! request's `as_of`; their records are added after the request's own. What a reader
//! could not read (a record it hid) is printed to stderr, one line per problem:
//! `source problem: FILE: CODE at PATH: MESSAGE`; the overview is printed as usual.
//!
//! `--represented` prints whom the request's viewer may act for (every role, by the
//! request's `as_of`, `mandates` and `privileges_intermediate`; the request's subject's
//! `deceased_on` counts) instead of the overview.
//!
//! Invalid input (also a file that is not UTF-8 text): exit status 2, the error JSON on
//! stderr, nothing on stdout. A file that cannot be read, or an unknown option: exit
//! status 64 and a message. A closed stdout (`| head`) ends the job quietly.

use chrono::{NaiveDate, Timelike};
use egensag::actions::Action;
use egensag::model::Language;
use egensag::overview::{AppointmentView, BenefitView, CaseView};
use egensag::plans::PlanView;
use egensag::represented::RepresentedRequest;
use egensag::texts::{format_money, long_date};
use egensag::{Engine, Error, Overview};
use std::io::Write;
use std::process::ExitCode;

const SAMPLE_POLICY: &str = include_str!("../data/policy.json");
const SAMPLE_CATALOGUE: &str = include_str!("../data/kle-sample.xml");
const SAMPLE_SELF: &str = include_str!("../data/anna.json");
const SAMPLE_PROXY: &str = include_str!("../data/anna-proxy.json");
const SAMPLE_PARENT: &str = include_str!("../data/clara-parent.json");

/// What the command line asked for.
#[derive(Default)]
struct Options {
    policy: Option<String>,
    request: Option<String>,
    catalogue: Option<String>,
    previous: Option<String>,
    sample: Option<String>,
    json: bool,
    explain: bool,
    represented: bool,
    /// Index documents, in the order given: (`sf1470` or `ydelsesindeks`, file).
    sources: Vec<(&'static str, String)>,
    source_profile: Option<String>,
}

fn main() -> ExitCode {
    match run() {
        Ok(out) => {
            let mut stdout = std::io::stdout().lock();
            match writeln!(stdout, "{out}").and_then(|()| stdout.flush()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(_) => ExitCode::from(1),
            }
        }
        Err(Failure::Usage(message)) => {
            eprintln!("{message}");
            ExitCode::from(64)
        }
        Err(Failure::Input(error)) => {
            eprintln!("{}", error.to_json());
            ExitCode::from(2)
        }
    }
}

/// Why the job did not print an overview.
enum Failure {
    Usage(String),
    Input(Error),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Input(e)
    }
}

/// Reads a file given for the input `name`: one that cannot be read is a usage error,
/// one that is not UTF-8 text invalid input (`invalid_json` at `name`, as `egensag` says).
fn read_input(path: &String, name: &str) -> Result<String, Failure> {
    let bytes =
        std::fs::read(path).map_err(|e| Failure::Usage(format!("cannot read {path}: {e}")))?;
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        Failure::Input(Error::syntax(
            name,
            format!("{path}: expected UTF-8 text; invalid byte at offset {offset}"),
        ))
    })
}

fn run() -> Result<String, Failure> {
    let options = parse_args(std::env::args().skip(1))?;
    let policy = options
        .policy
        .as_ref()
        .map(|p| read_input(p, "policy"))
        .transpose()?
        .unwrap_or_else(|| SAMPLE_POLICY.to_owned());
    let catalogue = match (&options.catalogue, &options.policy) {
        (Some(path), _) => Some(read_input(path, "catalogue")?),
        (None, None) => Some(SAMPLE_CATALOGUE.to_owned()),
        (None, Some(_)) => None,
    };
    let request = match (&options.request, options.sample.as_deref()) {
        (Some(path), _) => read_input(path, "request")?,
        (None, None | Some("self")) => SAMPLE_SELF.to_owned(),
        (None, Some("proxy")) => SAMPLE_PROXY.to_owned(),
        (None, Some("parent")) => SAMPLE_PARENT.to_owned(),
        (None, Some(other)) => {
            return Err(Failure::Usage(format!(
                "unknown sample {other}: self, proxy or parent"
            )))
        }
    };
    let engine = Engine::from_json(&policy, catalogue.as_deref())?;
    let request = add_sources(&engine, request, &options)?;
    if options.explain {
        return Ok(engine.explain_json(&request)?);
    }
    if options.represented {
        return represented(&engine, &request, options.json);
    }
    if options.previous.is_none() && !options.json {
        return Ok(render(&engine.overview(&engine.parse_request(&request)?)?));
    }
    let overview_json = engine.overview_json(&request)?;
    match &options.previous {
        Some(path) => {
            Ok(engine.notifications_json(&read_input(path, "previous")?, &overview_json)?)
        }
        None => Ok(overview_json),
    }
}

/// The request with the records of every `--sf1470` and `--ydelsesindeks` document added,
/// read for the request's `as_of`; each reader's problems go to stderr.
fn add_sources(engine: &Engine, mut request: String, options: &Options) -> Result<String, Failure> {
    if options.sources.is_empty() {
        return Ok(request);
    }
    let as_of = engine.parse_request(&request)?.as_of.to_string();
    let profile = options
        .source_profile
        .as_ref()
        .map(|p| read_input(p, "source_profile"))
        .transpose()?;
    for (kind, path) in &options.sources {
        let document = read_input(path, kind)?;
        let read = egensag::sources::read_sources(kind, &document, &as_of, profile.as_deref())?;
        for problem in read.problems() {
            eprintln!(
                "source problem: {path}: {} at {}: {}",
                problem.code, problem.path, problem.message
            );
        }
        request = egensag::json::add_sources(engine, &request, &read.to_json()?)?;
    }
    Ok(request)
}

/// Whom the request's viewer may act for, as JSON or one line per mandate.
fn represented(engine: &Engine, request: &str, json: bool) -> Result<String, Failure> {
    let input = RepresentedRequest::from_request(&engine.parse_request(request)?);
    let list = engine.represented(&input)?;
    if json {
        return serde_json::to_string(&list)
            .map_err(|_| Failure::Input(Error::internal("an output could not be serialised")));
    }
    let mut out = format!(
        "Du kan handle for ({})\n",
        long_date(list.as_of, Language::Da)
    );
    if list.represented.is_empty() {
        out.push_str("  ingen\n");
    }
    for entry in &list.represented {
        let role = match entry.role.as_str() {
            "proxy" => "fuldmagt",
            "guardian" => "værgemål",
            "parent" => "forældremyndighed",
            other => other,
        };
        let until = entry
            .valid_to
            .map(|d| format!(", til {}", long_date(d, Language::Da)))
            .unwrap_or_default();
        out.push_str(&format!(
            "  • {} – {role} ({}){until}\n",
            entry.subject, entry.mandate_id
        ));
    }
    Ok(out)
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Options, Failure> {
    let mut o = Options::default();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .ok_or_else(|| Failure::Usage(format!("{name} needs a value")))
        };
        match arg.as_str() {
            "--policy" => o.policy = Some(value("--policy")?),
            "--request" => o.request = Some(value("--request")?),
            "--catalogue" => o.catalogue = Some(value("--catalogue")?),
            "--previous" => o.previous = Some(value("--previous")?),
            "--sample" => o.sample = Some(value("--sample")?),
            "--format" => match value("--format")?.as_str() {
                "json" => o.json = true,
                "text" => o.json = false,
                other => {
                    return Err(Failure::Usage(format!(
                        "unknown format {other}: text or json"
                    )))
                }
            },
            "--explain" => o.explain = true,
            "--represented" => o.represented = true,
            "--sf1470" => o.sources.push(("sf1470", value("--sf1470")?)),
            "--ydelsesindeks" => o.sources.push(("ydelsesindeks", value("--ydelsesindeks")?)),
            "--source-profile" => o.source_profile = Some(value("--source-profile")?),
            "-h" | "--help" => return Err(Failure::Usage(HELP.to_owned())),
            other => return Err(Failure::Usage(format!("unknown option {other}\n{HELP}"))),
        }
    }
    Ok(o)
}

const HELP: &str =
    "usage: overview [--sample self|proxy|parent] [--policy FILE --request FILE] [--catalogue FILE]
                [--format text|json] [--explain] [--previous OVERVIEW.json] [--represented]
                [--sf1470 FILE]... [--ydelsesindeks FILE]... [--source-profile FILE]";

fn render(o: &Overview) -> String {
    let mut out = String::new();
    let role = match o.viewer_role.as_str() {
        "self" => "dig selv",
        "proxy" => "fuldmagtshaver",
        "guardian" => "værge",
        "parent" => "forælder",
        _ => "pårørende",
    };
    out.push_str(&format!(
        "Overblik for {} pr. {} (set som {role})\n",
        o.subject,
        long_date(o.as_of, Language::Da)
    ));
    out.push_str("\nMine sager\n");
    if o.cases.is_empty() {
        out.push_str("  Ingen sager.\n");
    }
    for case in &o.cases {
        render_case(&mut out, case);
    }
    out.push_str("\nMine planer\n");
    if o.plans.is_empty() {
        out.push_str("  Ingen planer.\n");
    }
    for plan in &o.plans {
        render_plan(&mut out, plan, o.as_of);
    }
    out.push_str("\nYdelser og gæld\n");
    if o.benefits.is_empty() {
        out.push_str("  Ingen ydelser.\n");
    }
    for benefit in &o.benefits {
        render_benefit(&mut out, benefit);
    }
    for year in &o.totals.paid_by_year {
        let amount = year
            .net_ore
            .map_or_else(|| "(for stort til at vise)".to_owned(), format_money);
        out.push_str(&format!("  Udbetalt i {}: {}\n", year.year, amount));
    }
    if o.totals.debt_overflow {
        out.push_str("  Gæld til kommunen: (for stor til at vise)\n");
    }
    if let Some(debt) = o.totals.debt_ore.filter(|d| *d > 0) {
        out.push_str(&format!("  Gæld til kommunen: {}\n", format_money(debt)));
    }
    out.push_str("\nAftaler\n");
    if o.appointments.is_empty() {
        out.push_str("  Ingen kommende aftaler.\n");
    }
    for appointment in &o.appointments {
        render_appointment(&mut out, appointment);
    }
    out
}

fn render_case(out: &mut String, case: &CaseView) {
    let area = case.area.title.as_deref().unwrap_or(&case.area.number);
    out.push_str(&format!("  • {} ({}, {})\n", case.title, case.id, area));
    let s = &case.status;
    out.push_str(&format!(
        "    {} – siden {}\n",
        s.text,
        long_date(s.since, Language::Da)
    ));
    if let Some(outcome) = &s.outcome_text {
        out.push_str(&format!("    {outcome}\n"));
    }
    for item in &s.awaiting {
        match item.deadline {
            Some(d) => out.push_str(&format!(
                "    – {}, frist {}\n",
                item.what,
                long_date(d, Language::Da)
            )),
            None => out.push_str(&format!("    – {}\n", item.what)),
        }
    }
    if let Some(by) = s.expected_decision_by {
        let late = if s.overdue == Some(true) {
            " (overskredet)"
        } else {
            ""
        };
        out.push_str(&format!(
            "    Forventet afgørelse senest {}{late}\n",
            long_date(by, Language::Da)
        ));
    }
    render_link(out, case.link.as_ref());
    render_actions(out, &case.actions);
}

/// What the viewer may do with a record, as the overview lists it (nothing when none).
fn render_actions(out: &mut String, actions: &[Action]) {
    if !actions.is_empty() {
        let codes: Vec<&str> = actions.iter().map(|a| a.as_str()).collect();
        out.push_str(&format!("    Du kan: {}\n", codes.join(", ")));
    }
}

fn render_plan(out: &mut String, plan: &PlanView, as_of: NaiveDate) {
    let area = plan.area.title.as_deref().unwrap_or(&plan.area.number);
    out.push_str(&format!("  • {} ({}, {})\n", plan.title, plan.id, area));
    out.push_str(&format!(
        "    {} – siden {}; {} af {} mål nået\n",
        plan.status.text,
        long_date(plan.status.since, Language::Da),
        plan.goals_achieved,
        plan.goals_total
    ));
    for goal in &plan.goals {
        out.push_str(&format!("    Mål: {} – {}", goal.text, goal.status.text));
        let assessments = [
            ("borgerens vurdering", &goal.citizen_assessment),
            ("sagsbehandlerens", &goal.caseworker_assessment),
        ];
        for (who, assessment) in assessments {
            if let Some(a) = assessment {
                out.push_str(&format!("; {who} {} af {}", a.score, a.scale_max));
            }
        }
        out.push('\n');
    }
    for activity in &plan.activities {
        let when = if activity.current {
            "Nu"
        } else if activity.from > as_of
            && matches!(
                activity.status,
                egensag::model::ActivityStatus::Planned | egensag::model::ActivityStatus::Ongoing
            )
        {
            "Næste"
        } else {
            continue;
        };
        out.push_str(&format!(
            "    {when}: {} (fra {})\n",
            activity.text,
            long_date(activity.from, Language::Da)
        ));
    }
    if let Some(follow_up) = plan.next_follow_up {
        let late = if plan.follow_up_overdue == Some(true) {
            " (overskredet)"
        } else {
            ""
        };
        out.push_str(&format!(
            "    Næste opfølgning {}{late}\n",
            long_date(follow_up, Language::Da)
        ));
    }
    if plan.awaiting_approval {
        out.push_str("    Planen venter på godkendelse\n");
    }
    render_link(out, plan.link.as_ref());
    render_actions(out, &plan.actions);
}

fn render_link(out: &mut String, link: Option<&egensag::overview::LinkView>) {
    if let Some(link) = link {
        out.push_str(&format!("    {}: {}\n", link.text, link.url));
    }
}

fn render_benefit(out: &mut String, benefit: &BenefitView) {
    out.push_str(&format!("  • {} – {}\n", benefit.name, benefit.status.text));
    if let Some(next) = &benefit.status.next_payment {
        let amount = next
            .net_ore
            .or(next.gross_ore)
            .map(format_money)
            .unwrap_or_default();
        out.push_str(&format!(
            "    Næste udbetaling {}: {amount}\n",
            long_date(next.date, Language::Da)
        ));
    }
    if benefit.paid_total_ore > 0 {
        out.push_str(&format!(
            "    {} udbetalinger, i alt {}\n",
            benefit
                .payments
                .iter()
                .filter(|p| p.status == egensag::model::PaymentStatus::Paid)
                .count(),
            format_money(benefit.paid_total_ore)
        ));
    }
    if let Some(debt) = benefit.debt_ore.filter(|d| *d > 0) {
        out.push_str(&format!("    Du skylder {}\n", format_money(debt)));
    }
    if let Some(payer) = &benefit.payer {
        out.push_str(&format!("    Udbetales af {}\n", payer.name));
    }
    render_link(out, benefit.link.as_ref());
    render_actions(out, &benefit.actions);
}

fn render_appointment(out: &mut String, a: &AppointmentView) {
    let kind = match serde_json::to_value(a.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .as_deref()
    {
        Some("home_visit") => "Besøg i hjemmet",
        Some("phone") => "Telefonsamtale",
        Some("video") => "Videomøde",
        _ => "Møde",
    };
    let cancelled = if a.cancelled { " – AFLYST" } else { "" };
    out.push_str(&format!(
        "  • {} kl. {:02}.{:02}–{:02}.{:02}: {kind} ({}){cancelled}\n",
        long_date(a.start.date_naive(), Language::Da),
        a.start.hour(),
        a.start.minute(),
        a.end.hour(),
        a.end.minute(),
        a.with_role
    ));
    if !a.what.is_empty() {
        out.push_str(&format!("    {}\n", a.what.join(", ")));
    }
    if let Some(place) = &a.place {
        out.push_str(&format!("    {place}\n"));
    }
    render_link(out, a.link.as_ref());
    render_actions(out, &a.actions);
}
