//! Grades `ping_pong`: one side on the caller, the other on a thread, and
//! the recorded words must alternate from the first to the last.

use super::answer::PingPong;
use exercises::prelude::*;
use exercises::trace_check::Events;

const ROUNDS: usize = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Word {
    Ping,
    Pong,
}

/// Checks that `seen` is ping, pong, ping, pong, ... with `ROUNDS` of each.
fn check_alternates(seen: &[Word]) {
    for (i, word) in seen.iter().enumerate() {
        let expected = if i % 2 == 0 { Word::Ping } else { Word::Pong };
        assert_eq!(
            *word, expected,
            "print {i} should be {expected:?} but was {word:?}: the turns did not alternate (all prints: {seen:?})"
        );
    }
    assert_eq!(seen.len(), 2 * ROUNDS, "expected {ROUNDS} pings and {ROUNDS} pongs, got {seen:?}");
}

/// Runs `ping` on the caller or on a thread (and `pong` on the other).
fn play<B: Backend>(ping_on_caller: bool) {
    let game = Arc::<B, _>::new(PingPong::<B>::new(ROUNDS));
    let events = Events::<B, Word>::shared();
    let side = move |game: &PingPong<B>, events: Arc<B, Events<B, Word>>, word: Word| match word {
        Word::Ping => game.ping(|| events.push(Word::Ping)),
        Word::Pong => game.pong(|| events.push(Word::Pong)),
    };
    let (mine, theirs) = if ping_on_caller {
        (Word::Ping, Word::Pong)
    } else {
        (Word::Pong, Word::Ping)
    };
    let (g, e) = (game.clone(), events.clone());
    let name = format!("{theirs:?}").to_lowercase();
    let other = spawn::<B, _>(name, move || side(&g, e, theirs));
    side(&game, events.clone(), mine);
    join(other);
    check_alternates(&events.entries());
}

/// Guarantee: with ping on the caller, the words alternate and both end.
fn caller_pings<B: Backend>() {
    play::<B>(true);
}

/// Guarantee: with pong on the caller (it may well start first), pong
/// still waits for the first ping.
fn caller_pongs<B: Backend>() {
    play::<B>(false);
}

exercises::suite! {
    exercise: "ping_pong",
    checkers: ["std", "shuttle", "loom"],
    spurious: true,
    scenarios: [caller_pings, caller_pongs],
}
