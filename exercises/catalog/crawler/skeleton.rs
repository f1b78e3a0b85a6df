//! # Crawler: a work queue that feeds itself
//!
//! A crawler is producer-consumer where the consumers are also the
//! producers: each worker takes a URL off the frontier, fetches it, and
//! puts the links it has not seen before back on the frontier. Two things
//! are harder than they look. Deduplication: "have I seen it?" and "mark
//! it seen" must be one step, or two workers that both find a link both
//! queue it. Termination: an empty frontier does not mean the crawl is
//! over while another worker is still fetching a page whose links are
//! about to arrive. The crawl is over when the frontier is empty *and* no
//! worker is busy; until then an idle worker waits.
//!
//! ## Your task
//! Implement `crawl(start, workers, fetch)`:
//! - run exactly `workers` worker threads; `fetch(url)` returns the page's
//!   links (here it is a lookup in an in-memory link graph);
//! - every page reachable from `start` is fetched exactly once, and
//!   nothing unreachable is fetched;
//! - idle workers sleep (condition variable) rather than spin, and every
//!   worker exits once the crawl is over; `crawl` joins them all before
//!   it returns the set of pages it found (every reachable URL).
//!
//! ## The Python 3.8 shape
//! ```python
//! def crawl(start: str, workers: int,
//!           fetch: Callable[[str], List[str]]) -> Set[str]: ...
//! ```
//!
//! Grade with `cargo drill check crawler`.

use exercises::prelude::*;

/// What the workers share, all under one lock.
struct Frontier {
    /// URLs found but not yet fetched.
    queue: VecDeque<String>,
    /// Every URL ever queued (the dedup set).
    seen: HashSet<String>,
    /// Workers fetching a page right now.
    busy: usize,
}

/// Crawls from `start` with `workers` threads; returns every page found.
pub fn crawl<B, F>(start: &str, workers: usize, fetch: F) -> HashSet<String>
where
    B: Backend,
    F: Fn(&str) -> Vec<String> + Send + Sync + 'static,
{
    todo!("share a Mutex<Frontier> and a Condvar; spawn the workers; join them")
}
