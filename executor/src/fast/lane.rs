//! A fast pool's lane: a lock-free ring, and the two places where its
//! consumers (idle workers) and its producers (submitters facing a full
//! ring) park. Pushing wakes a parked worker, popping a parked submitter,
//! each only if one sleeps.

use crate::parking::Parking;
use crate::ring::{Pop, PushError, Ring};
use crate::sync::Backend;
use core::time::Duration;

/// What [`Lane::take_for`] found.
#[derive(Debug, PartialEq, Eq)]
pub enum Took<T> {
    /// The next value.
    Item(T),
    /// Nothing came within the time.
    TimedOut,
    /// The lane is closed and drained: nothing will come.
    Drained,
}

// ANCHOR: lane
/// One bounded FIFO and its wake-ups: a fast pool's lane holds its tasks
/// (the verification scenarios run it with plain numbers).
///
/// ```
/// use executor::fast::Lane;
/// use executor::sync::Std;
/// let lane: Lane<Std, u32> = Lane::new(2);
/// lane.offer(|_position| 7, true).unwrap();
/// lane.close();
/// assert_eq!(lane.take(), Some(7)); // accepted before the close
/// assert_eq!(lane.take(), None); // closed and drained
/// ```
pub struct Lane<B: Backend, T> {
    /// The values.
    pub ring: Ring<B, T>,
    /// Idle workers of this lane wait here for a task or the close.
    pub not_empty: Parking<B>,
    /// Submitters facing a full ring wait here for a slot or the close.
    pub not_full: Parking<B>,
}
// ANCHOR_END: lane

impl<B: Backend, T> Lane<B, T> {
    /// An open lane of at least `capacity` slots (see [`Ring::new`]).
    pub fn new(capacity: usize) -> Self {
        Self {
            ring: Ring::new(capacity),
            not_empty: Parking::new(),
            not_full: Parking::new(),
        }
    }

    // ANCHOR: offer
    /// Queues the value `make` builds from its position, waiting for a slot
    /// if `wait` and the ring is full. On failure `make` comes back unrun.
    pub fn offer<M>(&self, make: M, wait: bool) -> Result<(), PushError<M>>
    where
        M: FnOnce(usize) -> T,
    {
        self.offer_to(make, wait, &self.not_empty)
    }

    /// As [`offer`](Self::offer), waking a worker parked at `idle`: the
    /// lane's own parking, or the one a prioritized pool's levels share.
    pub(crate) fn offer_to<M>(
        &self,
        mut make: M,
        wait: bool,
        idle: &Parking<B>,
    ) -> Result<(), PushError<M>>
    where
        M: FnOnce(usize) -> T,
    {
        loop {
            match self.ring.push(make) {
                Ok(()) => {
                    // Published first, then the look for a sleeper.
                    idle.wake_one();
                    return Ok(());
                }
                Err(PushError::Full(back)) if wait => {
                    make = back;
                    self.not_full.wait_until(|| self.ring.pushable());
                }
                Err(failed) => return Err(failed),
            }
        }
    }
    // ANCHOR_END: offer

    // ANCHOR: take
    /// The next value for a consumer (a worker) of this lane, waiting while the lane is
    /// empty and open; `None` once it is closed and drained.
    pub fn take(&self) -> Option<T> {
        match self.take_within(None) {
            Took::Item(value) => Some(value),
            Took::Drained | Took::TimedOut => None,
        }
    }

    /// As [`take`](Self::take), waiting at most about `timeout` (the
    /// backend's time; forever under the model checkers) while the lane is
    /// empty: for a worker that has a retry coming due.
    ///
    /// ```
    /// use std::time::Duration;
    /// use executor::fast::{Lane, Took};
    /// use executor::sync::Std;
    /// let lane: Lane<Std, u32> = Lane::new(2);
    /// assert_eq!(lane.take_for(Duration::from_millis(1)), Took::TimedOut);
    /// lane.close();
    /// assert_eq!(lane.take_for(Duration::from_secs(60)), Took::Drained);
    /// ```
    pub fn take_for(&self, timeout: Duration) -> Took<T> {
        self.take_within(Some(timeout))
    }

    /// [`take`](Self::take) or [`take_for`](Self::take_for).
    pub(crate) fn take_within(&self, timeout: Option<Duration>) -> Took<T> {
        let pop = || match self.ring.pop() {
            Pop::Item(value) => {
                // A slot is free: a submitter waiting for one may go.
                self.not_full.wake_one();
                Pop::Item(value)
            }
            other => other,
        };
        take_with(&self.not_empty, timeout, pop, || self.ring.poppable())
    }
    // ANCHOR_END: take

    /// Stops accepting and wakes everyone parked here to see it.
    pub fn close(&self) -> bool {
        let first = self.ring.close();
        self.not_empty.wake_all();
        self.not_full.wake_all();
        first
    }
}

// ANCHOR: take_with
/// A consumer's loop over whatever `pop` takes from (one ring, or a
/// prioritized pool's levels): a value, or a sleep at `idle` until
/// `ready()` says a pop would find a value or the end (at most about
/// `timeout`, if one is given).
pub(crate) fn take_with<B: Backend, T>(
    idle: &Parking<B>,
    timeout: Option<Duration>,
    mut pop: impl FnMut() -> Pop<T>,
    mut ready: impl FnMut() -> bool,
) -> Took<T> {
    loop {
        match pop() {
            Pop::Item(value) => return Took::Item(value),
            Pop::Empty => match timeout {
                None => idle.wait_until(&mut ready),
                Some(t) if !idle.wait_until_for(&mut ready, t) => return Took::TimedOut,
                Some(_) => {}
            },
            Pop::Drained => {
                // Pass the news on: a worker parked while a push that
                // won its position before the close was publishing has
                // nobody else to wake it now that the lane is drained.
                idle.wake_all();
                return Took::Drained;
            }
        }
    }
}
// ANCHOR_END: take_with
