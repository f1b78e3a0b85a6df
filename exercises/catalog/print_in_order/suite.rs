//! Grades `print_in_order`: the three calls arrive in different orders,
//! and the recorded actions must always read first, second, third.

use super::answer::InOrder;
use exercises::prelude::*;
use exercises::trace_check::Events;

/// Which call an action came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Call {
    First,
    Second,
    Third,
}

/// Makes the three calls: `spawned` on their own threads (in that order),
/// the remaining one on the caller; then checks the recorded order.
fn run<B: Backend>(spawned: [Call; 2], on_caller: Call) {
    let order = Arc::<B, _>::new(InOrder::<B>::new());
    let events = Events::<B, Call>::shared();
    let call = |order: &InOrder<B>, events: Arc<B, Events<B, Call>>, which: Call| match which {
        Call::First => order.first(move || events.push(Call::First)),
        Call::Second => order.second(move || events.push(Call::Second)),
        Call::Third => order.third(move || events.push(Call::Third)),
    };
    let handles: Vec<_> = spawned
        .into_iter()
        .map(|which| {
            let (order, events) = (order.clone(), events.clone());
            spawn::<B, _>(format!("{which:?}").to_lowercase(), move || call(&order, events, which))
        })
        .collect();
    call(&order, events.clone(), on_caller);
    handles.into_iter().for_each(join);
    let seen = events.entries();
    assert_eq!(
        seen,
        [Call::First, Call::Second, Call::Third],
        "the actions ran out of order (or not exactly once each)"
    );
}

/// Guarantee: `third` and `second` arrive before `first` can run, and
/// still wait their turn.
fn late_first<B: Backend>() {
    run::<B>([Call::Third, Call::Second], Call::First);
}

/// Guarantee: the caller's `third` waits for two other threads, which
/// themselves arrive in either order.
fn early_third<B: Backend>() {
    run::<B>([Call::Second, Call::First], Call::Third);
}

exercises::suite! {
    exercise: "print_in_order",
    checkers: ["std", "shuttle", "loom"],
    scenarios: [late_first, early_third],
}
