//! Subjects under test: for the exercises where the learner writes the
//! test instead of the code. Each subject is a component from an interview
//! drill behind one trait, with the drill's reference answer and its wrong
//! answers (each one classic bug) as implementations, compiled from the
//! catalog's own files, so the bugs a learner's test must catch are the
//! very ones the drill's graders catch.
//!
//! ```
//! use exercises::prelude::*;
//! use exercises::subjects::queue::{Queue, Reference};
//! fn put_then_take<B: Backend, Q: Queue<B>>() -> Option<u32> {
//!     let q = Q::new(1);
//!     q.put(7).unwrap();
//!     q.take()
//! }
//! assert_eq!(put_then_take::<Std, Reference<Std>>(), Some(7));
//! ```

pub mod executor;
pub mod queue;
