//! Locations outside the workspace, shortened in a report. A step whose
//! caller is inside the standard library (a `join` handed to `for_each`
//! is called from `core::ops::function`) shows as
//! `/rustc/<40 hex digits>/library/core/src/ops/function.rs:166`: a path
//! no learner has on disk. It becomes `<std>/core/src/ops/function.rs:166`,
//! and a dependency's `~/.cargo/registry/src/<index>/loom-0.7.3/src/...`
//! becomes `<dep>/loom-0.7.3/src/...`.

/// `report` with every location outside the workspace shortened.
pub fn shorten(report: &str) -> String {
    report
        .split_inclusive('\n')
        .map(|line| {
            line.split(' ')
                .map(shorten_word)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

fn shorten_word(word: &str) -> String {
    if let Some(rest) = word.strip_prefix("/rustc/")
        && let Some((_, library)) = rest.split_once("/library/")
    {
        return format!("<std>/{library}");
    }
    if let Some((_, rest)) = word.split_once("/.cargo/registry/src/")
        && let Some((_, package)) = rest.split_once('/')
    {
        return format!("<dep>/{package}");
    }
    word.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn std_and_dependency_locations_are_shortened_and_the_rest_kept() {
        let report = "    12  main             join               \
/rustc/0123456789abcdef0123456789abcdef01234567/library/core/src/ops/function.rs:166\n\
    13  worker-1         lock               learn/lost_update.rs:30\n\
    14  main             wait               /home/me/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/loom-0.7.3/src/rt/mod.rs:9\n";
        let shown = shorten(report);
        assert!(
            shown.contains(" <std>/core/src/ops/function.rs:166\n"),
            "{shown}"
        );
        assert!(
            shown.contains(" <dep>/loom-0.7.3/src/rt/mod.rs:9\n"),
            "{shown}"
        );
        assert!(shown.contains(" learn/lost_update.rs:30\n"), "{shown}");
        assert!(
            !shown.contains("/rustc/") && !shown.contains(".cargo"),
            "{shown}"
        );
    }
}
