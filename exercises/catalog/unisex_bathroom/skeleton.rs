//! # The unisex bathroom: one team at a time, and no team starves
//!
//! A room is shared by two teams, red and blue. Any number of one team
//! may be inside together, up to `capacity`, but never the two teams at
//! once. This is the readers-writer lock with two kinds of reader, and it
//! has the same trap: if a thread may enter whenever its own team holds
//! the room, a steady stream of reds keeps the room red for ever and a
//! blue that is waiting never gets in. Starvation.
//!
//! The cure is turns. The room belongs to one team at a time. While the
//! other team is not waiting, the team that holds the room may keep
//! coming in. Once the other team waits, the turn is limited: at most
//! `capacity` entries in the whole turn, then the holders drain out and
//! the room passes to the team that waited. So a waiting team gets in
//! after at most `capacity` entries of the other.
//!
//! ## Your task
//! Implement `Bathroom` so that, whatever the interleaving:
//! - the teams never share the room, and at most `capacity` are inside;
//! - threads of the same team share it (two reds, with room for two, are
//!   inside together);
//! - once a thread of one team is counted as waiting (`waiting(team)`),
//!   at most `capacity` entries of the other team (counting the whole
//!   turn, those already inside included) come before the room is that
//!   team's;
//! - no deadlock, no lost wake-up: when the room empties, every waiter of
//!   the team whose turn it is gets in (up to `capacity`).
//!
//! This is graded by trace validity: the suite counts who is inside and
//! records the order of entries under every schedule the checkers try,
//! with spurious wake-ups injected.
//!
//! ## The Python 3.8 shape
//! ```python
//! RED, BLUE = 0, 1
//!
//! class Bathroom:
//!     def __init__(self, capacity: int) -> None: ...
//!     def enter(self, team: int) -> None: ...
//!     def leave(self) -> None: ...
//!     def waiting(self, team: int) -> int: ...
//! ```
//!
//! Grade with `cargo drill check unisex_bathroom`.

use exercises::prelude::*;

// ANCHOR: skeleton
/// The two teams sharing the room.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Team {
    Red,
    Blue,
}

impl Team {
    /// The other team.
    pub fn other(self) -> Team {
        match self {
            Team::Red => Team::Blue,
            Team::Blue => Team::Red,
        }
    }

    /// 0 for red, 1 for blue: an index into per-team arrays.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Who is in the room and who wants it (a suggestion: change it if you like).
struct Room {
    /// The team whose turn it is, `None` while the room is empty and free.
    turn: Option<Team>,
    /// Threads inside.
    inside: usize,
    /// Entries since the current turn began.
    served: usize,
    /// Threads of each team blocked in `enter`.
    waiting: [usize; 2],
}

/// A room for one team at a time, at most `capacity` inside, in turns.
pub struct Bathroom<B: Backend> {
    capacity: usize,
    room: Mutex<B, Room>,
    changed: Condvar<B>,
}

impl<B: Backend> Bathroom<B> {
    /// An empty room for at most `capacity` (at least 1) at once.
    pub fn new(capacity: usize) -> Self {
        assert!(capacity > 0, "a room needs space for one");
        Self {
            capacity,
            room: Mutex::new(Room {
                turn: None,
                inside: 0,
                served: 0,
                waiting: [0, 0],
            }),
            changed: Condvar::new(),
        }
    }

    /// Enters for `team`; waits while the room is the other team's, is
    /// full, or this turn is used up while the other team waits.
    pub fn enter(&self, team: Team) {
        todo!("count yourself as waiting, wait until the room admits `team`, then enter")
    }

    /// Leaves; the last one out passes the turn to the other team if it
    /// waits.
    pub fn leave(&self) {
        todo!()
    }

    /// How many threads of `team` are blocked in `enter` right now.
    pub fn waiting(&self, team: Team) -> usize {
        todo!()
    }
}
// ANCHOR_END: skeleton
