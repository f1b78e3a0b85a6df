//! Wrong answers derived from a reference solution by mutation: each
//! mutant is the solution with one small, realistic concurrency mistake
//! written into it (a notify dropped, `while` turned into `if`, a lock
//! released too early or held too long, a close skipped, an ordering
//! weakened). `cargo drill mutants` compiles and grades them; a suite that
//! lets a mutant pass either misses a guarantee or the mutant is
//! *equivalent* (no checker could tell it apart), which
//! `catalog/<id>/equivalent_mutants.toml` must then say and explain.
//!
//! Sites are found on the parsed code (`syn`, `finder`) and written back
//! as edits of the source text (`text`), so comments and layout stay as
//! they are. A mutant's id is `operator@line:column` (both from 1) of the
//! token it changes in `solution.rs`.

mod equivalents;
mod finder;
mod operator;
mod ordering;
mod syntax;
mod text;

pub use equivalents::{Equivalent, Equivalents};
pub use operator::Operator;

/// One mutant of a solution.
///
/// ```
/// use drill::mutate::{Operator, Options, mutants};
/// let found = mutants("fn f(cv: &C) { cv.notify_one(); }", Options::default()).unwrap();
/// assert_eq!(found[0].operator, Operator::DropNotify);
/// assert_eq!(found[0].change, "notify_one() removed");
/// assert_eq!(found[0].slug(), "drop_notify-1-19");
/// assert_eq!(found[0].source, "fn f(cv: &C) { (); }");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mutant {
    /// `operator@line:column`, stable while the solution's text is.
    pub id: String,
    /// The operator.
    pub operator: Operator,
    /// What changed, in a few words.
    pub change: String,
    /// The mutated source.
    pub source: String,
}

impl Mutant {
    /// The id as a file name: `operator-line-column`.
    pub fn slug(&self) -> String {
        self.id.replace(['@', ':'], "-").replace('#', "-v")
    }
}

/// Which operators to apply.
///
/// ```
/// use drill::mutate::{Operator, Options, mutants};
/// let source = "fn f(n: &A) { n.fetch_add(1, Ordering::Release); }";
/// let weakened = |options| mutants(source, options).unwrap().len();
/// assert_eq!(weakened(Options { orderings: true }), 1); // Release -> Relaxed
/// assert_eq!(weakened(Options::default()), 0);
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Weaken atomic orderings: only loom sees weak memory, so this is for
    /// suites that loom grades.
    pub orderings: bool,
}

/// Every mutant of `source`, in source order; `Err` if it does not parse.
///
/// ```
/// use drill::mutate::{Options, mutants};
/// let source = "fn f(cv: &C) { cv.notify_all(); }";
/// let found = mutants(source, Options { orderings: true }).unwrap();
/// let ids: Vec<&str> = found.iter().map(|m| m.id.as_str()).collect();
/// assert_eq!(ids, ["drop_notify@1:19", "notify_all_to_one@1:19"]);
/// assert!(found[1].source.contains("cv.notify_one()"));
/// ```
pub fn mutants(source: &str, options: Options) -> syn::Result<Vec<Mutant>> {
    let file = syn::parse_file(source)?;
    let mut found = finder::find(&file, source, options);
    found.sort_by_key(|f| (f.at.line, f.at.column, f.operator, f.variant));
    let mut out: Vec<Mutant> = Vec::new();
    for f in found {
        let mut id = format!("{}@{}:{}", f.operator, f.at.line, f.at.column + 1);
        if f.variant > 0 {
            id.push_str(&format!("#{}", f.variant + 1));
        }
        let mutated = text::apply(source, &f.edits);
        // Two sites can write the same text (a split before the same step
        // of two guards); one mutant is enough.
        if mutated == source || out.iter().any(|m| m.id == id || m.source == mutated) {
            continue;
        }
        out.push(Mutant {
            id,
            operator: f.operator,
            change: f.change,
            source: mutated,
        });
    }
    Ok(out)
}
