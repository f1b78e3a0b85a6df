//! What a statement does, as far as the operators care: takes a lock,
//! waits, notifies, releases a guard, updates a counter, sets a close
//! flag. Read from the parsed code, by name: solutions use the prelude's
//! primitives, whose method names are the standard ones.

use super::text::Text;
use syn::spanned::Spanned as _;
use syn::visit::{self, Visit};
use syn::{Expr, ExprMethodCall, Local, Pat, Stmt};

/// The method a method call calls.
pub(crate) fn method(call: &ExprMethodCall) -> String {
    call.method.to_string()
}

/// Whether `expr` calls a method named one of `names` anywhere inside
/// (any method if `names` is empty).
fn calls(expr: &Expr, names: &[&str]) -> bool {
    struct Calls<'n> {
        names: &'n [&'n str],
        hit: bool,
    }
    impl<'ast> Visit<'ast> for Calls<'_> {
        fn visit_expr_method_call(&mut self, call: &'ast ExprMethodCall) {
            if self.names.is_empty() || self.names.contains(&method(call).as_str()) {
                self.hit = true;
            }
            visit::visit_expr_method_call(self, call);
        }
    }
    let mut c = Calls { names, hit: false };
    c.visit_expr(expr);
    c.hit
}

/// Whether the statement (an expression, or a `let`'s initialiser) calls
/// a method named one of `names`.
pub(crate) fn stmt_calls(stmt: &Stmt, names: &[&str]) -> bool {
    match stmt {
        Stmt::Expr(e, _) => calls(e, names),
        Stmt::Local(l) => l.init.as_ref().is_some_and(|i| calls(&i.expr, names)),
        _ => false,
    }
}

/// Whether the statement mentions identifier `name` anywhere.
pub(crate) fn mentions(stmt: &Stmt, name: &str) -> bool {
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
pub(crate) fn dropped(stmt: &Stmt) -> Option<String> {
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

/// A statement that only notifies (or is a value the block returns):
/// doing it under the lock is still correct, so a lock widened over it is
/// no mistake.
pub(crate) fn only_notifies(stmt: &Stmt) -> bool {
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
        Stmt::Expr(e, None) | Stmt::Expr(e @ Expr::Return(_), _) => !calls(e, &[]),
        _ => false,
    }
}

/// The name a `let` binds, if it binds a plain identifier.
pub(crate) fn bound(local: &Local) -> Option<String> {
    match &local.pat {
        Pat::Ident(p) => Some(p.ident.to_string()),
        Pat::Type(t) => match &*t.pat {
            Pat::Ident(p) => Some(p.ident.to_string()),
            _ => None,
        },
        _ => None,
    }
}

/// The lock a guard's initialiser takes: `m.lock()` itself, or the lock
/// handed to a `wait*` call (then `true`: the guard comes back from a
/// wait). `known` maps guard names bound earlier in the block to their
/// lock's text.
pub(crate) fn lock_of(
    expr: &Expr,
    known: &[(String, String)],
    text: &Text<'_>,
) -> Option<(String, bool)> {
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
/// atomic `fetch_add`/`fetch_sub`/`store`/`swap`.
pub(crate) fn updates_counter(stmt: &Stmt) -> bool {
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

/// The calls that wait on a condition variable and hand the guard back.
pub(crate) const WAITS: [&str; 3] = ["wait", "wait_timeout", "wait_while_timeout"];

/// Whether a statement is a lock step: takes a lock, waits, releases one
/// with `drop`, or notifies.
pub(crate) fn lock_step(stmt: &Stmt) -> bool {
    const STEPS: [&str; 4] = ["lock", "wait_while", "notify_one", "notify_all"];
    dropped(stmt).is_some() || stmt_calls(stmt, &STEPS) || stmt_calls(stmt, &WAITS)
}

/// Whether a field or variable name marks a close or shutdown flag.
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

/// Whether the statement sets a close flag: `x.closed = true`, or
/// `closed.store(true, _)`/`swap(true, _)`.
pub(crate) fn sets_close_flag(stmt: &Stmt) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn stmt(code: &str) -> Stmt {
        syn::parse_str(code).expect("a statement")
    }

    #[test]
    fn statements_are_told_apart_by_what_they_do() {
        assert_eq!(dropped(&stmt("drop(guard);")).as_deref(), Some("guard"));
        assert_eq!(dropped(&stmt("std::mem::drop(g);")).as_deref(), Some("g"));
        assert_eq!(dropped(&stmt("drop(self.g);")), None);
        assert!(only_notifies(&stmt("if n == 0 { cv.notify_all(); }")));
        assert!(!only_notifies(&stmt("job();")));
        assert!(updates_counter(&stmt("s.busy -= 1;")));
        assert!(!updates_counter(&stmt("s.busy = 1;")));
        assert!(lock_step(&stmt("let g = cv.wait_timeout(g, d);")));
        assert!(sets_close_flag(&stmt("state.shutting_down = true;")));
        assert!(sets_close_flag(&stmt(
            "self.stopped.store(true, Ordering::Release);"
        )));
        assert!(!sets_close_flag(&stmt("state.closed = false;")));
        assert!(!sets_close_flag(&stmt("state.ready = true;")));
    }
}
