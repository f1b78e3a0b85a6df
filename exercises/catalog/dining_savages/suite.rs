//! Grades `dining_savages`: the cook on a thread of his own, two savages
//! (one on the caller) each eating a few servings. Each serving names the
//! fill it came from; the count per fill must show every fill eaten to
//! the last serving before the next one, no fill that nobody ate from,
//! and no serving more than a fill holds. Every run must end: a savage
//! waiting beside a sleeping cook is a deadlock the checkers report.

use super::answer::Pot;
use exercises::prelude::*;
use exercises::trace_check::Events;

/// A savage eats `meals` servings, recording the fill of each.
fn savage<B: Backend>(pot: &Pot<B>, eaten: &Events<B, u64>, meals: usize) {
    for _ in 0..meals {
        eaten.push(pot.take_serving());
    }
}

/// Two savages eat `meals` servings each from a pot of `m`; checks the
/// servings taken from each fill against the cook's count of fills.
fn run<B: Backend>(m: usize, meals: usize) {
    let pot = Arc::<B, _>::new(Pot::<B>::new(m));
    let eaten = Events::<B, u64>::shared();
    let cook = {
        let pot = pot.clone();
        spawn::<B, _>("cook", move || pot.cook())
    };
    let other = {
        let (pot, eaten) = (pot.clone(), eaten.clone());
        spawn::<B, _>("savage-1", move || savage(&pot, &eaten, meals))
    };
    savage(&pot, &eaten, meals);
    join(other);
    pot.close();
    let fills = join(cook);

    let seen = eaten.entries();
    for &fill in &seen {
        assert!(
            (1..=fills).contains(&fill),
            "a serving came from fill {fill}, but the cook filled the pot {fills} time(s) \
             (fill of each serving: {seen:?})"
        );
    }
    for fill in 1..=fills {
        let taken = seen.iter().filter(|&&f| f == fill).count();
        assert!(
            taken <= m,
            "{taken} servings came from fill {fill} of a pot of {m}: a savage took from an empty pot \
             (fill of each serving: {seen:?})"
        );
        assert!(
            taken == m || fill == fills,
            "only {taken} of fill {fill}'s {m} servings were eaten before the next fill: the pot was \
             refilled before it was empty (fill of each serving: {seen:?})"
        );
        assert!(
            taken > 0,
            "nobody ate from fill {fill}: a refill nobody asked for, or two for one empty pot \
             (fill of each serving: {seen:?})"
        );
    }
}

/// Guarantee: two savages who both find the pot empty get it refilled
/// once. A pot of two, one serving each: one fill feeds both.
fn one_refill_for_two_hungry<B: Backend>() {
    run::<B>(2, 1);
}

/// Guarantee: a savage whose refill was eaten by another calls the cook
/// again and waits, rather than taking from the empty pot or sleeping
/// on. A pot of one, one serving each: two fills.
fn refill_eaten_by_another<B: Backend>() {
    run::<B>(1, 1);
}

exercises::suite! {
    exercise: "dining_savages",
    checkers: ["std", "shuttle", "loom"],
    // A savage woken with the pot still empty must wait again.
    spurious: true,
    scenarios: [one_refill_for_two_hungry, refill_eaten_by_another],
}
