//! # The unisex bathroom: reference solution
//!
//! One mutex over the whole room state, one condvar. The room has a turn:
//! the team it belongs to, or nobody while it is empty and free. A thread
//! gets in when it is its team's turn (or nobody's), there is space, and
//! either the other team is not waiting or this turn has had fewer than
//! `capacity` entries. The first thread into a free room starts a turn.
//! The last one out hands the turn to the other team if any of it waits,
//! and otherwise frees the room.
//!
//! Why nobody starves: once a blue is counted as waiting, the red turn
//! admits at most `capacity` entries in all, so the reds inside drain,
//! the last one out gives the turn to blue, and no red gets in until the
//! blue turn ends. Why nothing deadlocks: the turn only goes to a team
//! that has a waiter, and a waiter of the turn's team is admitted while
//! the served count is below `capacity`, which a new turn starts at zero.
//!
//! The waiters wait for different things (their team's turn, space, the
//! end of a turn), so every change that can admit someone is followed by
//! `notify_all`: `notify_one` could wake a thread of the wrong team, which
//! goes back to sleep while the right one stays asleep.
//!
//! ## In Python 3.8
//! ```python
//! import threading
//!
//! RED, BLUE = 0, 1
//!
//! class Bathroom:
//!     def __init__(self, capacity):
//!         self._capacity = capacity
//!         self._cond = threading.Condition(threading.Lock())
//!         self._turn = None
//!         self._inside = 0
//!         self._served = 0
//!         self._waiting = [0, 0]
//!
//!     def _admits(self, team):
//!         if self._turn is None:
//!             return True
//!         return (self._turn == team
//!                 and self._inside < self._capacity
//!                 and (self._waiting[1 - team] == 0
//!                      or self._served < self._capacity))
//!
//!     def enter(self, team):
//!         with self._cond:
//!             self._waiting[team] += 1
//!             self._cond.wait_for(lambda: self._admits(team))
//!             self._waiting[team] -= 1
//!             self._turn = team
//!             self._inside += 1
//!             self._served += 1
//!
//!     def leave(self):
//!         with self._cond:
//!             self._inside -= 1
//!             if self._inside == 0:
//!                 other = 1 - self._turn
//!                 self._turn = other if self._waiting[other] > 0 else None
//!                 self._served = 0
//!             self._cond.notify_all()
//!
//!     def waiting(self, team):
//!         with self._cond:
//!             return self._waiting[team]
//! ```

use exercises::prelude::*;

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

/// Who is in the room and who wants it.
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

impl Room {
    /// Whether a thread of `team` may come in now.
    fn admits(&self, team: Team, capacity: usize) -> bool {
        match self.turn {
            None => true,
            Some(turn) => {
                turn == team
                    && self.inside < capacity
                    && (self.waiting[team.other().index()] == 0 || self.served < capacity)
            }
        }
    }
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
        let mut room = self.room.lock();
        room.waiting[team.index()] += 1;
        room = self
            .changed
            .wait_while(room, |r| !r.admits(team, self.capacity));
        room.waiting[team.index()] -= 1;
        room.turn = Some(team); // it was ours already, or nobody's
        room.inside += 1;
        room.served += 1;
    }

    /// Leaves; the last one out passes the turn to the other team if it
    /// waits.
    pub fn leave(&self) {
        let mut room = self.room.lock();
        room.inside -= 1;
        if room.inside == 0 {
            let other = room.turn.expect("someone was inside").other();
            room.turn = (room.waiting[other.index()] > 0).then_some(other);
            room.served = 0;
        }
        drop(room);
        self.changed.notify_all();
    }

    /// How many threads of `team` are blocked in `enter` right now.
    pub fn waiting(&self, team: Team) -> usize {
        self.room.lock().waiting[team.index()]
    }
}
