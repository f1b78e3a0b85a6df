//! # Ping pong: two threads take strict turns
//!
//! One thread calls `ping`, another calls `pong`; each prints its word
//! `rounds` times, and the output must alternate ping, pong, ping, pong.
//! That is a turn that passes back and forth: a piece of shared state
//! says whose turn it is, each side sleeps until the turn is its own,
//! takes it, and hands it over. The turn is the *state*; a notification
//! is only a hint to look at it again. A notify with no state behind it
//! is lost if nobody is waiting yet, and a wake-up can arrive when nobody
//! called notify at all (a spurious wake-up).
//!
//! ## Your task
//! Implement `PingPong` so that, whichever thread starts first:
//! - the prints alternate strictly, starting with ping: ping, pong,
//!   ping, pong, ... with exactly `rounds` of each;
//! - both calls return after their `rounds` prints (no deadlock);
//! - a side waiting for its turn sleeps on a `Condvar`, and re-checks the
//!   turn after every wake-up.
//!
//! ## The Python 3.8 shape
//! ```python
//! from typing import Callable
//!
//! class PingPong:
//!     def __init__(self, rounds: int): ...
//!     def ping(self, print_ping: Callable[[], None]) -> None: ...
//!     def pong(self, print_pong: Callable[[], None]) -> None: ...
//! ```
//!
//! Grade with `cargo drill check ping_pong`.

use exercises::prelude::*;

// ANCHOR: skeleton
/// Makes a `ping` thread and a `pong` thread take turns.
pub struct PingPong<B: Backend> {
    rounds: usize,
    /// Whose turn it is: `false` for ping, `true` for pong.
    pong_next: Mutex<B, bool>,
    /// Signalled when the turn changes hands.
    turned: Condvar<B>,
}

impl<B: Backend> PingPong<B> {
    /// Each side will print `rounds` times; ping goes first.
    pub fn new(rounds: usize) -> Self {
        Self {
            rounds,
            pong_next: Mutex::new(false),
            turned: Condvar::new(),
        }
    }

    /// Calls `print` `rounds` times, each on ping's turn.
    pub fn ping(&self, print: impl FnMut()) {
        todo!("wait for your turn, print, hand the turn over; `rounds` times")
    }

    /// Calls `print` `rounds` times, each on pong's turn.
    pub fn pong(&self, print: impl FnMut()) {
        todo!()
    }
}
// ANCHOR_END: skeleton
