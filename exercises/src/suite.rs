//! A suite: an exercise's scenarios, each instantiated for every backend,
//! and the checkers that grade it.
//!
//! Suites are written once against `super::answer`, so the same scenarios
//! grade the learner's file, the reference solution and every wrong answer.

use std::fmt;
use std::str::FromStr;
use verification::check::{Check, Verdict, setting};

/// One way of running a scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Checker {
    /// Real threads, repeated: only samples interleavings.
    Std,
    /// shuttle's random scheduler.
    ShuttleRandom,
    /// shuttle's PCT scheduler, which favours bugs needing few preemptions.
    ShuttlePct,
    /// loom: every interleaving up to the preemption bound, weak memory too.
    Loom,
}

impl Checker {
    /// Every checker, in grading order (cheapest first).
    pub const ALL: [Checker; 4] = [
        Checker::Std,
        Checker::ShuttleRandom,
        Checker::ShuttlePct,
        Checker::Loom,
    ];

    /// The name used on the command line and in the registry.
    pub fn name(self) -> &'static str {
        match self {
            Checker::Std => "std",
            Checker::ShuttleRandom => "shuttle-random",
            Checker::ShuttlePct => "shuttle-pct",
            Checker::Loom => "loom",
        }
    }

    /// The checkers a registry family name stands for: `shuttle` is both
    /// schedulers.
    pub fn family(name: &str) -> Option<&'static [Checker]> {
        match name {
            "std" => Some(&[Checker::Std]),
            "shuttle" => Some(&[Checker::ShuttleRandom, Checker::ShuttlePct]),
            "loom" => Some(&[Checker::Loom]),
            _ => None,
        }
    }

    /// The checkers a list of family names stands for, in grading order;
    /// unknown names are skipped (the registry rejects them on load).
    ///
    /// ```
    /// use exercises::suite::Checker;
    /// assert_eq!(Checker::expand(["loom", "std"]), [Checker::Std, Checker::Loom]);
    /// ```
    pub fn expand<'a>(families: impl IntoIterator<Item = &'a str>) -> Vec<Checker> {
        let mut all: Vec<Checker> = families
            .into_iter()
            .filter_map(Checker::family)
            .flatten()
            .copied()
            .collect();
        all.sort();
        all.dedup();
        all
    }
}

impl fmt::Display for Checker {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Checker {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Checker::ALL
            .into_iter()
            .find(|c| c.name() == s)
            .ok_or_else(|| {
                format!("unknown checker {s:?} (std, shuttle-random, shuttle-pct, loom)")
            })
    }
}

/// One scenario, instantiated for each backend.
#[derive(Debug, Clone, Copy)]
pub struct Scenario {
    /// `<exercise>.<scenario>`: unique, and used for replay file names.
    pub name: &'static str,
    /// The scenario on real threads.
    pub std: fn(),
    /// The scenario under loom.
    pub loom: fn(),
    /// The scenario under shuttle.
    pub shuttle: fn(),
    /// `Some(bug)`: the scenario runs a learner's test on a subject with
    /// this known bug, and passes only if the checker sees it fail (see
    /// [`crate::catches`]).
    pub catches: Option<&'static str>,
}

/// An exercise's scenarios and the checkers that grade them.
#[derive(Debug, Clone, Copy)]
pub struct Suite {
    /// The exercise's id, as in the registry.
    pub exercise: &'static str,
    /// Which checker families grade it: `std`, `shuttle`, `loom`.
    pub checkers: &'static [&'static str],
    /// Whether to inject spurious condition-variable wake-ups.
    pub spurious: bool,
    /// The scenarios, each guarding one guarantee.
    pub scenarios: &'static [Scenario],
}

/// Which checker families a compiled suite carries code for. Each of the
/// authoring check's three test binaries runs one family, and compiling
/// every scenario of every catalog variant for all three backends in each
/// would triple their build; the drill's graders need all three.
///
/// Code that includes a suite defines, in textual scope before the suite's
/// module, `macro_rules! suite_families { () => { Families::ALL } }` (or
/// `Families::only(..)`); [`suite!`](crate::suite) reads it there.
///
/// ```
/// use exercises::suite::Families;
/// assert_eq!(Families::only("loom"), Families { std: false, shuttle: false, loom: true });
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Families {
    /// Real threads.
    pub std: bool,
    /// shuttle (random and PCT).
    pub shuttle: bool,
    /// loom.
    pub loom: bool,
}

