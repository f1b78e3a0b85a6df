//! Wrong: a fast path checks outside the lock. enter takes a quick look
//! (one lock acquisition) and, if the room admits its team, counts itself
//! in under a second one. A red and a blue that both look at the empty
//! room both go in, and the teams mix.

use exercises::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Team {
    Red,
    Blue,
}

impl Team {
    pub fn other(self) -> Team {
        match self {
            Team::Red => Team::Blue,
            Team::Blue => Team::Red,
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

struct Room {
    turn: Option<Team>,
    inside: usize,
    served: usize,
    waiting: [usize; 2],
}

impl Room {
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

pub struct Bathroom<B: Backend> {
    capacity: usize,
    room: Mutex<B, Room>,
    changed: Condvar<B>,
}

impl<B: Backend> Bathroom<B> {
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

    pub fn enter(&self, team: Team) {
        // Fast path: a quick look, and if the room admits us, go in.
        let admitted = self.room.lock().admits(team, self.capacity);
        if admitted {
            let mut room = self.room.lock();
            room.turn = Some(team);
            room.inside += 1;
            room.served += 1;
            return;
        }
        let mut room = self.room.lock();
        room.waiting[team.index()] += 1;
        room = self
            .changed
            .wait_while(room, |r| !r.admits(team, self.capacity));
        room.waiting[team.index()] -= 1;
        room.turn = Some(team);
        room.inside += 1;
        room.served += 1;
    }

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

    pub fn waiting(&self, team: Team) -> usize {
        self.room.lock().waiting[team.index()]
    }
}
