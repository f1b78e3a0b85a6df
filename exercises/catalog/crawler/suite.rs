//! Grades `crawler`: `fetch` looks pages up in a small link graph and logs
//! every call, and the log is judged as a whole: each reachable page
//! fetched once, nothing else, and every fetch finished by the time
//! `crawl` returns.

use super::answer::crawl;
use exercises::prelude::*;
use exercises::trace_check::{Events, Rendezvous};

/// Crawls `graph` from "a" with two workers and checks the fetch log.
fn check_crawl<B: Backend>(graph: &'static [(&'static str, &'static [&'static str])], reachable: &[&str]) {
    let log = Events::<B, &'static str>::shared();
    let fetch_log = log.clone();
    let fetch = move |url: &str| -> Vec<String> {
        let (page, links) = graph
            .iter()
            .find(|(page, _)| *page == url)
            .unwrap_or_else(|| panic!("fetched {url:?}, which is not in the link graph"));
        // Logged as the fetch's last step: a fetch still running when
        // crawl() returns shows up as a missing page.
        fetch_log.push(*page);
        links.iter().map(|link| link.to_string()).collect()
    };
    let found = crawl::<B, _>("a", 2, fetch);
    let mut fetched = log.entries();
    fetched.sort();
    assert_eq!(
        fetched, reachable,
        "each reachable page must be fetched exactly once, and finished before crawl() returns (sorted fetch log vs. reachable pages)"
    );
    let mut found: Vec<String> = found.into_iter().collect();
    found.sort();
    assert_eq!(found, reachable, "crawl() must return every reachable page");
}

/// Guarantee: two pages linking to the same page (a diamond) do not get
/// it fetched twice, and the unreachable page "e" is never fetched.
fn diamond<B: Backend>() {
    const GRAPH: &[(&str, &[&str])] =
        &[("a", &["b", "c"]), ("b", &["d"]), ("c", &["d", "a"]), ("d", &[]), ("e", &["a"])];
    check_crawl::<B>(GRAPH, &["a", "b", "c", "d"]);
}

/// Guarantee: on a chain the frontier is empty every time a page is being
/// fetched; the crawl still reaches the end, and then every worker exits.
fn chain<B: Backend>() {
    const GRAPH: &[(&str, &[&str])] = &[("a", &["b"]), ("b", &["c"]), ("c", &[])];
    check_crawl::<B>(GRAPH, &["a", "b", "c"]);
}

/// Crawls "a", which links to `links`, with one worker per link; each
/// linked page's fetch waits until every linked page's fetch has started,
/// so the crawl finishes only if that many workers fetch at once.
fn fetch_together<B: Backend>(links: &'static [&'static str]) {
    let meet = Rendezvous::<B>::shared(links.len());
    let log = Events::<B, String>::shared();
    let fetch_log = log.clone();
    let fetch = move |url: &str| -> Vec<String> {
        fetch_log.push(url.to_owned());
        if url == "a" {
            return links.iter().map(|link| link.to_string()).collect();
        }
        meet.arrive();
        Vec::new()
    };
    let found = crawl::<B, _>("a", links.len(), fetch);
    let mut fetched = log.entries();
    fetched.sort();
    let mut want: Vec<&str> = links.to_vec();
    want.push("a");
    want.sort();
    assert_eq!(fetched, want, "each reachable page must be fetched exactly once");
    assert_eq!(found.len(), want.len(), "crawl() must return every reachable page: {found:?}");
}

/// Guarantee: the workers fetch at the same time, and new links wake
/// every idle worker: "a" links to one page per worker, and each of those
/// fetches waits until all have started. A worker that leaves early (an
/// empty frontier seen while another is busy) or sleeps through the new
/// links deadlocks here. Three workers need a wake-up for each of two
/// sleepers; loom explores two (four threads are past its time limit).
fn fetches_run_in_parallel<B: Backend>() {
    if B::NAME == "loom" {
        fetch_together::<B>(&["b", "c"]);
    } else {
        fetch_together::<B>(&["b", "c", "d"]);
    }
}

exercises::suite! {
    exercise: "crawler",
    checkers: ["std", "shuttle", "loom"],
    spurious: true,
    scenarios: [diamond, chain, fetches_run_in_parallel],
}
