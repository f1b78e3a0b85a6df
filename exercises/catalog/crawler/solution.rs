//! # Crawler: reference solution
//!
//! All shared state (queue, seen set, busy count) is under one mutex.
//! Deduplication is `seen.insert`, which tests and marks in one call under
//! the lock, so a URL is queued at most once and therefore fetched once.
//! A worker takes a URL and increments `busy` in the same lock section,
//! so "queue empty and busy == 0" can only be seen when no page is being
//! fetched and none is queued: the crawl really is over. Until then an
//! idle worker waits on the condition variable. A worker that finishes a
//! page pushes its new links and decrements `busy` in one section, then
//! `notify_all`s: there may be new work for several workers, or the crawl
//! may just have ended and every sleeper must see that. Fetching runs
//! without the lock, so the workers fetch in parallel.
//!
//! ## In Python 3.8
//! ```python
//! import collections, threading
//!
//! def crawl(start, workers, fetch):
//!     cond = threading.Condition()
//!     queue = collections.deque([start])
//!     seen = {start}
//!     busy = 0
//!
//!     def worker():
//!         nonlocal busy
//!         while True:
//!             with cond:
//!                 cond.wait_for(lambda: queue or busy == 0)
//!                 if not queue:                # empty and nobody busy
//!                     cond.notify_all()
//!                     return
//!                 url = queue.popleft()
//!                 busy += 1
//!             links = fetch(url)               # no lock held
//!             with cond:
//!                 for link in links:
//!                     if link not in seen:     # test and mark, one lock
//!                         seen.add(link)
//!                         queue.append(link)
//!                 busy -= 1
//!                 cond.notify_all()
//!
//!     threads = [threading.Thread(target=worker) for _ in range(workers)]
//!     for t in threads:
//!         t.start()
//!     for t in threads:
//!         t.join()
//!     return seen
//! ```

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

/// The frontier and the condition idle workers sleep on.
struct Shared<B: Backend> {
    frontier: Mutex<B, Frontier>,
    changed: Condvar<B>,
}

fn worker<B: Backend>(shared: &Shared<B>, fetch: &(dyn Fn(&str) -> Vec<String> + Send + Sync)) {
    loop {
        let mut frontier = shared
            .changed
            .wait_while(shared.frontier.lock(), |f| f.queue.is_empty() && f.busy > 0);
        let Some(url) = frontier.queue.pop_front() else {
            // Empty and nobody busy: the crawl is over.
            drop(frontier);
            shared.changed.notify_all();
            return;
        };
        frontier.busy += 1;
        drop(frontier);
        let links = fetch(&url);
        let mut frontier = shared.frontier.lock();
        for link in links {
            if frontier.seen.insert(link.clone()) {
                frontier.queue.push_back(link);
            }
        }
        frontier.busy -= 1;
        drop(frontier);
        shared.changed.notify_all();
    }
}

/// Crawls from `start` with `workers` threads; returns every page found.
pub fn crawl<B, F>(start: &str, workers: usize, fetch: F) -> HashSet<String>
where
    B: Backend,
    F: Fn(&str) -> Vec<String> + Send + Sync + 'static,
{
    let shared = Arc::<B, _>::new(Shared::<B> {
        frontier: Mutex::new(Frontier {
            queue: VecDeque::from([start.to_owned()]),
            seen: HashSet::from([start.to_owned()]),
            busy: 0,
        }),
        changed: Condvar::new(),
    });
    let fetch = Arc::<B, _>::new(fetch);
    let threads: Vec<_> = (0..workers)
        .map(|i| {
            let (shared, fetch) = (shared.clone(), fetch.clone());
            spawn::<B, _>(format!("worker-{i}"), move || worker(&shared, &*fetch))
        })
        .collect();
    threads.into_iter().for_each(join);
    std::mem::take(&mut shared.frontier.lock().seen)
}
