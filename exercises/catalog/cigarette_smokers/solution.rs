//! # The cigarette smokers: reference solution
//!
//! The table's whole state (which ingredients lie on it, whether the
//! agent has gone home) sits under one mutex, and every wait is a
//! condition on that state:
//!
//! - A smoker waits until *both* ingredients it lacks lie on the table
//!   (or the table is closed) and takes the pair in the same lock hold
//!   as the check. It never holds one ingredient while waiting for the
//!   other, so it never keeps from another smoker what that smoker
//!   needs: no hold and wait, no deadlock. (Downey's "pushers" get the
//!   same effect with semaphores: helper threads that see the pair
//!   arrive and signal the one smoker it is for.)
//! - The agent waits until the table is clear, then places the pair and
//!   wakes every smoker: `notify_all`, since only one of them can use
//!   the pair and `notify_one` might wake another, who would sleep again.
//!   A smoker that took a pair wakes the agent with `notify_one`: the
//!   agent is the only thread waiting on `cleared`.
//! - `close` wakes every smoker; one whose pair is still on the table
//!   takes it first, since the check for the pair comes before the
//!   check for the close.
//!
//! ## In Python 3.8
//! ```python
//! import threading
//!
//! TOBACCO, PAPER, MATCHES = 0, 1, 2
//!
//! class Table:
//!     def __init__(self):
//!         self._on_table = [False, False, False]
//!         self._closed = False
//!         self._lock = threading.Lock()
//!         self._cleared = threading.Condition(self._lock)
//!         self._placed = threading.Condition(self._lock)
//!
//!     def place(self, a, b):
//!         with self._lock:
//!             self._cleared.wait_for(lambda: not any(self._on_table))
//!             self._on_table[a] = self._on_table[b] = True
//!             self._placed.notify_all()
//!
//!     def take(self, own):
//!         lacks = [i for i in range(3) if i != own]
//!
//!         def pair_here():
//!             return all(self._on_table[i] for i in lacks)
//!
//!         with self._lock:
//!             self._placed.wait_for(lambda: pair_here() or self._closed)
//!             if not pair_here():
//!                 return False
//!             for i in lacks:
//!                 self._on_table[i] = False
//!             self._cleared.notify()
//!             return True
//!
//!     def close(self):
//!         with self._lock:
//!             self._closed = True
//!             self._placed.notify_all()
//! ```

use exercises::prelude::*;

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

impl Surface {
    /// Both ingredients the holder of `own` lacks lie on the table.
    fn pair_for(&self, own: Ingredient) -> bool {
        own.others().iter().all(|&i| self.on_table[i as usize])
    }

    /// Takes the pair for `own` if it is there, both at once.
    fn take_pair(&mut self, own: Ingredient) -> bool {
        let here = self.pair_for(own);
        if here {
            self.on_table = [false; 3];
        }
        here
    }
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
        self.cleared
            .wait_while(self.surface.lock(), |s| s.on_table.contains(&true))
            .on_table = Self::pair(a, b);
        self.placed.notify_all();
    }

    /// The table holding exactly `a` and `b`.
    fn pair(a: Ingredient, b: Ingredient) -> [bool; 3] {
        let mut on_table = [false; 3];
        on_table[a as usize] = true;
        on_table[b as usize] = true;
        on_table
    }

    /// The smoker holding `own`: takes the pair it lacks (`true`), or
    /// returns `false` once the table is closed with no pair for it.
    pub fn take(&self, own: Ingredient) -> bool {
        let took = self
            .placed
            .wait_while(self.surface.lock(), |s| !s.pair_for(own) && !s.closed)
            .take_pair(own);
        if took {
            self.cleared.notify_one();
        }
        took
    }

    /// The agent is done: smokers waiting for a pair that will never come
    /// return `false`.
    pub fn close(&self) {
        self.surface.lock().closed = true;
        self.placed.notify_all();
    }
}
