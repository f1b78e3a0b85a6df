//! Wrong: leaving wakes one waiter with `notify_one`. When the last red
//! leaves and two blues wait, one blue is woken and gets in; the other
//! sleeps on beside a free place until someone else leaves.

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

    pub fn leave(&self) {
        let mut room = self.room.lock();
        room.inside -= 1;
        if room.inside == 0 {
            let other = room.turn.expect("someone was inside").other();
            room.turn = (room.waiting[other.index()] > 0).then_some(other);
            room.served = 0;
        }
        drop(room);
        self.changed.notify_one();
    }

    pub fn waiting(&self, team: Team) -> usize {
        self.room.lock().waiting[team.index()]
    }
}
