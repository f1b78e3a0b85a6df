//! `cargo drill interview`: a timed drill. The statement (with its Python
//! 3.8 shape) and the 60-minute plan, a visible countdown during which
//! `c` grades the code (`countdown.rs`), then the follow-up questions one
//! at a time: the question, a pause for the learner's own answer, the
//! model answer and a rubric the learner ticks. The result goes into the
//! history. With `--python` the learner writes the Python 3.8 version
//! instead (see `python.rs`): its statement and skeleton, graded by the
//! Python harness.

use crate::app::{App, Result};
use crate::python::PyDrill;
use crate::stages::clock;
use crate::state::{ActiveInterview, FollowUpAnswer, InterviewRecord};
use crate::ui;
use console::style;
use exercises::registry::Drill;
use jiff::Timestamp;

/// The syllabus item of the interview time plan (its book section).
const PLAN_ITEM: u32 = 31;

/// Lists the drills, or runs the one called `id`.
pub fn run(app: &mut App, id: Option<&str>, python: bool) -> Result<()> {
    let Some(id) = id else {
        ui::heading("Interview drills");
        let width = ui::id_width(app.registry.drills.iter().map(|d| d.id.as_str()));
        for d in &app.registry.drills {
            println!(
                "  {:<width$} {:>2} min  {}",
                style(&d.id).cyan(),
                d.minutes,
                d.title
            );
            if let Some(line) = best_and_latest(app, &d.id) {
                println!("  {:<width$}         {}", "", style(line).dim());
            }
        }
        println!();
        let first = app.registry.drills.first().map_or("", |d| d.id.as_str());
        let mut steps = vec![
            (
                format!("cargo drill interview {first}"),
                "start one (any id above): statement, countdown, follow-ups".to_owned(),
            ),
            (
                format!("cargo drill interview {first} --python"),
                format!(
                    "the same in Python 3.8 ({})",
                    crate::python::available(&app.paths).join(", ")
                ),
            ),
        ];
        if let Some(active) = &app.progress.active_interview {
            steps.insert(
                0,
                (
                    resume_command(&active.drill, false),
                    format!("resume the countdown of {}, still running", active.drill),
                ),
            );
        }
        let steps: Vec<(&str, &str)> = steps
            .iter()
            .map(|(c, w)| (c.as_str(), w.as_str()))
            .collect();
        ui::next_steps(&steps);
        return Ok(());
    };
    let drill = app
        .registry
        .drill(id)
        .cloned()
        .ok_or_else(|| format!("no drill called {id:?}: see `cargo drill interview`"))?;
    let py = if python {
        Some(PyDrill::find(&app.paths, &drill.id)?)
    } else {
        None
    };
    let Some(started) = begin(app, &drill, py.as_ref())? else {
        return Ok(());
    };
    let (passed, seconds, checkers) = crate::countdown::run(app, &drill, started, py.as_ref())?;
    app.progress.active_interview = None;
    app.save()?;
    let (rubric, rubric_max, answers) = follow_ups(app, &drill);
    app.progress.interviews.push(InterviewRecord {
        drill: drill.id.clone(),
        started,
        seconds,
        passed,
        checkers,
        rubric,
        rubric_max,
        answers,
    });
    app.save()?;
    println!();
    ui::heading(&format!("Drill {} finished", drill.id));
    println!(
        "  code: {} in {} · follow-ups: {rubric}/{rubric_max} rubric points",
        if passed {
            style("passed").green()
        } else {
            style("not passing").red()
        },
        clock(seconds)
    );
    if let Some(line) = best_and_latest(app, &drill.id) {
        println!("  {line}");
    }
    Ok(())
}

/// The command that resumes drill `id`'s countdown.
pub(crate) fn resume_command(id: &str, python: bool) -> String {
    let flag = if python { " --python" } else { "" };
    format!("cargo drill interview {id}{flag}")
}

