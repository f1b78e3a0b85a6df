//! Where a `wait` goes in the step table. Both checkers can switch
//! threads inside a wait *before* it releases the lock and joins the
//! waiters, so the step cannot simply be recorded on entry: it is kept
//! pending until its order against the notifies on its condition variable
//! is known.

use super::{Location, Step, TAIL, Trace, enter, step, update};

/// A wait entered but not yet placed in the step table. Both checkers can
/// switch threads inside a wait *before* it releases the lock and joins
/// the waiters, so a step recorded on entry could sit before a notify it
/// never saw, and a lost wake-up would read as a notify that found its
/// waiter. The step goes where the wait began unless a notify on the same
/// condition variable came in between; then its order against that notify
/// is settled by what happens next (see [`enter_wait`]).
#[derive(Debug, Clone)]
pub(super) struct PendingWait {
    pub(super) thread: String,
    pub(super) at: &'static Location<'static>,
    pub(super) mutex: usize,
    pub(super) condvar: usize,
    /// The index its step would have had on entry.
    pub(super) entry: usize,
    /// Indices of the notifies on `condvar` since the wait began.
    pub(super) notifies: Vec<usize>,
    /// The index of the first step that proves the lock was released
    /// (another thread's `lock` of `mutex`).
    pub(super) released: Option<usize>,
}

/// Records entry into a wait on `condvar` (by address) releasing `mutex`;
/// pair with [`leave`]. With no notify on `condvar` while it settles, the
/// `wait` step sits where the wait began. After such a notify, the step
/// goes before it if the wait is woken (the notify found it), before the
/// first other thread's `lock` of `mutex` if the wait is still asleep when
/// the trace is read (the lock proves it was released), and nowhere if
/// neither: the thread shows as blocked in `wait`, and the table never
/// claims a waiter that a notify missed.
pub fn enter_wait(at: &'static Location<'static>, mutex: usize, condvar: usize) -> String {
    let thread = enter("wait", at);
    update(|t| {
        let entry = t.steps + 1;
        t.pending.push(PendingWait {
            thread: thread.clone(),
            at,
            mutex,
            condvar,
            entry,
            notifies: Vec::new(),
            released: None,
        })
    });
    thread
}

/// Records a notify (`op`) on `condvar`, noting it in every pending wait
/// on the same condition variable.
pub fn notify(op: &'static str, at: &'static Location<'static>, condvar: usize) {
    step(op, at);
    update(|t| {
        let index = t.steps;
        for wait in t.pending.iter_mut().filter(|w| w.condvar == condvar) {
            wait.notifies.push(index);
        }
    });
}

/// Records that the running thread is about to record a `lock` of
/// `mutex`: every wait pending on it has released it by now.
pub fn acquired(mutex: usize) {
    update(|t| {
        let next = t.steps + 1;
        for wait in t.pending.iter_mut().filter(|w| w.mutex == mutex) {
            wait.released.get_or_insert(next);
        }
        // One at a time: placing a step renumbers the waits still pending.
        while let Some(i) = t
            .pending
            .iter()
            .position(|w| w.mutex == mutex && w.notifies.is_empty())
        {
            let wait = t.pending.remove(i);
            let entry = wait.entry;
            place(t, wait, entry);
        }
    });
}

/// Inserts `wait`'s step with index `index`, renumbering the steps after
/// it; a step older than a full tail only shifts the numbers.
pub(super) fn place(t: &mut Trace, wait: PendingWait, index: usize) {
    for s in t.tail.iter_mut().filter(|s| s.index >= index) {
        s.index += 1;
    }
    for wait in &mut t.pending {
        let later = wait.notifies.iter_mut().chain(&mut wait.released);
        for n in later.chain(std::iter::once(&mut wait.entry)) {
            if *n >= index {
                *n += 1;
            }
        }
    }
    t.steps += 1;
    let at = t
        .tail
        .iter()
        .position(|s| s.index > index)
        .unwrap_or(t.tail.len());
    if at == 0 && t.tail.len() == TAIL {
        return;
    }
    t.tail.insert(
        at,
        Step {
            index,
            thread: wait.thread,
            op: "wait".to_owned(),
            at: wait.at,
        },
    );
    if t.tail.len() > TAIL {
        t.tail.pop_front();
    }
}

