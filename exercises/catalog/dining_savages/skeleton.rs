//! # The dining savages
//!
//! A tribe eats communal dinners from a pot that holds `m` servings.
//! A hungry savage takes one serving from the pot, if there is one. If
//! the pot is empty, the savage wakes the cook and waits until the cook
//! has filled it. The cook sleeps until called, fills the pot with `m`
//! servings, and sleeps again.
//!
//! The pot empties and refills over and over, which is where the bugs
//! hide. A savage woken after a refill may find the pot empty again
//! (others got there first): checking with `if` instead of `while` takes
//! a serving that is not there, and not calling the cook again leaves
//! everyone asleep. Two savages who both find the pot empty must not get
//! it filled twice: one refill per empty pot.
//!
//! ## Your task
//! Implement `Pot` so that, whatever the interleaving:
//! - `take_serving()` takes one serving and returns the number of the
//!   fill it came from (1 for the cook's first fill, 2 for the next...);
//!   with the pot empty it wakes the cook, unless someone already has,
//!   and waits for the refill, as often as it takes;
//! - `cook()` sleeps until a savage calls, fills the pot with exactly `m`
//!   servings (the pot is empty then: only an empty pot is refilled),
//!   and repeats; after `close()` it returns how many fills it made;
//! - every fill is a call answered: no refill nobody asked for, no two
//!   refills for one empty pot; nothing hangs.
//!
//! The pot starts empty. The suite counts the servings taken from each
//! fill (all `m` from every fill but the last) under every schedule the
//! checkers try, including spurious wake-ups.
//!
//! ## The Python 3.8 shape
//! ```python
//! class Pot:
//!     def __init__(self, servings: int): ...
//!     def take_serving(self) -> int: ...
//!     def cook(self) -> int: ...
//!     def close(self) -> None: ...
//! ```
//!
//! Grade with `cargo drill check dining_savages`.

use exercises::prelude::*;

// ANCHOR: skeleton
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
        todo!("while the pot is empty: call the cook if nobody has, and wait; then take one")
    }

    /// The cook: fills the pot each time a savage calls, until closed;
    /// returns the number of fills.
    pub fn cook(&self) -> u64 {
        todo!("sleep until called (or closed); fill the pot; answer the call; wake the savages")
    }

    /// No savage will come any more: the cook goes home.
    pub fn close(&self) {
        todo!("mark the pot closed and wake the cook")
    }
}
// ANCHOR_END: skeleton
