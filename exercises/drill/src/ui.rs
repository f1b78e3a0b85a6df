//! Terminal output and input: colours, prompts, keys. Every prompt also
//! works on a pipe (a line of input instead of a key), so the flows can be
//! scripted and tested.

use console::{Term, style};
use std::io::BufRead as _;

/// Prints an error the way every command ends on one.
pub fn error(message: &str) {
    eprintln!("{} {message}", style("error:").red().bold());
}

/// A heading.
pub fn heading(text: &str) {
    println!("{}", style(text).bold().underlined());
}

/// A dimmed line, for commands to type next, aligned however long the
/// commands are.
pub fn next_steps(steps: &[(&str, &str)]) {
    let width = steps
        .iter()
        .map(|(c, _)| c.chars().count())
        .max()
        .unwrap_or(0);
    for (command, what) in steps {
        println!("  {:<width$}  {}", style(command).cyan(), style(what).dim());
    }
}

/// Whether we can read single keys and draw live bars.
pub fn interactive() -> bool {
    Term::stdout().is_term() && Term::stderr().is_term() && console::user_attended()
}

/// Asks a yes/no question; `default` on an empty answer.
pub fn confirm(question: &str, default: bool) -> bool {
    if interactive() {
        return dialoguer::Confirm::new()
            .with_prompt(question)
            .default(default)
            .interact()
            .unwrap_or(default);
    }
    let suffix = if default { "[Y/n]" } else { "[y/N]" };
    println!("{question} {suffix}");
    match read_line().as_deref().map(str::trim) {
        Some("y" | "Y" | "yes") => true,
        Some("n" | "N" | "no") => false,
        _ => default,
    }
}

/// Reads one line from stdin; `None` at end of input.
pub fn read_line() -> Option<String> {
    let mut line = String::new();
    match std::io::stdin().lock().read_line(&mut line) {
        Ok(0) | Err(_) => None,
        Ok(_) => Some(line.trim_end_matches(['\r', '\n']).to_owned()),
    }
}

/// Reads a typed answer: lines up to the first empty one (or the end of
/// input), joined. On a terminal the lines are read as typed, cooked.
pub fn read_answer(prompt: &str) -> String {
    println!("{}", style(prompt).dim());
    let mut lines = Vec::new();
    while let Some(line) = read_line() {
        if line.trim().is_empty() {
            break;
        }
        lines.push(line);
    }
    lines.join("\n")
}

/// Waits for Enter (or end of input).
pub fn pause(prompt: &str) {
    println!("{}", style(prompt).dim());
    let _ = read_line();
}

/// Lets the learner tick the rubric points they made; returns which.
pub fn checklist(prompt: &str, items: &[String]) -> Vec<usize> {
    if interactive() {
        return dialoguer::MultiSelect::new()
            .with_prompt(format!("{prompt} (space to tick, enter to confirm)"))
            .items(items)
            .interact()
            .unwrap_or_default();
    }
    for (i, item) in items.iter().enumerate() {
        println!("  {}. {item}", i + 1);
    }
    println!("{prompt}: type the numbers you covered (e.g. 1 3), then Enter");
    let line = read_line().unwrap_or_default();
    let mut ticked: Vec<usize> = line
        .split([' ', ','])
        .filter_map(|n| n.trim().parse::<usize>().ok())
        .filter(|n| (1..=items.len()).contains(n))
        .map(|n| n - 1)
        .collect();
    ticked.sort_unstable();
    ticked.dedup();
    ticked
}

/// A command key pressed during `watch` or an interview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// A letter (lower-cased).
    Char(char),
    /// Enter.
    Enter,
    /// End of input (pipe closed) or an unreadable terminal.
    End,
}

/// The next command: on a terminal, a key pressed within `timeout`
/// (`None` if none was); on a pipe, the next line's first letter, waiting
/// as long as it takes.
///
/// Keys are polled rather than read on a thread of their own, so no
/// reader is left behind to swallow the input meant for the next prompt.
pub fn next_input(timeout: std::time::Duration) -> Option<Input> {
    if !interactive() {
        return Some(match read_line() {
            None => Input::End,
            Some(line) => match line.trim().chars().next() {
                Some(c) => Input::Char(c.to_ascii_lowercase()),
                None => Input::Enter,
            },
        });
    }
    use crossterm::event::{self, Event, KeyCode, KeyEventKind};
    // Raw mode only while waiting, so everything else prints normally.
    if crossterm::terminal::enable_raw_mode().is_err() {
        return Some(Input::End);
    }
    let key = match event::poll(timeout) {
        Ok(true) => match event::read() {
            Ok(Event::Key(k)) if k.kind == KeyEventKind::Press => match k.code {
                KeyCode::Char('c') if k.modifiers.contains(event::KeyModifiers::CONTROL) => {
                    Some(Input::Char('q'))
                }
                KeyCode::Char(c) => Some(Input::Char(c.to_ascii_lowercase())),
                KeyCode::Enter => Some(Input::Enter),
                KeyCode::Esc => Some(Input::Char('q')),
                _ => None,
            },
            Ok(_) => None,
            Err(_) => Some(Input::End),
        },
        Ok(false) => None,
        Err(_) => Some(Input::End),
    };
    let _ = crossterm::terminal::disable_raw_mode();
    key
}

/// A text bar such as `[#######-------]`.
pub fn bar(done: usize, total: usize, width: usize) -> String {
    let filled = (done * width).checked_div(total).unwrap_or(0);
    format!(
        "[{}{}]",
        style("#".repeat(filled)).green(),
        "-".repeat(width - filled)
    )
}

/// The width of the widest of `ids`, to align the column after them: a
/// long id must not push what follows out of line.
pub fn id_width<'a>(ids: impl Iterator<Item = &'a str>) -> usize {
    ids.map(str::len).max().unwrap_or(0)
}
