//! The walk over a parsed file: every `use` leaf, every path (in types,
//! expressions, patterns and bounds), every path-like run of tokens inside
//! a macro call, and every `static mut`, each resolved through the file's
//! `use` bindings and checked against the rules.

use super::Violation;
use super::imports::{Aliases, leaves};
use super::rules::{instead_of, instead_of_static_mut};
use proc_macro2::{TokenStream, TokenTree};
use syn::spanned::Spanned as _;
use syn::visit::{self, Visit};

/// The violations in `file`.
pub fn violations(file: &syn::File, aliases: &Aliases) -> Vec<Violation> {
    let mut walk = Walk {
        aliases,
        found: Vec::new(),
    };
    walk.visit_file(file);
    walk.found
}

struct Walk<'a> {
    aliases: &'a Aliases,
    found: Vec<Violation>,
}

impl Walk<'_> {
    /// Checks a path as written (its segments) at `line`.
    fn check(&mut self, written: &[String], line: usize) {
        if written.is_empty() {
            return;
        }
        for resolved in self.aliases.resolve(written) {
            if let Some((forbidden, instead)) = instead_of(&resolved) {
                self.found.push(Violation {
                    line,
                    written: written.join("::"),
                    forbidden,
                    instead,
                });
                return;
            }
        }
    }

    /// Path-like runs (`a::b::c`) in a macro's tokens: a macro's body is
    /// not parsed as code, yet it becomes code.
    fn check_tokens(&mut self, tokens: TokenStream) {
        let mut run: Vec<String> = Vec::new();
        let mut line = 0;
        let mut colons = 0;
        for token in tokens {
            match token {
                TokenTree::Ident(ident) if run.is_empty() || colons == 2 => {
                    if run.is_empty() {
                        line = ident.span().start().line;
                    }
                    run.push(ident.to_string());
                    colons = 0;
                }
                TokenTree::Punct(p) if p.as_char() == ':' && colons < 2 => colons += 1,
                other => {
                    self.check(&run, line);
                    run.clear();
                    colons = 0;
                    match other {
                        TokenTree::Group(group) => self.check_tokens(group.stream()),
                        TokenTree::Ident(ident) => {
                            line = ident.span().start().line;
                            run.push(ident.to_string());
                        }
                        _ => {}
                    }
                }
            }
        }
        self.check(&run, line);
    }
}

impl<'ast> Visit<'ast> for Walk<'_> {
    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        for leaf in leaves(&item.tree) {
            let mut path = leaf.path.clone();
            if leaf.glob {
                // `use std::sync::*` imports every forbidden item at once.
                path.push("*".to_owned());
            }
            self.check(&path, leaf.line);
        }
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        let written: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        self.check(&written, path.span().start().line);
        visit::visit_path(self, path);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        self.check_tokens(mac.tokens.clone());
        visit::visit_macro(self, mac);
    }

    fn visit_item_static(&mut self, item: &'ast syn::ItemStatic) {
        if matches!(item.mutability, syn::StaticMutability::Mut(_)) {
            self.found.push(Violation {
                line: item.static_token.span.start().line,
                written: format!("static mut {}", item.ident),
                forbidden: "static mut".to_owned(),
                instead: instead_of_static_mut(),
            });
        }
        visit::visit_item_static(self, item);
    }
}
