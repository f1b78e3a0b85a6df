//! Wrong: `parallel_sum` adds into a shared total and joins only the last
//! thread it spawned, assuming the last one started is the last one to
//! finish. The scheduler owes us no such order: an earlier summer may not
//! have added its chunk yet when the total is read.

use exercises::prelude::*;

pub struct Fanout<B: Backend, T: Send + 'static> {
    handles: Vec<JoinHandle<B, T>>,
}

impl<B: Backend, T: Send + 'static> Fanout<B, T> {
    pub fn new() -> Self {
        Self {
            handles: Vec::new(),
        }
    }

    pub fn spawn(&mut self, name: &str, job: impl FnOnce() -> T + Send + 'static) {
        self.handles.push(spawn::<B, _>(name, job));
    }

    pub fn join_all(self) -> Vec<T> {
        self.handles.into_iter().map(join).collect()
    }
}

pub fn parallel_sum<B: Backend>(chunks: Vec<Vec<u64>>) -> u64 {
    let total = Arc::<B, _>::new(AtomicU64::<B>::new(0));
    let mut handles = Vec::new();
    for (i, chunk) in chunks.into_iter().enumerate() {
        let total = total.clone();
        handles.push(spawn::<B, _>(format!("summer-{i}"), move || {
            total.fetch_add(chunk.iter().sum(), Ordering::SeqCst);
        }));
    }
    if let Some(last) = handles.pop() {
        join(last);
    }
    total.load(Ordering::SeqCst)
}
