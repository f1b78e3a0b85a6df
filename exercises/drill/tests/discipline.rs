//! The scan that refuses primitives loom and shuttle cannot see: each way
//! around a textual scan the issue found, plus the catalog's own files.

use drill::discipline::{Violation, scan};

/// The one violation in `source`, which must name `forbidden` on `line`.
fn one(source: &str, line: usize, forbidden: &str) -> Violation {
    let found = scan(source);
    assert_eq!(found.len(), 1, "{source}\n{found:#?}");
    let v = found.into_iter().next().unwrap();
    assert_eq!((v.line, v.forbidden.as_str()), (line, forbidden), "{v}");
    let shown = v.to_string();
    assert!(
        shown.contains(forbidden) && shown.contains("executor::sync"),
        "the message names the path and the backend wrapper: {shown}"
    );
    v
}

#[test]
fn a_module_import_then_a_short_path() {
    let v = one(
        "use std::sync;\nfn f() { let m = sync::Mutex::new(0); }\n",
        2,
        "std::sync::Mutex",
    );
    assert_eq!(v.written, "sync::Mutex::new");
    assert!(v.to_string().contains("executor::sync::Mutex<B, T>"), "{v}");
}

#[test]
fn a_group_import() {
    let found = scan("use std::{sync::Mutex};\nstatic M: Mutex<u8> = Mutex::new(0);\n");
    assert!(!found.is_empty());
    assert!(
        found.iter().all(|v| v.forbidden == "std::sync::Mutex"),
        "{found:#?}"
    );
    assert_eq!(found[0].line, 1);
    assert!(
        found.iter().any(|v| v.line == 2),
        "the uses are flagged too"
    );
}

#[test]
fn a_use_list_over_several_lines() {
    let found = scan("use std::sync::{\n    Arc,\n    Mutex,\n};\n");
    let lines: Vec<(usize, &str)> = found
        .iter()
        .map(|v| (v.line, v.forbidden.as_str()))
        .collect();
    assert_eq!(lines, [(2, "std::sync::Arc"), (3, "std::sync::Mutex")]);
}

#[test]
fn core_and_alloc_are_std_renamed() {
    one(
        "fn f() -> u64 { core::sync::atomic::AtomicU64::new(0).into_inner() }\n",
        1,
        "std::sync::atomic::AtomicU64",
    );
    one("use alloc::sync::Arc;\n", 1, "std::sync::Arc");
}

#[test]
fn a_thread_module_import_then_spawn() {
    let v = one(
        "use std::thread;\nfn f() { thread::spawn(|| ()).join().unwrap(); }\n",
        2,
        "std::thread::spawn",
    );
    assert!(v.to_string().contains("spawn::<B, _>(name, f)"), "{v}");
}

#[test]
fn renames_globs_macros_and_static_mut() {
    let renamed = scan("use std::sync::Mutex as Lock;\nfn f() { Lock::new(0); }\n");
    let lines: Vec<(usize, &str)> = renamed
        .iter()
        .map(|v| (v.line, v.forbidden.as_str()))
        .collect();
    assert_eq!(lines, [(1, "std::sync::Mutex"), (2, "std::sync::Mutex")]);
    one("use std::sync::*;\n", 1, "std::sync::*");
    one(
        "fn f() { let v = vec![std::sync::Mutex::new(0)]; }\n",
        1,
        "std::sync::Mutex",
    );
    one("use ::std::sync::Condvar;\n", 1, "std::sync::Condvar");
    one("static mut COUNT: u64 = 0;\n", 1, "static mut");
    one("use parking_lot::Mutex;\n", 1, "parking_lot::Mutex");
}

#[test]
fn allowed_code_passes() {
    let source = r#"
        //! Not `std::sync::Mutex`, this comment.
        use exercises::prelude::*;
        use std::sync::atomic::Ordering;
        use std::sync;
        use std::thread;
        const WHY: &str = "std::sync::Mutex would be invisible";
        fn f<B: Backend>(m: &Mutex<B, u8>) {
            // A sleep orders nothing, and is let through: the checkers show why.
            thread::sleep(std::time::Duration::from_millis(1));
            let _ = sync::atomic::Ordering::SeqCst;
            let _ = m.lock();
            let _ = Ordering::Relaxed;
        }
    "#;
    assert_eq!(scan(source), []);
    assert_eq!(scan("this is not rust {"), [], "the compiler reports it");
}

#[test]
fn every_skeleton_and_solution_uses_only_the_backend() {
    let catalog = exercises::root().join("catalog");
    let mut checked = 0;
    for entry in std::fs::read_dir(&catalog).unwrap() {
        for file in ["skeleton.rs", "solution.rs"] {
            let path = entry.as_ref().unwrap().path().join(file);
            let Ok(source) = std::fs::read_to_string(&path) else {
                continue;
            };
            assert_eq!(scan(&source), [], "{}", path.display());
            checked += 1;
        }
    }
    assert!(checked >= 50, "only {checked} files checked");
}
