//! `cargo drill review`: a timed code review, the pitfalls list (syllabus
//! 32) practised as an interviewer asks it: "what is wrong with this
//! code?". The learner reads a wrong answer from the catalog, names the
//! line that holds the bug and writes the fix in a sentence or two; the
//! line is graded against the diff to the reference solution, the sentence
//! by the learner against the model fix and a rubric.

use crate::app::{App, Result};
use crate::state::{ReviewItem, ReviewRecord};
use crate::ui;
use console::style;
use drill::review::snippet::{self, Snippet};
use jiff::Timestamp;
use rand::SeedableRng as _;
use rand::seq::SliceRandom as _;
use std::time::{Duration, Instant};

/// What a full answer covers, ticked by the learner after seeing the model.
const RUBRIC: [&str; 3] = [
    "Named the line and the shared state it gets wrong",
    "Gave a schedule that breaks it: which thread does what, in which order (or which wake-up is lost)",
    "Stated the fix and why it closes that schedule (what the model fix changes)",
];

/// How a review session is set up.
pub struct Options {
    /// How many snippets.
    pub count: usize,
    /// Minutes on the clock for each.
    pub minutes: u64,
    /// Only snippets of this exercise.
    pub exercise: Option<String>,
    /// The seed that picks the snippets; a fresh one when absent.
    pub seed: Option<u64>,
}

/// Runs a review session and records it in the progress file.
pub fn run(app: &mut App, options: Options) -> Result<()> {
    let (mut pool, _) = snippet::all(&app.registry, &app.paths.exercises);
    if let Some(id) = &options.exercise {
        app.exercise(id)?;
        pool.retain(|s| &s.exercise == id);
        if pool.is_empty() {
            return Err(format!("exercise `{id}` has no wrong answer to review").into());
        }
    }
    if options.count == 0 || options.minutes == 0 {
        return Err("--count and --minutes must be at least 1".into());
    }
    let seed = options
        .seed
        .unwrap_or_else(|| Timestamp::now().as_nanosecond() as u64);
    pool.shuffle(&mut rand::rngs::StdRng::seed_from_u64(seed));
    pool.truncate(options.count);
    let budget = Duration::from_secs(options.minutes * 60);
    ui::heading(&format!(
        "Code review: {} snippet(s), {} minute(s) each",
        pool.len(),
        options.minutes
    ));
    println!(
        "Each is a wrong answer from the course, comments removed. Name the line that \
         holds the bug, then the fix.\nThis set again: cargo drill review --seed {seed} --count {}",
        options.count
    );
    let mut record = ReviewRecord {
        started: Timestamp::now(),
        seed,
        items: Vec::new(),
    };
    for (n, snippet) in pool.iter().enumerate() {
        let Some(item) = review(snippet, n + 1, pool.len(), budget) else {
            println!("\nInput ended: the review stops here.");
            break;
        };
        record.items.push(item);
    }
    summary(&record, budget);
    if !record.items.is_empty() {
        app.progress.reviews.push(record);
        app.save()?;
    }
    Ok(())
}

/// Shows one snippet, takes the answer, grades the line and lets the
/// learner grade the fix; `None` if input ends before a line is named.
fn review(snippet: &Snippet, n: usize, of: usize, budget: Duration) -> Option<ReviewItem> {
    ui::heading(&format!(
        "Snippet {n} of {of}: {} ({}), {} on the clock",
        snippet.exercise,
        snippet.title,
        clock(budget)
    ));
    if !snippet.task.is_empty() {
        println!("{}\n", style(&snippet.task).dim());
    }
    let width = snippet.code.len().to_string().len();
    for (i, line) in snippet.code.iter().enumerate() {
        println!("{} {line}", style(format!("{:>width$}", i + 1)).dim());
    }
    let started = Instant::now();
    let line = loop {
        println!("\nWhich line holds the bug? (its number)");
        let answer = ui::read_line()?;
        match answer.trim().parse::<usize>() {
            Ok(line) if (1..=snippet.code.len()).contains(&line) => break line,
            _ => println!("a line number from 1 to {}, please", snippet.code.len()),
        }
    };
    let fix = ui::read_answer("The fix, in a sentence or two (an empty line ends it):");
    let seconds = started.elapsed().as_secs();
    let found = snippet.finds(line);
    let mark = if found {
        style("✓").green()
    } else {
        style("✗").red()
    };
    println!(
        "{mark} line {line}: the bug is on {}.",
        snippet.changed_lines()
    );
    let over = if seconds > budget.as_secs() {
        style(" (over time)").yellow().to_string()
    } else {
        String::new()
    };
    println!(
        "Time: {} of {}{over}",
        clock(Duration::from_secs(seconds)),
        clock(budget)
    );
    println!("\n{} {}", style("The bug:").bold(), snippet.bug);
    println!(
        "{}",
        style("The model fix (wrong answer -> reference solution):").bold()
    );
    for diff in &snippet.fix {
        let shown = if diff.starts_with('-') {
            style(diff).red()
        } else {
            style(diff).green()
        };
        println!("  {shown}");
    }
    let rubric: Vec<String> = RUBRIC.iter().map(|s| (*s).to_owned()).collect();
    let ticked = ui::checklist("Which points did your answer make?", &rubric);
    Some(ReviewItem {
        exercise: snippet.exercise.clone(),
        wrong: snippet.wrong.clone(),
        line: line as u32,
        found,
        fix,
        points: ticked.len() as u32,
        points_max: RUBRIC.len() as u32,
        seconds,
        budget: budget.as_secs(),
    })
}

/// The session's totals.
fn summary(record: &ReviewRecord, budget: Duration) {
    let items = &record.items;
    let found = items.iter().filter(|i| i.found).count();
    let points: u32 = items.iter().map(|i| i.points).sum();
    let max: u32 = items.iter().map(|i| i.points_max).sum();
    let seconds: u64 = items.iter().map(|i| i.seconds).sum();
    ui::heading("Review finished");
    println!(
        "Bugs found: {found} of {}. Rubric points: {points} of {max}. Time: {} of {}.",
        items.len(),
        clock(Duration::from_secs(seconds)),
        clock(budget * items.len() as u32)
    );
}

/// `m:ss`.
fn clock(d: Duration) -> String {
    format!("{}:{:02}", d.as_secs() / 60, d.as_secs() % 60)
}
