//! The atomic orderings one step weaker than a given one, where the
//! weaker one is still valid for that operation: a mutant that does not
//! compile, or panics at run time (a `Release` load), teaches nothing.

use proc_macro2::Span;
use syn::Expr;

/// The orderings one step weaker than `ordering` as argument `index`
/// (from 1) of method or function `called`; none where a weaker one would
/// be invalid (a `Relaxed` fence, a `Release` load). A compare-exchange's
/// failure ordering (its fourth argument) and `fetch_update`'s fetch
/// ordering (its second) are loads.
pub(crate) fn weaker(called: &str, index: usize, ordering: &str) -> &'static [&'static str] {
    let load = called == "load"
        || called.starts_with("compare_exchange") && index == 4
        || called == "fetch_update" && index == 2;
    match (called, ordering) {
        _ if load => match ordering {
            "SeqCst" => &["Acquire"],
            "Acquire" => &["Relaxed"],
            _ => &[],
        },
        ("store", "SeqCst") => &["Release"],
        ("store", "Release") => &["Relaxed"],
        ("store", _) => &[],
        ("fence", "SeqCst") => &["AcqRel"],
        ("fence", "AcqRel") => &["Acquire", "Release"],
        ("fence", _) => &[],
        (_, "SeqCst") => &["AcqRel"],
        (_, "AcqRel") => &["Acquire", "Release"],
        (_, "Acquire" | "Release") => &["Relaxed"],
        _ => &[],
    }
}

/// The ordering an argument names (`Ordering::SeqCst`, `SeqCst`), and the
/// span of that name.
pub(crate) fn ordering_arg(arg: &Expr) -> Option<(String, Span)> {
    let Expr::Path(p) = arg else { return None };
    let last = p.path.segments.last()?;
    let name = last.ident.to_string();
    ["SeqCst", "AcqRel", "Acquire", "Release", "Relaxed"]
        .contains(&name.as_str())
        .then(|| (name, last.ident.span()))
}

#[cfg(test)]
mod tests {
    use super::weaker;

    #[test]
    fn only_valid_weaker_orderings_are_offered() {
        assert_eq!(weaker("load", 1, "SeqCst"), ["Acquire"]);
        assert!(weaker("load", 1, "Relaxed").is_empty());
        assert_eq!(weaker("fetch_add", 2, "AcqRel"), ["Acquire", "Release"]);
        // compare_exchange(current, new, success, failure)
        assert_eq!(
            weaker("compare_exchange", 3, "AcqRel"),
            ["Acquire", "Release"]
        );
        assert_eq!(weaker("compare_exchange_weak", 4, "SeqCst"), ["Acquire"]);
        assert_eq!(weaker("compare_exchange", 4, "Acquire"), ["Relaxed"]);
        assert_eq!(weaker("fetch_update", 2, "SeqCst"), ["Acquire"]);
        assert!(weaker("store", 1, "Relaxed").is_empty());
        assert!(weaker("fence", 1, "Acquire").is_empty());
    }
}
