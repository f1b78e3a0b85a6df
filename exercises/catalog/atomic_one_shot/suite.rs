//! Grades `atomic_one_shot`: a sender and a receiver race on the flag; a
//! receiver that sees the flag must see the value, never the slot's 0.

use super::answer::OneShot;
use exercises::prelude::*;

/// The value sent: not 0, so that a stale read of the slot shows.
const SENT: u64 = 42;

/// Guarantee: `try_recv` never returns the slot's old value: before
/// `send` it returns `None`, after it the value sent.
fn try_recv_sees_the_value<B: Backend>() {
    let chan = Arc::<B, _>::new(OneShot::<B>::new());
    assert_eq!(
        chan.try_recv(),
        None,
        "try_recv returned a value nobody sent"
    );
    let sender = chan.clone();
    let t = spawn::<B, _>("sender", move || sender.send(SENT));
    // One look, not a spin: loom explores both outcomes of the flag.
    if let Some(got) = chan.try_recv() {
        assert_eq!(
            got, SENT,
            "try_recv saw the ready flag, then read the value slot as {got}, not {SENT}: in the \
             step table the flag load read `true` and the value load read the old slot \
             (`load(Relaxed) -> 0`). Does `send` store the flag with Release and `try_recv` \
             load it with Acquire?"
        );
    }
    join(t);
    assert_eq!(
        chan.try_recv(),
        Some(SENT),
        "after send, try_recv must return the value"
    );
}

/// Guarantee: `recv` waits for the value and returns it, never the slot's
/// old value.
fn recv_waits_for_the_value<B: Backend>() {
    let chan = Arc::<B, _>::new(OneShot::<B>::new());
    let receiver = chan.clone();
    let t = spawn::<B, _>("receiver", move || receiver.recv());
    yield_now::<B>(); // let the receiver start waiting first, sometimes
    chan.send(SENT);
    let got = join(t);
    assert_eq!(
        got, SENT,
        "recv returned {got}, not {SENT}: it saw the ready flag and read the old slot (a \
         `load(Relaxed) -> 0` after the flag's load in the step table). Does `recv` load the \
         flag with Acquire?"
    );
}

exercises::suite! {
    exercise: "atomic_one_shot",
    checkers: ["std", "shuttle", "loom"],
    scenarios: [try_recv_sees_the_value, recv_waits_for_the_value],
}
