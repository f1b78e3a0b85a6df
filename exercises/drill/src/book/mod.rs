//! The book: `book/` at the workspace root, built with mdBook 0.5 used as
//! a library, so reading it needs no install step.
//!
//! ```no_run
//! let root = drill::book::workspace_root();
//! let html = drill::book::build(&root, &root.join("target/book")).unwrap();
//! assert!(html.join("index.html").exists());
//! ```

mod serve;

pub use serve::{Server, serve};

use mdbook_driver::MDBook;
use std::path::{Path, PathBuf};

/// Errors carry mdBook's whole chain of causes as text.
pub type Result<T> = std::result::Result<T, String>;

/// The workspace this binary was built from.
pub fn workspace_root() -> PathBuf {
    let exercises = exercises::root();
    exercises
        .parent()
        .map_or(exercises.clone(), Path::to_path_buf)
}

/// Where `cargo drill book` writes the book: `target/book`, or under
/// `CARGO_TARGET_DIR`.
pub fn default_out(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| root.join("target"), PathBuf::from)
        .join("book")
}

/// Loads the book of the workspace at `root`, to be written into `out`.
pub fn load(root: &Path, out: &Path) -> Result<MDBook> {
    let mut book = MDBook::load(root.join("book")).map_err(chain)?;
    book.config.build.build_dir = out.to_path_buf();
    Ok(book)
}

/// Builds the book into `out` and returns the folder of its HTML.
pub fn build(root: &Path, out: &Path) -> Result<PathBuf> {
    load(root, out)?.build().map_err(chain)?;
    Ok(out.to_path_buf())
}

fn chain(error: impl Into<Box<dyn std::error::Error>>) -> String {
    let error = error.into();
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(&format!(": {cause}"));
        source = cause.source();
    }
    text
}
