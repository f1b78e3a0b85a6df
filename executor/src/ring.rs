//! A bounded lock-free ring queue: many producers, many consumers, and a
//! close that no push can slip past. The fast pool's lanes are rings.
//!
//! Every slot carries a sequence number that says whose turn it is. For the
//! slot at position `pos` (positions count up forever; the slot index is
//! `pos % slots`):
//! - `seq == pos`: empty, the producer claiming position `pos` may write;
//! - `seq == pos + 1`: full, the consumer claiming `pos` may read;
//! - after the read, `seq = pos + slots`: empty again, for the next lap.
//!
//! A producer claims a position by moving `tail` on with a compare-exchange,
//! writes the value, then publishes it with a `Release` store of the
//! sequence; a consumer claims by moving `head` on, having seen that sequence
//! with an `Acquire` load. The claim counters order nobody's data: the
//! sequence does. That is why the counters are `Relaxed` and the sequence is
//! not (the zoo's `ring_relaxed_sequence` is what happens otherwise).
//!
//! `tail` keeps the position shifted left by one, with the lowest bit as the
//! closed mark: closing sets the bit, and a push's compare-exchange expects
//! the whole word, so no push can succeed after the close, and every push
//! that succeeded before it is counted in the final tail. Consumers drain up
//! to that tail: nothing accepted is lost.

use crate::sync::{AtomicUsize, Backend, Ordering, UnsafeCell};

/// The lowest bit of `tail`: set once the ring is closed.
const CLOSED: usize = 1;

/// Keeps a counter on a cache line of its own, so producers moving `tail`
/// do not slow consumers moving `head` (false sharing).
#[repr(align(128))]
pub(crate) struct Padded<T>(pub(crate) T);

/// One cell of the ring: its turn, and the value when it is full.
struct Slot<B: Backend, T> {
    seq: AtomicUsize<B>,
    value: UnsafeCell<B, Option<T>>,
}

/// Why a push failed; the maker comes back, with the caller's value in it.
pub enum PushError<M> {
    /// Every slot is full.
    Full(M),
    /// The ring is closed.
    Closed(M),
}

/// Says which failure, without the maker (a closure has no `Debug`).
impl<M> core::fmt::Debug for PushError<M> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(match self {
            PushError::Full(_) => "Full",
            PushError::Closed(_) => "Closed",
        })
    }
}

/// What a pop found.
#[derive(Debug, PartialEq, Eq)]
pub enum Pop<T> {
    /// The oldest value.
    Item(T),
    /// Nothing published yet (a push may be under way).
    Empty,
    /// Closed, and every value accepted before the close has been taken.
    Drained,
}

// ANCHOR: ring
/// A bounded multi-producer multi-consumer FIFO on the backend's atomics.
///
/// ```
/// use executor::ring::{Pop, PushError, Ring};
/// use executor::sync::Std;
/// let ring: Ring<Std, &str> = Ring::new(2);
/// ring.push(|_position| "a").unwrap();
/// ring.push(|_position| "b").unwrap();
/// assert!(matches!(ring.push(|_| "c"), Err(PushError::Full(_))));
/// assert_eq!(ring.pop(), Pop::Item("a"));
/// ring.close();
/// assert!(matches!(ring.push(|_| "d"), Err(PushError::Closed(_))));
/// assert_eq!(ring.pop(), Pop::Item("b")); // accepted before the close
/// assert_eq!(ring.pop(), Pop::Drained);
/// ```
pub struct Ring<B: Backend, T> {
    /// The next position to pop.
    head: Padded<AtomicUsize<B>>,
    /// The next position to push, shifted left by one, or'ed with `CLOSED`.
    tail: Padded<AtomicUsize<B>>,
    slots: Box<[Slot<B, T>]>,
    /// `slots.len() - 1`: the slot count is a power of two.
    mask: usize,
}
// ANCHOR_END: ring

// SAFETY: a value is written only by the producer that claimed its
// position, before the `Release` store of its sequence, and read only by the
// consumer that claimed the position after an `Acquire` load saw that
// sequence; no two threads ever hold the same position. So values of a
// `Send` type cross threads one at a time.
unsafe impl<B: Backend, T: Send> Sync for Ring<B, T> {}
// SAFETY: the ring owns its values; moving it moves them.
unsafe impl<B: Backend, T: Send> Send for Ring<B, T> {}

impl<B: Backend, T> Ring<B, T> {
    /// A ring holding at least `capacity` values: rounded up to a power of
    /// two, and to at least 2, because with one slot "empty for the next
    /// lap" and "full for this one" would be the same sequence number.
    ///
    /// ```
    /// use executor::ring::Ring;
    /// use executor::sync::Std;
    /// assert_eq!(Ring::<Std, u8>::new(3).capacity(), 4);
    /// assert_eq!(Ring::<Std, u8>::new(1).capacity(), 2);
    /// ```
    pub fn new(capacity: usize) -> Self {
        let slots = capacity.max(2).next_power_of_two();
        Self {
            head: Padded(AtomicUsize::new(0)),
            tail: Padded(AtomicUsize::new(0)),
            slots: (0..slots)
                .map(|i| Slot {
                    seq: AtomicUsize::new(i),
                    value: UnsafeCell::new(None),
                })
                .collect(),
            mask: slots - 1,
        }
    }

