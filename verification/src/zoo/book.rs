//! The zoo's failure reports as the book shows them: real output of the
//! checkers, committed under `book/src/generated/reports/`, and compared
//! with what the checkers print now, so a report in the book is never
//! stale. With `BOOK_REGENERATE=1` the comparison writes the files instead:
//!
//! ```sh
//! BOOK_REGENERATE=1 cargo test -p verification --test book_reports_loom --test book_reports_shuttle
//! ```

use super::{Bug, Checker};
use std::path::{Path, PathBuf};

/// shuttle's seed for the book: fixed, so the report is the same each run.
const SEED: u64 = 1;

/// The workspace root, as reports name it: paths under it are shown
/// relative to it.
fn root() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    root.canonicalize().unwrap_or(root)
}

/// Where the book's copy of a report lives.
pub fn report_file(name: &str, checker: Checker) -> PathBuf {
    let ext = match checker {
        Checker::Loom => "loom",
        Checker::ShuttleRandom => "shuttle",
        other => panic!("the book shows no {other:?} reports"),
    };
    root().join(format!("book/src/generated/reports/{name}.{ext}.txt"))
}

/// Runs bug `name` under `checker` with fixed settings (loom at bound 2,
/// shuttle's random scheduler at seed 1) and returns its report as the book
/// shows it, or `None` if the bug is not listed for that checker.
pub fn report(name: &str, checker: Checker) -> Option<String> {
    let bug = Bug::named(name);
    if !bug.found_by.contains(&checker) {
        return None;
    }
    // One report at a time: shuttle's schedule files are found by what
    // appeared in a shared folder, which a report made alongside would blur.
    static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _turn = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let check = bug.check();
    let verdict = match checker {
        Checker::Loom => check.loom_bound(2).run_loom(bug.broken.loom),
        Checker::ShuttleRandom => check
            .seed(SEED)
            .iterations(10_000)
            .run_shuttle(bug.broken.shuttle, false),
        other => panic!("the book shows no {other:?} reports"),
    };
    let report = verdict
        .failure
        .unwrap_or_else(|| panic!("{checker:?} no longer finds `{name}`: no report to show"));
    let root = format!("{}/", root().display());
    let text = report.to_string().trim_start().replace(&root, "");
    Some(
        text.lines()
            .map(|line| format!("{}\n", machine_free(line)))
            .collect(),
    )
}

/// A report line without what differs between machines and runs: the OS
/// thread id in a panic message, the folder cargo keeps crates in, and the
/// toolchain's source paths and line numbers.
fn machine_free(line: &str) -> String {
    let Some((head, rest)) = line.split_once(") panicked at ") else {
        return line.to_owned();
    };
    let head = head.rsplit_once(" (").map_or(head, |(name, _id)| name);
    let location = rest.trim_end_matches(':');
    let location = if let Some((_, tail)) = location.split_once("/registry/src/") {
        tail.split_once('/')
            .map_or(tail, |(_index, path)| path)
            .to_owned()
    } else if let Some((_, tail)) = location.split_once("/library/") {
        let file = tail.split(':').next().unwrap_or(tail);
        format!("<rust>/library/{file}")
    } else {
        location.to_owned()
    };
    format!("{head} panicked at {location}:")
}

/// Asserts that the book's copy of the report of bug `name` under
/// `checker` is what the checker prints now (or writes it, under
/// `BOOK_REGENERATE=1`); a bug the checker is not listed for has no file.
pub fn assert_book_report(name: &str, checker: Checker) {
    let path = report_file(name, checker);
    let now = report(name, checker);
    if std::env::var_os("CHECK_REPLAY").is_some() {
        // A reader replaying the book's report: show it, compare nothing.
        eprintln!("{}", now.as_deref().unwrap_or("(no report)"));
        return;
    }
    if std::env::var_os("BOOK_REGENERATE").is_some() {
        match &now {
            Some(text) => {
                std::fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
                std::fs::write(&path, text).expect("write the report");
            }
            None => {
                let _ = std::fs::remove_file(&path);
            }
        }
        return;
    }
    let committed = std::fs::read_to_string(&path).ok();
    assert!(
        committed == now,
        "the book's report {} is stale: regenerate it with\n  BOOK_REGENERATE=1 cargo test -p \
         verification --test book_reports_loom --test book_reports_shuttle\n--- in the book:\n{}\n--- \
         the checker prints now:\n{}",
        path.display(),
        committed.as_deref().unwrap_or("(no file)"),
        now.as_deref()
            .unwrap_or("(nothing: the checker is not listed for this bug)"),
    );
}