#[cfg(test)]
mod tests {
    use super::super::{begin_execution, enter, leave, reset, snapshot};
    use super::{acquired, enter_wait, notify};
    use std::cell::Cell;
    use std::panic::Location;

    thread_local! {
        static NAME: Cell<&'static str> = const { Cell::new("main") };
    }

    fn as_thread(name: &'static str) {
        NAME.set(name);
    }

    fn table() -> Vec<String> {
        snapshot()
            .tail
            .iter()
            .map(|s| format!("{} {} {}", s.index, s.thread, s.op))
            .collect()
    }

    fn begin() -> &'static Location<'static> {
        reset();
        begin_execution(|| Some(NAME.get().to_owned()));
        Location::caller()
    }

    /// A lock of the waiter's mutex by another thread, as the backend
    /// records it.
    fn lock(name: &'static str, mutex: usize, at: &'static Location<'static>) {
        as_thread(name);
        let me = enter("lock", at);
        acquired(mutex);
        leave(&me);
    }

    #[test]
    fn a_notify_before_the_wait_joined_shows_no_waiter() {
        let at = begin();
        as_thread("main");
        enter_wait(at, 1, 2);
        as_thread("setter");
        notify("notify_one", at, 2);
        assert_eq!(table(), ["1 setter notify_one"]);
        assert_eq!(snapshot().blocked["main"].0, "wait");
    }

    #[test]
    fn a_wait_woken_by_a_racing_notify_comes_before_it() {
        let at = begin();
        as_thread("main");
        let me = enter_wait(at, 1, 2);
        as_thread("setter");
        notify("notify_one", at, 2);
        leave(&me);
        assert_eq!(
            table(),
            ["1 main wait", "2 setter notify_one", "3 main woken"]
        );
    }

    #[test]
    fn a_raced_wait_is_placed_just_before_the_notify_that_woke_it() {
        let at = begin();
        as_thread("main");
        let me = enter_wait(at, 1, 2);
        as_thread("setter");
        super::super::step("spawn", at);
        notify("notify_one", at, 2);
        as_thread("main");
        leave(&me);
        assert_eq!(
            table(),
            [
                "1 setter spawn",
                "2 main wait",
                "3 setter notify_one",
                "4 main woken"
            ]
        );
    }

    #[test]
    fn an_unraced_wait_sits_where_it_began() {
        let at = begin();
        as_thread("worker");
        let me = enter_wait(at, 1, 2);
        as_thread("main");
        super::super::step("spawn", at);
        lock("main", 1, at);
        notify("notify_all", at, 2);
        as_thread("worker");
        leave(&me);
        assert_eq!(
            table(),
            [
                "1 worker wait",
                "2 main spawn",
                "3 main lock",
                "4 main notify_all",
                "5 worker woken"
            ]
        );
    }

    #[test]
    fn a_raced_wait_still_asleep_sits_before_the_lock_that_proves_it() {
        let at = begin();
        as_thread("worker");
        enter_wait(at, 1, 2);
        as_thread("main");
        notify("notify_one", at, 2);
        lock("main", 1, at);
        assert_eq!(
            table(),
            ["1 main notify_one", "2 worker wait", "3 main lock"]
        );
    }

    #[test]
    fn placing_one_wait_renumbers_the_others() {
        let at = begin();
        as_thread("a");
        enter_wait(at, 1, 2);
        as_thread("b");
        super::super::step("spawn", at);
        enter_wait(at, 1, 2);
        lock("main", 1, at);
        assert_eq!(
            table(),
            ["1 a wait", "2 b spawn", "3 b wait", "4 main lock"]
        );
    }
}
