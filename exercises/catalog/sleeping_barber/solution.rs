//! # The sleeping barber: reference solution
//!
//! One mutex guards the whole shop: the queue of seated customers, the
//! set of finished haircuts and the closed flag. Everything a decision
//! reads and the change it makes happen under one hold of it:
//!
//! - `arrive` counts the free chairs and sits down in one hold, so two
//!   customers can never both take the last chair. It signals the barber
//!   only after sitting down: a barber woken earlier could look at the
//!   room, find it empty and sleep again, and the signal would be spent.
//! - The barber sleeps in `wait_while` "the room is empty and the shop
//!   open", so he sleeps only when nobody waits, and re-checks after any
//!   wake-up, spurious or not. He takes the first customer out of the
//!   room (freeing the chair at once) and cuts outside the lock, so
//!   customers can arrive during a haircut.
//! - A finished haircut goes into `done` before the customers are woken;
//!   each waits for its own name in the set. `notify_all`: the customer
//!   in the barber's chair and those in the waiting room all sleep on
//!   `haircut_done`, and only one of them is the one just served.
//!   `notify_one` for the barber is enough: he is the only one sleeping
//!   on `customer_waiting`.
//!
//! ## In Python 3.8
//! ```python
//! import threading
//! from collections import deque
//!
//! class BarberShop:
//!     def __init__(self, chairs):
//!         self._chairs = chairs
//!         self._waiting = deque()
//!         self._done = set()
//!         self._closed = False
//!         self._lock = threading.Lock()
//!         self._customer_waiting = threading.Condition(self._lock)
//!         self._haircut_done = threading.Condition(self._lock)
//!
//!     def arrive(self, customer):
//!         with self._lock:
//!             if self._closed or len(self._waiting) == self._chairs:
//!                 return False
//!             self._waiting.append(customer)
//!             self._customer_waiting.notify()
//!             return True
//!
//!     def await_haircut(self, customer):
//!         with self._lock:
//!             self._haircut_done.wait_for(lambda: customer in self._done)
//!             self._done.remove(customer)
//!
//!     def barber(self, cut):
//!         while True:
//!             with self._lock:
//!                 self._customer_waiting.wait_for(
//!                     lambda: self._waiting or self._closed)
//!                 if not self._waiting:
//!                     return
//!                 customer = self._waiting.popleft()
//!             cut(customer)
//!             with self._lock:
//!                 self._done.add(customer)
//!                 self._haircut_done.notify_all()
//!
//!     def close(self):
//!         with self._lock:
//!             self._closed = True
//!             self._customer_waiting.notify()
//! ```

use exercises::prelude::*;

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
        let mut shop = self.shop.lock();
        if shop.closed || shop.waiting.len() == self.chairs {
            return false;
        }
        shop.waiting.push_back(customer);
        drop(shop);
        self.customer_waiting.notify_one();
        true
    }

    /// A seated customer waits until its haircut is over.
    pub fn await_haircut(&self, customer: usize) {
        // The check and the clean-up are one step: `remove` says whether
        // the haircut was done, and takes it off the list if so.
        drop(
            self.haircut_done
                .wait_while(self.shop.lock(), |s| !s.done.remove(&customer)),
        );
    }

    /// The barber: cuts the waiting customers' hair in order of arrival,
    /// sleeping while nobody waits, until the shop is closed and empty.
    pub fn barber(&self, mut cut: impl FnMut(usize)) {
        loop {
            // The guard lives only to the end of this statement: the
            // haircut happens with the lock free.
            let next = self
                .customer_waiting
                .wait_while(self.shop.lock(), |s| s.waiting.is_empty() && !s.closed)
                .waiting
                .pop_front();
            let Some(customer) = next else {
                return;
            };
            cut(customer);
            self.shop.lock().done.insert(customer);
            self.haircut_done.notify_all();
        }
    }

    /// Closes the shop: later arrivals leave; the barber finishes the
    /// customers already waiting and returns.
    pub fn close(&self) {
        self.shop.lock().closed = true;
        self.customer_waiting.notify_one();
    }
}
