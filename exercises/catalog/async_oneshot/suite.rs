//! Grades `async_oneshot`: a receiver future driven by `block_on` while a
//! sender on another thread sends. A wake-up that goes missing leaves
//! `block_on` asleep, which loom and shuttle report as a deadlock.

use super::answer::channel;
use exercises::prelude::*;
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

/// Guarantee: a value sent while the receiver is being polled wakes it:
/// no send falls between the receiver's check and its waker.
fn send_wakes_the_receiver<B: Backend>() {
    let (tx, rx) = channel::<B, u32>();
    let sender = spawn::<B, _>("sender", move || tx.send(7));
    assert_eq!(block_on::<B, _>(rx), 7, "the receiver got a value nobody sent");
    join(sender);
}

/// Guarantee: a future polled by one task and then by another wakes the
/// second: the latest waker replaces the one stored before.
fn moved_future_wakes_its_new_task<B: Backend>() {
    let (tx, rx) = channel::<B, u32>();
    let mut rx = pin!(rx);
    // A first task polls once and goes away: nothing has been sent yet.
    let first = rx.as_mut().poll(&mut Context::from_waker(Waker::noop()));
    assert!(first.is_pending(), "Ready before anything was sent");
    let sender = spawn::<B, _>("sender", move || tx.send(3));
    // block_on is the second task, with a waker of its own.
    assert_eq!(block_on::<B, _>(rx), 3, "the receiver got a value nobody sent");
    join(sender);
}

/// Guarantee: a value sent before the first poll is there at once, and
/// each side can be the receiver: two tasks answer each other over two
/// channels.
fn ping_pong_over_two_channels<B: Backend>() {
    let (ping_tx, ping_rx) = channel::<B, u32>();
    let (pong_tx, pong_rx) = channel::<B, u32>();
    let ponger = spawn::<B, _>("ponger", move || {
        let ping = block_on::<B, _>(ping_rx);
        pong_tx.send(ping + 1);
    });
    ping_tx.send(10);
    assert_eq!(block_on::<B, _>(pong_rx), 11, "the pong must answer the ping (10 + 1)");
    join(ponger);
    let (tx, rx) = channel::<B, u32>();
    tx.send(5);
    let ready = pin!(rx).poll(&mut Context::from_waker(Waker::noop()));
    assert_eq!(ready, Poll::Ready(5), "a value sent before the first poll must be Ready at once");
}

exercises::suite! {
    exercise: "async_oneshot",
    checkers: ["std", "shuttle", "loom"],
    scenarios: [send_wakes_the_receiver, moved_future_wakes_its_new_task, ping_pong_over_two_channels],
}