    /// How many values fit.
    pub fn capacity(&self) -> usize {
        self.slots.len()
    }

    // ANCHOR: push
    /// Appends the value `make` builds from the position it gets (positions
    /// count the ring's accepted values: 0, 1, 2 ...). `make` runs only once
    /// the position is claimed; on failure it comes back unrun.
    ///
    /// ```
    /// use executor::ring::{Pop, Ring};
    /// use executor::sync::Std;
    /// let ring: Ring<Std, (usize, char)> = Ring::new(4);
    /// ring.push(|position| (position, 'x')).unwrap();
    /// assert_eq!(ring.pop(), Pop::Item((0, 'x')));
    /// ```
    pub fn push<M: FnOnce(usize) -> T>(&self, make: M) -> Result<(), PushError<M>> {
        // Relaxed: only a first guess at the tail; the compare-exchange
        // below checks it, and the slot's sequence orders the data.
        let mut tail = self.tail.0.load(Ordering::Relaxed);
        loop {
            if tail & CLOSED != 0 {
                return Err(PushError::Closed(make));
            }
            let pos = tail >> 1;
            let slot = &self.slots[pos & self.mask];
            // Acquire: pairs with the Release store of the consumer that
            // emptied this slot a lap ago, so its read of the old value
            // happens before our write of the new one.
            let seq = slot.seq.load(Ordering::Acquire);
            if seq == pos {
                // Relaxed (both): winning the position publishes nothing;
                // the sequence store below does. On failure we just retry
                // with the tail we saw.
                match self.tail.0.compare_exchange(
                    tail,
                    tail + 2,
                    Ordering::Relaxed,
                    Ordering::Relaxed,
                ) {
                    Ok(_) => {
                        let value = make(pos);
                        // SAFETY: position `pos` is ours alone (we won it),
                        // and its consumer waits for the sequence below.
                        slot.value.with_mut(|p| unsafe { *p = Some(value) });
                        // Release: the value written above is visible to
                        // the consumer whose Acquire load sees `pos + 1`.
                        slot.seq.store(pos + 1, Ordering::Release);
                        return Ok(());
                    }
                    Err(current) => tail = current,
                }
            } else if seq < pos {
                // The slot still holds the value from a lap ago.
                return Err(PushError::Full(make));
            } else {
                // Another producer took `pos` first: look again.
                tail = self.tail.0.load(Ordering::Relaxed);
            }
        }
    }
    // ANCHOR_END: push

    // ANCHOR: pop
    /// Takes the oldest published value.
    ///
    /// ```
    /// use executor::ring::{Pop, Ring};
    /// use executor::sync::Std;
    /// let ring: Ring<Std, u8> = Ring::new(2);
    /// assert_eq!(ring.pop(), Pop::Empty);
    /// ring.push(|_| 1).unwrap();
    /// assert_eq!(ring.pop(), Pop::Item(1));
    /// ```
    pub fn pop(&self) -> Pop<T> {
        // Relaxed: a first guess, checked by the compare-exchange.
        let mut head = self.head.0.load(Ordering::Relaxed);
        loop {
            let slot = &self.slots[head & self.mask];
            // Acquire: pairs with the producer's Release store of
            // `head + 1`, so its write of the value is visible to our read.
            let seq = slot.seq.load(Ordering::Acquire);
            if seq == head + 1 {
                // Relaxed (both): the sequence already ordered the data.
                match self.head.0.compare_exchange(
                    head,
                    head + 1,
                    Ordering::Relaxed,
                    Ordering::Relaxed,
                ) {
                    Ok(_) => {
                        // SAFETY: position `head` is ours alone, and its
                        // producer finished writing (the sequence said so).
                        let value = slot.value.with_mut(|p| unsafe { (*p).take() });
                        // Release: our read of the value happens before the
                        // next lap's producer (its Acquire load) writes.
                        slot.seq.store(head + self.slots.len(), Ordering::Release);
                        return Pop::Item(value.expect("a published slot holds a value"));
                    }
                    Err(current) => head = current,
                }
            } else if seq <= head {
                // Not published for this lap: empty, or a push under way.
                return if self.is_drained_at(head) {
                    Pop::Drained
                } else {
                    Pop::Empty
                };
            } else {
                // Another consumer took `head` first: look again.
                head = self.head.0.load(Ordering::Relaxed);
            }
        }
    }
    // ANCHOR_END: pop

