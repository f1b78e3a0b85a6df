//! Wrong: `if` instead of `while` around the wait. After a spurious
//! wake-up (or a wake-up for a connection another caller grabbed first)
//! the list is still empty, and `pop().expect(..)` panics.

use exercises::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeout;

#[derive(Debug, PartialEq, Eq)]
pub struct Conn {
    id: usize,
}

impl Conn {
    pub fn id(&self) -> usize {
        self.id
    }
}

pub struct Pool<B: Backend> {
    free: Mutex<B, Vec<usize>>,
    returned: Condvar<B>,
}

impl<B: Backend> Pool<B> {
    pub fn new(size: usize) -> Self {
        Self {
            free: Mutex::new((0..size).collect()),
            returned: Condvar::new(),
        }
    }


    pub fn acquire_timeout(&self, timeout: Duration) -> Result<Conn, Timeout> {
        let mut free = self.free.lock();
        if free.is_empty() {
            let (guard, timed_out) = self.returned.wait_timeout(free, timeout);
            if timed_out {
                return Err(Timeout);
            }
            free = guard;
        }
        let id = free.pop().expect("woken by a release, so one is free");
        Ok(Conn { id })
    }

    pub fn release(&self, conn: Conn) {
        self.free.lock().push(conn.id);
        self.returned.notify_one();
    }
}
