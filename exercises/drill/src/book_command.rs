//! `cargo drill book`: builds the book and serves it on 127.0.0.1,
//! rebuilding it when a chapter or the code it includes changes.

use crate::app::Result;
use drill::book;
use notify::{EventKind, RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Builds the book into `target/book`; unless `build_only`, serves it on
/// `port` (or a free port) until interrupted, opening a browser on `open`.
pub fn run(build_only: bool, open: bool, port: u16) -> Result<()> {
    let root = book::workspace_root();
    let out = book::default_out(&root);
    let started = Instant::now();
    let html = book::build(&root, &out)?;
    println!(
        "Built the book in {:.1}s: {}",
        started.elapsed().as_secs_f64(),
        html.join("index.html").display()
    );
    if build_only {
        return Ok(());
    }
    let server = book::serve(&html, port)?;
    let url = format!("http://{}/", server.addr());
    println!(
        "Serving the book at {url}  (Ctrl-C to stop; it rebuilds when a chapter or its code changes)"
    );
    if open && let Err(e) = opener::open_browser(&url) {
        eprintln!("Could not open a browser ({e}); open {url} yourself.");
    }
    let _watcher = rebuild_on_change(&root, &out)?;
    server.run();
    Ok(())
}

/// What the book is made of: its sources and every folder it includes
/// code from.
fn sources(root: &Path) -> Vec<PathBuf> {
    ["book", "executor", "verification", "exercises"]
        .iter()
        .map(|dir| root.join(dir))
        .collect()
}

/// Rebuilds the book (on a thread of its own) after each burst of changes
/// to its sources; the returned watcher keeps watching while it lives.
fn rebuild_on_change(root: &Path, out: &Path) -> Result<notify::RecommendedWatcher> {
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event
            && matches!(
                event.kind,
                EventKind::Modify(_) | EventKind::Create(_) | EventKind::Remove(_)
            )
        {
            let _ = tx.send(());
        }
    })?;
    for dir in sources(root) {
        watcher.watch(&dir, RecursiveMode::Recursive)?;
    }
    let (root, out) = (root.to_path_buf(), out.to_path_buf());
    std::thread::Builder::new()
        .name("book-rebuild".into())
        .spawn(move || {
            while rx.recv().is_ok() {
                // An editor's save is several events: wait for the burst to end.
                while rx.recv_timeout(Duration::from_millis(300)).is_ok() {}
                let started = Instant::now();
                match book::build(&root, &out) {
                    Ok(_) => println!(
                        "Rebuilt the book in {:.1}s; reload the page.",
                        started.elapsed().as_secs_f64()
                    ),
                    Err(e) => eprintln!("The book did not rebuild: {e}"),
                }
            }
        })?;
    Ok(watcher)
}
