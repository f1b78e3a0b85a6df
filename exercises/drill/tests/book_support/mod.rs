//! What the book tests share: the book built once per test binary, and
//! its Markdown sources.

pub mod includes;
pub mod links;
pub mod sections;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The workspace root.
pub fn root() -> PathBuf {
    drill::book::workspace_root()
}

/// `book/src`.
pub fn src() -> PathBuf {
    root().join("book").join("src")
}

/// The book, built once through the mdBook library into its own folder
/// (not `target/book`, which `cargo drill book` may be serving).
pub fn built() -> &'static Path {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT.get_or_init(|| {
        let out = drill::book::default_out(&root()).with_file_name("book-test");
        let _ = std::fs::remove_dir_all(&out);
        drill::book::build(&root(), &out).unwrap_or_else(|e| panic!("the book does not build: {e}"))
    })
}

/// Every Markdown file under `dir`, sorted, with its text.
pub fn markdown(dir: &Path) -> Vec<(PathBuf, String)> {
    files(dir, "md")
}

/// Every file under `dir` with extension `ext`, sorted, with its text.
pub fn files(dir: &Path, ext: &str) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read a book folder") {
            let path = entry.expect("a folder entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == ext) {
                let text = std::fs::read_to_string(&path).expect("read a book file");
                out.push((path, text));
            }
        }
    }
    out.sort();
    out
}

/// `path` relative to the workspace, for messages.
pub fn shown(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Resolves `.` and `..` without touching the file system.
pub fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}
