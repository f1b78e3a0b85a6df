//! Wrong answers derived from a reference solution by mutation: each
//! mutant is the solution with one small, realistic concurrency mistake
//! written into it (a notify dropped, `while` turned into `if`, a lock
//! released too early or held too long, a close skipped, an ordering
//! weakened). `cargo drill mutants` compiles and grades them; a suite that
//! lets a mutant pass either misses a guarantee or the mutant is
//! *equivalent* (no checker could tell it apart), which
//! `catalog/<id>/equivalent_mutants.toml` must then say and explain.
//!
//! Mutants are found on the parsed code (`syn`) and written back as edits
//! of the source text, so comments and layout stay as they are. A mutant's
//! id is `operator@line:column` (both from 1) of the token it changes in
//! `solution.rs`.

use proc_macro2::{LineColumn, Span};
use std::fmt;
use syn::spanned::Spanned as _;
use syn::visit::{self, Visit};
use syn::{Block, Expr, ExprMethodCall, Local, Pat, Stmt};

/// The mutation operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Operator {
    /// A `notify_one`/`notify_all` call removed.
    DropNotify,
    /// `notify_all` turned into `notify_one`.
    NotifyAllToOne,
    /// `while` turned into `if` around a `wait`.
    WhileToIf,
    /// `wait_while` turned into one check and at most one `wait`.
    WaitWhileOnce,
    /// A `drop(guard)` removed: the lock is held to the end of the block.
    WidenLock,
    /// The lock released and taken again between two steps of a critical
    /// section: the check and the update no longer happen as one.
    SplitLock,
    /// A counter update swapped with the lock step next to it.
    MoveUpdate,
    /// A statement that sets a closed/shutdown flag removed.
    SkipClose,
    /// A `while let` drain loop removed, or a `drain(..)` that drains
    /// nothing.
    SkipDrain,
    /// An atomic `Ordering` one step weaker.
    WeakenOrdering,
}

impl Operator {
    /// Every operator.
    pub const ALL: [Operator; 10] = [
        Operator::DropNotify,
        Operator::NotifyAllToOne,
        Operator::WhileToIf,
        Operator::WaitWhileOnce,
        Operator::WidenLock,
        Operator::SplitLock,
        Operator::MoveUpdate,
        Operator::SkipClose,
        Operator::SkipDrain,
        Operator::WeakenOrdering,
    ];

    /// The name used in mutant ids.
    pub fn name(self) -> &'static str {
        match self {
            Operator::DropNotify => "drop_notify",
            Operator::NotifyAllToOne => "notify_all_to_one",
            Operator::WhileToIf => "while_to_if",
            Operator::WaitWhileOnce => "wait_while_once",
            Operator::WidenLock => "widen_lock",
            Operator::SplitLock => "split_lock",
            Operator::MoveUpdate => "move_update",
            Operator::SkipClose => "skip_close",
            Operator::SkipDrain => "skip_drain",
            Operator::WeakenOrdering => "weaken_ordering",
        }
    }
}

impl fmt::Display for Operator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One mutant of a solution.
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
        self.id.replace(['@', ':'], "-")
    }
}

/// Which operators to apply.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Weaken atomic orderings: only loom sees weak memory, so this is for
    /// suites that loom grades.
    pub orderings: bool,
}

