//! Wrong: a timetable instead of a turn. Zero prints every 2 ms from 0,
//! odd every 4 ms from 1 ms, even every 4 ms from 3 ms. Nothing makes a
//! sleeping thread's neighbours run on time: a late start, a busy machine
//! or a different schedule puts two prints in the wrong order.

use exercises::prelude::*;

pub struct ZeroEvenOdd<B: Backend> {
    n: u64,
    step: Mutex<B, u64>,
    printed: Condvar<B>,
}

impl<B: Backend> ZeroEvenOdd<B> {
    pub fn new(n: u64) -> Self {
        Self {
            n,
            step: Mutex::new(0),
            printed: Condvar::new(),
        }
    }

    fn timetable(&self, start_ms: u64, numbers: impl Iterator<Item = u64>, mut print: impl FnMut(u64), every_ms: u64) {
        std::thread::sleep(Duration::from_millis(start_ms));
        for k in numbers {
            print(k);
            std::thread::sleep(Duration::from_millis(every_ms));
        }
    }

    pub fn zero(&self, print: impl FnMut(u64)) {
        self.timetable(0, (0..self.n).map(|_| 0), print, 2);
    }

    pub fn even(&self, print: impl FnMut(u64)) {
        self.timetable(3, (2..=self.n).step_by(2), print, 4);
    }

    pub fn odd(&self, print: impl FnMut(u64)) {
        self.timetable(1, (1..=self.n).step_by(2), print, 4);
    }
}
