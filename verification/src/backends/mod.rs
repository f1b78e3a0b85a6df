//! The model-checking backends.

mod loom_backend;
mod model_backend;
mod shuttle_backend;

pub use loom_backend::Loom;
pub use shuttle_backend::Shuttle;
