//! The `main` of a grader: the small crate the `drill` CLI builds from a
//! learner's file and the exercise's suite.
//!
//! `grader <checker> [scenario]` runs the suite's scenarios under one
//! checker and prints one machine-readable line per scenario (see
//! [`Line`]), followed on failure by the readable report; `grader list`
//! prints the scenarios' names, one a line. Each checker
//! gets its own process: shuttle's panic hook is process-wide, and a loom
//! deadlock aborts the process it runs in (the harness then re-runs this
//! program as a child, which is the `CHECK_CHILD` branch below).

use crate::suite::{Checker, Suite};
use std::time::Duration;

/// What the grader prints for each scenario, before any report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The scenario's full name.
    pub scenario: String,
    /// Whether it passed.
    pub passed: bool,
    /// The checker's description, e.g. "loom (preemption bound 2)".
    pub checker: String,
    /// Executions explored.
    pub executions: u64,
    /// Time taken.
    pub elapsed: Duration,
}

/// Marks the grader's result lines in its output.
const PREFIX: &str = "[grade] ";

impl Line {
    /// The line as printed.
    ///
    /// ```
    /// use exercises::grader::Line;
    /// use std::time::Duration;
    /// let line = Line { scenario: "a.b".into(), passed: true, checker: "loom".into(),
    ///                   executions: 7, elapsed: Duration::from_millis(3) };
    /// assert_eq!(Line::parse(&line.render()), Some(line));
    /// ```
    pub fn render(&self) -> String {
        format!(
            "{PREFIX}{}\t{}\t{}\t{}\t{}",
            if self.passed { "pass" } else { "fail" },
            self.scenario,
            self.executions,
            self.elapsed.as_micros(),
            self.checker
        )
    }

    /// Reads a line printed by [`Line::render`].
    pub fn parse(text: &str) -> Option<Self> {
        let mut fields = text.strip_prefix(PREFIX)?.splitn(5, '\t');
        let passed = match fields.next()? {
            "pass" => true,
            "fail" => false,
            _ => return None,
        };
        Some(Self {
            passed,
            scenario: fields.next()?.to_owned(),
            executions: fields.next()?.parse().ok()?,
            elapsed: Duration::from_micros(fields.next()?.parse().ok()?),
            checker: fields.next()?.to_owned(),
        })
    }
}

/// The grader's entry point: exits 0 when every scenario passes, 1 when
/// one fails, 2 on a usage error.
pub fn main(suite: &Suite) -> ! {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if std::env::var_os("CHECK_CHILD").is_some() {
        // The loom harness re-runs us for one loom run of one scenario,
        // naming it as a test binary would: by the thread's name.
        let Some(scenario) = args.first().and_then(|name| suite.scenario(name)) else {
            eprintln!("grader child: no scenario named {:?}", args.first());
            std::process::exit(2);
        };
        let scenario = *scenario;
        let suite = *suite;
        run_named(scenario.name, move || {
            suite.run(&scenario, Checker::Loom);
        });
        std::process::exit(0);
    }
    if args.first().is_some_and(|a| a == "list") {
        for scenario in suite.scenarios {
            println!("{}", scenario.name);
        }
        std::process::exit(0);
    }
    let Some(checker) = args.first().and_then(|c| c.parse::<Checker>().ok()) else {
        eprintln!("usage: grader <std|shuttle-random|shuttle-pct|loom|list> [scenario]");
        std::process::exit(2);
    };
    let only = args.get(1);
    if let Some(name) = only.filter(|o| suite.scenario(o).is_none()) {
        // Running nothing and passing would be a false pass.
        eprintln!("grader: no scenario named {name:?}");
        std::process::exit(2);
    }
    let replaying = std::env::var("CHECK_REPLAY").ok();
    let mut ok = true;
    for scenario in suite.scenarios {
        if only.is_some_and(|o| suite.scenario(o).is_none_or(|s| s.name != scenario.name)) {
            continue;
        }
        let (scenario, suite) = (*scenario, *suite);
        let mut verdict = run_named(scenario.name, move || suite.run(&scenario, checker));
        if let Some(file) = replaying.as_ref().filter(|_| checker != Checker::Std) {
            verdict.checker = replay_description(&verdict.checker, file);
            if let Some(report) = &mut verdict.failure {
                report.checker = verdict.checker.clone();
            }
        }
        let line = Line {
            scenario: scenario.name.to_owned(),
            passed: !verdict.found(),
            checker: verdict.checker.clone(),
            executions: verdict.executions,
            elapsed: verdict.elapsed,
        };
        println!("{}", line.render());
        if let Some(report) = verdict.failure {
            println!("{report}");
            ok = false;
            break;
        }
    }
    std::process::exit(if ok { 0 } else { 1 })
}

/// What a replay is, in place of the checker's search settings: a
/// replay explores nothing new, so a fresh seed and a number of schedules
/// would only make it read like a new search.
///
/// ```
/// # use exercises::grader::replay_description;
/// let d = replay_description("shuttle random (seed 7, 2000 schedules)", "s.txt");
/// assert_eq!(d, "shuttle, replaying the saved schedule s.txt (no new search)");
/// ```
pub fn replay_description(checker: &str, file: &str) -> String {
    let family = checker.split_whitespace().next().unwrap_or(checker);
    format!("{family}, replaying the saved schedule {file} (no new search)")
}

/// Runs `f` on a thread called `name`: the loom harness names the child
/// run after the current thread, as libtest names a test's thread.
fn run_named<T: Send + 'static>(name: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .name(name.to_owned())
        .spawn(f)
        .expect("spawn the grading thread")
        .join()
        .unwrap_or_else(|payload| std::panic::resume_unwind(payload))
}
