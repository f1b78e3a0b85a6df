//! Wrong: a savage checks for an empty pot with `if`, waits once, and
//! then takes a serving. After a refill, another savage may have emptied
//! the pot again before this one got the lock (and a wake-up may be
//! spurious): it takes a serving from an empty pot.

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
        if pot.servings == 0 {
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
