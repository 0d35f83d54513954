//! `egensag batch`: newline-delimited requests in, one line out per request, in input
//! order, on every core. A request that fails becomes its error JSON on its line, so
//! output line N answers the N-th request. Memory stays flat in the number of lines: the
//! reader runs at most [`WINDOW`] lines ahead of the writer, and a line longer than the
//! policy's `max_input_bytes` is answered without being held.

use crate::input::{self, Inputs};
use crate::output::{self, Out};
use crate::Failure;
use clap::Args;
use egensag::{Engine, Error};
use indicatif::{ProgressBar, ProgressStyle};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, IsTerminal, Read};
use std::path::PathBuf;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Lines in flight between the reader and the writer at most.
const WINDOW: usize = 256;

/// The batch's options.
#[derive(Args)]
pub struct BatchArgs {
    /// The municipality's policy (JSON). Default: the samples' policy.
    #[arg(long, value_name = "FILE")]
    policy: Option<PathBuf>,
    /// A KLE catalogue (KLE-online XML or JSON). Default: the sample catalogue when no
    /// --policy is given.
    #[arg(long, value_name = "FILE")]
    catalogue: Option<PathBuf>,
    /// Worker threads (default: the number of cores).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
    /// The requests, one JSON object per line (default, or `-`: standard input). Blank
    /// lines are skipped.
    #[arg(value_name = "REQUESTS.ndjson")]
    input: Option<PathBuf>,
}

/// One input line, numbered from 0; `None` when it was longer than the limit.
type Job = (u64, Option<Vec<u8>>);

/// One line's answer.
struct Answer {
    seq: u64,
    json: String,
    records: usize,
    failed: bool,
}

/// Runs the batch: answers on `out`, the summary on stderr.
pub fn run(args: &BatchArgs, out: &mut Out) -> Result<(), Failure> {
    let loaded = input::load(&Inputs {
        sample: None,
        policy: args.policy.as_deref(),
        request: None,
        catalogue: args.catalogue.as_deref(),
        sf1470: &[],
        ydelsesindeks: &[],
        source_profile: None,
    })?;
    let engine = loaded.engine;
    let threads = args.threads.map_or_else(
        || std::thread::available_parallelism().map_or(2, |n| n.get()),
        usize::from,
    );
    let (source, total): (Box<dyn Read + Send>, Option<u64>) = match &args.input {
        Some(path) if path.as_os_str() != "-" => {
            let file = std::fs::File::open(path).map_err(|e| {
                Error::input("input", format!("cannot read {}: {e}", path.display()))
            })?;
            let len = file.metadata().ok().map(|m| m.len());
            (Box::new(file), len)
        }
        _ => (Box::new(std::io::stdin()), None),
    };
    let progress = progress_bar(total);
    let started = Instant::now();
    let max_line = engine.policy().limits.max_input_bytes;

    let summary = std::thread::scope(|scope| -> Result<Summary, Failure> {
        let (job_tx, job_rx) = sync_channel::<Job>(WINDOW);
        let job_rx = Arc::new(Mutex::new(job_rx));
        let (answer_tx, answer_rx) = sync_channel::<Answer>(WINDOW);
        // Credits bound the lines between reading and writing, whatever a slow line holds up.
        let (credit_tx, credit_rx) = sync_channel::<()>(WINDOW);
        for _ in 0..WINDOW {
            let _ = credit_tx.send(());
        }
        for _ in 0..threads {
            let (engine, jobs, answers) = (&engine, job_rx.clone(), answer_tx.clone());
            scope.spawn(move || work(engine, &jobs, answers));
        }
        drop(answer_tx);
        let progress_in = progress.clone();
        let reader =
            scope.spawn(move || read_lines(source, max_line, &job_tx, &credit_rx, &progress_in));

        let mut summary = Summary::default();
        let mut pending: BTreeMap<u64, Answer> = BTreeMap::new();
        for answer in answer_rx {
            pending.insert(answer.seq, answer);
            while let Some(answer) = pending.remove(&summary.lines) {
                out.line(&answer.json)?;
                summary.lines += 1;
                summary.records += answer.records;
                summary.failed += u64::from(answer.failed);
                // The reader may have finished; a credit it no longer needs is fine.
                let _ = credit_tx.try_send(());
                if summary.lines % 64 == 0 {
                    progress.set_message(summary.message());
                }
            }
        }
        drop(credit_tx);
        match reader.join() {
            Ok(Ok(())) => Ok(summary),
            Ok(Err(e)) => Err(e.into()),
            Err(_) => Err(Error::internal("the batch's reader failed").into()),
        }
    })?;
    out.flush()?;
    progress.finish_and_clear();
    let seconds = started.elapsed().as_secs_f64().max(1e-9);
    output::warn(&format!(
        "egensag batch: {} in {seconds:.2} s on {threads} threads: {:.0} requests/s, {:.0} records/s",
        summary.message(),
        summary.lines as f64 / seconds,
        summary.records as f64 / seconds,
    ));
    Ok(())
}

