//! The rule that keeps the checkers honest, applied to a learner's file:
//! only the workspace's backend primitives. A `std::sync::Mutex` is
//! invisible to loom and shuttle, so a model using one hangs or misses the
//! bug it exists to find.

/// Paths a graded file may not name, with what to use instead.
const FORBIDDEN: &[(&str, &str)] = &[
    ("std::sync::Mutex", "the prelude's `Mutex<B, T>`"),
    ("std::sync::RwLock", "a `Mutex<B, T>` and a `Condvar<B>`"),
    ("std::sync::Condvar", "the prelude's `Condvar<B>`"),
    ("std::sync::Arc", "the prelude's `Arc<B, T>`"),
    ("std::sync::Barrier", "a `Mutex<B, T>` and a `Condvar<B>`"),
    (
        "std::sync::mpsc",
        "a queue under a `Mutex<B, T>` with a `Condvar<B>`",
    ),
    ("std::sync::Once", "a `Mutex<B, T>`"),
    (
        "std::sync::atomic::Atomic",
        "the prelude's `AtomicU64<B>` and friends",
    ),
    (
        "std::thread::spawn",
        "the prelude's `spawn::<B, _>(name, f)`",
    ),
    (
        "std::thread::scope",
        "the prelude's `spawn::<B, _>(name, f)` and `join`",
    ),
    (
        "std::thread::Builder",
        "the prelude's `spawn::<B, _>(name, f)`",
    ),
    ("thread::park", "a `Condvar<B>`"),
    (
        "parking_lot",
        "the prelude's `Mutex<B, T>` and `Condvar<B>`",
    ),
    ("crossbeam", "the prelude's primitives"),
    (
        "static mut",
        "state owned by a struct, shared through `Arc<B, T>`",
    ),
];

/// A use of a primitive the checkers cannot see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// 1-based line number.
    pub line: usize,
    /// What was named.
    pub found: &'static str,
    /// What to use instead.
    pub instead: &'static str,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "line {}: `{}` is invisible to loom and shuttle; use {}",
            self.line, self.found, self.instead
        )
    }
}

/// The forbidden primitives `source` names outside comments.
///
/// ```
/// use exercises::discipline::scan;
/// assert!(scan("use exercises::prelude::*;").is_empty());
/// assert_eq!(scan("let m = std::sync::Mutex::new(0);")[0].line, 1);
/// assert!(scan("// std::sync::Mutex in a comment is fine").is_empty());
/// ```
pub fn scan(source: &str) -> Vec<Violation> {
    let mut found = Vec::new();
    for (index, line) in source.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let code: String = code.split_whitespace().collect::<Vec<_>>().join(" ");
        for (name, instead) in FORBIDDEN {
            if code.contains(name) || imports(&code, name) {
                found.push(Violation {
                    line: index + 1,
                    found: name,
                    instead,
                });
            }
        }
    }
    found
}

/// `use std::sync::{Arc, Mutex}` names `std::sync::Mutex` too.
fn imports(code: &str, name: &str) -> bool {
    let Some((module, item)) = name.rsplit_once("::") else {
        return false;
    };
    let Some(rest) = code.find(&format!("{module}::{{")).map(|i| &code[i..]) else {
        return false;
    };
    let list = rest.split('}').next().unwrap_or("");
    list.split([',', '{', ' '])
        .any(|part| part == item || part.starts_with(item) && item.ends_with("Atomic"))
}
