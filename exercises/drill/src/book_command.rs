//! `cargo drill book`: builds the book and serves it on 127.0.0.1.

use crate::app::Result;
use drill::book;
use std::time::Instant;

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
    println!("Serving the book at {url}  (Ctrl-C to stop)");
    if open && let Err(e) = opener::open_browser(&url) {
        eprintln!("Could not open a browser ({e}); open {url} yourself.");
    }
    server.run();
    Ok(())
}
