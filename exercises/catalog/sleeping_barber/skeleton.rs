//! # The sleeping barber
//!
//! A barber shop has one barber, one barber's chair and a waiting room of
//! `chairs` chairs. A customer who arrives takes a free waiting-room chair
//! and waits to be called; if every chair is taken, the customer leaves
//! at once. The barber calls the waiting customers one at a time, in the
//! order they sat down, and cuts their hair; with nobody waiting, the
//! barber sleeps, and a customer who sits down wakes him.
//!
//! Two classic mistakes. Counting the free chairs and sitting down as two
//! separate steps lets two customers take the last chair. And waking the
//! barber before sitting down is a lost wake-up: the barber looks, sees
//! an empty room, goes back to sleep, and the customer then sits and
//! waits for ever beside a sleeping barber.
//!
//! ## Your task
//! Implement `BarberShop` so that, whatever the interleaving:
//! - `arrive(c)` returns at once: `true` if customer `c` took a chair,
//!   `false` if the room was full (or the shop closed) and `c` left;
//!   never more than `chairs` customers sit in the waiting room;
//! - `await_haircut(c)`, called by a seated customer, returns once the
//!   barber has cut `c`'s hair;
//! - `barber(cut)` serves the waiting customers, calling `cut(c)` exactly
//!   once for every seated customer and never for one who left; it
//!   sleeps on a `Condvar` only while nobody waits, and it returns once
//!   the shop is closed and the room is empty;
//! - `close()` turns away later arrivals and tells the barber to go home
//!   after serving those already waiting.
//!
//! Nothing hangs: a seated customer is never left waiting while the
//! barber sleeps. The suite records who sat down, the haircuts and the
//! departures and judges the whole trace, under every schedule the
//! checkers try (including spurious wake-ups).
//!
//! ## The Python 3.8 shape
//! ```python
//! from typing import Callable
//!
//! class BarberShop:
//!     def __init__(self, chairs: int): ...
//!     def arrive(self, customer: int) -> bool: ...
//!     def await_haircut(self, customer: int) -> None: ...
//!     def barber(self, cut: Callable[[int], None]) -> None: ...
//!     def close(self) -> None: ...
//! ```
//!
//! Grade with `cargo drill check sleeping_barber`.

use exercises::prelude::*;

// ANCHOR: skeleton
/// What the shop looks like at one moment.
struct Shop {
    /// The customers in the waiting room, in the order they sat down.
    waiting: VecDeque<usize>,
    /// Customers whose haircut is over and who have not left yet.
    done: HashSet<usize>,
    /// No more customers are let in.
    closed: bool,
}

/// One barber, one barber's chair and a waiting room.
pub struct BarberShop<B: Backend> {
    chairs: usize,
    shop: Mutex<B, Shop>,
    /// The barber sleeps on this: signalled when a customer sits down or
    /// the shop closes.
    customer_waiting: Condvar<B>,
    /// Seated customers wait on this: signalled when a haircut is over.
    haircut_done: Condvar<B>,
}

impl<B: Backend> BarberShop<B> {
    /// An open shop with `chairs` waiting-room chairs, nobody inside.
    pub fn new(chairs: usize) -> Self {
        Self {
            chairs,
            shop: Mutex::new(Shop {
                waiting: VecDeque::new(),
                done: HashSet::new(),
                closed: false,
            }),
            customer_waiting: Condvar::new(),
            haircut_done: Condvar::new(),
        }
    }

    /// Customer `customer` takes a free chair (`true`) and wakes the
    /// barber, or leaves (`false`) if none is free or the shop is closed.
    pub fn arrive(&self, customer: usize) -> bool {
        todo!("count the free chairs and sit down under one lock hold, then wake the barber")
    }

    /// A seated customer waits until its haircut is over.
    pub fn await_haircut(&self, customer: usize) {
        todo!("wait while your haircut is not done")
    }

    /// The barber: cuts the waiting customers' hair in order of arrival,
    /// sleeping while nobody waits, until the shop is closed and empty.
    pub fn barber(&self, cut: impl FnMut(usize)) {
        todo!(
            "sleep while the room is empty and the shop open; take the first customer; cut; mark done"
        )
    }

    /// Closes the shop: later arrivals leave; the barber finishes the
    /// customers already waiting and returns.
    pub fn close(&self) {
        todo!("mark the shop closed and wake the barber")
    }
}
// ANCHOR_END: skeleton
