//! Comments out of Rust source, line for line. A wrong answer's comments
//! name its bug ("BUG: notifies only when..."), so the review drill shows
//! code without them; the layout of the rest is kept as written.

/// `source` with every comment removed: `//` and `///` and `//!` to the end
/// of the line, `/* ... */` anywhere (nested, as Rust nests them). Text
/// inside string and character literals is kept. A line that held only a
/// comment is dropped, and so are blank lines at the start and end and a
/// blank line after another; trailing spaces left behind are trimmed.
///
/// ```
/// use drill::review::strip::strip_comments;
/// let code = "//! doc\nlet s = \"a // b\"; // gone\n/* x */ f();\n";
/// assert_eq!(strip_comments(code), vec!["let s = \"a // b\";", " f();"]);
/// ```
pub fn strip_comments(source: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut depth = 0usize; // open block comments
    for line in source.lines() {
        let kept = strip_line(line, &mut depth);
        let had_comment = kept.trim().len() < line.trim().len();
        let blank = kept.trim().is_empty();
        let after_blank = lines.last().is_none_or(|l: &String| l.is_empty());
        if blank && (had_comment || depth > 0 || after_blank) {
            continue;
        }
        lines.push(kept.trim_end().to_owned());
    }
    if lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}

/// One line without its comments; `depth` carries open block comments
/// from line to line.
fn strip_line(line: &str, depth: &mut usize) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let mut quote: Option<char> = None;
    while i < chars.len() {
        let (c, next) = (chars[i], chars.get(i + 1).copied());
        if *depth > 0 {
            match (c, next) {
                ('*', Some('/')) => {
                    *depth -= 1;
                    i += 2;
                }
                ('/', Some('*')) => {
                    *depth += 1;
                    i += 2;
                }
                _ => i += 1,
            }
            continue;
        }
        if let Some(q) = quote {
            out.push(c);
            if c == '\\' {
                if let Some(n) = next {
                    out.push(n);
                }
                i += 2;
                continue;
            }
            if c == q {
                quote = None;
            }
            i += 1;
            continue;
        }
        match (c, next) {
            ('/', Some('/')) => break,
            ('/', Some('*')) => {
                *depth += 1;
                i += 2;
            }
            ('"', _) => {
                quote = Some('"');
                out.push(c);
                i += 1;
            }
            // A char literal ('x', '\n'), not a lifetime ('a): its closing
            // quote comes one or two characters later.
            ('\'', _) if is_char_literal(&chars[i..]) => {
                quote = Some('\'');
                out.push(c);
                i += 1;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// Whether `rest`, starting at a `'`, is a character literal.
fn is_char_literal(rest: &[char]) -> bool {
    matches!(rest, ['\'', '\\', ..] | ['\'', _, '\'', ..])
}

#[cfg(test)]
mod tests {
    use super::strip_comments;

    #[test]
    fn keeps_code_and_literals_drops_comments() {
        let code = "fn f<'a>(x: &'a str) -> char { // why\n    let c = '/'; /* a /* nested */ one */ c\n}\n";
        assert_eq!(
            strip_comments(code),
            vec!["fn f<'a>(x: &'a str) -> char {", "    let c = '/';  c", "}"]
        );
    }

    #[test]
    fn multi_line_block_comments_and_blank_lines() {
        let code = "a();\n\n/* one\n two */\nb(); // c\n";
        assert_eq!(strip_comments(code), vec!["a();", "", "b();"]);
    }
}
