//! The book (`book/`): it builds through the mdBook library, every included
//! region of crate code exists and is not empty, every link resolves,
//! every syllabus item has its section, every exercise and drill is reached
//! from one, its std-only snippets compile and run, and `cargo drill book`
//! serves it. `book/WRITING.md` says what a chapter must hold.

mod book_support;

use book_support::{built, includes, links, markdown, sections, shown, src};
use exercises::registry::Registry;
use std::collections::BTreeMap;
use std::io::{Read, Write};

/// Syllabus items, from `SYLLABUS.md`: Part I to the interview craft.
const ITEMS: std::ops::RangeInclusive<u32> = 1..=34;

#[test]
fn the_book_builds_through_the_library() {
    let out = built();
    for page in ["index.html", "print.html", "zoo/lost_update.html"] {
        assert!(out.join(page).is_file(), "the build lacks {page}");
    }
    assert!(search_index(out).is_some(), "the build has no search index");
}

/// The search index's file name (mdBook adds a hash to it).
fn search_index(out: &std::path::Path) -> Option<String> {
    std::fs::read_dir(out)
        .ok()?
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .find(|name| name.starts_with("searchindex") && name.ends_with(".js"))
}

#[test]
fn every_include_resolves_to_a_non_empty_block() {
    let mut failures = Vec::new();
    let mut count = 0;
    for (chapter, text) in markdown(&src()) {
        for include in includes::directives(&chapter, &text) {
            count += 1;
            if let Err(why) = includes::resolve(&include) {
                failures.push(format!(
                    "{}: {{{{#include {}:{}}}}}: {why}",
                    shown(&chapter),
                    shown(&include.file),
                    include.selector
                ));
            }
        }
    }
    assert!(count > 34, "only {count} includes in the whole book");
    assert!(
        failures.is_empty(),
        "includes that show nothing:\n{}",
        failures.join("\n")
    );
}

