//! Grades `unisex_bathroom` by trace validity: `Occupancy` counts each
//! team inside, `Events` records the order of entries, `Rendezvous` makes
//! threads that must be inside together prove it. Spurious wake-ups are
//! injected.

use super::answer::{Bathroom, Team};
use exercises::prelude::*;
use exercises::trace_check::{Events, Occupancy, Rendezvous};

/// Per-team counts of who is inside.
type Counts<B> = Arc<B, [Occupancy<B>; 2]>;

/// Enters for `team`, notes who else is inside, leaves; returns how many
/// of the other team were inside and how many of its own, itself included.
fn visit<B: Backend>(room: &Bathroom<B>, counts: &Counts<B>, team: Team) -> (usize, usize) {
    room.enter(team);
    let own = counts[team.index()].enter();
    yield_now::<B>(); // stay a moment: let the other team try its luck
    let other = counts[team.other().index()].now();
    counts[team.index()].leave();
    room.leave();
    (other, own)
}

/// Guarantee: a red and a blue never share the room.
fn teams_never_mix<B: Backend>() {
    let room = Arc::<B, _>::new(Bathroom::<B>::new(2));
    let counts: Counts<B> = Arc::new([Occupancy::new(), Occupancy::new()]);
    let (room2, counts2) = (room.clone(), counts.clone());
    let blue = spawn::<B, _>("blue", move || visit(&room2, &counts2, Team::Blue));
    let (reds_with_red, _) = visit(&room, &counts, Team::Red);
    let (reds_with_blue, _) = join(blue);
    assert_eq!(
        reds_with_red, 0,
        "a red was inside while a blue was: the teams mixed"
    );
    assert_eq!(
        reds_with_blue, 0,
        "a blue was inside while a red was: the teams mixed"
    );
}

/// Guarantee: at most `capacity` are inside (here one room for one, and
/// two reds).
fn capacity_is_respected<B: Backend>() {
    let room = Arc::<B, _>::new(Bathroom::<B>::new(1));
    let counts: Counts<B> = Arc::new([Occupancy::new(), Occupancy::new()]);
    let (room2, counts2) = (room.clone(), counts.clone());
    let other = spawn::<B, _>("red-2", move || visit(&room2, &counts2, Team::Red));
    visit(&room, &counts, Team::Red);
    join(other);
    let most = counts[Team::Red.index()].max();
    assert_eq!(most, 1, "{most} reds were inside a room for one");
}

/// Guarantee: one team shares the room: two reds with room for two are
/// inside together (a deadlock here means a red waited for a red).
fn one_team_shares<B: Backend>() {
    let room = Arc::<B, _>::new(Bathroom::<B>::new(2));
    let together = Rendezvous::<B>::shared(2);
    let (room2, together2) = (room.clone(), together.clone());
    let other = spawn::<B, _>("red-2", move || {
        room2.enter(Team::Red);
        together2.arrive();
        room2.leave();
    });
    room.enter(Team::Red);
    together.arrive();
    room.leave();
    join(other);
}

/// The caller, of team `holder`, holds the room (capacity 2) while a
/// thread of the other team starts waiting; then the caller keeps
/// entering. Its turn has room for one more entry; after that the waiting
/// team must go first.
fn no_starvation<B: Backend>(holder: Team) {
    let room = Arc::<B, _>::new(Bathroom::<B>::new(2));
    let order = Events::<B, Team>::shared();
    let waiter = holder.other();
    room.enter(holder);
    let (room2, order2) = (room.clone(), order.clone());
    let other = spawn::<B, _>(format!("{waiter:?}"), move || {
        room2.enter(waiter);
        order2.push(waiter);
        room2.leave();
    });
    while room.waiting(waiter) == 0 {
        yield_now::<B>();
    }
    for again in 0..2 {
        room.enter(holder);
        order.push(holder);
        room.leave();
        if again == 0 {
            room.leave(); // the first entry leaves too: the room can empty now
        }
    }
    join(other);
    let order = order.entries();
    let before = order.iter().take_while(|&&team| team == holder).count();
    assert!(
        before <= 1,
        "{holder:?} entered {} more times while a {waiter:?} waited (entries: {order:?}): \
         with room for 2, a turn admits at most 2 once the other team waits, and one {holder:?} \
         was already inside",
        before
    );
}

/// Guarantee: a waiting blue is not starved by reds that keep coming.
fn waiting_blue_gets_its_turn<B: Backend>() {
    no_starvation::<B>(Team::Red);
}

/// Guarantee: a waiting red is not starved by blues that keep coming.
fn waiting_red_gets_its_turn<B: Backend>() {
    no_starvation::<B>(Team::Blue);
}

/// Guarantee: when the room empties, every waiter of the next team gets
/// in: two blues wait behind a red, and both must get in without anyone
/// leaving after the red (they stay inside). Waking just one leaves the
/// other asleep beside a free place.
fn last_out_admits_every_waiter<B: Backend>() {
    let room = Arc::<B, _>::new(Bathroom::<B>::new(2));
    room.enter(Team::Red);
    let blues: Vec<_> = (0..2)
        .map(|i| {
            let room = room.clone();
            spawn::<B, _>(format!("blue-{i}"), move || room.enter(Team::Blue))
        })
        .collect();
    room.leave(); // a blue sleeps for ever if the last one out wakes only one
    blues.into_iter().for_each(join);
}

exercises::suite! {
    exercise: "unisex_bathroom",
    checkers: ["std", "shuttle", "loom"],
    spurious: true,
    scenarios: [
        teams_never_mix,
        capacity_is_respected,
        one_team_shares,
        waiting_blue_gets_its_turn,
        waiting_red_gets_its_turn,
        last_out_admits_every_waiter,
    ],
}
