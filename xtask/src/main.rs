//! Workspace tasks, run as `cargo xtask …` (an alias in `.cargo/config.toml`).
//!
//! Every generated file is committed, and this is the one place that makes them:
//!
//! | part      | files                                   | made by                                  |
//! |-----------|-----------------------------------------|------------------------------------------|
//! | `schemas` | `schemas/*.schema.json`                 | [`egensag::schema::files`]               |
//! | `header`  | `bindings-c/include/egensag.h`          | cbindgen (library) + `bindings-c/cbindgen.toml` |
//! | `types`   | `bindings-wasm/npm/types.d.ts`          | `bindings-wasm/tools/schemas-to-types.mjs` (Node) from `schemas/` |
//! | `python`  | `bindings-python/python/egensag/_types.pyi` | [`python_types`] (this crate) from `schemas/` |
//! | `vectors` | `tests/vectors/rule-*/{policy,request}.json`, every vector's expected outputs | core's `scenarios` and `vectors` tests with `EGENSAG_BLESS=1` |
//! | `figures` | `docs/performance-scaling.svg`          | [`figure::svg`] from the committed `bench/results/bench-ratios.json` |
//!
//! - `cargo xtask bless [PART…]` rewrites them (all parts by default, in the order above:
//!   the TypeScript and Python types are made from the schemas). Review the diff before committing it.
//! - `cargo xtask check [PART…]` fails when a committed file differs from what would be
//!   made, naming the file and the command that fixes it. For `vectors` it runs core's
//!   `vectors`, `scenarios` and `schemas` tests twice: as they are, and with core's
//!   `_check-key-order` feature, which turns on serde_json's `preserve_order` as another
//!   crate in a build may (cedar-policy in `bench/` does), together with `_chrono-dates`
//!   (dates read and written by chrono's own codec instead of `egensag::dates`, as the
//!   benchmarks' floor does). Both builds must produce the committed bytes, so the output
//!   depends neither on which crates are built with core nor on the date codec.
//!
//! Tool versions are pinned in the root `Cargo.toml` (`[workspace.dependencies]`:
//! `cbindgen` here, `wasm-bindgen` for the CLI that scripts/setup.sh installs).

mod figure;
mod python_types;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// A group of generated files that is made, and checked, together.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Part {
    Schemas,
    Header,
    Types,
    Python,
    Vectors,
    Figures,
}

impl Part {
    /// Every part, in the order they must be made.
    const ALL: [Part; 6] = [
        Part::Schemas,
        Part::Header,
        Part::Types,
        Part::Python,
        Part::Vectors,
        Part::Figures,
    ];

    fn name(self) -> &'static str {
        match self {
            Part::Schemas => "schemas",
            Part::Header => "header",
            Part::Types => "types",
            Part::Python => "python",
            Part::Vectors => "vectors",
            Part::Figures => "figures",
        }
    }

    fn parse(name: &str) -> Option<Part> {
        Part::ALL.into_iter().find(|part| part.name() == name)
    }
}

/// What to do with the generated files.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    /// Rewrite them.
    Bless,
    /// Compare them with what would be written.
    Check,
}

const USAGE: &str =
    "usage: cargo xtask bless|check [schemas|header|types|python|vectors|figures]...";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((mode, parts)) = parse_args(&args) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let root = workspace_root();
    let mut problems = Vec::new();
    for part in parts {
        println!("xtask {}: {}", mode_name(mode), part.name());
        if let Err(problem) = run(part, mode, &root) {
            problems.push(problem);
        }
    }
    if problems.is_empty() {
        println!("xtask {}: done", mode_name(mode));
        ExitCode::SUCCESS
    } else {
        eprintln!();
        for problem in &problems {
            eprintln!("error: {problem}");
        }
        ExitCode::FAILURE
    }
}

fn parse_args(args: &[String]) -> Option<(Mode, Vec<Part>)> {
    let (first, rest) = args.split_first()?;
    let mode = match first.as_str() {
        "bless" => Mode::Bless,
        "check" => Mode::Check,
        _ => return None,
    };
    let mut parts = rest
        .iter()
        .map(|name| Part::parse(name))
        .collect::<Option<Vec<Part>>>()?;
    if parts.is_empty() {
        parts = Part::ALL.to_vec();
    }
    // Made in dependency order whatever order they were named in.
    parts.sort_by_key(|part| Part::ALL.iter().position(|p| p == part));
    parts.dedup();
    Some((mode, parts))
}

fn mode_name(mode: Mode) -> &'static str {
    match mode {
        Mode::Bless => "bless",
        Mode::Check => "check",
    }
}

/// The repository root: this crate lives in `xtask/`.
fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

fn run(part: Part, mode: Mode, root: &Path) -> Result<(), String> {
    match part {
        Part::Schemas => {
            let files = egensag::schema::files().map_err(|e| format!("schemas: {e}"))?;
            let files = files
                .into_iter()
                .map(|f| (Path::new("schemas").join(f.name), f.text.into_bytes()))
                .collect::<Vec<_>>();
            sync(mode, root, &files)
        }
        Part::Header => {
            let header = c_header(root)?;
            sync(
                mode,
                root,
                &[(PathBuf::from("bindings-c/include/egensag.h"), header)],
            )
        }
        Part::Types => {
            let types = typescript_types(root)?;
            sync(
                mode,
                root,
                &[(PathBuf::from("bindings-wasm/npm/types.d.ts"), types)],
            )
        }
        Part::Python => {
            let stubs = python_types::generate(root)?;
            sync(mode, root, &[(PathBuf::from(python_types::PATH), stubs)])
        }
        Part::Vectors => match mode {
            Mode::Bless => bless_vectors(root),
            Mode::Check => check_vectors(root),
        },
        Part::Figures => {
            let svg = figure::svg(root)?;
            sync(mode, root, &[(PathBuf::from(figure::PICTURE), svg)])
        }
    }
}

