//! Wrong: the connection is chosen under the lock but removed from the
//! free list later, under a second lock. Two callers that both look
//! before either removes both pick the same connection and use it at the
//! same time.

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
        let id = {
            let mut free = self.free.lock();
            loop {
                if let Some(&id) = free.last() {
                    break id;
                }
                let left = deadline.saturating_sub(B::now());
                if left.is_zero() {
                    return Err(Timeout);
                }
                free = self.returned.wait_timeout(free, left).0;
            }
        };
        // Now mark it as taken.
        self.free.lock().retain(|&free_id| free_id != id);
        Ok(Conn { id })
    }

    pub fn release(&self, conn: Conn) {
        self.free.lock().push(conn.id);
        self.returned.notify_one();
    }
}
