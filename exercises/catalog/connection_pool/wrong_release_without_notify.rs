//! Wrong: `release` puts the connection back but wakes nobody. A caller
//! already asleep in `acquire_timeout` keeps sleeping next to a free
//! connection until its timeout, and a caller with a long timeout (or
//! under a checker, where timeouts never fire) waits forever.

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
        let deadline = B::now() + timeout;
        let mut free = self.free.lock();
        loop {
            if let Some(id) = free.pop() {
                return Ok(Conn { id });
            }
            let left = deadline.saturating_sub(B::now());
            if left.is_zero() {
                return Err(Timeout);
            }
            free = self.returned.wait_timeout(free, left).0;
        }
    }


    pub fn release(&self, conn: Conn) {
        self.free.lock().push(conn.id);
    }
}