/// What was written so far.
#[derive(Default)]
struct Summary {
    lines: u64,
    failed: u64,
    records: usize,
}

impl Summary {
    fn message(&self) -> String {
        format!(
            "{} requests ({} failed), {} records",
            self.lines, self.failed, self.records
        )
    }
}

/// A progress bar on stderr when it is a terminal (by bytes when the input's size is
/// known), hidden otherwise.
fn progress_bar(total: Option<u64>) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = match total {
        Some(len) => ProgressBar::new(len).with_style(
            ProgressStyle::with_template("{wide_bar} {percent:>3}% {msg} [{elapsed}, {eta} left]")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        ),
        None => ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{spinner} {msg} [{elapsed}]")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        ),
    };
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

/// Reads the input's lines into jobs. A line longer than `max_line` bytes is passed on
/// as `None` (and the rest of it skipped).
fn read_lines(
    source: Box<dyn Read + Send>,
    max_line: usize,
    jobs: &SyncSender<Job>,
    credits: &Receiver<()>,
    progress: &ProgressBar,
) -> Result<(), Error> {
    let failed = |e: std::io::Error| Error::input("input", format!("cannot read the input: {e}"));
    let mut input = BufReader::with_capacity(1 << 16, source);
    let cap = u64::try_from(max_line)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    let mut seq = 0;
    loop {
        let mut line = Vec::new();
        let read = (&mut input)
            .take(cap)
            .read_until(b'\n', &mut line)
            .map_err(failed)?;
        if read == 0 {
            return Ok(());
        }
        progress.inc(read as u64);
        let job = if line.ends_with(b"\n") || (line.len() as u64) < cap {
            while line.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                line.pop();
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            Some(line)
        } else {
            // Too long: skip to the end of the line without holding it.
            progress.inc(skip_line(&mut input).map_err(failed)?);
            None
        };
        if credits.recv().is_err() || jobs.send((seq, job)).is_err() {
            return Ok(());
        }
        seq += 1;
    }
}

/// Discards the input up to and including the next newline; the bytes it skipped.
fn skip_line(input: &mut impl BufRead) -> std::io::Result<u64> {
    let mut skipped = 0;
    loop {
        let buffer = input.fill_buf()?;
        if buffer.is_empty() {
            return Ok(skipped);
        }
        let (used, done) = match buffer.iter().position(|b| *b == b'\n') {
            Some(i) => (i + 1, true),
            None => (buffer.len(), false),
        };
        input.consume(used);
        skipped += used as u64;
        if done {
            return Ok(skipped);
        }
    }
}

fn work(engine: &Engine, jobs: &Mutex<Receiver<Job>>, answers: SyncSender<Answer>) {
    loop {
        let job = match jobs.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok((seq, line)) = job else { return };
        let (json, records, failed) = match answer(engine, line.as_deref()) {
            Ok((json, records)) => (json, records, false),
            Err(e) => (e.to_json(), 0, true),
        };
        let answer = Answer {
            seq,
            json,
            records,
            failed,
        };
        if answers.send(answer).is_err() {
            return;
        }
    }
}

/// The overview of one request line (the library's JSON) and its number of records.
fn answer(engine: &Engine, line: Option<&[u8]>) -> Result<(String, usize), Error> {
    let limit = engine.policy().limits.max_input_bytes;
    let line = line.ok_or_else(|| Error::limit("", format!("input larger than {limit} bytes")))?;
    let text = egensag::json::utf8_text(line, "")?;
    let request = engine.parse_request(text)?;
    let records = request.cases.len()
        + request.benefits.len()
        + request.appointments.len()
        + request.plans.len();
    // The request is not needed afterwards: its payments move into the overview.
    let overview = engine.overview_owned(request)?;
    Ok((output::to_json(&overview)?, records))
}
