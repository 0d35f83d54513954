//! Batch: newline-delimited requests (one citizen per line) in, newline-delimited
//! overviews out, in the same order, using every core.
//!
//! ```text
//! cargo run --release -p egensag --example batch -- examples/data/policy.json < requests.ndjson > overviews.ndjson
//! ```
//!
//! A line that fails becomes that error's JSON on its output line, so line N of the
//! output always answers line N of the input. Memory stays flat in the number of lines:
//! the reader may run at most `WINDOW` lines ahead of the writer. Throughput (citizens and
//! records per second) and peak memory (VmHWM) go to standard error at the end.
//!
//! Options after the policy path: `--threads N` (default: the number of cores).

use egensag::{Engine, Error};
use std::collections::BTreeMap;
use std::io::{BufRead, BufWriter, Write};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// Lines in flight between reader and writer at most.
const WINDOW: usize = 256;

/// One line's answer and the records it held (0 when it failed).
struct Answer {
    seq: u64,
    json: Vec<u8>,
    records: usize,
}

/// The overview of one request line, or the error's JSON. The overview is written into
/// one buffer the size of the request (an overview is shorter than its request), as
/// `overview_json` does, and handed to the writer as bytes.
fn answer(engine: &Engine, line: &str) -> (Vec<u8>, usize) {
    let result = engine.parse_request(line).and_then(|request| {
        let records = request.cases.len()
            + request.benefits.len()
            + request.appointments.len()
            + request.plans.len();
        // The request is not needed afterwards: its payments move into the overview.
        let overview = engine.overview_owned(request)?;
        let mut json = Vec::with_capacity(line.len());
        serde_json::to_writer(&mut json, &overview)
            .map(|()| (json, records))
            .map_err(|_| Error::internal("an output could not be serialised"))
    });
    result.unwrap_or_else(|e| (e.to_json().into_bytes(), 0))
}

fn worker(engine: Arc<Engine>, jobs: Arc<Mutex<Receiver<(u64, String)>>>, out: SyncSender<Answer>) {
    loop {
        let job = match jobs.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok((seq, line)) = job else { return };
        let (json, records) = answer(&engine, &line);
        if out.send(Answer { seq, json, records }).is_err() {
            return;
        }
    }
}

fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let policy_path = args
        .first()
        .ok_or("usage: batch POLICY.json [--threads N] < requests.ndjson > overviews.ndjson")?;
    let threads = match args.iter().position(|a| a == "--threads") {
        Some(i) => args.get(i + 1).ok_or("--threads needs a number")?.parse()?,
        None => std::thread::available_parallelism().map_or(2, |n| n.get()),
    };
    let engine = Arc::new(Engine::from_policy_json(&std::fs::read_to_string(
        policy_path,
    )?)?);

    let started = Instant::now();
    let (job_tx, job_rx) = sync_channel::<(u64, String)>(WINDOW);
    let job_rx = Arc::new(Mutex::new(job_rx));
    let (answer_tx, answer_rx) = sync_channel::<Answer>(WINDOW);
    // Credits bound the lines between reading and writing, whatever a slow line holds up.
    let (credit_tx, credit_rx) = sync_channel::<()>(WINDOW);
    for _ in 0..WINDOW {
        credit_tx.send(())?;
    }
    let workers: Vec<_> = (0..threads.max(1))
        .map(|_| {
            let (engine, jobs, out) = (engine.clone(), job_rx.clone(), answer_tx.clone());
            std::thread::spawn(move || worker(engine, jobs, out))
        })
        .collect();
    drop(answer_tx);

    let reader = std::thread::spawn(move || -> std::io::Result<()> {
        let stdin = std::io::stdin();
        let mut input = stdin.lock();
        let mut seq = 0;
        loop {
            let mut line = String::new();
            if input.read_line(&mut line)? == 0 {
                return Ok(());
            }
            let trimmed = line.trim_end_matches(['\n', '\r']);
            if trimmed.is_empty() {
                continue;
            }
            line.truncate(trimmed.len());
            if credit_rx.recv().is_err() || job_tx.send((seq, line)).is_err() {
                return Ok(());
            }
            seq += 1;
        }
    });

    let stdout = std::io::stdout();
    let mut output = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut pending: BTreeMap<u64, Answer> = BTreeMap::new();
    let (mut next, mut records) = (0u64, 0usize);
    for answer in answer_rx {
        pending.insert(answer.seq, answer);
        while let Some(answer) = pending.remove(&next) {
            output.write_all(&answer.json)?;
            output.write_all(b"\n")?;
            records += answer.records;
            next += 1;
            // The reader may have finished; a credit it no longer needs is fine.
            let _ = credit_tx.try_send(());
        }
    }
    output.flush()?;
    reader.join().map_err(|_| "the reader panicked")??;
    for w in workers {
        w.join().map_err(|_| "a worker panicked")?;
    }
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "{next} citizens, {records} records in {seconds:.2} s on {threads} threads: \
         {:.0} citizens/s, {:.0} records/s; peak RSS {} KiB",
        next as f64 / seconds,
        records as f64 / seconds,
        peak_rss_kib().map_or_else(|| "unknown".to_owned(), |k| k.to_string()),
    );
    Ok(())
}