impl Families {
    /// Every family.
    pub const ALL: Self = Self {
        std: true,
        shuttle: true,
        loom: true,
    };

    /// Only `family`: "std", "shuttle" or "loom".
    pub const fn only(family: &str) -> Self {
        Self {
            std: same(family, "std"),
            shuttle: same(family, "shuttle"),
            loom: same(family, "loom"),
        }
    }
}

/// `a == b`, in a `const fn`.
const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Stands in for a scenario compiled without this family's code.
pub fn not_compiled() {
    panic!(
        "this binary was built without this checker's code for the scenario \
         (see exercises::suite::Families)"
    )
}

/// Shuttle schedules per scheduler when grading, unless
/// `CHECK_SHUTTLE_ITERATIONS` says otherwise: enough for the exercises'
/// small models, and a warm check stays within seconds.
pub const SHUTTLE_ITERATIONS: u64 = 2_000;

/// How deep a run explores.
///
/// A learner's check always runs [`Depth::Full`]. The authoring check,
/// which grades every variant of every exercise in `cargo test`, runs a
/// reference solution at [`Depth::Quick`] and a wrong answer at `Quick`
/// first, then `Full` only if `Quick` missed it; `CHECK_DEEP=1` makes it
/// run `Full` throughout (see [`verification::check::deep`]).
///
/// ```
/// use exercises::suite::Depth;
/// assert!(Depth::Quick.shuttle_schedules() < Depth::Full.shuttle_schedules());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    /// What `cargo drill check` runs: [`SHUTTLE_ITERATIONS`] schedules
    /// per scheduler, loom at preemption bound 2.
    Full,
    /// 200 schedules per scheduler and loom at bound 1, except for a
    /// scenario that must catch a known bug ([`Scenario::catches`]),
    /// which always runs `Full`: its pass is a found bug.
    Quick,
}

impl Depth {
    /// Shuttle schedules per scheduler at this depth.
    pub const fn shuttle_schedules(self) -> u64 {
        match self {
            Depth::Full => SHUTTLE_ITERATIONS,
            Depth::Quick => 200,
        }
    }

    /// loom's preemption bound at this depth; `None` leaves it to
    /// `CHECK_LOOM_BOUND` (default 2).
    pub const fn loom_bound(self) -> Option<usize> {
        match self {
            Depth::Full => None,
            Depth::Quick => Some(1),
        }
    }
}

impl Suite {
    /// Runs one scenario under one checker, as a learner's check does.
    pub fn run(&self, scenario: &Scenario, checker: Checker) -> Verdict {
        self.run_at(scenario, checker, Depth::Full)
    }

    /// Runs one scenario under one checker at `depth`. Settings in the
    /// environment (`CHECK_SHUTTLE_ITERATIONS`, `CHECK_LOOM_BOUND`) win.
    pub fn run_at(&self, scenario: &Scenario, checker: Checker, depth: Depth) -> Verdict {
        let depth = if scenario.catches.is_some() {
            Depth::Full
        } else {
            depth
        };
        let mut check = Check::new(scenario.name);
        if self.spurious {
            check = check.with_spurious_wakeups();
        }
        if std::env::var_os("CHECK_SHUTTLE_ITERATIONS").is_none() {
            check = check.iterations(depth.shuttle_schedules() as usize);
        }
        if let Some(bound) = depth.loom_bound()
            && std::env::var_os("CHECK_LOOM_BOUND").is_none()
        {
            check = check.loom_bound(bound);
        }
        if std::env::var_os("CHECK_STD_WATCHDOG_SECS").is_none() {
            check = check.watchdog_secs(5);
        }
        let verdict = match checker {
            Checker::Std => check.run_std(scenario.std),
            Checker::ShuttleRandom => check.run_shuttle(scenario.shuttle, false),
            Checker::ShuttlePct => check.run_shuttle(scenario.shuttle, true),
            Checker::Loom => check.run_loom(scenario.loom),
        };
        match scenario.catches {
            Some(bug) => crate::catches::caught(scenario.name, bug, verdict),
            None => verdict,
        }
    }

