//! Wrong: the agent wakes one smoker when it places a pair. The wake-up
//! may go to a smoker the pair is not for, who goes back to sleep; the
//! one it is for sleeps on, and so does the agent, waiting for a table
//! nobody will clear.

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
        self.placed.notify_one();
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