/// Every mutant of `source`, in source order; `Err` if it does not parse.
///
/// ```
/// use drill::mutate::{mutants, Operator, Options};
/// let source = "fn f(cv: &C) { cv.notify_all(); }";
/// let found = mutants(source, Options { orderings: true }).unwrap();
/// let ids: Vec<&str> = found.iter().map(|m| m.id.as_str()).collect();
/// assert_eq!(ids, ["drop_notify@1:19", "notify_all_to_one@1:19"]);
/// assert!(found[1].source.contains("cv.notify_one()"));
/// ```
pub fn mutants(source: &str, options: Options) -> syn::Result<Vec<Mutant>> {
    let file = syn::parse_file(source)?;
    let mut finder = Finder {
        text: Text::new(source),
        options,
        found: Vec::new(),
    };
    finder.visit_file(&file);
    let mut found = finder.found;
    found.sort_by_key(|f| (f.at.line, f.at.column, f.operator, f.variant));
    let mut out: Vec<Mutant> = Vec::new();
    for f in found {
        let mut id = format!("{}@{}:{}", f.operator, f.at.line, f.at.column + 1);
        if f.variant > 0 {
            id.push_str(&format!("#{}", f.variant + 1));
        }
        let mutated = apply(source, &f.edits);
        if out.iter().any(|m| m.id == id) || mutated == source {
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

/// `catalog/<id>/equivalent_mutants.toml`.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Equivalents {
    /// The mutants no checker can tell from the solution, with why.
    #[serde(default)]
    pub equivalent: Vec<Equivalent>,
}

/// One equivalent mutant.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Equivalent {
    /// Its id, `operator@line:column`.
    pub mutant: String,
    /// Why no scenario could reject it.
    pub reason: String,
}

/// Reads an exercise's equivalent mutants (none if the file is absent).
pub fn equivalents(
    exercises: &std::path::Path,
    id: &str,
) -> Result<Equivalents, Box<dyn std::error::Error>> {
    let file = exercises
        .join("catalog")
        .join(id)
        .join("equivalent_mutants.toml");
    match std::fs::read_to_string(&file) {
        Ok(text) => Ok(toml::from_str(&text).map_err(|e| format!("{}: {e}", file.display()))?),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Equivalents::default()),
        Err(e) => Err(e.into()),
    }
}

/// A byte range of the source and its replacement.
#[derive(Debug, Clone)]
struct Edit {
    start: usize,
    end: usize,
    with: String,
}

fn apply(source: &str, edits: &[Edit]) -> String {
    let mut edits = edits.to_vec();
    edits.sort_by_key(|e| std::cmp::Reverse(e.start));
    let mut text = source.to_owned();
    for e in edits {
        text.replace_range(e.start..e.end, &e.with);
    }
    text
}

/// A found mutation, before it is applied.
struct Found {
    operator: Operator,
    at: LineColumn,
    /// Tells apart two mutants of one operator at one token.
    variant: usize,
    change: String,
    edits: Vec<Edit>,
}

/// The source, with line starts for turning spans into byte offsets.
struct Text<'a> {
    source: &'a str,
    lines: Vec<usize>,
}

impl<'a> Text<'a> {
    fn new(source: &'a str) -> Self {
        let mut lines = vec![0];
        lines.extend(source.match_indices('\n').map(|(i, _)| i + 1));
        Self { source, lines }
    }

    fn offset(&self, at: LineColumn) -> usize {
        let start = self.lines[at.line - 1];
        let line = &self.source[start..];
        start
            + line
                .char_indices()
                .nth(at.column)
                .map_or(line.len(), |(i, _)| i)
    }

    fn range(&self, span: Span) -> (usize, usize) {
        (self.offset(span.start()), self.offset(span.end()))
    }

    fn of(&self, span: Span) -> &'a str {
        let (start, end) = self.range(span);
        &self.source[start..end]
    }

    fn edit(&self, span: Span, with: impl Into<String>) -> Edit {
        let (start, end) = self.range(span);
        Edit {
            start,
            end,
            with: with.into(),
        }
    }
}

struct Finder<'a> {
    text: Text<'a>,
    options: Options,
    found: Vec<Found>,
}

impl Finder<'_> {
    fn push(&mut self, operator: Operator, at: Span, change: String, edits: Vec<Edit>) {
        let at = at.start();
        let variant = self
            .found
            .iter()
            .filter(|f| f.operator == operator && f.at == at)
            .count();
        self.found.push(Found {
            operator,
            at,
            variant,
            change,
            edits,
        });
    }
}

/// The method a method call calls.
fn method(call: &ExprMethodCall) -> String {
    call.method.to_string()
}

