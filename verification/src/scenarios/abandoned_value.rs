//! Guarantee: user code never runs under the pool's lock. A task whose
//! handle was dropped before it finished returns a value whose `Drop` calls
//! back into the pool (`metrics()`); the worker drops that value outside
//! its lock, so nothing deadlocks, and the worker lives on to run the next
//! task.

use executor::sync::{Arc, Backend};
use executor::{Pool, TaskError};

/// A value whose `Drop` takes the pool's lock (through `metrics`).
struct CallsPool<B: Backend> {
    pool: Arc<B, Pool<B>>,
}

impl<B: Backend> Drop for CallsPool<B> {
    fn drop(&mut self) {
        assert!(self.pool.metrics().is_consistent());
    }
}

/// A value nobody waits for is dropped outside the pool's lock.
pub fn abandoned_value<B: Backend>() {
    let pool = Arc::<B, _>::new(Pool::<B>::builder().workers(1).capacity(2).build().unwrap());
    let p = pool.clone();
    drop(pool.submit(move || CallsPool { pool: p }).unwrap());
    let next = pool.submit(|| 7_u32).unwrap();
    assert_eq!(next.join(), Ok::<_, TaskError>(7), "the worker survived");
    pool.shutdown().unwrap();
    let m = pool.metrics();
    assert!(m.is_consistent(), "{m:?}");
    assert_eq!(m.completed, 2, "{m:?}");
}