/// The book's copy of bug `name`'s row of the detection matrix (with the
/// table's header), written by `zoo-matrix` beside `verification/zoo-matrix.md`.
pub fn matrix_row_file(name: &str) -> PathBuf {
    root().join(format!("book/src/generated/matrix/{name}.md"))
}

/// Splits a detection-matrix table into its two header lines and a row
/// per bug, by name.
fn split_table(table: &str) -> (String, Vec<(String, String)>) {
    let lines: Vec<&str> = table.lines().filter(|l| l.starts_with('|')).collect();
    let header = lines.iter().take(2).map(|l| format!("{l}\n")).collect();
    let rows = lines
        .iter()
        .skip(2)
        .filter_map(|row| {
            let name = row.split('`').nth(1)?;
            Some((name.to_owned(), format!("{row}\n")))
        })
        .collect();
    (header, rows)
}

/// Writes each bug's row of `table` (as `matrix::measure` renders it) for
/// the book's zoo pages.
pub fn write_matrix_rows(table: &str) {
    let (header, rows) = split_table(table);
    for (name, row) in rows {
        let path = matrix_row_file(&name);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
        std::fs::write(&path, format!("{header}{row}")).expect("write a matrix row");
    }
}

/// Merges the rows of `table` into `verification/zoo-matrix.md` (a bug's
/// row replaces its old one, or is added after the last row, in the
/// zoo's order) and replaces the blind-spots list. Returns the file.
pub fn merge_matrix_rows(table: &str, blind_spots: &str) -> PathBuf {
    let path = root().join("verification/zoo-matrix.md");
    let old = std::fs::read_to_string(&path).expect("verification/zoo-matrix.md");
    let (_, new_rows) = split_table(table);
    let (_, old_rows) = split_table(&old);
    let row_of = |name: &str| {
        new_rows
            .iter()
            .chain(old_rows.iter())
            .find(|(n, _)| n == name)
            .map(|(_, row)| row.clone())
    };
    let rows: String = super::BUGS
        .iter()
        .filter_map(|bug| row_of(bug.name))
        .collect();
    let first = old.find("| `").expect("a first row");
    let end = old[first..]
        .find("\n\n")
        .map_or(old.len(), |at| first + at + 1);
    let spots = old.find("## Who finds what").expect("the blind spots");
    let spots_end = old
        .find("<!-- ANCHOR_END: blind_spots -->")
        .expect("their end");
    let merged = format!(
        "{}{rows}{}{blind_spots}{}",
        &old[..first],
        &old[end..spots],
        &old[spots_end..]
    );
    std::fs::write(&path, merged).expect("write the matrix");
    path
}

/// Asserts that the book's matrix rows are the committed matrix's, one per
/// bug of the zoo, and that each row shows a find for every checker the bug
/// lists: a matrix measured before a bug or its checkers changed is stale.
pub fn assert_matrix_rows() {
    let matrix = std::fs::read_to_string(root().join("verification/zoo-matrix.md"))
        .expect("verification/zoo-matrix.md");
    let (header, rows) = split_table(&matrix);
    let regenerate = "regenerate it with `cargo run -p verification --release --bin zoo-matrix`";
    for bug in super::BUGS {
        let row = rows
            .iter()
            .find(|(name, _)| name == bug.name)
            .map(|(_, row)| row)
            .unwrap_or_else(|| panic!("the matrix has no row for `{}`: {regenerate}", bug.name));
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        // | bug | loom 1 | loom 2 | loom 3 | shuttle random | shuttle PCT | std |
        for checker in bug.found_by {
            let (column, missed) = match checker {
                Checker::Loom => (3, "not found"),
                Checker::ShuttleRandom => (5, "not found"),
                Checker::ShuttlePct => (6, "not found"),
                Checker::Std => (7, "0 /"),
            };
            assert!(
                !cells[column].starts_with(missed),
                "the matrix says {checker:?} misses `{}`, which lists it: {regenerate}",
                bug.name
            );
        }
        let path = matrix_row_file(bug.name);
        let book = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(
            book,
            format!("{header}{row}"),
            "{} is not the matrix's row: {regenerate}",
            path.display()
        );
    }
    assert_eq!(
        rows.len(),
        super::BUGS.len(),
        "the matrix has rows for bugs the zoo lacks: {regenerate}"
    );
}
