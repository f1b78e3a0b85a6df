//! # Ping pong: reference solution
//!
//! The turn is a `bool` under the mutex. Each side, once per round, waits
//! while the turn is the other side's (`wait_while` re-checks after every
//! wake-up, spurious or not), prints while still holding the lock, flips
//! the turn, and notifies. Because the flip happens under the same lock
//! the other side checks under, the other side either sees the new turn
//! before it would sleep, or is already asleep and gets the notify: no
//! wake-up is lost.
//!
//! `notify_one` is enough here, and only here: exactly one other thread
//! ever waits on this condition variable, and it is the one whose turn it
//! now is. With more kinds of waiter on one condition variable it would
//! be a bug (see `print_in_order`).
//!
//! ## In Python 3.8
//! ```python
//! import threading
//!
//! class PingPong:
//!     def __init__(self, rounds):
//!         self._rounds = rounds
//!         self._cond = threading.Condition()
//!         self._pong_next = False
//!
//!     def _play(self, is_pong, print_word):
//!         for _ in range(self._rounds):
//!             with self._cond:
//!                 self._cond.wait_for(lambda: self._pong_next == is_pong)
//!                 print_word()
//!                 self._pong_next = not is_pong
//!                 self._cond.notify()
//!
//!     def ping(self, print_ping):
//!         self._play(False, print_ping)
//!
//!     def pong(self, print_pong):
//!         self._play(True, print_pong)
//! ```

use exercises::prelude::*;

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

    /// Plays `rounds` turns as the side whose turn is `is_pong`.
    fn play(&self, is_pong: bool, mut print: impl FnMut()) {
        for _ in 0..self.rounds {
            let mut turn = self
                .turned
                .wait_while(self.pong_next.lock(), |pong_next| *pong_next != is_pong);
            print();
            *turn = !is_pong;
            drop(turn);
            self.turned.notify_one();
        }
    }

    /// Calls `print` `rounds` times, each on ping's turn.
    pub fn ping(&self, print: impl FnMut()) {
        self.play(false, print);
    }

    /// Calls `print` `rounds` times, each on pong's turn.
    pub fn pong(&self, print: impl FnMut()) {
        self.play(true, print);
    }
}
