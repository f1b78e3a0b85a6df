//! Writing a mutation back into the source as text edits at the spans
//! `syn` reports, so that a mutant differs from the solution only where
//! the mistake is: comments, layout and every other line stay as written,
//! and the compiler's messages about a mutant point at familiar code.

use proc_macro2::{LineColumn, Span};

/// A byte range of the source and its replacement.
#[derive(Debug, Clone)]
pub(crate) struct Edit {
    start: usize,
    end: usize,
    with: String,
}

/// `source` with every edit applied; the edits must not overlap.
pub(crate) fn apply(source: &str, edits: &[Edit]) -> String {
    let mut edits = edits.to_vec();
    // Back to front, so that each edit's offsets are still the original's.
    edits.sort_by_key(|e| std::cmp::Reverse(e.start));
    let mut text = source.to_owned();
    for e in edits {
        text.replace_range(e.start..e.end, &e.with);
    }
    text
}

/// The source, with line starts for turning spans into byte offsets.
pub(crate) struct Text<'a> {
    source: &'a str,
    lines: Vec<usize>,
}

impl<'a> Text<'a> {
    pub(crate) fn new(source: &'a str) -> Self {
        let mut lines = vec![0];
        lines.extend(source.match_indices('\n').map(|(i, _)| i + 1));
        Self { source, lines }
    }

    /// The byte offset of a span's line and column (columns count chars).
    pub(crate) fn offset(&self, at: LineColumn) -> usize {
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

    /// The text at `span`.
    pub(crate) fn of(&self, span: Span) -> &'a str {
        let (start, end) = self.range(span);
        &self.source[start..end]
    }

    /// The text from the start of `first` to the end of `last`.
    pub(crate) fn between(&self, first: Span, last: Span) -> &'a str {
        &self.source[self.offset(first.start())..self.offset(last.end())]
    }

    /// Replaces the text at `span` with `with`.
    pub(crate) fn replace(&self, span: Span, with: impl Into<String>) -> Edit {
        let (start, end) = self.range(span);
        Edit {
            start,
            end,
            with: with.into(),
        }
    }

    /// Inserts `with` just before `span`.
    pub(crate) fn insert_before(&self, span: Span, with: impl Into<String>) -> Edit {
        let start = self.offset(span.start());
        Edit {
            start,
            end: start,
            with: with.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_apply_back_to_front_at_char_columns() {
        // A multi-byte char before the edited token: columns count chars.
        let source = "let é = a.notify_all();\nb.wait();\n";
        let text = Text::new(source);
        let at = |line, column| text.offset(LineColumn { line, column });
        let edits = [
            Edit {
                start: at(1, 10),
                end: at(1, 20),
                with: "notify_one".into(),
            },
            Edit {
                start: at(2, 0),
                end: at(2, 0),
                with: "drop(g); ".into(),
            },
        ];
        assert_eq!(
            apply(source, &edits),
            "let é = a.notify_one();\ndrop(g); b.wait();\n"
        );
    }
}
