//! The `egensag` binary, run as a user runs it: exit codes, `--json` bytes equal to the
//! library's (every conformance vector), errors on one line, a closed pipe, bad files,
//! the batch's order and error lines, and the progress bar only on a terminal.

// Test helpers stop loudly on a broken fixture, as the tests themselves do.
#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_egensag");

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn vectors() -> PathBuf {
    repo().join("tests/vectors")
}

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// Starts the tool with piped stdout and stderr, and stdin as given.
fn spawn(args: &[&str], stdin: Stdio) -> std::process::Child {
    Command::new(BIN)
        .args(args)
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn run_with_input(args: &[&str], input: &[u8]) -> Output {
    let mut child = spawn(args, Stdio::piped());
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    output
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// A temporary file with `bytes`, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, bytes: &[u8]) -> TempFile {
        let dir = std::env::temp_dir().join(format!("egensag-cli-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        TempFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn sample(name: &str) -> String {
    std::fs::read_to_string(repo().join("examples/data").join(name)).unwrap()
}

fn sample_engine() -> egensag::Engine {
    egensag::Engine::from_json(&sample("policy.json"), Some(&sample("kle-sample.xml"))).unwrap()
}

/// The vector's inputs as command-line arguments.
fn vector_args(dir: &Path) -> Vec<String> {
    let mut args = Vec::new();
    let mut add = |flag: &str, file: &str| {
        let path = dir.join(file);
        if path.exists() {
            args.push(flag.to_owned());
            args.push(path.to_str().unwrap().to_owned());
        }
    };
    add("--policy", "policy.json");
    add("--request", "request.json");
    add("--catalogue", "catalogue.xml");
    add("--catalogue", "catalogue.json");
    add("--sf1470", "sf1470.xml");
    add("--ydelsesindeks", "ydelsesindeks.xml");
    add("--source-profile", "source-profile.json");
    args
}

/// Runs a subcommand with `--json` and checks its output against an expected file: the
/// answer on stdout with status 0, or, when the expected file is an error, that error
/// JSON on stderr with status 2 (1 for `internal`) and nothing on stdout.
fn check_json(name: &str, args: &[String], expected: &Path) -> usize {
    let Ok(expected) = std::fs::read_to_string(expected) else {
        return 0;
    };
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = run(&args);
    if expected.starts_with(r#"{"code":"#) {
        let status = if expected.starts_with(r#"{"code":"internal""#) {
            1
        } else {
            2
        };
        assert_eq!(out.status.code(), Some(status), "{name}: {args:?}");
        assert_eq!(
            text(&out.stderr),
            format!("{expected}\n"),
            "{name}: {args:?}"
        );
        assert!(out.stdout.is_empty(), "{name}: {args:?}");
    } else {
        assert_eq!(
            out.status.code(),
            Some(0),
            "{name}: {args:?}: {}",
            text(&out.stderr)
        );
        assert_eq!(
            text(&out.stdout),
            format!("{expected}\n"),
            "{name}: {args:?}"
        );
    }
    1
}

#[test]
fn json_output_is_the_librarys_bytes_for_every_vector() {
    let mut checked = 0;
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(vectors())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("policy.json").exists())
        .collect();
    dirs.sort();
    for dir in &dirs {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let inputs = vector_args(dir);
        let with = |command: &str, extra: &[&str]| -> Vec<String> {
            let mut args = vec![command.to_owned(), "--json".to_owned()];
            args.extend(inputs.iter().cloned());
            args.extend(extra.iter().map(|s| (*s).to_owned()));
            args
        };
        if dir.join("error.json").exists() {
            checked += check_json(&name, &with("overview", &[]), &dir.join("error.json"));
            continue;
        }
        checked += check_json(&name, &with("overview", &[]), &dir.join("overview.json"));
        checked += check_json(&name, &with("explain", &[]), &dir.join("explanation.json"));
        let previous = dir.join("previous.json");
        if previous.exists() {
            let args = with("notify", &["--previous", previous.to_str().unwrap()]);
            checked += check_json(&name, &args, &dir.join("notifications.json"));
        }
        let represented = dir.join("represented-request.json");
        if represented.exists() {
            let mut args = vec!["represented".to_owned(), "--json".to_owned()];
            args.extend([
                "--policy".to_owned(),
                dir.join("policy.json").to_str().unwrap().to_owned(),
            ]);
            args.extend([
                "--input".to_owned(),
                represented.to_str().unwrap().to_owned(),
            ]);
            checked += check_json(&name, &args, &dir.join("represented.json"));
        }
    }
    assert!(checked > 300, "only {checked} outputs checked");
}

#[test]
fn the_sample_overview_is_tables_in_danish_or_english() {
    let out = run(&["overview", "--sample", "self"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty());
    let da = text(&out.stdout);
    for heading in [
        "Mine sager",
        "Mine planer",
        "Ydelser og gæld",
        "Aftaler",
        "Sygedagpenge",
    ] {
        assert!(da.contains(heading), "{heading} missing:\n{da}");
    }
    assert!(da.starts_with("Overblik for 120785-XXXX pr. 23. november 2026"));
    let en = text(&run(&["overview", "--sample", "self", "--language", "en"]).stdout);
    for heading in [
        "My cases",
        "Benefits and debt",
        "Appointments",
        "Your case is being processed",
    ] {
        assert!(en.contains(heading), "{heading} missing:\n{en}");
    }
    // Without --json there is no JSON; with it, exactly the library's bytes.
    assert!(!da.contains("\"as_of\""));
    let json = text(&run(&["overview", "--sample", "proxy", "--json"]).stdout);
    let library = sample_engine()
        .overview_json(&sample("anna-proxy.json"))
        .unwrap();
    assert_eq!(json, format!("{library}\n"));
}

#[test]
fn every_request_subcommand_answers_the_samples() {
    for (args, expect) in [
        (&["explain", "--sample", "proxy"][..], "fuldmagt-2026-17"),
        (&["validate", "--sample", "self"][..], "Eksporten er gyldig"),
        (
            &["represented", "--sample", "proxy"][..],
            "fuldmagt-2026-17",
        ),
        (
            &["represented", "--sample", "self", "--language", "en"][..],
            "No one.",
        ),
        (&["overview", "--sample", "parent"][..], "set som forælder"),
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(
            text(&out.stdout).contains(expect),
            "{args:?}: {}",
            text(&out.stdout)
        );
    }
}

#[test]
fn validate_reports_what_a_source_wrote_wrong_and_exits_2() {
    let dir = vectors().join("rule-kle-invalid-number-denied");
    let policy = dir.join("policy.json");
    let request = dir.join("request.json");
    let args = [
        "validate",
        "--policy",
        policy.to_str().unwrap(),
        "--request",
        request.to_str().unwrap(),
    ];
    let out = run(&args);
    assert_eq!(out.status.code(), Some(2));
    let report = text(&out.stdout);
    assert!(
        report.contains("kle.invalid") && report.contains("cases[0].kle"),
        "{report}"
    );
    let json = run(&[&args[..], &["--json"]].concat());
    assert_eq!(json.status.code(), Some(2));
    let engine =
        egensag::Engine::from_policy_json(&std::fs::read_to_string(&policy).unwrap()).unwrap();
    let library = engine
        .validate_json(&std::fs::read_to_string(&request).unwrap())
        .unwrap();
    assert_eq!(text(&json.stdout), format!("{library}\n"));
    assert!(library.starts_with(r#"{"valid":false"#));
}

#[test]
fn bad_files_are_invalid_input_with_one_line_or_the_error_json() {
    let engine = sample_engine();
    let not_json = TempFile::new("not-json.json", b"{\"as_of\": ");
    let empty = TempFile::new("empty.json", b"");
    let not_utf8 = TempFile::new(
        "latin1.json",
        b"{\"as_of\": \"2026-11-23\", \"x\": \"\xe6\"}",
    );
    let cases = [
        (not_json.path(), engine.overview_json("{\"as_of\": ").unwrap_err().to_json()),
        (empty.path(), engine.overview_json("").unwrap_err().to_json()),
        (
            not_utf8.path(),
            format!(
                r#"{{"code":"invalid_json","message":"{}: expected UTF-8 text; invalid byte at offset 30","path":"request"}}"#,
                not_utf8.path()
            ),
        ),
        (
            "no/such/file.json",
            r#"{"code":"invalid_input","message":"cannot read no/such/file.json: No such file or directory (os error 2)","path":"request"}"#
                .to_owned(),
        ),
    ];
    for (path, error_json) in cases {
        for command in ["overview", "explain", "validate", "represented"] {
            let out = run(&[command, "--request", path, "--json"]);
            assert_eq!(out.status.code(), Some(2), "{command} {path}");
            assert!(out.stdout.is_empty());
            assert_eq!(
                text(&out.stderr),
                format!("{error_json}\n"),
                "{command} {path}"
            );
            let plain = run(&[command, "--request", path]);
            assert_eq!(plain.status.code(), Some(2));
            let line = text(&plain.stderr);
            assert!(line.starts_with("egensag: invalid_"), "{line}");
            assert_eq!(line.lines().count(), 1, "{line}");
            assert!(!line.contains("panicked") && !line.contains("backtrace"));
        }
    }
    // The other inputs are read the same way, each error naming its input.
    let out = run(&["overview", "--policy", not_utf8.path(), "--json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).ends_with("\"path\":\"policy\"}\n"),
        "{}",
        text(&out.stderr)
    );
    let out = run(&[
        "notify",
        "--sample",
        "self",
        "--previous",
        empty.path(),
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains(r#""path":"previous""#),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn command_line_mistakes_exit_2_on_one_line_and_help_exits_0() {
    for args in [
        &["overview", "--bogus"][..],
        &["overview", "--sample", "nobody"][..],
        &["nothing"][..],
        &["import", "--as-of", "2026-11-23"][..],
        &["schema", "no-such-schema"][..],
        &["batch", "--threads", "0"][..],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(
            text(&out.stderr).lines().count(),
            1,
            "{args:?}: {}",
            text(&out.stderr)
        );
        let json = run(&[args, &["--json"]].concat());
        let error = text(&json.stderr);
        assert!(
            error.starts_with(r#"{"code":"invalid_input""#),
            "{args:?}: {error}"
        );
    }
    let help = run(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(text(&help.stdout).contains("overview"));
    assert_eq!(run(&["overview", "--help"]).status.code(), Some(0));
}

#[test]
fn a_closed_stdout_ends_quietly() {
    for args in [
        &["overview", "--sample", "self"][..],
        &["overview", "--sample", "self", "--json"][..],
        &["schema", "request"][..],
    ] {
        let mut child = spawn(args, Stdio::null());
        // Close the reading end before the tool writes anything.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(out.stderr.is_empty(), "{args:?}: {}", text(&out.stderr));
    }
    // `egensag overview --sample self | head -1`: the first line, then a clean end.
    let mut child = spawn(&["batch"], Stdio::piped());
    let mut stdin = child.stdin.take().unwrap();
    let line = format!(
        "{}\n",
        serde_json::to_string(
            &serde_json::from_str::<serde_json::Value>(&sample("anna.json")).unwrap()
        )
        .unwrap()
    );
    let writer = std::thread::spawn(move || {
        for _ in 0..2000 {
            if stdin.write_all(line.as_bytes()).is_err() {
                return;
            }
        }
    });
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(&first[..9], b"{\"as_of\":");
    assert_eq!(out.status.code(), Some(0));
    assert!(
        !text(&out.stderr).contains("panicked"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn batch_keeps_input_order_and_answers_each_line() {
    let engine = sample_engine();
    let compact = |name: &str| {
        serde_json::to_string(&serde_json::from_str::<serde_json::Value>(&sample(name)).unwrap())
            .unwrap()
    };
    let requests = [
        compact("anna.json"),
        compact("anna-proxy.json"),
        compact("clara-parent.json"),
    ];
    let mut input: Vec<u8> = Vec::new();
    let mut expected: Vec<String> = Vec::new();
    for i in 0..300 {
        match i % 7 {
            5 => {
                input.extend_from_slice(b"{\"as_of\": \"2026-11-23\"}\r\n");
                expected.push(
                    engine
                        .overview_json("{\"as_of\": \"2026-11-23\"}")
                        .unwrap_err()
                        .to_json(),
                );
            }
            6 if i % 2 == 0 => {
                input.extend_from_slice(b"{\"x\": \"\xff\"}\n\n   \n");
                expected.push(r#"{"code":"invalid_json","message":"expected UTF-8 text; invalid byte at offset 7","path":""}"#.to_owned());
            }
            n => {
                let request = &requests[n % 3];
                input.extend_from_slice(request.as_bytes());
                input.push(b'\n');
                expected.push(engine.overview_json(request).unwrap());
            }
        }
    }
    // No newline after the last line.
    input.extend_from_slice(requests[0].as_bytes());
    expected.push(engine.overview_json(&requests[0]).unwrap());
    for threads in ["1", "2", "4"] {
        let out = run_with_input(&["batch", "--threads", threads], &input);
        assert_eq!(out.status.code(), Some(0));
        let lines: Vec<&str> = std::str::from_utf8(&out.stdout).unwrap().lines().collect();
        assert_eq!(lines.len(), expected.len());
        for (n, (got, want)) in lines.iter().zip(&expected).enumerate() {
            assert_eq!(got, want, "line {n} with {threads} threads");
        }
        // stderr is not a terminal here: no progress bar, only the summary line.
        let summary = text(&out.stderr);
        assert_eq!(summary.lines().count(), 1, "{summary:?}");
        assert!(
            !summary.contains('\r') && !summary.contains('\u{1b}'),
            "{summary:?}"
        );
        let failed = expected
            .iter()
            .filter(|l| l.starts_with(r#"{"code":"#))
            .count();
        assert!(
            summary.starts_with(&format!(
                "egensag batch: {} requests ({failed} failed), ",
                expected.len()
            )),
            "{summary}"
        );
        assert!(summary.contains(" records/s"), "{summary}");
    }
    // The same from a file.
    let file = TempFile::new("requests.ndjson", &input);
    let out = run(&["batch", file.path()]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout).lines().count(), expected.len());
}

#[test]
fn batch_answers_a_line_over_the_limit_without_holding_it() {
    let mut policy: serde_json::Value = serde_json::from_str(&sample("policy.json")).unwrap();
    policy["limits"] = serde_json::json!({"max_input_bytes": 4096});
    let policy = policy.to_string();
    let engine = egensag::Engine::from_policy_json(&policy).unwrap();
    let small = r#"{"as_of": "2026-11-23", "subject": {"cpr": "0101901234"}, "viewer": {"cpr": "0101901234", "role": "self"}}"#;
    let long = format!(
        r#"{{"as_of": "2026-11-23", "pad": "{}"}}"#,
        "x".repeat(10_000)
    );
    let file = TempFile::new("small-policy.json", policy.as_bytes());
    let input = format!("{small}\n{long}\n{small}\n");
    let out = run_with_input(&["batch", "--policy", file.path()], input.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let lines: Vec<String> = text(&out.stdout).lines().map(str::to_owned).collect();
    let expected = [
        engine.overview_json(small).unwrap(),
        engine.overview_json(&long).unwrap_err().to_json(),
        engine.overview_json(small).unwrap(),
    ];
    assert_eq!(lines, expected);
    assert!(expected[1].starts_with(r#"{"code":"limit_exceeded""#));
}

#[test]
fn batch_draws_a_progress_bar_on_a_terminal() {
    // `script` gives the tool a terminal for stdout and stderr (util-linux).
    if Command::new("script").arg("--version").output().is_err() {
        panic!("the test needs `script` (util-linux) to give the tool a terminal");
    }
    let requests = {
        let line = serde_json::to_string(
            &serde_json::from_str::<serde_json::Value>(&sample("anna.json")).unwrap(),
        )
        .unwrap();
        format!("{line}\n").repeat(400)
    };
    let file = TempFile::new("tty.ndjson", requests.as_bytes());
    let out = Command::new("script")
        .args([
            "-qec",
            &format!("{BIN} batch --threads 1 {} > /dev/null", file.path()),
            "/dev/null",
        ])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    let screen = String::from_utf8_lossy(&out.stdout);
    assert!(screen.contains("400 requests (0 failed)"), "{screen}");
    assert!(
        screen.contains('\u{1b}'),
        "no progress bar drawn: {screen:?}"
    );
}

#[test]
fn import_prints_the_readers_json_and_schema_the_committed_file() {
    let dir = vectors().join("sources-citizen-xml");
    let sf1470 = dir.join("sf1470.xml");
    let profile = dir.join("source-profile.json");
    let out = run(&[
        "import",
        "--sf1470",
        sf1470.to_str().unwrap(),
        "--as-of",
        "2026-11-23",
        "--source-profile",
        profile.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let library = egensag::json::sources(
        "sf1470",
        &std::fs::read_to_string(&sf1470).unwrap(),
        "2026-11-23",
        Some(&std::fs::read_to_string(&profile).unwrap()),
    )
    .unwrap();
    assert_eq!(text(&out.stdout), format!("{library}\n"));
    let bad = run(&[
        "import",
        "--ydelsesindeks",
        sf1470.to_str().unwrap(),
        "--as-of",
        "2026-13-01",
        "--json",
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad.stderr).starts_with(r#"{"code":"#));

    for name in ["request", "overview.schema.json", "error"] {
        let out = run(&["schema", name]);
        assert_eq!(out.status.code(), Some(0));
        let file = if name.ends_with(".json") {
            name.to_owned()
        } else {
            format!("{name}.schema.json")
        };
        let committed = std::fs::read_to_string(repo().join("schemas").join(file)).unwrap();
        assert_eq!(text(&out.stdout), committed);
    }
    let list = text(&run(&["schema"]).stdout);
    assert_eq!(
        list.lines().count(),
        std::fs::read_dir(repo().join("schemas")).unwrap().count()
    );
}
