//! Which paths are forbidden, and what to use instead: the backend
//! wrappers in `executor::sync`, which `exercises::prelude::*` re-exports.

const MUTEX: &str = "`executor::sync::Mutex<B, T>` (the prelude's `Mutex`)";
const CONDVAR: &str = "`executor::sync::Condvar<B>` (the prelude's `Condvar`)";
const ARC: &str = "`executor::sync::Arc<B, T>` (the prelude's `Arc`)";
const ATOMIC: &str = "`executor::sync::{AtomicBool, AtomicU64, AtomicUsize}` (the prelude's `AtomicU64<B>` and friends)";
const FENCE: &str = "the ordering of an operation on an `executor::sync` atomic (a bare fence is invisible to the checkers)";
const BLOCKING: &str =
    "an `executor::sync::Mutex<B, T>` with an `executor::sync::Condvar<B>` (the prelude's)";
const SYNC: &str = "the backend wrappers `executor::sync::*` (through `exercises::prelude::*`)";
const SPAWN: &str =
    "the prelude's `spawn::<B, _>(name, f)` and `join(handle)` (`executor::sync::thread`)";
const PARK: &str = "a wait on an `executor::sync::Condvar<B>` until the condition holds";
const YIELD: &str = "the prelude's `yield_now::<B>()` (`executor::sync::thread::yield_now`)";
const THREAD: &str = "`executor::sync::thread` through the prelude: `spawn::<B, _>(name, f)`, `join(handle)`, `yield_now::<B>()`";
const CELL: &str = "`executor::sync::UnsafeCell<B, T>`, whose accesses loom checks";
const STATIC_MUT: &str = "state owned by a struct, shared through `executor::sync::Arc<B, T>`";

/// The forbidden item a resolved path names (the path up to that item)
/// and what to use instead; `None` if the path is allowed. `std::sync`
/// itself is allowed (for `atomic::Ordering`); everything in it is not.
pub fn instead_of(path: &[String]) -> Option<(String, &'static str)> {
    let mut segments: Vec<&str> = path.iter().map(String::as_str).collect();
    if matches!(segments.first(), Some(&("core" | "alloc"))) {
        // `core::sync::atomic` and `alloc::sync::Arc` are std's, renamed.
        segments[0] = "std";
    }
    let shown = |n: usize| segments[..n.min(segments.len())].join("::");
    match segments.as_slice() {
        ["parking_lot", ..] => Some((shown(2), BLOCKING)),
        [krate, ..] if krate.starts_with("crossbeam") => Some((shown(2), SYNC)),
        ["std", "sync"] | ["std", "sync", "atomic"] => None,
        ["std", "sync", "atomic", "Ordering", ..] => None,
        ["std", "sync", "atomic", item, ..] => Some((
            shown(4),
            if item.contains("fence") {
                FENCE
            } else {
                ATOMIC
            },
        )),
        ["std", "sync", item, ..] => Some((
            shown(3),
            match *item {
                "Mutex" | "MutexGuard" => MUTEX,
                "Condvar" => CONDVAR,
                "Arc" | "Weak" => ARC,
                "RwLock" | "Barrier" | "mpsc" | "Once" | "OnceLock" | "LazyLock" => BLOCKING,
                _ => SYNC,
            },
        )),
        // A sleep is let through on purpose (see AUTHORING.md): it
        // synchronises nothing, and the checkers show why.
        ["std", "thread"] | ["std", "thread", "sleep", ..] => None,
        ["std", "thread", item, ..] => Some((
            shown(3),
            match *item {
                "spawn" | "scope" | "Builder" => SPAWN,
                "park" | "park_timeout" => PARK,
                "yield_now" => YIELD,
                _ => THREAD,
            },
        )),
        ["std", "cell", "UnsafeCell", ..] => Some((shown(3), CELL)),
        _ => None,
    }
}

/// What to use instead of a `static mut`.
pub fn instead_of_static_mut() -> &'static str {
    STATIC_MUT
}