/// Shows the problem and starts (or resumes) the countdown; `None` when
/// the learner keeps another running drill instead.
fn begin(app: &mut App, drill: &Drill, py: Option<&PyDrill>) -> Result<Option<Timestamp>> {
    if let Some(active) = app.progress.active_interview.clone() {
        if active.drill == drill.id {
            let elapsed = Timestamp::now()
                .duration_since(active.started)
                .as_secs()
                .max(0) as u64;
            if elapsed < u64::from(drill.minutes) * 60
                && ui::confirm(
                    &format!(
                        "Resume {} ({} left)?",
                        drill.id,
                        clock(u64::from(drill.minutes) * 60 - elapsed)
                    ),
                    true,
                )
            {
                return Ok(Some(active.started));
            }
        } else if !ui::confirm(
            &format!("Drill {} is still running; abandon it?", active.drill),
            false,
        ) {
            println!(
                "Left drill {} running: `{}` resumes it.",
                active.drill,
                resume_command(&active.drill, false)
            );
            return Ok(None);
        }
    }
    let (file, pristine) = match py {
        Some(py) => (py.learner_file(&app.paths), py.skeleton()?),
        None => (
            app.paths.learner_file(&drill.exercise),
            app.paths.pristine(&drill.exercise)?,
        ),
    };
    let changed = std::fs::read_to_string(&file).is_ok_and(|t| t != pristine);
    if !changed
        || ui::confirm(
            &format!(
                "Start from a fresh skeleton ({} is replaced)?",
                app.paths.show(&file)
            ),
            true,
        )
    {
        std::fs::create_dir_all(&app.paths.learn)?;
        std::fs::write(&file, &pristine)?;
    }
    if let Some(py) = py {
        crate::python::show_statement(drill, py)?;
    } else {
        ui::heading(&format!(
            "Interview drill: {} ({} minutes)",
            drill.title, drill.minutes
        ));
        println!("{}\n", drill.statement.trim());
        ui::heading("The same API in Python 3.8");
        println!("{}\n", drill.python.trim());
    }
    ui::heading("The 60-minute plan");
    for step in &app.registry.plan {
        println!("  {:>2} min  {}", step.minutes, step.step);
    }
    for line in crate::sections::book_lines(&app.paths.root, &[PLAN_ITEM]) {
        println!("  {}", style(line).dim());
    }
    if !drill.stage.is_empty() {
        println!();
        ui::heading("The stages (the clock follows them; [c] grades each on its own)");
        let mut start = 0;
        for (i, stage) in drill.stage.iter().enumerate() {
            let end = start + stage.minutes;
            println!(
                "  stage {}  minutes {start:>2}-{end:<2}  {}",
                i + 1,
                stage.title
            );
            start = end;
        }
    }
    println!();
    println!(
        "Write your code in {}.",
        style(app.paths.show(&file)).underlined()
    );
    ui::pause(&format!(
        "Press Enter to start the {}-minute countdown.",
        drill.minutes
    ));
    let started = Timestamp::now();
    app.progress.active_interview = Some(ActiveInterview {
        drill: drill.id.clone(),
        started,
    });
    app.save()?;
    Ok(Some(started))
}

/// Walks the follow-ups; returns the points ticked, the points available
/// and what the learner typed for each question.
fn follow_ups(app: &App, drill: &Drill) -> (u32, u32, Vec<FollowUpAnswer>) {
    println!();
    ui::heading(&format!("Follow-up questions ({})", drill.followup.len()));
    let (mut score, mut max) = (0, 0);
    let mut answers = Vec::new();
    for (i, f) in drill.followup.iter().enumerate() {
        println!();
        println!(
            "{} {}",
            style(format!("Q{}/{}", i + 1, drill.followup.len()))
                .yellow()
                .bold(),
            style(f.question.trim()).bold()
        );
        let answer = ui::read_answer(
            "Type your answer as you would say it to an interviewer (an empty line ends it; \
             Enter alone if you answered out loud). It is kept with this attempt.",
        );
        println!("{}", style("Model answer").bold());
        println!("{}", f.answer.trim());
        for line in crate::sections::book_lines(&app.paths.root, &f.syllabus) {
            println!("{}", style(line).dim());
        }
        println!();
        let ticked = ui::checklist("Which of these points did your answer make?", &f.rubric);
        score += ticked.len() as u32;
        max += f.rubric.len() as u32;
        println!("  {}/{} points", ticked.len(), f.rubric.len());
        answers.push(FollowUpAnswer {
            question: f.question.trim().to_owned(),
            answer,
            points: ticked.len() as u32,
            points_max: f.rubric.len() as u32,
        });
    }
    (score, max, answers)
}

/// "best: ... · latest: ..." for a drill with history.
pub fn best_and_latest(app: &App, drill: &str) -> Option<String> {
    let runs: Vec<&InterviewRecord> = app
        .progress
        .interviews
        .iter()
        .filter(|r| r.drill == drill)
        .collect();
    let latest = runs.last()?;
    let best = runs.iter().max_by(|a, b| {
        let key = |r: &InterviewRecord| {
            (
                r.passed,
                r.rubric * 1000 / r.rubric_max.max(1),
                u64::MAX - r.seconds,
            )
        };
        key(a).cmp(&key(b))
    })?;
    let show = |r: &InterviewRecord| {
        format!(
            "{} in {}, rubric {}/{} ({})",
            if r.passed { "passed" } else { "not passing" },
            clock(r.seconds),
            r.rubric,
            r.rubric_max,
            r.started.strftime("%Y-%m-%d")
        )
    };
    Some(format!(
        "best: {} · latest: {} · {} attempt(s)",
        show(best),
        show(latest),
        runs.len()
    ))
}
