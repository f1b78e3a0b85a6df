//! What each name a `use` (or `extern crate ... as`) binds stands for, so
//! that `sync::Mutex` after `use std::sync;` resolves to
//! `std::sync::Mutex`. Bindings are collected from the whole file, not per
//! scope: a forbidding rule may over-approximate, never under.

use std::collections::HashMap;
use syn::visit::Visit;

/// One leaf of a `use` tree: `use std::{sync::Mutex as M}` has one, the
/// path `std::sync::Mutex` bound to `M`.
#[derive(Debug, Clone)]
pub struct Leaf {
    /// The full path, as written.
    pub path: Vec<String>,
    /// The name it binds; `None` for a glob (`*`) or `as _`.
    pub binding: Option<String>,
    /// Whether it is a glob import of `path`.
    pub glob: bool,
    /// 1-based line.
    pub line: usize,
}

/// The leaves of a `use` tree, groups and renames flattened.
pub fn leaves(tree: &syn::UseTree) -> Vec<Leaf> {
    let mut out = Vec::new();
    flatten(tree, &mut Vec::new(), &mut out);
    out
}

fn flatten(tree: &syn::UseTree, prefix: &mut Vec<String>, out: &mut Vec<Leaf>) {
    let line = |ident: &syn::Ident| ident.span().start().line;
    match tree {
        syn::UseTree::Path(p) => {
            prefix.push(p.ident.to_string());
            flatten(&p.tree, prefix, out);
            prefix.pop();
        }
        syn::UseTree::Name(n) => out.push(leaf(prefix, &n.ident, None, line(&n.ident))),
        syn::UseTree::Rename(r) => {
            out.push(leaf(prefix, &r.ident, Some(&r.rename), line(&r.ident)));
        }
        syn::UseTree::Glob(g) => out.push(Leaf {
            path: prefix.clone(),
            binding: None,
            glob: true,
            line: g.star_token.span.start().line,
        }),
        syn::UseTree::Group(g) => {
            for item in &g.items {
                flatten(item, prefix, out);
            }
        }
    }
}

fn leaf(prefix: &[String], ident: &syn::Ident, rename: Option<&syn::Ident>, line: usize) -> Leaf {
    let mut path = prefix.to_vec();
    // `use std::sync::{self}` binds `sync`.
    if ident != "self" {
        path.push(ident.to_string());
    }
    let binding = match rename {
        Some(r) if r == "_" => None,
        Some(r) => Some(r.to_string()),
        None => path.last().cloned(),
    };
    Leaf {
        path,
        binding,
        glob: false,
        line,
    }
}

/// Every name bound by a `use` or `extern crate ... as` in a file.
#[derive(Debug, Default)]
pub struct Aliases {
    bound: HashMap<String, Vec<Vec<String>>>,
}

impl Aliases {
    /// Collects the bindings of every `use` in `file`, at any depth.
    pub fn collect(file: &syn::File) -> Self {
        let mut aliases = Self::default();
        aliases.visit_file(file);
        aliases
    }

    fn bind(&mut self, name: String, path: Vec<String>) {
        let paths = self.bound.entry(name).or_default();
        if !paths.contains(&path) {
            paths.push(path);
        }
    }

    /// Every path `path` may stand for once `use` bindings are applied
    /// (the path itself when its first segment is bound by none).
    pub fn resolve(&self, path: &[String]) -> Vec<Vec<String>> {
        let mut done = Vec::new();
        let mut todo = vec![path.to_vec()];
        // A chain of renames is short; the bound stops a cycle.
        for _ in 0..8 {
            let mut next = Vec::new();
            for path in todo.drain(..) {
                match path.first().and_then(|first| self.bound.get(first)) {
                    Some(targets) => {
                        for target in targets {
                            let expanded: Vec<String> =
                                target.iter().chain(&path[1..]).cloned().collect();
                            if expanded == path {
                                done.push(path.clone());
                            } else {
                                next.push(expanded);
                            }
                        }
                    }
                    None => done.push(path),
                }
            }
            todo = next;
            if todo.is_empty() {
                break;
            }
        }
        done.extend(todo);
        done.dedup();
        done
    }
}

impl<'ast> Visit<'ast> for Aliases {
    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        for leaf in leaves(&item.tree) {
            if let Some(name) = leaf.binding {
                self.bind(name, leaf.path);
            }
        }
    }

    fn visit_item_extern_crate(&mut self, item: &'ast syn::ItemExternCrate) {
        if let Some((_, rename)) = &item.rename {
            self.bind(rename.to_string(), vec![item.ident.to_string()]);
        }
    }
}
