//! `cargo drill`: graded concurrency exercises and timed interview drills.
//!
//! Run it from anywhere in the workspace; `cargo drill --help` lists the
//! commands.

mod app;
mod book_command;
mod busy_wait;
mod check;
mod countdown;
mod course;
mod frames;
mod grade;
mod grader_crate;
mod interview;
mod mutants;
mod paths;
mod process;
mod python;
mod repair;
mod review_session;
mod sections;
mod stages;
mod state;
mod status;
mod ui;
mod watch;

use clap::{Parser, Subcommand};

/// Graded concurrency exercises and timed interview drills, checked by
/// real threads, shuttle and loom.
#[derive(Parser)]
#[command(name = "cargo drill", bin_name = "cargo drill", version)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Every exercise with its status, by part and topic.
    List,
    /// Grade an exercise (default: the current one) under its checkers.
    Check {
        /// The exercise's id.
        exercise: Option<String>,
        /// Only this checker: std, shuttle (both schedulers), shuttle-random,
        /// shuttle-pct or loom; repeatable.
        #[arg(long = "checker")]
        checkers: Vec<String>,
        /// Only this scenario (as named in a failure report).
        #[arg(long)]
        scenario: Option<String>,
        /// Grade the Python 3.8 version of interview drill <EXERCISE>
        /// (learn/<id>.py) with the Python harness instead.
        #[arg(long, conflicts_with_all = ["checkers", "scenario"])]
        python: bool,
        /// With --python: the first round's seed (a failure report prints it).
        #[arg(long, requires = "python")]
        seed: Option<u64>,
    },
    /// Re-grade the current exercise on every save.
    Watch {
        /// The exercise's id (default: the current one).
        exercise: Option<String>,
    },
    /// Reveal the next hint.
    Hint {
        /// The exercise's id (default: the current one).
        exercise: Option<String>,
    },
    /// Restore the pristine skeleton of an exercise (asks first).
    Reset {
        /// The exercise's id.
        exercise: String,
        /// Do not ask.
        #[arg(long)]
        yes: bool,
    },
    /// Show the reference solution of an exercise you have passed.
    Solution {
        /// The exercise's id.
        exercise: String,
    },
    /// Move to the next exercise (once the current one passes).
    Next,
    /// Move on without passing the current exercise.
    Skip,
    /// Make an exercise the current one.
    Go {
        /// The exercise's id.
        exercise: String,
    },
    /// A timed interview drill: code, then follow-up questions.
    Interview {
        /// The drill's id; without it, the list of drills and your scores.
        drill: Option<String>,
        /// Write and grade the drill in Python 3.8 (learn/<id>.py).
        #[arg(long, requires = "drill")]
        python: bool,
    },
    /// A timed code review: name the line that holds the bug in a wrong
    /// answer from the course, then the fix.
    Review {
        /// How many snippets.
        #[arg(long, default_value_t = 3)]
        count: usize,
        /// Minutes on the clock for each.
        #[arg(long, default_value_t = 4)]
        minutes: u64,
        /// Only wrong answers of this exercise.
        #[arg(long)]
        exercise: Option<String>,
        /// Pick the snippets with this seed (the session prints its seed).
        #[arg(long)]
        seed: Option<u64>,
    },
    /// Rebuild a damaged or missing progress file.
    Repair,
    /// Build the book and serve it on 127.0.0.1 (the URL is printed).
    Book {
        /// Only build it, into target/book.
        #[arg(long)]
        build: bool,
        /// Also open it in the default browser.
        #[arg(long)]
        open: bool,
        /// The port to try first; a free one is used if it is taken.
        #[arg(long, default_value_t = 3000)]
        port: u16,
    },
    /// The authoring check: every skeleton fails, every solution passes,
    /// every wrong answer is rejected (runs `cargo test -p exercises`).
    Verify,
    /// The mutation check: derive wrong answers from each reference
    /// solution, grade them, and print per exercise the share rejected.
    Mutants {
        /// Only these exercises (default: every one).
        exercises: Vec<String>,
        /// Only list the mutants, without compiling or grading them.
        #[arg(long)]
        list: bool,
        /// Grade under this checker only, instead of the listed ones;
        /// repeatable.
        #[arg(long = "checker")]
        checkers: Vec<String>,
    },
}

fn main() {
    quiet_broken_pipe();
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Repair) => repair::run(),
        Some(Command::Verify) => course::verify(),
        Some(Command::Mutants {
            exercises,
            list,
            checkers,
        }) => check::parse_checkers(&checkers)
            .and_then(|checkers| mutants::run(&exercises, list, &checkers)),
        Some(Command::Book { build, open, port }) => book_command::run(build, open, port),
        command => app::App::open().and_then(|mut app| dispatch(&mut app, command)),
    };
    if let Err(e) = result {
        ui::error(&e.to_string());
        std::process::exit(2);
    }
}

/// `cargo drill list | head` should stop quietly when `head` has had
/// enough, as other command-line tools do, not panic on a closed pipe:
/// restore the default SIGPIPE action that the Rust runtime turns off.
fn quiet_broken_pipe() {
    #[cfg(unix)]
    // SAFETY: called first thing in `main`, before any other thread exists;
    // setting a signal's disposition to the default touches no Rust state.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

fn dispatch(app: &mut app::App, command: Option<Command>) -> app::Result<()> {
    match command {
        None => status::show(app),
        Some(Command::List) => status::list(app),
        Some(Command::Check {
            exercise,
            python: true,
            seed,
            ..
        }) => python::check_command(app, exercise.as_deref(), seed),
        Some(Command::Check {
            exercise,
            checkers,
            scenario,
            ..
        }) => {
            let id = app.pick(exercise.as_deref())?;
            let checkers = check::parse_checkers(&checkers)?;
            let outcome = check::run(
                app,
                &id,
                &checkers,
                scenario.as_deref(),
                check::Context::Command,
            )?;
            if !outcome.passed() {
                std::process::exit(1);
            }
            Ok(())
        }
        Some(Command::Watch { exercise }) => watch::run(app, exercise.as_deref()),
        Some(Command::Hint { exercise }) => course::hint(app, exercise.as_deref()),
        Some(Command::Reset { exercise, yes }) => course::reset(app, &exercise, yes),
        Some(Command::Solution { exercise }) => course::solution(app, &exercise),
        Some(Command::Next) => course::next(app, false),
        Some(Command::Skip) => course::next(app, true),
        Some(Command::Go { exercise }) => course::go(app, &exercise),
        Some(Command::Interview { drill, python }) => interview::run(app, drill.as_deref(), python),
        Some(Command::Review {
            count,
            minutes,
            exercise,
            seed,
        }) => review_session::run(
            app,
            review_session::Options {
                count,
                minutes,
                exercise,
                seed,
            },
        ),
        Some(
            Command::Repair | Command::Verify | Command::Book { .. } | Command::Mutants { .. },
        ) => {
            unreachable!("handled before opening")
        }
    }
}
