//! Wrong: a worker that finds the frontier empty sleeps a millisecond
//! "to let the busy workers push their links", looks again, and if it is
//! still empty declares the crawl over. With instant fetches on an idle
//! machine the busy worker usually makes it; nothing guarantees it, and a
//! worker that pushes its links after the verdict stops with pages unseen.
//! (Python's `queue.get(timeout=...)` then "Empty means done" is the same
//! bug.)

use exercises::prelude::*;

struct Frontier {
    queue: VecDeque<String>,
    seen: HashSet<String>,
    busy: usize,
    done: bool,
}

struct Shared<B: Backend> {
    frontier: Mutex<B, Frontier>,
    changed: Condvar<B>,
}

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
            done: false,
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
    let seen = std::mem::take(&mut shared.frontier.lock().seen);
    seen
}


fn worker<B: Backend>(shared: &Shared<B>, fetch: &(dyn Fn(&str) -> Vec<String> + Send + Sync)) {
    loop {
        let mut frontier = shared.frontier.lock();
        if frontier.done {
            return;
        }
        if frontier.queue.is_empty() {
            drop(frontier);
            std::thread::sleep(Duration::from_millis(1));
            frontier = shared.frontier.lock();
        }
        let Some(url) = frontier.queue.pop_front() else {
            frontier.done = true;
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
