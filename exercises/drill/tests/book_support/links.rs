//! Every link in the built book's chapters leads somewhere: the page
//! exists, and so does the element its `#fragment` names.

use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// The links of `html` (a built page under `out`) that lead nowhere, each
/// with the reason.
pub fn broken(out: &Path, page: &Path, html: &str, ids: &mut IdCache) -> Vec<String> {
    let href = Regex::new(r#"href="([^"]*)""#).expect("regex");
    let main = chapter_body(html);
    let mut broken = Vec::new();
    for link in href.captures_iter(main).map(|c| c[1].replace("&amp;", "&")) {
        if link.is_empty() || link.contains("://") || link.starts_with("mailto:") {
            continue;
        }
        let (path, fragment) = link.split_once('#').unwrap_or((&link, ""));
        let target = if path.is_empty() {
            page.to_path_buf()
        } else {
            let target = page.parent().expect("a page has a folder").join(path);
            super::normalise(&target)
        };
        if !target.starts_with(out) || !target.is_file() {
            broken.push(format!("{link}: no such page"));
            continue;
        }
        if !fragment.is_empty() && !ids.of(&target).contains(fragment) {
            broken.push(format!("{link}: no element with id `{fragment}`"));
        }
    }
    broken
}

/// The `id`s of each page, read once.
#[derive(Default)]
pub struct IdCache(HashMap<PathBuf, HashSet<String>>);

impl IdCache {
    fn of(&mut self, page: &Path) -> &HashSet<String> {
        self.0.entry(page.to_path_buf()).or_insert_with(|| {
            let id = Regex::new(r#"\sid="([^"]*)""#).expect("regex");
            let html = std::fs::read_to_string(page).unwrap_or_default();
            id.captures_iter(&html).map(|c| c[1].to_owned()).collect()
        })
    }
}

/// The chapter's own content, without the theme's navigation.
fn chapter_body(html: &str) -> &str {
    let start = html.find("<main>").map_or(0, |i| i + "<main>".len());
    let end = html[start..]
        .find("</main>")
        .map_or(html.len(), |i| start + i);
    &html[start..end]
}
