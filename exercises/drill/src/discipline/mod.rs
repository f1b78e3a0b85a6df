//! The rule that keeps the checkers honest, applied to a learner's file:
//! only the workspace's backend primitives (`executor::sync::*`, which the
//! prelude re-exports). A `std::sync::Mutex` is invisible to loom and
//! shuttle, so a model using one hangs or misses the bug it exists to find.
//!
//! The file is parsed (with `syn`), not searched as text: `use std::sync;`
//! then `sync::Mutex`, `use std::{sync::Mutex}`, a `use` list spread over
//! lines, `core::sync::atomic` and `use std::thread;` are all the same
//! forbidden path once `use` aliases and groups are resolved.

mod imports;
mod rules;
mod walk;

pub use rules::instead_of;

/// A use of a primitive the checkers cannot see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// 1-based line number.
    pub line: usize,
    /// The path as written in the file, e.g. `sync::Mutex`.
    pub written: String,
    /// The forbidden path it names, e.g. `std::sync::Mutex`.
    pub forbidden: String,
    /// What to use instead.
    pub instead: &'static str,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: `{}`", self.line, self.written)?;
        if self.written != self.forbidden {
            write!(f, " (that is `{}`)", self.forbidden)?;
        }
        write!(f, " is invisible to loom and shuttle; use {}", self.instead)
    }
}

/// The forbidden primitives `source` names, in line order. A file that
/// does not parse yields none: the compiler then says what is wrong.
pub fn scan(source: &str) -> Vec<Violation> {
    let Ok(file) = syn::parse_file(source) else {
        return Vec::new();
    };
    let aliases = imports::Aliases::collect(&file);
    let mut found = walk::violations(&file, &aliases);
    found.sort_by(|a, b| (a.line, &a.written).cmp(&(b.line, &b.written)));
    found.dedup();
    found
}