/// Whether `expr` calls a method named one of `names` anywhere inside.
fn calls(expr: &Expr, names: &[&str]) -> bool {
    struct Calls<'n> {
        names: &'n [&'n str],
        hit: bool,
    }
    impl<'ast> Visit<'ast> for Calls<'_> {
        fn visit_expr_method_call(&mut self, call: &'ast ExprMethodCall) {
            if self.names.contains(&method(call).as_str()) {
                self.hit = true;
            }
            visit::visit_expr_method_call(self, call);
        }
    }
    let mut c = Calls { names, hit: false };
    c.visit_expr(expr);
    c.hit
}

/// Whether `expr` calls any method.
fn calls_any(expr: &Expr) -> bool {
    struct Any(bool);
    impl<'ast> Visit<'ast> for Any {
        fn visit_expr_method_call(&mut self, _: &'ast ExprMethodCall) {
            self.0 = true;
        }
    }
    let mut any = Any(false);
    any.visit_expr(expr);
    any.0
}

fn stmt_calls(stmt: &Stmt, names: &[&str]) -> bool {
    match stmt {
        Stmt::Expr(e, _) => calls(e, names),
        Stmt::Local(l) => l.init.as_ref().is_some_and(|i| calls(&i.expr, names)),
        _ => false,
    }
}

/// Whether the statement mentions identifier `name` anywhere.
fn mentions(stmt: &Stmt, name: &str) -> bool {
    struct Mentions<'n> {
        name: &'n str,
        hit: bool,
    }
    impl<'ast> Visit<'ast> for Mentions<'_> {
        fn visit_ident(&mut self, ident: &'ast proc_macro2::Ident) {
            if ident == self.name {
                self.hit = true;
            }
        }
    }
    let mut m = Mentions { name, hit: false };
    m.visit_stmt(stmt);
    m.hit
}

/// `drop(x)` (or `std::mem::drop(x)`) as a statement: the name dropped.
fn dropped(stmt: &Stmt) -> Option<String> {
    let Stmt::Expr(Expr::Call(call), Some(_)) = stmt else {
        return None;
    };
    let Expr::Path(f) = &*call.func else {
        return None;
    };
    if f.path.segments.last()?.ident != "drop" || call.args.len() != 1 {
        return None;
    }
    match call.args.first()? {
        Expr::Path(p) => p.path.get_ident().map(ToString::to_string),
        _ => None,
    }
}

/// A statement that only notifies (or is a value the block returns).
fn only_notifies(stmt: &Stmt) -> bool {
    match stmt {
        Stmt::Expr(Expr::MethodCall(call), _) => {
            matches!(method(call).as_str(), "notify_one" | "notify_all")
        }
        // `if cond { notify }`: a notify, perhaps skipped.
        Stmt::Expr(Expr::If(i), _) => {
            i.else_branch.is_none() && i.then_branch.stmts.iter().all(only_notifies)
        }
        // The value the block returns, or a return, if computing it calls
        // no method.
        Stmt::Expr(e, None) | Stmt::Expr(e @ Expr::Return(_), _) => !calls_any(e),
        _ => false,
    }
}

/// The name a `let` binds, if it binds a plain identifier.
fn bound(local: &Local) -> Option<String> {
    match &local.pat {
        Pat::Ident(p) => Some(p.ident.to_string()),
        Pat::Type(t) => match &*t.pat {
            Pat::Ident(p) => Some(p.ident.to_string()),
            _ => None,
        },
        _ => None,
    }
}

/// What a guard's `let` takes the lock with: `m.lock()` itself, or the
/// `lock()` (or guard) handed to a `wait*` call. `known` maps guard names
/// bound earlier in the block to their lock expression.
fn lock_of(expr: &Expr, known: &[(String, String)], text: &Text<'_>) -> Option<(String, bool)> {
    match expr {
        Expr::MethodCall(call) if method(call) == "lock" && call.args.is_empty() => {
            Some((text.of(expr.span()).to_owned(), false))
        }
        Expr::MethodCall(call) if method(call).starts_with("wait") => {
            let (lock, _) = lock_of(call.args.first()?, known, text)?;
            Some((lock, true))
        }
        Expr::Path(p) => {
            let name = p.path.get_ident()?.to_string();
            known
                .iter()
                .rev()
                .find(|(n, _)| *n == name)
                .map(|(_, lock)| (lock.clone(), false))
        }
        _ => None,
    }
}

