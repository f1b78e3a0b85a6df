//! The shape every syllabus section must have (see `book/WRITING.md`).

use regex::Regex;

/// The syllabus item a chapter declares with `<!-- syllabus: N -->`.
pub fn item(text: &str) -> Option<u32> {
    let marker = Regex::new(r"<!-- syllabus: (\d+) -->").expect("regex");
    marker.captures(text).and_then(|c| c[1].parse().ok())
}

/// What a section lacks, if anything.
pub fn missing(item: u32, text: &str) -> Vec<String> {
    let mut missing = Vec::new();
    if !text.starts_with(&format!("# {item}. ")) {
        missing.push(format!("the heading `# {item}. ...` on the first line"));
    }
    let mut need = |ok: bool, what: &str| {
        if !ok {
            missing.push(what.to_owned());
        }
    };
    need(
        text.contains("{{#include"),
        "code included from a crate ({{#include}})",
    );
    let python = part(text, "In Python 3.8");
    need(
        python.is_some_and(|p| p.contains("```python")),
        "`## In Python 3.8` with a python block",
    );
    need(part(text, "Pitfalls").is_some(), "`## Pitfalls`");
    let try_it = part(text, "Try it");
    need(
        try_it.is_some_and(|t| {
            t.contains("`cargo drill go ")
                || t.contains("`cargo drill interview ")
                || t.contains("`cargo test")
                || t.contains("`cargo run")
        }),
        "`## Try it` with a command to run",
    );
    let follow_ups = part(text, "Follow-ups");
    need(
        follow_ups.is_some_and(|f| f.contains("<details>") && f.contains("<summary>")),
        "`## Follow-ups` with answers behind <details>",
    );
    missing
}

/// The body of the `## heading` part of `text`, up to the next `## `.
pub fn part<'a>(text: &'a str, heading: &str) -> Option<&'a str> {
    let start = text.find(&format!("\n## {heading}\n"))? + heading.len() + 5;
    let rest = &text[start..];
    Some(rest.find("\n## ").map_or(rest, |end| &rest[..end]))
}

/// The ids named by `cargo drill <verb> ID` in `text`.
pub fn drill_ids(text: &str, verb: &str) -> Vec<String> {
    let re = Regex::new(&format!(r"cargo drill {verb} ([a-z0-9_]+)")).expect("regex");
    re.captures_iter(text).map(|c| c[1].to_owned()).collect()
}