/// Writes the files (bless) or reports every one that differs from its committed bytes.
fn sync(mode: Mode, root: &Path, files: &[(PathBuf, Vec<u8>)]) -> Result<(), String> {
    let mut stale = String::new();
    for (path, bytes) in files {
        let full = root.join(path);
        let committed = std::fs::read(&full).ok();
        if committed.as_deref() == Some(bytes.as_slice()) {
            continue;
        }
        match mode {
            Mode::Bless => {
                if let Some(dir) = full.parent() {
                    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
                }
                std::fs::write(&full, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
                println!("  rewrote {}", path.display());
            }
            Mode::Check => {
                let what = if committed.is_some() {
                    "is stale"
                } else {
                    "is missing"
                };
                let _ = write!(stale, "\n  {} {what}", path.display());
            }
        }
    }
    if stale.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "generated files differ from what the code generates:{stale}\n  \
             fix: run `cargo xtask bless`, review the diff and commit it \
             (generated files are never edited by hand)"
        ))
    }
}

/// `bindings-c/include/egensag.h` as cbindgen makes it from `bindings-c/src/lib.rs`.
fn c_header(root: &Path) -> Result<Vec<u8>, String> {
    let crate_dir = root.join("bindings-c");
    let config = cbindgen::Config::from_file(crate_dir.join("cbindgen.toml"))
        .map_err(|e| format!("bindings-c/cbindgen.toml: {e}"))?;
    let bindings = cbindgen::Builder::new()
        .with_config(config)
        .with_crate_and_name(&crate_dir, "egensag-c")
        .generate()
        .map_err(|e| format!("cbindgen on bindings-c: {e}"))?;
    let mut header = Vec::new();
    bindings.write(&mut header);
    Ok(header)
}

/// `bindings-wasm/npm/types.d.ts` as `bindings-wasm/tools/schemas-to-types.mjs` makes it
/// from the committed `schemas/` (Node and the npm package json-schema-to-typescript,
/// installed into bindings-wasm/node_modules from its lock file when missing).
fn typescript_types(root: &Path) -> Result<Vec<u8>, String> {
    let wasm_dir = root.join("bindings-wasm");
    if !wasm_dir
        .join("node_modules/json-schema-to-typescript")
        .is_dir()
    {
        run_command(
            Command::new("npm")
                .args(["ci", "--silent", "--no-audit", "--no-fund"])
                .current_dir(&wasm_dir),
            "npm ci in bindings-wasm (needs Node and npm: scripts/setup.sh)",
        )?;
    }
    let out = std::env::temp_dir().join(format!("egensag-types-{}.d.ts", std::process::id()));
    let made = run_command(
        Command::new("node")
            .arg(wasm_dir.join("tools/schemas-to-types.mjs"))
            .arg(&out),
        "node bindings-wasm/tools/schemas-to-types.mjs",
    )
    .and_then(|()| std::fs::read(&out).map_err(|e| format!("{}: {e}", out.display())));
    let _ = std::fs::remove_file(&out);
    made
}

/// Core's tests that write the vectors: the scenarios' inputs first, then every vector's
/// expected outputs from the library itself.
fn bless_vectors(root: &Path) -> Result<(), String> {
    for test in ["scenarios", "vectors"] {
        run_command(
            cargo_test(root, &[test], &[]).env("EGENSAG_BLESS", "1"),
            &format!("EGENSAG_BLESS=1 cargo test -p egensag --test {test}"),
        )?;
    }
    println!("  rewrote tests/vectors/ (see `git status tests/vectors`)");
    Ok(())
}

/// The byte-for-byte tests, in a plain build and in one where serde_json keeps insertion
/// order (as it does whenever any crate in the build turns on `preserve_order`).
fn check_vectors(root: &Path) -> Result<(), String> {
    let tests = ["vectors", "scenarios", "schemas"];
    run_command(
        &mut cargo_test(root, &tests, &[]),
        "cargo test -p egensag --test vectors --test scenarios --test schemas",
    )
    .map_err(|e| {
        format!(
            "{e}\n  the conformance vectors or schemas differ from the committed bytes \
             (the test output above names the files); if the change is intended, run \
             `cargo xtask bless`, review the diff and commit it"
        )
    })?;
    run_command(
        &mut cargo_test(root, &tests, &["--features", "_check-key-order,_chrono-dates"]),
        "cargo test -p egensag --features _check-key-order,_chrono-dates --test vectors --test scenarios --test schemas",
    )
    .map_err(|e| {
        format!(
            "{e}\n  with serde_json's `preserve_order` and chrono's date codec on, core writes \
             other bytes than the committed ones (the test output above names the files): \
             the output depends on which crates are built with core, or egensag's date codec \
             (core/src/dates.rs) differs from chrono's. Do not bless this; make the serialisation \
             independent of serde_json's map order (no serde_json::Map/Value in output types, \
             or sort before writing)"
        )
    })
}

fn cargo_test(root: &Path, tests: &[&str], extra: &[&str]) -> Command {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command
        .current_dir(root)
        .args(["test", "--quiet", "--package", "egensag"])
        .args(extra);
    for test in tests {
        command.args(["--test", test]);
    }
    command
}

fn run_command(command: &mut Command, what: &str) -> Result<(), String> {
    let status = command
        .status()
        .map_err(|e| format!("{what}: could not start: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{what}: failed ({status})"))
    }
}
