//! Wrong: the customer wakes the barber as it walks in, before it sits
//! down. The barber wakes, finds the room still empty and goes back to
//! sleep; the customer then sits and waits, and nobody wakes the barber
//! again: a lost wake-up.

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
        self.customer_waiting.notify_one();
        let mut shop = self.shop.lock();
        if shop.closed || shop.waiting.len() == self.chairs {
            return false;
        }
        shop.waiting.push_back(customer);
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
