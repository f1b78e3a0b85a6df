//! Wrong: each thread writes its result into a shared slot and its handle
//! is dropped, so the thread is detached. `join_all` then reads the slots
//! straight away, before some threads have run: results go missing.

use exercises::prelude::*;

pub struct Fanout<B: Backend, T: Send + 'static> {
    slots: Arc<B, Mutex<B, Vec<Option<T>>>>,
}

impl<B: Backend, T: Send + 'static> Fanout<B, T> {
    pub fn new() -> Self {
        Self {
            slots: Arc::new(Mutex::new(Vec::new())),
        }
    }

    pub fn spawn(&mut self, name: &str, job: impl FnOnce() -> T + Send + 'static) {
        let index = {
            let mut slots = self.slots.lock();
            slots.push(None);
            slots.len() - 1
        };
        let slots = self.slots.clone();
        // The handle is dropped here: nobody will ever wait for this thread.
        spawn::<B, _>(name, move || {
            let result = job();
            slots.lock()[index] = Some(result);
        });
    }

    pub fn join_all(self) -> Vec<T> {
        // "The threads were started, so the results are there."
        self.slots.lock().iter_mut().filter_map(Option::take).collect()
    }
}

pub fn parallel_sum<B: Backend>(chunks: Vec<Vec<u64>>) -> u64 {
    let mut fan = Fanout::<B, u64>::new();
    for (i, chunk) in chunks.into_iter().enumerate() {
        fan.spawn(&format!("summer-{i}"), move || chunk.iter().sum());
    }
    fan.join_all().into_iter().sum()
}
