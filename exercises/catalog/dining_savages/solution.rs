//! # The dining savages: reference solution
//!
//! The pot's contents, its fill count and "the cook has been called" sit
//! under one mutex, with one condvar each way: the cook sleeps on
//! `empty`, hungry savages on `filled`.
//!
//! - A savage loops *while* the pot is empty, not `if`: after a refill,
//!   other savages may empty it again before this one gets the lock.
//!   Each time round, it calls the cook only if nobody has (the
//!   `cook_called` flag), so two savages who both find the pot empty
//!   make one call, and one refill. Calling inside the loop matters: a
//!   savage that called once and then found its refill eaten by others
//!   must call again, or it waits beside a sleeping cook.
//! - The cook sleeps while nobody has called; a call is only made with
//!   the pot empty, and only the cook puts servings in, so he refills an
//!   empty pot, once per call, and clears the flag in the same lock hold.
//!   `notify_all` wakes every hungry savage (there are `m` servings for
//!   them); `notify_one` wakes the cook, the only thread on `empty`.
//!
//! ## In Python 3.8
//! ```python
//! import threading
//!
//! class Pot:
//!     def __init__(self, servings):
//!         self._m = servings
//!         self._servings = 0
//!         self._fills = 0
//!         self._cook_called = False
//!         self._closed = False
//!         self._lock = threading.Lock()
//!         self._empty = threading.Condition(self._lock)
//!         self._filled = threading.Condition(self._lock)
//!
//!     def take_serving(self):
//!         with self._lock:
//!             while self._servings == 0:
//!                 if not self._cook_called:
//!                     self._cook_called = True
//!                     self._empty.notify()
//!                 self._filled.wait()
//!             self._servings -= 1
//!             return self._fills
//!
//!     def cook(self):
//!         while True:
//!             with self._lock:
//!                 self._empty.wait_for(lambda: self._cook_called or self._closed)
//!                 if not self._cook_called:
//!                     return self._fills
//!                 self._servings = self._m
//!                 self._fills += 1
//!                 self._cook_called = False
//!                 self._filled.notify_all()
//!
//!     def close(self):
//!         with self._lock:
//!             self._closed = True
//!             self._empty.notify()
//! ```

use exercises::prelude::*;

/// What is in the pot, and whether the cook has been called.
struct Contents {
    servings: usize,
    /// How many times the cook has filled the pot.
    fills: u64,
    /// A savage found the pot empty and the cook has not refilled it yet.
    cook_called: bool,
    /// The cook may go home.
    closed: bool,
}

/// A pot of `m` servings shared by the savages, refilled by one cook.
pub struct Pot<B: Backend> {
    /// Servings per fill.
    m: usize,
    contents: Mutex<B, Contents>,
    /// The cook sleeps on this: signalled when a savage calls him or the
    /// pot is closed.
    empty: Condvar<B>,
    /// Hungry savages wait on this: signalled when the pot is refilled.
    filled: Condvar<B>,
}

impl<B: Backend> Pot<B> {
    /// An empty pot that the cook fills with `m` servings at a time.
    pub fn new(m: usize) -> Self {
        Self {
            m,
            contents: Mutex::new(Contents {
                servings: 0,
                fills: 0,
                cook_called: false,
                closed: false,
            }),
            empty: Condvar::new(),
            filled: Condvar::new(),
        }
    }

    /// A savage takes one serving, calling the cook and waiting whenever
    /// the pot is empty; returns the number of the fill it came from.
    pub fn take_serving(&self) -> u64 {
        let mut pot = self.contents.lock();
        while pot.servings == 0 {
            if !pot.cook_called {
                pot.cook_called = true;
                self.empty.notify_one();
            }
            pot = self.filled.wait(pot);
        }
        pot.servings -= 1;
        pot.fills
    }

    /// The cook: fills the pot each time a savage calls, until closed;
    /// returns the number of fills.
    pub fn cook(&self) -> u64 {
        loop {
            let mut pot = self
                .empty
                .wait_while(self.contents.lock(), |p| !p.cook_called && !p.closed);
            if !pot.cook_called {
                return pot.fills;
            }
            pot.servings = self.m;
            pot.fills += 1;
            pot.cook_called = false;
            drop(pot);
            self.filled.notify_all();
        }
    }

    /// No savage will come any more: the cook goes home.
    pub fn close(&self) {
        self.contents.lock().closed = true;
        self.empty.notify_one();
    }
}
