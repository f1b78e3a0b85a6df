//! Wrong: a worker that finds the ready queue empty declares the run
//! over and sets a `done` flag that makes every worker leave. Another
//! worker may still be running a task: it queues the dependents when it
//! finishes, then sees the flag and leaves too, and those tasks never run.
//! `run_dag` returns with work left undone.

use exercises::prelude::*;

struct Schedule {
    ready: VecDeque<usize>,
    unfinished_deps: Vec<usize>,
    unfinished: usize,
    done: bool,
}

struct Shared<B: Backend, F> {
    schedule: Mutex<B, Schedule>,
    changed: Condvar<B>,
    dependents: Vec<Vec<usize>>,
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
    let unfinished_deps: Vec<usize> = deps.iter().map(Vec::len).collect();
    let ready = (0..deps.len())
        .filter(|&t| unfinished_deps[t] == 0)
        .collect();
    let shared = Arc::<B, _>::new(Shared::<B, F> {
        schedule: Mutex::new(Schedule {
            ready,
            unfinished_deps,
            unfinished: deps.len(),
            done: false,
        }),
        changed: Condvar::new(),
        dependents,
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
        let mut schedule = shared.schedule.lock();
        if schedule.done {
            return;
        }
        let Some(task) = schedule.ready.pop_front() else {
            // Nothing ready: the run must be over. Tell the others.
            schedule.done = true;
            drop(schedule);
            shared.changed.notify_all();
            return;
        };
        drop(schedule);
        (shared.run)(task);
        let mut schedule = shared.schedule.lock();
        schedule.unfinished -= 1;
        for &next in &shared.dependents[task] {
            schedule.unfinished_deps[next] -= 1;
            if schedule.unfinished_deps[next] == 0 {
                schedule.ready.push_back(next);
            }
        }
        drop(schedule);
        shared.changed.notify_all();
    }
}