/// Whether a statement is a counter update: `x += n`, `x -= n`, or an
/// atomic `fetch_add`/`fetch_sub`/`store`.
fn updates_counter(stmt: &Stmt) -> bool {
    let Stmt::Expr(expr, Some(_)) = stmt else {
        return false;
    };
    match expr {
        Expr::Binary(b) => matches!(b.op, syn::BinOp::AddAssign(_) | syn::BinOp::SubAssign(_)),
        Expr::MethodCall(call) => matches!(
            method(call).as_str(),
            "fetch_add" | "fetch_sub" | "store" | "swap"
        ),
        _ => false,
    }
}

/// Whether a statement is a lock step: takes a lock, waits, releases one
/// with `drop`, or notifies.
fn lock_step(stmt: &Stmt) -> bool {
    dropped(stmt).is_some()
        || stmt_calls(
            stmt,
            &[
                "lock",
                "wait",
                "wait_while",
                "wait_timeout",
                "wait_while_timeout",
                "notify_one",
                "notify_all",
            ],
        )
}

/// Field or variable names that mark a close or shutdown flag.
fn is_close_flag(expr: &Expr) -> bool {
    let name = match expr {
        Expr::Field(f) => match &f.member {
            syn::Member::Named(n) => n.to_string(),
            syn::Member::Unnamed(_) => return false,
        },
        Expr::Path(p) => p
            .path
            .segments
            .last()
            .map(|s| s.ident.to_string())
            .unwrap_or_default(),
        Expr::Unary(u) => return is_close_flag(&u.expr),
        _ => return false,
    };
    [
        "close", "shut", "stop", "done", "cancel", "terminat", "finish", "quit",
    ]
    .iter()
    .any(|w| name.contains(w))
}

fn is_true(expr: &Expr) -> bool {
    matches!(expr, Expr::Lit(l) if matches!(&l.lit, syn::Lit::Bool(b) if b.value))
}

/// The close-flag statement `stmt` is, if it is one.
fn sets_close_flag(stmt: &Stmt) -> bool {
    let Stmt::Expr(expr, Some(_)) = stmt else {
        return false;
    };
    match expr {
        Expr::Assign(a) => is_true(&a.right) && is_close_flag(&a.left),
        Expr::MethodCall(call) => {
            matches!(method(call).as_str(), "store" | "swap")
                && call.args.first().is_some_and(is_true)
                && is_close_flag(&call.receiver)
        }
        _ => false,
    }
}

/// The orderings one step weaker than `ordering` as argument `index` of
/// method (or function) `called`; none where a weaker one would be
/// invalid (a `Relaxed` fence, a `Release` load).
fn weaker(called: &str, index: usize, ordering: &str) -> &'static [&'static str] {
    let failure = called.starts_with("compare_exchange") && index == 3;
    match (called, ordering) {
        ("load", "SeqCst") => &["Acquire"],
        ("load", "Acquire") => &["Relaxed"],
        ("store", "SeqCst") => &["Release"],
        ("store", "Release") => &["Relaxed"],
        ("fence", "SeqCst") => &["AcqRel"],
        ("fence", "AcqRel") => &["Acquire", "Release"],
        ("fence", _) => &[],
        _ if failure => match ordering {
            "SeqCst" => &["Acquire"],
            "Acquire" => &["Relaxed"],
            _ => &[],
        },
        ("load" | "store", _) => &[],
        (_, "SeqCst") => &["AcqRel"],
        (_, "AcqRel") => &["Acquire", "Release"],
        (_, "Acquire" | "Release") => &["Relaxed"],
        _ => &[],
    }
}

