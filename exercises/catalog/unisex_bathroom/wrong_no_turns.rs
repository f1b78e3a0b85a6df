//! Wrong: no turns. A thread gets in whenever the room is free or holds
//! its own team and has space; nobody looks at who is waiting. While reds
//! keep overlapping, the room never empties and a waiting blue never gets
//! in: the trace shows red after red entering while the blue waits.

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
    /// The team inside, `None` while the room is empty.
    team: Option<Team>,
    inside: usize,
    waiting: [usize; 2],
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
                team: None,
                inside: 0,
                waiting: [0, 0],
            }),
            changed: Condvar::new(),
        }
    }

    pub fn enter(&self, team: Team) {
        let mut room = self.room.lock();
        room.waiting[team.index()] += 1;
        room = self.changed.wait_while(room, |r| {
            r.team == Some(team.other()) || r.inside == self.capacity
        });
        room.waiting[team.index()] -= 1;
        room.team = Some(team);
        room.inside += 1;
    }

    pub fn leave(&self) {
        let mut room = self.room.lock();
        room.inside -= 1;
        if room.inside == 0 {
            room.team = None;
        }
        drop(room);
        self.changed.notify_all();
    }

    pub fn waiting(&self, team: Team) -> usize {
        self.room.lock().waiting[team.index()]
    }
}
