//! Grades `h2o`: two molecules' worth of atoms from three threads, each
//! thread offering two atoms one after the other; the releases must come
//! in threes that are each two H and one O.

use super::answer::H2O;
use exercises::prelude::*;
use exercises::trace_check::Events;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Atom {
    H,
    O,
}

/// One thread's work: offer `atom` twice.
fn offer_two<B: Backend>(water: &H2O<B>, events: &Arc<B, Events<B, Atom>>, atom: Atom) {
    for _ in 0..2 {
        let events = events.clone();
        match atom {
            Atom::H => water.hydrogen(move || events.push(Atom::H)),
            Atom::O => water.oxygen(move || events.push(Atom::O)),
        }
    }
}

/// Runs `spawned` on their own threads and `on_caller` on the caller, each
/// offering two atoms, then checks every group of three releases.
fn run<B: Backend>(spawned: [Atom; 2], on_caller: Atom) {
    let water = Arc::<B, _>::new(H2O::<B>::new());
    let events = Events::<B, Atom>::shared();
    let handles: Vec<_> = spawned
        .into_iter()
        .enumerate()
        .map(|(i, atom)| {
            let (water, events) = (water.clone(), events.clone());
            spawn::<B, _>(format!("{atom:?}-{i}"), move || offer_two(&water, &events, atom))
        })
        .collect();
    offer_two(&water, &events, on_caller);
    handles.into_iter().for_each(join);

    let seen = events.entries();
    assert_eq!(seen.len(), 6, "expected 6 releases (two molecules), got {seen:?}");
    for (m, group) in seen.chunks(3).enumerate() {
        let hydrogens = group.iter().filter(|&&a| a == Atom::H).count();
        assert_eq!(
            hydrogens,
            2,
            "releases {}-{} are {group:?}, not one molecule of two H and one O (all releases: {seen:?})",
            3 * m + 1,
            3 * m + 3
        );
    }
}

/// Guarantee: two hydrogen threads and an oxygen caller make two whole
/// molecules, in order.
fn oxygen_on_caller<B: Backend>() {
    run::<B>([Atom::H, Atom::H], Atom::O);
}

/// Guarantee: the same with the oxygens on a thread and a hydrogen
/// thread on the caller.
fn hydrogen_on_caller<B: Backend>() {
    run::<B>([Atom::O, Atom::H], Atom::H);
}

exercises::suite! {
    exercise: "h2o",
    checkers: ["std", "shuttle", "loom"],
    // An atom that wakes without room for it must wait again: injected
    // spurious wake-ups catch an `if` where a `while` belongs.
    spurious: true,
    scenarios: [oxygen_on_caller, hydrogen_on_caller],
}