/// The ordering an argument names, and the span of that name.
fn ordering_arg(arg: &Expr) -> Option<(String, Span)> {
    let Expr::Path(p) = arg else { return None };
    let last = p.path.segments.last()?;
    let name = last.ident.to_string();
    ["SeqCst", "AcqRel", "Acquire", "Release", "Relaxed"]
        .contains(&name.as_str())
        .then(|| (name, last.ident.span()))
}

impl<'ast> Visit<'ast> for Finder<'_> {
    fn visit_expr_method_call(&mut self, call: &'ast ExprMethodCall) {
        let name = method(call);
        let at = call.method.span();
        match name.as_str() {
            "notify_one" | "notify_all" => {
                let edit = self.text.edit(call.span(), "()");
                self.push(
                    Operator::DropNotify,
                    at,
                    format!("{name}() removed"),
                    vec![edit],
                );
                if name == "notify_all" {
                    let edit = self.text.edit(at, "notify_one");
                    self.push(
                        Operator::NotifyAllToOne,
                        at,
                        "notify_all() -> notify_one()".to_owned(),
                        vec![edit],
                    );
                }
            }
            "wait_while" if call.args.len() == 2 => {
                let receiver = self.text.of(call.receiver.span());
                let guard = self.text.of(call.args[0].span());
                let condition = self.text.of(call.args[1].span());
                // A generic helper, so that the condition's argument type
                // is known, as it is for wait_while itself.
                let with = format!(
                    "{{ fn mutant_wait_once<'a, MB: exercises::prelude::Backend, MT: Send>(\
                     cv: &exercises::prelude::Condvar<MB>, \
                     mut guard: exercises::prelude::MutexGuard<'a, MB, MT>, \
                     mut condition: impl FnMut(&mut MT) -> bool) \
                     -> exercises::prelude::MutexGuard<'a, MB, MT> {{ \
                     if condition(&mut *guard) {{ guard = cv.wait(guard); }} guard }} \
                     mutant_wait_once(&{receiver}, {guard}, {condition}) }}"
                );
                let edit = self.text.edit(call.span(), with);
                self.push(
                    Operator::WaitWhileOnce,
                    at,
                    "wait_while -> one check, at most one wait".to_owned(),
                    vec![edit],
                );
            }
            "drain" if call.args.len() == 1 => {
                let receiver = self.text.of(call.receiver.span());
                let edit = self
                    .text
                    .edit(call.span(), format!("{receiver}.drain(0..0)"));
                self.push(
                    Operator::SkipDrain,
                    at,
                    "drain(..) drains nothing".to_owned(),
                    vec![edit],
                );
            }
            _ => {}
        }
        if self.options.orderings {
            for (index, arg) in call.args.iter().enumerate() {
                if let Some((ordering, span)) = ordering_arg(arg) {
                    for weaker in weaker(&name, index + 1, &ordering) {
                        let edit = self.text.edit(span, *weaker);
                        self.push(
                            Operator::WeakenOrdering,
                            span,
                            format!("{name}: {ordering} -> {weaker}"),
                            vec![edit],
                        );
                    }
                }
            }
        }
        visit::visit_expr_method_call(self, call);
    }

    fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
        if self.options.orderings
            && let Expr::Path(f) = &*call.func
            && f.path.segments.last().is_some_and(|s| s.ident == "fence")
        {
            for arg in &call.args {
                if let Some((ordering, span)) = ordering_arg(arg) {
                    for weaker in weaker("fence", 1, &ordering) {
                        let edit = self.text.edit(span, *weaker);
                        self.push(
                            Operator::WeakenOrdering,
                            span,
                            format!("fence: {ordering} -> {weaker}"),
                            vec![edit],
                        );
                    }
                }
            }
        }
        visit::visit_expr_call(self, call);
    }

    fn visit_expr_while(&mut self, w: &'ast syn::ExprWhile) {
        let waits = w
            .body
            .stmts
            .iter()
            .any(|s| stmt_calls(s, &["wait", "wait_timeout", "wait_while_timeout"]));
        if waits && !matches!(&*w.cond, Expr::Let(_)) && w.label.is_none() {
            let at = w.while_token.span;
            let edit = self.text.edit(at, "if");
            self.push(
                Operator::WhileToIf,
                at,
                "while -> if around a wait".to_owned(),
                vec![edit],
            );
        }
        visit::visit_expr_while(self, w);
    }

    fn visit_block(&mut self, block: &'ast Block) {
        let stmts = &block.stmts;
        let mut guards: Vec<(String, String)> = Vec::new();
        for (i, stmt) in stmts.iter().enumerate() {
            // Widen: a drop(guard) with real work after it.
            if let Some(name) = dropped(stmt)
                && stmts[i + 1..].iter().any(|s| !only_notifies(s))
            {
                let edit = self.text.edit(stmt.span(), "");
                self.push(
                    Operator::WidenLock,
                    stmt.span(),
                    format!("drop({name}) removed: the lock is held to the end of the block"),
                    vec![edit],
                );
            }
            // Narrow: release and retake the lock between two steps.
            if let Stmt::Local(local) = stmt
                && let (Some(name), Some(init)) = (bound(local), &local.init)
                && let Some((lock, waits)) = lock_of(&init.expr, &guards, &self.text)
            {
                guards.push((name.clone(), lock.clone()));
                let head_end = self.text.offset(init.eq_token.span.end());
                let head_start = self.text.offset(local.let_token.span.start());
                let head = &self.text.source[head_start..head_end];
                let mut splits = 0;
                for (j, later) in stmts.iter().enumerate().skip(i + 1) {
                    if splits == 3 || dropped(later).is_some_and(|d| d == name) {
                        break;
                    }
                    if let Stmt::Local(l) = later
                        && bound(l).is_some_and(|b| b == name)
                    {
                        break; // shadowed: the new binding is a guard of its own
                    }
                    // A split only matters after the guard was used (a check,
                    // a read), or after a wait whose condition it then drops.
                    let used_before = stmts[i + 1..j].iter().any(|s| mentions(s, &name));
                    if !mentions(later, &name) || !(used_before || waits) {
                        continue;
                    }
                    let start = self.text.offset(later.span().start());
                    let edit = Edit {
                        start,
                        end: start,
                        with: format!("drop({name}); {head} {lock}; "),
                    };
                    self.push(
                        Operator::SplitLock,
                        later.span(),
                        format!("{name}'s lock released and taken again before this step"),
                        vec![edit],
                    );
                    splits += 1;
                }
            }
            // Move a counter update across the lock step beside it.
            if updates_counter(stmt) {
                for j in [i.wrapping_sub(1), i + 1] {
                    let Some(other) = stmts.get(j) else { continue };
                    if !lock_step(other) || (matches!(other, Stmt::Local(_)) && j > i) {
                        continue;
                    }
                    let (a, b) = (self.text.of(stmt.span()), self.text.of(other.span()));
                    let edits = vec![
                        self.text.edit(stmt.span(), b),
                        self.text.edit(other.span(), a),
                    ];
                    let side = if j < i { "before" } else { "after" };
                    self.push(
                        Operator::MoveUpdate,
                        stmt.span(),
                        format!("update moved {side} the lock step beside it"),
                        edits,
                    );
                }
            }
            // Skip a close.
            if sets_close_flag(stmt) {
                let edit = self.text.edit(stmt.span(), "");
                self.push(
                    Operator::SkipClose,
                    stmt.span(),
                    "close flag never set".to_owned(),
                    vec![edit],
                );
            }
            // Skip a drain loop.
            if let Stmt::Expr(Expr::While(w), _) = stmt
                && matches!(&*w.cond, Expr::Let(_))
            {
                let edit = self.text.edit(stmt.span(), "");
                self.push(
                    Operator::SkipDrain,
                    w.while_token.span,
                    "while-let drain loop removed".to_owned(),
                    vec![edit],
                );
            }
        }
        visit::visit_block(self, block);
    }
}
