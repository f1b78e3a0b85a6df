//! Grades `traffic_light` by trace validity: every `turn_green` and every
//! car entering and leaving the crossing is recorded, and the trace is
//! replayed against a model light that starts green for north-south.

use super::answer::{Intersection, Road};
use exercises::prelude::*;
use exercises::trace_check::Events;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Event {
    /// `turn_green` was called for this road.
    Switch(Road),
    /// A car of this road entered the crossing.
    Enters(Road),
    /// A car of this road left the crossing.
    Leaves(Road),
}

/// One thread's cars: each arrives in turn on its road.
fn drive<B: Backend>(
    crossing: &Intersection<B>,
    events: &Arc<B, Events<B, Event>>,
    roads: &[Road],
) {
    for &road in roads {
        let (switches, crosses) = (events.clone(), events.clone());
        crossing.car_arrived(
            road,
            move || switches.push(Event::Switch(road)),
            move || {
                crosses.push(Event::Enters(road));
                crosses.push(Event::Leaves(road));
            },
        );
    }
}

/// Replays `trace` against the light: each switch turns a red road green
/// with the crossing empty, each car enters on its green into a crossing
/// empty of the other road, and `cars` cars cross in all.
fn check_trace(trace: &[Event], cars: usize) {
    let mut light = Road::NorthSouth;
    let mut inside: Vec<Road> = Vec::new();
    for (at, event) in trace.iter().enumerate() {
        match *event {
            Event::Switch(road) => {
                assert_ne!(
                    road, light,
                    "event {at}: turn_green for {road:?}, whose light was already green (trace: {trace:?})"
                );
                assert!(
                    inside.is_empty(),
                    "event {at}: the light turned green for {road:?} while {inside:?} was crossing (trace: {trace:?})"
                );
                light = road;
            }
            Event::Enters(road) => {
                assert_eq!(
                    road, light,
                    "event {at}: a {road:?} car crossed on red (trace: {trace:?})"
                );
                assert!(
                    inside.iter().all(|&other| other == road),
                    "event {at}: a {road:?} car entered while {inside:?} was crossing (trace: {trace:?})"
                );
                inside.push(road);
            }
            Event::Leaves(road) => {
                let car = inside
                    .iter()
                    .position(|&r| r == road)
                    .expect("a car leaves after entering");
                inside.remove(car);
            }
        }
    }
    let crossed = trace
        .iter()
        .filter(|e| matches!(e, Event::Enters(_)))
        .count();
    assert_eq!(
        crossed, cars,
        "{cars} cars arrived but {crossed} crossed (trace: {trace:?})"
    );
}

/// Runs each of `spawned` on its own thread and `on_caller` on the caller,
/// then checks the trace.
fn run<B: Backend>(spawned: &[&'static [Road]], on_caller: &'static [Road]) {
    let crossing = Arc::<B, _>::new(Intersection::<B>::new());
    let events = Events::<B, Event>::shared();
    let cars: usize = spawned.iter().map(|roads| roads.len()).sum::<usize>() + on_caller.len();
    let handles: Vec<_> = spawned
        .iter()
        .enumerate()
        .map(|(i, &roads)| {
            let (crossing, events) = (crossing.clone(), events.clone());
            spawn::<B, _>(format!("driver-{i}"), move || {
                drive(&crossing, &events, roads)
            })
        })
        .collect();
    drive(&crossing, &events, on_caller);
    handles.into_iter().for_each(join);
    check_trace(&events.entries(), cars);
}

/// Guarantee: a north-south car (green) and an east-west car (red) meet:
/// the east-west car switches the light, and neither crosses on red or
/// while the other is in the crossing.
fn one_car_each_way<B: Backend>() {
    run::<B>(&[&[Road::NorthSouth]], &[Road::EastWest]);
}

/// Guarantee: two cars on the red road both need the light: it is switched
/// once, not once per car that saw red, and never under a crossing car.
fn two_cars_on_the_red_road<B: Backend>() {
    run::<B>(&[&[Road::EastWest], &[Road::EastWest]], &[Road::NorthSouth]);
}

/// Guarantee: the light goes back and forth: each of two drivers comes
/// from both roads in turn, so every switch races a crossing.
fn back_and_forth<B: Backend>() {
    run::<B>(
        &[&[Road::EastWest, Road::NorthSouth]],
        &[Road::NorthSouth, Road::EastWest],
    );
}

exercises::suite! {
    exercise: "traffic_light",
    checkers: ["std", "shuttle", "loom"],
    scenarios: [one_car_each_way, two_cars_on_the_red_road, back_and_forth],
}
