//! # The cigarette smokers
//!
//! Making a cigarette takes tobacco, paper and matches. Three smokers
//! each hold an endless supply of one of them; an agent puts two
//! different ingredients on the table at a time. Only the smoker holding
//! the third can use that pair: it must take both, together, and the
//! agent waits until the table is clear before putting down the next
//! pair.
//!
//! The trap is to let each smoker pick up the ingredients it needs one
//! at a time. The agent puts down tobacco and matches; the matches
//! smoker (who needs tobacco and paper) grabs the tobacco and waits for
//! paper, which never comes, while the paper smoker (who needs exactly
//! this pair) waits for the tobacco that is gone, and the agent waits for
//! a table that will never be clear: a deadlock. A smoker must wait on
//! the whole pair, a condition on the table's state, not on one
//! ingredient.
//!
//! ## Your task
//! Implement `Table` so that, whatever the interleaving:
//! - `place(a, b)` waits until the table is clear, then puts `a` and `b`
//!   on it (one agent; `a != b`);
//! - `take(own)` waits until the two ingredients that `own`'s holder
//!   lacks are both on the table, takes both at once and returns `true`;
//!   once the agent has called `close` and no pair for `own` is on the
//!   table, it returns `false`;
//! - each pair placed is taken exactly once, by the one smoker it is
//!   for; nothing hangs.
//!
//! The suite runs smokers that each call `take` until it returns `false`
//! and checks who smoked against what the agent placed, under every
//! schedule the checkers try (including spurious wake-ups).
//!
//! ## The Python 3.8 shape
//! ```python
//! TOBACCO, PAPER, MATCHES = 0, 1, 2
//!
//! class Table:
//!     def __init__(self): ...
//!     def place(self, a: int, b: int) -> None: ...
//!     def take(self, own: int) -> bool: ...
//!     def close(self) -> None: ...
//! ```
//!
//! Grade with `cargo drill check cigarette_smokers`.

use exercises::prelude::*;

// ANCHOR: skeleton
/// One of the three things a cigarette needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ingredient {
    Tobacco,
    Paper,
    Matches,
}

impl Ingredient {
    /// The two ingredients the smoker holding `self` lacks.
    pub fn others(self) -> [Ingredient; 2] {
        use Ingredient::*;
        match self {
            Tobacco => [Paper, Matches],
            Paper => [Tobacco, Matches],
            Matches => [Tobacco, Paper],
        }
    }
}

/// What lies on the table, and whether the agent has gone home.
struct Surface {
    /// `on_table[i as usize]`: ingredient `i` lies on the table.
    on_table: [bool; 3],
    /// The agent will place nothing more.
    closed: bool,
}

/// The table between the agent and the smokers.
pub struct Table<B: Backend> {
    surface: Mutex<B, Surface>,
    /// The agent waits on this: signalled when a smoker clears the table.
    cleared: Condvar<B>,
    /// The smokers wait on this: signalled when a pair is placed or the
    /// agent closes the table.
    placed: Condvar<B>,
}

impl<B: Backend> Table<B> {
    /// An empty, open table.
    pub fn new() -> Self {
        Self {
            surface: Mutex::new(Surface {
                on_table: [false; 3],
                closed: false,
            }),
            cleared: Condvar::new(),
            placed: Condvar::new(),
        }
    }

    /// The agent: waits for a clear table, then puts `a` and `b` on it.
    pub fn place(&self, a: Ingredient, b: Ingredient) {
        todo!("wait while anything lies on the table; put both down; wake the smokers")
    }

    /// The smoker holding `own`: takes the pair it lacks (`true`), or
    /// returns `false` once the table is closed with no pair for it.
    pub fn take(&self, own: Ingredient) -> bool {
        todo!(
            "wait for both of `own.others()` at once (or the close); take them together; wake the agent"
        )
    }

    /// The agent is done: smokers waiting for a pair that will never come
    /// return `false`.
    pub fn close(&self) {
        todo!("mark the table closed and wake every smoker")
    }
}
// ANCHOR_END: skeleton
