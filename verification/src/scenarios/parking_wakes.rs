//! Guarantee of the parking protocol: a thread that parks until a
//! condition holds is woken once another thread makes it hold, even when
//! waits return spuriously and two sleepers compete for the wake-ups.

use executor::parking::Parking;
use executor::sync::{Arc, AtomicUsize, Backend, Ordering, thread};

/// Tokens handed out one at a time, and the place to wait for one.
struct Tokens<B: Backend> {
    available: AtomicUsize<B>,
    parking: Parking<B>,
}

impl<B: Backend> Tokens<B> {
    /// Takes a token if one is there.
    fn try_take(&self) -> bool {
        // Relaxed: the first look; the compare-exchange decides.
        let mut seen = self.available.load(Ordering::Relaxed);
        while seen > 0 {
            // Acquire: pairs with `give`'s Release (a token carries no data
            // here, but a real one would).
            match self.available.compare_exchange(
                seen,
                seen - 1,
                Ordering::Acquire,
                Ordering::Relaxed,
            ) {
                Ok(_) => return true,
                Err(current) => seen = current,
            }
        }
        false
    }

    /// Parks until a token can be taken, and takes it.
    fn take(&self) {
        let mut taken = false;
        self.parking.wait_until(|| {
            taken = taken || self.try_take();
            taken
        });
    }

    /// Adds a token, then wakes one sleeper.
    fn give(&self) {
        // Release: see `try_take`.
        self.available.fetch_add(1, Ordering::Release);
        self.parking.wake_one();
    }
}

// ANCHOR: parking_wakes_each
/// Two sleepers each wait for a token; main gives two, waking one sleeper
/// per token. If a wake-up were lost, a sleeper would sleep forever: a
/// deadlock the checkers report.
pub fn parking_wakes_each<B: Backend>() {
    let tokens = Arc::<B, _>::new(Tokens::<B> {
        available: AtomicUsize::new(0),
        parking: Parking::new(),
    });
    let sleepers: Vec<_> = (0..2)
        .map(|index| {
            let tokens = tokens.clone();
            thread::spawn::<B, _, _>(format!("sleeper-{index}"), move || tokens.take()).unwrap()
        })
        .collect();
    tokens.give();
    tokens.give();
    for sleeper in sleepers {
        sleeper.join().unwrap();
    }
    assert_eq!(
        tokens.available.load(Ordering::Relaxed),
        0,
        "both tokens taken"
    );
}
// ANCHOR_END: parking_wakes_each
