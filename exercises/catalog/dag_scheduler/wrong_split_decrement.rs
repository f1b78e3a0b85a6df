//! Wrong: each task's count of unfinished dependencies is an atomic,
//! decremented outside the lock with a load and then a store. Two
//! dependencies that finish together both load 2 and both store 1: the
//! count never reaches zero, the task is never queued, and the workers
//! wait for it for ever.

use exercises::prelude::*;

struct Schedule {
    ready: VecDeque<usize>,
    unfinished: usize,
}

struct Shared<B: Backend, F> {
    schedule: Mutex<B, Schedule>,
    changed: Condvar<B>,
    dependents: Vec<Vec<usize>>,
    unfinished_deps: Vec<AtomicUsize<B>>,
    run: F,
}

pub fn run_dag<B, F>(deps: Vec<Vec<usize>>, workers: usize, run: F)
where
    B: Backend,
    F: Fn(usize) + Send + Sync + 'static,
{
    let mut dependents = vec![Vec::new(); deps.len()];
    for (task, needs) in deps.iter().enumerate() {
        for &need in needs {
            dependents[need].push(task);
        }
    }
    let ready = (0..deps.len()).filter(|&t| deps[t].is_empty()).collect();
    let shared = Arc::<B, _>::new(Shared::<B, F> {
        schedule: Mutex::new(Schedule {
            ready,
            unfinished: deps.len(),
        }),
        changed: Condvar::new(),
        dependents,
        unfinished_deps: deps
            .iter()
            .map(|needs| AtomicUsize::new(needs.len()))
            .collect(),
        run,
    });
    let handles: Vec<_> = (0..workers)
        .map(|i| {
            let shared = shared.clone();
            spawn::<B, _>(format!("worker-{i}"), move || work(&shared))
        })
        .collect();
    handles.into_iter().for_each(join);
}

fn work<B: Backend, F: Fn(usize)>(shared: &Shared<B, F>) {
    loop {
        let mut schedule = shared.changed.wait_while(shared.schedule.lock(), |s| {
            s.ready.is_empty() && s.unfinished > 0
        });
        let Some(task) = schedule.ready.pop_front() else {
            return;
        };
        drop(schedule);
        (shared.run)(task);
        for &next in &shared.dependents[task] {
            // SeqCst: the orderings are not the bug; the gap between the
            // load and the store is.
            let left = shared.unfinished_deps[next].load(Ordering::SeqCst) - 1;
            shared.unfinished_deps[next].store(left, Ordering::SeqCst);
            if left == 0 {
                shared.schedule.lock().ready.push_back(next);
            }
        }
        shared.schedule.lock().unfinished -= 1;
        shared.changed.notify_all();
    }
}
