//! `{{#include file:anchor}}`: mdBook renders an empty block for an anchor
//! it cannot find and carries on after a missing file, so the test resolves
//! every include itself.

use regex::Regex;
use std::path::{Path, PathBuf};

/// One include directive of a chapter.
#[derive(Debug)]
pub struct Include {
    /// The file it names, resolved against the chapter's folder.
    pub file: PathBuf,
    /// `anchor`, `10:20`, or empty for the whole file.
    pub selector: String,
}

/// Every include directive in `text`, the chapter at `chapter`.
pub fn directives(chapter: &Path, text: &str) -> Vec<Include> {
    let re = Regex::new(r"\{\{#(?:include|rustdoc_include)\s+([^}\s:]+)(?::([^}\s]*))?\s*\}\}")
        .expect("a valid regex");
    let dir = chapter.parent().expect("a chapter has a folder");
    re.captures_iter(text)
        .map(|c| Include {
            file: super::normalise(&dir.join(&c[1])),
            selector: c.get(2).map_or("", |m| m.as_str()).to_owned(),
        })
        .collect()
}

/// What `include` would show, or why it would show nothing.
pub fn resolve(include: &Include) -> Result<String, String> {
    let text = std::fs::read_to_string(&include.file)
        .map_err(|e| format!("cannot read {}: {e}", include.file.display()))?;
    let lines: Vec<&str> = text.lines().collect();
    let selector = include.selector.as_str();
    let shown: Vec<&str> = if selector.is_empty() {
        lines
    } else if selector.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        let (from, to) = selector.split_once(':').unwrap_or((selector, selector));
        let from: usize = from.parse().map_err(|_| format!("bad range {selector}"))?;
        let to: usize = if to.is_empty() {
            lines.len()
        } else {
            to.parse().map_err(|_| format!("bad range {selector}"))?
        };
        if from == 0 || to > lines.len() || from > to {
            return Err(format!(
                "lines {selector} lie outside the file's {} lines",
                lines.len()
            ));
        }
        lines[from - 1..to].to_vec()
    } else {
        anchored(&lines, selector)?
    };
    let body: Vec<&str> = shown
        .into_iter()
        .filter(|l| !is_anchor_line(l) && !l.trim().is_empty())
        .collect();
    if body.is_empty() {
        return Err(format!("`{selector}` selects nothing"));
    }
    Ok(body.join("\n"))
}

fn anchored<'a>(lines: &[&'a str], anchor: &str) -> Result<Vec<&'a str>, String> {
    let start = Regex::new(&format!(r"ANCHOR:\s*{}\b", regex::escape(anchor))).expect("regex");
    let end = Regex::new(&format!(r"ANCHOR_END:\s*{}\b", regex::escape(anchor))).expect("regex");
    let first = lines
        .iter()
        .position(|l| start.is_match(l))
        .ok_or_else(|| format!("no `ANCHOR: {anchor}` line"))?;
    let last = lines[first..]
        .iter()
        .position(|l| end.is_match(l))
        .ok_or_else(|| format!("no `ANCHOR_END: {anchor}` after its start"))?;
    Ok(lines[first + 1..first + last].to_vec())
}

fn is_anchor_line(line: &str) -> bool {
    line.contains("ANCHOR:") || line.contains("ANCHOR_END:")
}
