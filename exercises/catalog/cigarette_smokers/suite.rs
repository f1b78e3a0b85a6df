//! Grades `cigarette_smokers`: two smokers on their own threads take
//! pairs until the table closes; the agent on the caller places a pair
//! for each in turn, then closes. Every smoker must have
//! smoked exactly as often as a pair was placed for it, and every run
//! must end (the one-ingredient-at-a-time trap ends in a deadlock, which
//! the checkers report).

use super::answer::{Ingredient, Table};
use Ingredient::{Matches, Paper};
use exercises::prelude::*;
use exercises::trace_check::Events;

/// A smoker: takes its pair and smokes until the table is closed.
fn smoker<B: Backend>(table: &Table<B>, smoked: &Events<B, Ingredient>, own: Ingredient) {
    while table.take(own) {
        smoked.push(own);
    }
}

/// Runs `smokers` on their own threads and the agent on the caller,
/// placing the pair each smoker in `pairs_for` lacks, one after another.
fn run<B: Backend>(smokers: &[Ingredient], pairs_for: &[Ingredient]) {
    let table = Arc::<B, _>::new(Table::<B>::new());
    let smoked = Events::<B, Ingredient>::shared();
    let handles: Vec<_> = smokers
        .iter()
        .map(|&own| {
            let (table, smoked) = (table.clone(), smoked.clone());
            let name = format!("{own:?}-smoker").to_lowercase();
            spawn::<B, _>(name, move || smoker(&table, &smoked, own))
        })
        .collect();
    for &lacking in pairs_for {
        let [a, b] = lacking.others();
        table.place(a, b);
    }
    table.close();
    handles.into_iter().for_each(join);

    let seen = smoked.entries();
    for &own in smokers {
        let placed = pairs_for.iter().filter(|&&s| s == own).count();
        let got = seen.iter().filter(|&&s| s == own).count();
        assert_eq!(
            got, placed,
            "the agent placed {placed} pair(s) for the {own:?} smoker, who took {got} \
             (pairs placed, in order, for: {pairs_for:?}; smokes in order: {seen:?})"
        );
    }
}

/// Guarantee: each pair goes, whole, to the one smoker it is for. Two
/// smokers who both lack tobacco; the agent places tobacco and matches
/// (for the paper smoker), then tobacco and paper (for the matches
/// smoker). Two smokers are enough for every trap here (taking one
/// ingredient at a time, a pair put down on top of the last, waking the
/// wrong smoker), and keep loom's search small: with three smokers
/// there are four threads.
fn shared_ingredient_goes_to_the_right_smoker<B: Backend>() {
    run::<B>(&[Paper, Matches], &[Paper, Matches]);
}

exercises::suite! {
    exercise: "cigarette_smokers",
    checkers: ["std", "shuttle", "loom"],
    // A smoker woken without its pair on the table must wait again.
    spurious: true,
    scenarios: [shared_ingredient_goes_to_the_right_smoker],
}
