//! Backend discipline: no code in `executor/src` names a synchronisation
//! primitive directly, except the production backend
//! (`src/sync/std_backend.rs`). A primitive that bypasses the `Backend` is
//! invisible to loom and shuttle: they hang on it or miss its bugs.
//!
//! `clippy.toml` enforces the same rule by resolved path; this test is the
//! textual backstop that a plain `cargo test` runs. Lines whose trimmed text
//! starts with `//` (comments, `///` and `//!` docs) are ignored, since docs
//! legitimately name these things; any other mention counts, including one in
//! a trailing comment.

use std::fs;
use std::path::{Path, PathBuf};

/// The one file allowed to name the primitives, relative to the crate root.
const EXEMPT: &str = "src/sync/std_backend.rs";

// ANCHOR: forbidden
/// Text that must not appear in code. `core::sync::atomic::Ordering` is fine
/// (the wrappers take it), but `core::sync::atomic::Atomic*` and
/// `alloc::sync` are the same std types under another name.
const FORBIDDEN: &[&str] = &[
    "std::sync",
    "std::thread",
    "parking_lot",
    "crossbeam",
    "core::sync::atomic::Atomic",
    "alloc::sync",
];
// ANCHOR_END: forbidden

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

/// Every `(line number, forbidden text)` in the code lines of `source`.
fn violations(source: &str) -> Vec<(usize, &'static str)> {
    source
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim_start().starts_with("//"))
        .flat_map(|(index, line)| {
            FORBIDDEN
                .iter()
                .filter(move |pattern| line.contains(*pattern))
                .map(move |pattern| (index + 1, *pattern))
        })
        .collect()
}

#[test]
fn only_the_std_backend_names_sync_primitives() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let exempt = root.join(EXEMPT);
    assert!(
        exempt.is_file(),
        "{} is gone: update EXEMPT here and the allow in clippy.toml's comment",
        exempt.display()
    );

    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    files.sort();
    assert!(
        files.len() > 1,
        "found no sources under {}",
        root.join("src").display()
    );

    let mut offences = Vec::new();
    for file in files.iter().filter(|f| **f != exempt) {
        let source = fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let shown = file
            .strip_prefix(root)
            .unwrap_or(file)
            .display()
            .to_string();
        for (line, pattern) in violations(&source) {
            offences.push(format!("executor/{shown}:{line}: names `{pattern}`"));
        }
    }
    for offence in &offences {
        eprintln!("{offence}");
    }
    assert!(
        offences.is_empty(),
        "{} direct use(s) of a sync primitive outside {EXEMPT}; go through crate::sync \
         (the Backend) so loom and shuttle can see it:\n{}",
        offences.len(),
        offences.join("\n")
    );
}

#[test]
fn comments_are_ignored_and_code_is_not() {
    let source = "\
/// Like `std::sync::Mutex`, but generic.
//! parking_lot underneath.
    // std::thread::spawn in a comment
let m = std::sync::Mutex::new(0);
    use parking_lot::Condvar;
let ok = core::sync::atomic::Ordering::SeqCst;
let bad = core::sync::atomic::AtomicUsize::new(0); // crossbeam
";
    assert_eq!(
        violations(source),
        vec![
            (4, "std::sync"),
            (5, "parking_lot"),
            (7, "crossbeam"),
            (7, "core::sync::atomic::Atomic"),
        ]
    );
}
