//! The book's section for each syllabus item, so that a status line or a
//! follow-up question points at a page the learner can open rather than
//! at a bare item number. Chapters declare their item with
//! `<!-- syllabus: N -->`; `SUMMARY.md` gives their order and part.

use std::collections::BTreeMap;
use std::path::Path;

/// One chapter of the book.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The part it belongs to, e.g. "Part I".
    pub part: String,
    /// Its heading, e.g. "4. Race conditions and the lost update".
    pub title: String,
    /// Its file, relative to the workspace root.
    pub path: String,
}

impl std::fmt::Display for Section {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} › {} ({})", self.part, self.title, self.path)
    }
}

/// Every chapter that declares a syllabus item, by item. Empty when the
/// book is not there (the CLI then simply names no section).
pub fn sections(root: &Path) -> BTreeMap<u32, Section> {
    let src = root.join("book/src");
    let Ok(summary) = std::fs::read_to_string(src.join("SUMMARY.md")) else {
        return BTreeMap::new();
    };
    let mut found = BTreeMap::new();
    let mut part = String::new();
    for line in summary.lines() {
        if let Some(heading) = line.strip_prefix("# ") {
            // "Part I: Foundations" is "Part I"; "Interview craft" stays.
            part = heading.split(':').next().unwrap_or(heading).to_owned();
            continue;
        }
        let Some(file) = line
            .trim_start()
            .strip_prefix("- [")
            .and_then(|rest| rest.split_once("]("))
            .and_then(|(_, rest)| rest.strip_suffix(')'))
        else {
            continue;
        };
        let Ok(text) = std::fs::read_to_string(src.join(file)) else {
            continue;
        };
        let Some(item) = syllabus_item(&text) else {
            continue;
        };
        let title = text
            .lines()
            .find_map(|l| l.strip_prefix("# "))
            .unwrap_or(file)
            .to_owned();
        found.entry(item).or_insert(Section {
            part: part.clone(),
            title,
            path: format!("book/src/{file}"),
        });
    }
    found
}

/// The item a chapter declares with `<!-- syllabus: N -->`.
fn syllabus_item(text: &str) -> Option<u32> {
    let start = text.find("<!-- syllabus:")? + "<!-- syllabus:".len();
    let rest = &text[start..];
    rest[..rest.find("-->")?].trim().parse().ok()
}

/// One `book: ...` line per item that has a section, for `items`.
pub fn book_lines(root: &Path, items: &[u32]) -> Vec<String> {
    let sections = sections(root);
    items
        .iter()
        .filter_map(|item| sections.get(item))
        .map(|section| format!("book: {section}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_the_registry_names_has_a_section() {
        let root = exercises::root().parent().unwrap().to_path_buf();
        let sections = sections(&root);
        let registry = exercises::registry::Registry::load(&exercises::root()).unwrap();
        let items = registry
            .exercises
            .iter()
            .flat_map(|e| e.syllabus.clone())
            .chain(registry.drills.iter().flat_map(|d| {
                d.followup
                    .iter()
                    .flat_map(|f| f.syllabus.clone())
                    .collect::<Vec<_>>()
            }));
        for item in items {
            let section = sections
                .get(&item)
                .unwrap_or_else(|| panic!("syllabus item {item} has no book section"));
            assert!(section.title.starts_with(&format!("{item}. ")), "{section}");
            assert!(root.join(&section.path).exists(), "{section}");
        }
        assert_eq!(sections[&4].part, "Part I");
    }
}
