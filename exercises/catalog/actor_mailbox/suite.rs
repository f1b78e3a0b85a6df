//! Grades `actor_mailbox`: requests posted to one actor thread through a
//! mailbox of capacity 1, so a second request waits for room; spurious
//! wake-ups are injected.

use super::answer::{Actor, ActorError, Msg};
use exercises::prelude::*;

/// Stops the actor and joins its thread.
fn shut_down<B: Backend>(actor: &Actor<B>, thread: JoinHandle<B, ()>) {
    actor.stop();
    join(thread);
}

/// Guarantee: the state is the actor's alone and the mailbox loses
/// nothing: three `tell`s from two threads racing for a mailbox of
/// capacity 1 all count.
fn racing_tells_all_count<B: Backend>() {
    let (actor, thread) = Actor::<B>::start(1);
    let other = actor.clone();
    let teller = spawn::<B, _>("teller", move || other.tell(Msg::Add(10)));
    actor.tell(Msg::Add(1)).expect("the actor is running");
    actor.tell(Msg::Add(2)).expect("the actor is running");
    join(teller).expect("the actor is running");
    // Joining the actor orders its last snapshot before this read.
    shut_down(&actor, thread);
    assert_eq!(actor.snapshot(), 13, "every addition must count: 1 + 2 + 10");
}

/// Guarantee: the actor updates (and publishes) its state before it
/// replies: a caller holding its reply never sees an older snapshot. A
/// stopped actor answers `Stopped`.
fn reply_comes_after_the_update<B: Backend>() {
    let (actor, thread) = Actor::<B>::start(1);
    assert_eq!(actor.ask(Msg::Add(5)), Ok(5), "Add(5) from 0");
    assert_eq!(actor.snapshot(), 5, "the reply said 5, but the snapshot is older");
    shut_down(&actor, thread);
    assert_eq!(actor.ask(Msg::Get), Err(ActorError::Stopped), "a request after stop must get Stopped");
}

/// Guarantee: a failing request restarts the actor with fresh state, its
/// caller gets `Restarted`, and a request queued behind the failure is
/// still served.
fn crash_restarts_and_keeps_the_queue<B: Backend>() {
    let (actor, thread) = Actor::<B>::start(1);
    assert_eq!(actor.ask(Msg::Add(4)), Ok(4), "Add(4) from 0");
    assert_eq!(actor.ask(Msg::Crash), Err(ActorError::Restarted), "the failing request's caller must get Restarted");
    actor.tell(Msg::Crash).expect("the actor is running");
    // Queued while the crash is handled, or just after: served either way,
    // on the fresh state (4 + 1 would mean the restart kept the old one).
    assert_eq!(actor.ask(Msg::Add(1)), Ok(1), "Add(1) after the restarts: 0 + 1");
    shut_down(&actor, thread);
}

exercises::suite! {
    exercise: "actor_mailbox",
    checkers: ["std", "shuttle", "loom"],
    spurious: true,
    scenarios: [racing_tells_all_count, reply_comes_after_the_update, crash_restarts_and_keeps_the_queue],
}
