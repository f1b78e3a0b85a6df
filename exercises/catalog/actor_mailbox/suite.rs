//! Grades `actor_mailbox`: callers on two threads ask one actor thread,
//! through a mailbox of capacity 1, so a second request waits for room.

use super::answer::{Actor, ActorError, Msg};
use exercises::prelude::*;

/// Stops the actor and joins its thread.
fn shut_down<B: Backend>(actor: &Actor<B>, thread: JoinHandle<B, ()>) {
    actor.stop();
    join(thread);
}

/// Guarantee: the state is the actor's alone: two callers adding at once
/// both count, and each gets the total just after its own addition.
fn concurrent_adds_both_count<B: Backend>() {
    let (actor, thread) = Actor::<B>::start(1);
    let other = actor.clone();
    let caller = spawn::<B, _>("caller-1", move || other.ask(Msg::Add(1)));
    let mine = actor.ask(Msg::Add(2));
    let theirs = join(caller);
    match (mine, theirs) {
        (Ok(2), Ok(3)) | (Ok(3), Ok(1)) => {}
        other => panic!("Add(2) and Add(1) from 0, one after the other: the replies must be 2 then 3, or 1 then 3; got (mine, theirs) = {other:?}"),
    }
    assert_eq!(actor.ask(Msg::Get), Ok(3), "both additions must count");
    shut_down(&actor, thread);
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
/// caller gets `Restarted`, and a request queued meanwhile is still served.
fn crash_restarts_and_keeps_the_queue<B: Backend>() {
    let (actor, thread) = Actor::<B>::start(1);
    assert_eq!(actor.ask(Msg::Add(4)), Ok(4), "Add(4) from 0");
    let other = actor.clone();
    let crasher = spawn::<B, _>("crasher", move || other.ask(Msg::Crash));
    let added = actor.ask(Msg::Add(1));
    assert_eq!(join(crasher), Err(ActorError::Restarted), "the failing request's caller must get Restarted");
    let total = actor.ask(Msg::Get);
    match (added, total) {
        // Add(1) before the crash: 4 + 1, then the restart resets to 0.
        (Ok(5), Ok(0)) => {}
        // Add(1) after the crash: the fresh state is 0, so 0 + 1.
        (Ok(1), Ok(1)) => {}
        other => panic!("with Add(1) before the crash the total must end at 0 (replies 5, 0); after it, at 1 (replies 1, 1); got (Add, Get) = {other:?}"),
    }
    shut_down(&actor, thread);
}

exercises::suite! {
    exercise: "actor_mailbox",
    checkers: ["std", "shuttle", "loom"],
    scenarios: [concurrent_adds_both_count, reply_comes_after_the_update, crash_restarts_and_keeps_the_queue],
}
