//! Where each operator applies: one walk over the parsed solution that
//! records, for every site, the operator, the token it changes and the
//! text edits that write the mistake.

use super::Options;
use super::operator::Operator;
use super::ordering::{ordering_arg, weaker};
use super::syntax::{
    WAITS, bound, dropped, lock_of, lock_step, mentions, method, only_notifies, sets_close_flag,
    stmt_calls, updates_counter,
};
use super::text::{Edit, Text};
use proc_macro2::{LineColumn, Span};
use syn::spanned::Spanned as _;
use syn::visit::{self, Visit};
use syn::{Block, Expr, ExprMethodCall, Stmt};

/// A found mutation, before it is applied.
pub(crate) struct Found {
    pub(crate) operator: Operator,
    /// Where the changed token starts (`line` from 1, `column` from 0).
    pub(crate) at: LineColumn,
    /// Tells apart two mutants of one operator at one token.
    pub(crate) variant: usize,
    pub(crate) change: String,
    pub(crate) edits: Vec<Edit>,
}

/// Every site in `file` where an operator applies.
pub(crate) fn find(file: &syn::File, source: &str, options: Options) -> Vec<Found> {
    let mut finder = Finder {
        text: Text::new(source),
        options,
        found: Vec::new(),
    };
    finder.visit_file(file);
    finder.found
}

/// A `split_lock` site splits at most this many steps after one guard:
/// the first few are where a check and its act sit.
const SPLITS_PER_GUARD: usize = 3;

struct Finder<'a> {
    text: Text<'a>,
    options: Options,
    found: Vec<Found>,
}

impl Finder<'_> {
    fn push(&mut self, operator: Operator, at: Span, change: impl Into<String>, edits: Vec<Edit>) {
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
            change: change.into(),
            edits,
        });
    }

    /// Each ordering argument of a call to `called`, weakened one step.
    fn weaken_orderings<'e>(&mut self, called: &str, args: impl Iterator<Item = &'e Expr>) {
        if !self.options.orderings {
            return;
        }
        for (index, arg) in args.enumerate() {
            let Some((ordering, span)) = ordering_arg(arg) else {
                continue;
            };
            for weaker in weaker(called, index + 1, &ordering) {
                let edit = self.text.replace(span, *weaker);
                let change = format!("{called}: {ordering} -> {weaker}");
                self.push(Operator::WeakenOrdering, span, change, vec![edit]);
            }
        }
    }

    /// `wait_while(guard, condition)` as one check and at most one wait.
    fn wait_while_once(&mut self, call: &ExprMethodCall) {
        let receiver = self.text.of(call.receiver.span());
        let guard = self.text.of(call.args[0].span());
        let condition = self.text.of(call.args[1].span());
        // A generic helper, so that the condition's argument type is
        // inferred, as it is for wait_while itself.
        let with = format!(
            "{{ fn mutant_wait_once<'a, MB: exercises::prelude::Backend, MT: Send>(\
             cv: &exercises::prelude::Condvar<MB>, \
             mut guard: exercises::prelude::MutexGuard<'a, MB, MT>, \
             mut condition: impl FnMut(&mut MT) -> bool) \
             -> exercises::prelude::MutexGuard<'a, MB, MT> {{ \
             if condition(&mut *guard) {{ guard = cv.wait(guard); }} guard }} \
             mutant_wait_once(&{receiver}, {guard}, {condition}) }}"
        );
        let edit = self.text.replace(call.span(), with);
        let change = "wait_while -> one check, at most one wait";
        self.push(
            Operator::WaitWhileOnce,
            call.method.span(),
            change,
            vec![edit],
        );
    }

    /// A `drop(guard)` with real work after it, removed.
    fn widen_lock(&mut self, stmts: &[Stmt], i: usize) {
        let Some(name) = dropped(&stmts[i]) else {
            return;
        };
        if stmts[i + 1..].iter().all(only_notifies) {
            return; // notifying under the lock is correct: no mistake
        }
        let edit = self.text.replace(stmts[i].span(), "");
        let change = format!("drop({name}) removed: the lock is held to the end of the block");
        self.push(Operator::WidenLock, stmts[i].span(), change, vec![edit]);
    }

    /// The guard bound by `stmts[i]`, if it binds one, released and taken
    /// again before each of the next few steps that use it.
    fn split_lock(&mut self, stmts: &[Stmt], i: usize, guards: &mut Vec<(String, String)>) {
        let Stmt::Local(local) = &stmts[i] else {
            return;
        };
        let (Some(name), Some(init)) = (bound(local), &local.init) else {
            return;
        };
        let Some((lock, waits)) = lock_of(&init.expr, guards, &self.text) else {
            return;
        };
        guards.push((name.clone(), lock.clone()));
        let head = self.text.between(local.let_token.span, init.eq_token.span);
        let mut splits = 0;
        for (j, later) in stmts.iter().enumerate().skip(i + 1) {
            if splits == SPLITS_PER_GUARD || dropped(later).is_some_and(|d| d == name) {
                break;
            }
            if let Stmt::Local(l) = later
                && bound(l).is_some_and(|b| b == name)
            {
                break; // shadowed: the new binding is a guard of its own
            }
            // A split only matters after the guard was used (a check, a
            // read), or after a wait whose condition it then drops.
            let used_before = stmts[i + 1..j].iter().any(|s| mentions(s, &name));
            if !mentions(later, &name) || !(used_before || waits) {
                continue;
            }
            let with = format!("drop({name}); {head} {lock}; ");
            let edit = self.text.insert_before(later.span(), with);
            let change = format!("{name}'s lock released and taken again before this step");
            self.push(Operator::SplitLock, later.span(), change, vec![edit]);
            splits += 1;
        }
    }

    /// A counter update swapped with the lock step before or after it.
    fn move_update(&mut self, stmts: &[Stmt], i: usize) {
        let stmt = &stmts[i];
        if !updates_counter(stmt) {
            return;
        }
        for j in [i.wrapping_sub(1), i + 1] {
            let Some(other) = stmts.get(j) else { continue };
            // Moving an update below a `let` could use what it binds.
            if !lock_step(other) || (matches!(other, Stmt::Local(_)) && j > i) {
                continue;
            }
            let (a, b) = (self.text.of(stmt.span()), self.text.of(other.span()));
            let edits = vec![
                self.text.replace(stmt.span(), b),
                self.text.replace(other.span(), a),
            ];
            let side = if j < i { "before" } else { "after" };
            let change = format!("update moved {side} the lock step beside it");
            self.push(Operator::MoveUpdate, stmt.span(), change, edits);
        }
    }

    /// A close flag never set, or a `while let` drain loop removed.
    fn skip_close_or_drain(&mut self, stmt: &Stmt) {
        if sets_close_flag(stmt) {
            let edit = self.text.replace(stmt.span(), "");
            self.push(
                Operator::SkipClose,
                stmt.span(),
                "close flag never set",
                vec![edit],
            );
        }
        if let Stmt::Expr(Expr::While(w), _) = stmt
            && matches!(&*w.cond, Expr::Let(_))
        {
            let edit = self.text.replace(stmt.span(), "");
            let change = "while-let drain loop removed";
            self.push(Operator::SkipDrain, w.while_token.span, change, vec![edit]);
        }
    }
}