    /// Runs every scenario under `checker`, stopping at the first failure.
    pub fn run_all(&self, checker: Checker) -> Vec<Verdict> {
        self.run_all_at(checker, Depth::Full)
    }

    /// [`Suite::run_all`] at `depth`.
    pub fn run_all_at(&self, checker: Checker, depth: Depth) -> Vec<Verdict> {
        let mut verdicts = Vec::new();
        for scenario in self.scenarios {
            let verdict = self.run_at(scenario, checker, depth);
            let found = verdict.found();
            verdicts.push(verdict);
            if found {
                break;
            }
        }
        verdicts
    }

    /// The scenario called `name` (its full or short name).
    pub fn scenario(&self, name: &str) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| {
            s.name == name
                || s.name
                    .rsplit_once('.')
                    .is_some_and(|(_, short)| short == name)
        })
    }
}

/// Standard runs for grading: `CHECK_STD_RUNS`, default 100.
pub fn std_runs() -> u64 {
    setting("CHECK_STD_RUNS", 100)
}

/// Instantiates a suite from scenario functions generic over the backend.
///
/// ```
/// use exercises::prelude::*;
/// macro_rules! suite_families { () => { exercises::suite::Families::ALL } }
/// fn adds_up<B: Backend>() { assert_eq!(1 + 1, 2); }
/// exercises::suite! {
///     exercise: "demo",
///     checkers: ["std", "loom"],
///     scenarios: [adds_up],
/// }
/// assert_eq!(SUITE.scenarios[0].name, "demo.adds_up");
/// ```
///
/// An exercise where the learner writes the test lists, after its
/// scenarios, the ones that must fail, each with the bug it plants
/// (see [`crate::catches`]):
///
/// ```
/// use exercises::prelude::*;
/// # macro_rules! suite_families { () => { exercises::suite::Families::ALL } }
/// fn on_the_reference<B: Backend>() {}
/// fn on_a_lost_update<B: Backend>() { panic!("the learner's test saw 1, not 2") }
/// exercises::suite! {
///     exercise: "demo",
///     checkers: ["loom"],
///     scenarios: [on_the_reference],
///     catches: [on_a_lost_update: "an increment split into a load and a store"],
/// }
/// assert_eq!(SUITE.scenarios[1].catches, Some("an increment split into a load and a store"));
/// ```
#[macro_export]
macro_rules! suite {
    (
        exercise: $id:literal,
        checkers: [$($checker:literal),* $(,)?],
        $(spurious: $spurious:literal,)?
        scenarios: [$($scenario:ident),* $(,)?]
        $(, catches: [$($bug:ident : $what:literal),* $(,)?])? $(,)?
    ) => {
        /// The suite that grades this exercise.
        pub const SUITE: $crate::suite::Suite = $crate::suite::Suite {
            exercise: $id,
            checkers: &[$($checker),*],
            spurious: $crate::suite!(@spurious $($spurious)?),
            scenarios: &[
                $($crate::suite!(@scenario $id, $scenario, None),)*
                $($($crate::suite!(@scenario $id, $bug, Some($what)),)*)?
            ],
        };
    };
    (@scenario $id:literal, $name:ident, $catches:expr) => {
        $crate::suite::Scenario {
            name: concat!($id, ".", stringify!($name)),
            std: $crate::suite!(@family std, $name::<$crate::prelude::Std>),
            loom: $crate::suite!(@family loom, $name::<$crate::backends::Loom>),
            shuttle: $crate::suite!(@family shuttle, $name::<$crate::backends::Shuttle>),
            catches: $catches,
        }
    };
    // A family left out is never instantiated: the branch not taken in a
    // constant is not compiled. `suite_families!` is the including code's
    // (see `Families`).
    (@family $family:ident, $f:expr) => {
        if suite_families!().$family {
            $f as fn()
        } else {
            $crate::suite::not_compiled as fn()
        }
    };
    (@spurious) => { false };
    (@spurious $value:literal) => { $value };
}