    /// Closed, and no position at or past `head` was ever claimed.
    fn is_drained_at(&self, head: usize) -> bool {
        // Relaxed: once the mark is set the tail never moves again, and
        // every position below it was claimed by a push that publishes it.
        let tail = self.tail.0.load(Ordering::Relaxed);
        tail & CLOSED != 0 && tail >> 1 == head
    }

    /// Stops accepting; returns whether this call closed it. Values already
    /// accepted stay, for consumers to drain.
    ///
    /// ```
    /// use executor::ring::Ring;
    /// use executor::sync::Std;
    /// let ring: Ring<Std, u8> = Ring::new(2);
    /// assert!(ring.close() && ring.is_closed());
    /// assert!(!ring.close()); // already closed
    /// ```
    pub fn close(&self) -> bool {
        // Relaxed: a first look; the compare-exchange decides.
        let mut tail = self.tail.0.load(Ordering::Relaxed);
        while tail & CLOSED == 0 {
            // Relaxed (both): the mark publishes no data. Being an RMW on
            // the tail, it lands after every claim before it in the tail's
            // modification order, so those claims are in the final tail.
            match self.tail.0.compare_exchange(
                tail,
                tail | CLOSED,
                Ordering::Relaxed,
                Ordering::Relaxed,
            ) {
                Ok(_) => return true,
                Err(current) => tail = current,
            }
        }
        false
    }

    /// Whether [`close`](Self::close) has run.
    pub fn is_closed(&self) -> bool {
        // Relaxed: a hint; a push re-checks the mark in its compare-exchange.
        self.tail.0.load(Ordering::Relaxed) & CLOSED != 0
    }

    /// Whether a pop would return a value or [`Pop::Drained`] now: what an
    /// idle consumer waits for.
    ///
    /// ```
    /// use executor::ring::Ring;
    /// use executor::sync::Std;
    /// let ring: Ring<Std, u8> = Ring::new(2);
    /// assert!(!ring.poppable() && ring.pushable());
    /// ring.push(|_| 1).unwrap();
    /// assert!(ring.poppable());
    /// ```
    pub fn poppable(&self) -> bool {
        // Relaxed: a hint, like `pop`'s first guess.
        let head = self.head.0.load(Ordering::Relaxed);
        self.published_at(head) || self.is_drained_at(head)
    }

    /// Whether a pop would return a value now: what a consumer of several
    /// rings looks for in each (a ring drained while the others are open
    /// has nothing for it).
    ///
    /// ```
    /// use executor::ring::Ring;
    /// use executor::sync::Std;
    /// let ring: Ring<Std, u8> = Ring::new(2);
    /// ring.close();
    /// assert!(!ring.has_item() && ring.is_drained());
    /// ```
    pub fn has_item(&self) -> bool {
        // Relaxed: a hint, like `pop`'s first guess.
        self.published_at(self.head.0.load(Ordering::Relaxed))
    }

    /// Whether the ring is closed and every value accepted before the
    /// close has been taken: nothing will ever come out of it again.
    pub fn is_drained(&self) -> bool {
        // Relaxed: a hint, like `pop`'s first guess.
        self.is_drained_at(self.head.0.load(Ordering::Relaxed))
    }

    /// Whether the value at position `head` is published.
    fn published_at(&self, head: usize) -> bool {
        // Acquire: as in `pop`, seeing the sequence means seeing the value.
        self.slots[head & self.mask].seq.load(Ordering::Acquire) == head + 1
    }

    /// Whether a push would succeed or find the ring closed now: what a
    /// blocked producer waits for.
    pub fn pushable(&self) -> bool {
        // Relaxed: a hint; `push` checks again.
        let tail = self.tail.0.load(Ordering::Relaxed);
        let pos = tail >> 1;
        // Acquire: as in `push`.
        tail & CLOSED != 0 || self.slots[pos & self.mask].seq.load(Ordering::Acquire) == pos
    }

    /// Values accepted and not yet taken (a snapshot; exact when quiet).
    ///
    /// ```
    /// use executor::ring::Ring;
    /// use executor::sync::Std;
    /// let ring: Ring<Std, u8> = Ring::new(4);
    /// ring.push(|_| 1).unwrap();
    /// assert_eq!((ring.len(), ring.accepted()), (1, 1));
    /// ```
    pub fn len(&self) -> usize {
        // Relaxed (both): two counters read at different instants; the
        // result is clamped, not synchronised.
        let head = self.head.0.load(Ordering::Relaxed);
        let tail = self.tail.0.load(Ordering::Relaxed) >> 1;
        tail.saturating_sub(head)
    }

    /// Whether [`len`](Self::len) is zero.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many values were ever accepted.
    pub fn accepted(&self) -> usize {
        // Relaxed: a monotonic count read for metrics only.
        self.tail.0.load(Ordering::Relaxed) >> 1
    }
}
