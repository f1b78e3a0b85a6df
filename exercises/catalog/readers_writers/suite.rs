//! Grades `readers_writers` by trace validity: `Occupancy` counts readers
//! and writers inside, `Events` records the order of entries.
//! Spurious wake-ups are injected.

use super::answer::RwLock;
use exercises::prelude::*;
use exercises::trace_check::{Events, Occupancy, Rendezvous};

/// Guarantee: two readers can be inside together (a deadlock here means a
/// reader waited for another reader).
fn readers_share<B: Backend>() {
    let lock = Arc::<B, _>::new(RwLock::<B>::new());
    let readers = Arc::<B, _>::new(Occupancy::<B>::new());
    lock.acquire_read();
    readers.enter();
    let (lock2, readers2) = (lock.clone(), readers.clone());
    let reader = spawn::<B, _>("reader", move || {
        lock2.acquire_read();
        let inside = readers2.enter();
        readers2.leave();
        lock2.release_read();
        inside
    });
    let waiting = lock.writers_waiting();
    assert_eq!(waiting, 0, "writers_waiting() is {waiting}, but no writer exists");
    let inside = join(reader); // while the caller still reads
    assert_eq!(inside, 2, "the second reader should have been inside with the first");
    readers.leave();
    lock.release_read();
}

/// Guarantee: a writer is never inside together with a reader.
fn writer_excludes_readers<B: Backend>() {
    let lock = Arc::<B, _>::new(RwLock::<B>::new());
    let readers = Arc::<B, _>::new(Occupancy::<B>::new());
    let writers = Arc::<B, _>::new(Occupancy::<B>::new());
    let (lock2, readers2, writers2) = (lock.clone(), readers.clone(), writers.clone());
    let reader = spawn::<B, _>("reader", move || {
        lock2.acquire_read();
        readers2.enter();
        let w = writers2.now();
        readers2.leave();
        lock2.release_read();
        assert_eq!(w, 0, "a reader got in while a writer was inside");
    });
    lock.acquire_write();
    writers.enter();
    let r = readers.now();
    writers.leave();
    lock.release_write();
    assert_eq!(r, 0, "a writer got in while {r} reader(s) were inside");
    join(reader);
}

/// Guarantee: two writers are never inside together.
fn writers_exclude_each_other<B: Backend>() {
    let lock = Arc::<B, _>::new(RwLock::<B>::new());
    let writers = Arc::<B, _>::new(Occupancy::<B>::new());
    let (lock2, writers2) = (lock.clone(), writers.clone());
    let write = move |lock: &RwLock<B>, writers: &Occupancy<B>| {
        lock.acquire_write();
        let inside = writers.enter();
        writers.leave();
        lock.release_write();
        assert_eq!(inside, 1, "{inside} writers were inside at once");
    };
    let other = spawn::<B, _>("writer", move || write(&lock2, &writers2));
    write(&lock, &writers);
    join(other);
}

/// Guarantee: no writer starvation. While the caller reads, a writer
/// starts waiting; a reader that arrives after that must not get in before
/// the writer.
fn waiting_writer_goes_before_new_readers<B: Backend>() {
    let lock = Arc::<B, _>::new(RwLock::<B>::new());
    let order = Events::<B, &'static str>::shared();
    let done = Arc::<B, _>::new(AtomicBool::<B>::new(false));
    lock.acquire_read();
    let (lock2, order2, done2) = (lock.clone(), order.clone(), done.clone());
    let writer = spawn::<B, _>("writer", move || {
        lock2.acquire_write();
        order2.push("writer");
        lock2.release_write();
        // SeqCst: a grader's flag, only read by the loop below.
        done2.store(true, Ordering::SeqCst);
    });
    while lock.writers_waiting() == 0 {
        assert!(
            !done.load(Ordering::SeqCst),
            "the writer got in and out while a reader held the lock"
        );
        yield_now::<B>();
    }
    let (lock3, order3) = (lock.clone(), order.clone());
    let late = spawn::<B, _>("late-reader", move || {
        lock3.acquire_read();
        order3.push("late-reader");
        lock3.release_read();
    });
    lock.release_read();
    join(writer);
    join(late);
    let order = order.entries();
    assert_eq!(
        order,
        ["writer", "late-reader"],
        "a reader that arrived while a writer was waiting went first: new readers must \
         queue behind a waiting writer, or a stream of readers starves it"
    );
}

/// Guarantee: when the writer leaves, every reader waiting for it gets in
/// (together): waking just one leaves the other asleep while the lock is
/// free. Here the two readers only leave once both are inside.
fn writer_release_wakes_every_reader<B: Backend>() {
    let lock = Arc::<B, _>::new(RwLock::<B>::new());
    let inside = Rendezvous::<B>::shared(2);
    lock.acquire_write();
    let readers: Vec<_> = (0..2)
        .map(|i| {
            let (lock, inside) = (lock.clone(), inside.clone());
            spawn::<B, _>(format!("reader-{i}"), move || {
                lock.acquire_read();
                inside.arrive();
                lock.release_read();
            })
        })
        .collect();
    yield_now::<B>();
    lock.release_write(); // hangs here if a waiting reader is never woken
    readers.into_iter().for_each(join);
}

exercises::suite! {
    exercise: "readers_writers",
    checkers: ["std", "shuttle", "loom"],
    spurious: true,
    scenarios: [
        readers_share,
        writer_excludes_readers,
        writers_exclude_each_other,
        waiting_writer_goes_before_new_readers,
        writer_release_wakes_every_reader,
    ],
}