impl<'ast> Visit<'ast> for Finder<'_> {
    fn visit_expr_method_call(&mut self, call: &'ast ExprMethodCall) {
        let name = method(call);
        let at = call.method.span();
        match name.as_str() {
            "notify_one" | "notify_all" => {
                let edit = self.text.replace(call.span(), "()");
                self.push(
                    Operator::DropNotify,
                    at,
                    format!("{name}() removed"),
                    vec![edit],
                );
                if name == "notify_all" {
                    let edit = self.text.replace(at, "notify_one");
                    let change = "notify_all() -> notify_one()";
                    self.push(Operator::NotifyAllToOne, at, change, vec![edit]);
                }
            }
            "wait_while" if call.args.len() == 2 => self.wait_while_once(call),
            "drain" if call.args.len() == 1 => {
                let receiver = self.text.of(call.receiver.span());
                let with = format!("{receiver}.drain(0..0)");
                let edit = self.text.replace(call.span(), with);
                self.push(
                    Operator::SkipDrain,
                    at,
                    "drain(..) drains nothing",
                    vec![edit],
                );
            }
            _ => {}
        }
        self.weaken_orderings(&name, call.args.iter());
        visit::visit_expr_method_call(self, call);
    }

    fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
        if let Expr::Path(f) = &*call.func
            && f.path.segments.last().is_some_and(|s| s.ident == "fence")
        {
            self.weaken_orderings("fence", call.args.iter());
        }
        visit::visit_expr_call(self, call);
    }

    fn visit_expr_while(&mut self, w: &'ast syn::ExprWhile) {
        let waits = w.body.stmts.iter().any(|s| stmt_calls(s, &WAITS));
        if waits && !matches!(&*w.cond, Expr::Let(_)) && w.label.is_none() {
            let at = w.while_token.span;
            let edit = self.text.replace(at, "if");
            self.push(
                Operator::WhileToIf,
                at,
                "while -> if around a wait",
                vec![edit],
            );
        }
        visit::visit_expr_while(self, w);
    }

    fn visit_block(&mut self, block: &'ast Block) {
        let stmts = &block.stmts;
        // Guards bound so far in this block, by name, with their lock.
        let mut guards = Vec::new();
        for i in 0..stmts.len() {
            self.widen_lock(stmts, i);
            self.split_lock(stmts, i, &mut guards);
            self.move_update(stmts, i);
            self.skip_close_or_drain(&stmts[i]);
        }
        visit::visit_block(self, block);
    }
}