#[test]
fn every_link_and_fragment_resolves() {
    let out = built();
    let mut ids = links::IdCache::default();
    let mut failures = Vec::new();
    for (page, html) in book_support::files(out, "html") {
        if page.ends_with("print.html") || page.ends_with("toc.html") {
            continue; // the same chapters again, and the sidebar
        }
        for why in links::broken(out, &page, &html, &mut ids) {
            failures.push(format!(
                "{}: {why}",
                page.strip_prefix(out).unwrap_or(&page).display()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "broken links:\n{}",
        failures.join("\n")
    );
}

#[test]
fn every_syllabus_item_has_a_complete_section() {
    let mut sections: BTreeMap<u32, Vec<String>> = BTreeMap::new();
    let mut failures = Vec::new();
    let summary = std::fs::read_to_string(src().join("SUMMARY.md")).expect("SUMMARY.md");
    for (chapter, text) in markdown(&src()) {
        let Some(item) = sections::item(&text) else {
            continue;
        };
        let relative = chapter
            .strip_prefix(src())
            .expect("under src")
            .display()
            .to_string();
        if !summary.contains(&format!("({relative})")) {
            failures.push(format!("{relative}: not in SUMMARY.md"));
        }
        for what in sections::missing(item, &text) {
            failures.push(format!("{relative} (item {item}): lacks {what}"));
        }
        sections.entry(item).or_default().push(relative);
    }
    for item in ITEMS {
        match sections.get(&item).map(Vec::as_slice) {
            Some([_]) => {}
            Some(many) => {
                failures.push(format!("item {item} has {} sections: {many:?}", many.len()))
            }
            None => failures.push(format!("item {item} has no section")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_exercise_and_drill_is_reached_from_a_section() {
    let registry = Registry::load(&exercises::root()).expect("the registry");
    let mut go = Vec::new();
    let mut interview = Vec::new();
    for (_, text) in markdown(&src()) {
        if sections::item(&text).is_some() {
            let try_it = sections::part(&text, "Try it").unwrap_or("");
            go.extend(sections::drill_ids(try_it, "go"));
            interview.extend(sections::drill_ids(try_it, "interview"));
        }
    }
    let mut failures = Vec::new();
    for exercise in &registry.exercises {
        if !go.contains(&exercise.id) {
            failures.push(format!(
                "no section's Try it has `cargo drill go {}`",
                exercise.id
            ));
        }
    }
    for drill in &registry.drills {
        if !interview.contains(&drill.id) {
            failures.push(format!(
                "no section's Try it has `cargo drill interview {}`",
                drill.id
            ));
        }
    }
    for id in go.iter().filter(|id| registry.exercise(id).is_none()) {
        failures.push(format!("`cargo drill go {id}`: no such exercise"));
    }
    for id in interview.iter().filter(|id| registry.drill(id).is_none()) {
        failures.push(format!("`cargo drill interview {id}`: no such drill"));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_book_has_its_diagrams() {
    let diagrams: usize = markdown(&src())
        .iter()
        .map(|(_, text)| text.matches("<pre class=\"mermaid\">").count())
        .sum();
    assert!(diagrams >= 12, "only {diagrams} mermaid diagrams");
    let html = std::fs::read_to_string(built().join("print.html")).expect("print.html");
    assert_eq!(
        html.matches("<pre class=\"mermaid\">").count(),
        diagrams,
        "a diagram did not reach the HTML as a raw <pre class=\"mermaid\"> block"
    );
}

#[test]
fn std_only_snippets_compile_and_run() {
    let root = book_support::root();
    let out = built().with_file_name("book-doctest");
    let mut book = drill::book::load(&root, &out).expect("load the book");
    let mut tested = 0;
    for (chapter, text) in markdown(&src()) {
        if !has_runnable_rust(&text) {
            continue;
        }
        let relative = chapter
            .strip_prefix(src())
            .expect("under src")
            .to_str()
            .expect("utf-8")
            .to_owned();
        book.test_chapter(Vec::new(), Some(&relative))
            .unwrap_or_else(|e| panic!("{relative}: a snippet fails mdBook's test: {e:#}"));
        tested += 1;
    }
    assert!(tested > 0, "no chapter has a std-only snippet to test");
}

/// A ```rust block that is not `ignore`d: mdBook's test compiles it.
fn has_runnable_rust(text: &str) -> bool {
    text.lines().any(|line| {
        line.strip_prefix("```rust")
            .is_some_and(|info| !info.split(',').any(|word| word.trim() == "ignore"))
    })
}

#[test]
fn cargo_drill_book_serves_it_on_a_free_port() {
    let out = built();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
    let port = taken.local_addr().expect("an address").port();
    let server = drill::book::serve(out, port).expect("serve");
    let addr = server.addr();
    assert_ne!(addr.port(), port, "it bound a port that was taken");
    std::thread::spawn(move || server.run());
    let get = |path: &str| {
        let mut stream = std::net::TcpStream::connect(addr).expect("connect");
        write!(stream, "GET {path} HTTP/1.0\r\nHost: localhost\r\n\r\n").expect("send");
        let mut response = String::new();
        stream.read_to_string(&mut response).expect("read");
        response
    };
    let index = get("/");
    assert!(
        index.starts_with("HTTP/1.1 200") || index.starts_with("HTTP/1.0 200"),
        "{index:.200}"
    );
    assert!(
        index.contains("<title>"),
        "the index is not the book's page"
    );
    assert!(
        get("/zoo/lost_update.html").contains(" 200 "),
        "a chapter is not served"
    );
    let index = search_index(out).expect("a search index");
    assert!(
        get(&format!("/{index}")).contains("text/javascript"),
        "the search index lacks its type"
    );
    assert!(
        get("/../../Cargo.toml").contains(" 404 "),
        "a path outside the book was served"
    );
    assert!(
        get("/%2e%2e/Cargo.toml").contains(" 404 "),
        "an encoded path outside the book was served"
    );
    assert!(
        get("/no-such-page.html").contains(" 404 "),
        "a missing page did not answer 404"
    );
}
