//! The mutation check's figures: one row per exercise (viable, killed,
//! equivalent, the share rejected) and the table they make, the closing
//! note's evidence that each suite rejects what it should.

use std::fmt::Write as _;

/// The share of viable, non-equivalent mutants a suite must reject.
pub const REQUIRED: f64 = 0.9;

/// One exercise's figures.
#[derive(Debug, Default)]
pub struct Row {
    /// The exercise.
    pub id: String,
    /// Mutants that compiled.
    pub viable: usize,
    /// Viable mutants a checker rejected.
    pub killed: usize,
    /// Of those, the ones only the grader's time limit stopped.
    pub stopped: usize,
    /// Viable mutants no checker rejected, listed as equivalent.
    pub equivalent: usize,
    /// Stale or contradicted equivalents: these fail the check whatever
    /// the share.
    pub problems: Vec<String>,
    /// Mutants no checker rejected and nobody listed: they count against
    /// the share.
    pub survivors: Vec<String>,
}

impl Row {
    /// The share of viable, non-equivalent mutants rejected (none if
    /// there are none).
    pub fn share(&self) -> Option<f64> {
        let graded = self.viable - self.equivalent;
        (graded > 0).then(|| self.killed as f64 / graded as f64)
    }

    /// Whether the exercise passes the check.
    pub fn ok(&self) -> bool {
        self.problems.is_empty() && self.share().is_none_or(|s| s >= REQUIRED)
    }
}

fn percent(share: Option<f64>) -> String {
    share.map_or("-".to_owned(), |s| format!("{:.0}%", s * 100.0))
}

/// The per-exercise table, in Markdown (it goes into the closing note of
/// a change as it is), with a total row when there are several.
pub fn table(rows: &[Row]) -> String {
    let mut out = String::from(
        "| exercise | viable | killed | equivalent | rejected |\n|---|---:|---:|---:|---:|\n",
    );
    let mut all = Row::default();
    for r in rows {
        all.viable += r.viable;
        all.killed += r.killed;
        all.stopped += r.stopped;
        all.equivalent += r.equivalent;
        let killed = match r.stopped {
            0 => r.killed.to_string(),
            n => format!("{} ({n} by the time limit)", r.killed),
        };
        let mark = if r.ok() { "" } else { " ✗" };
        let share = percent(r.share());
        writeln!(
            out,
            "| {} | {} | {killed} | {} | {share}{mark} |",
            r.id, r.viable, r.equivalent
        )
        .expect("writing to a String");
    }
    if rows.len() > 1 {
        writeln!(
            out,
            "| **all {}** | {} | {} | {} | {} |",
            rows.len(),
            all.viable,
            all.killed,
            all.equivalent,
            percent(all.share())
        )
        .expect("writing to a String");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: &str, viable: usize, killed: usize, equivalent: usize) -> Row {
        Row {
            id: id.to_owned(),
            viable,
            killed,
            equivalent,
            ..Row::default()
        }
    }

    #[test]
    fn the_share_leaves_equivalents_out_and_must_reach_ninety_percent() {
        let passing = row("a", 12, 9, 2);
        assert_eq!(passing.share(), Some(0.9));
        assert!(passing.ok());
        assert!(!row("b", 12, 9, 1).ok(), "9 of 11 is under 90%");
        assert!(row("c", 2, 0, 2).ok(), "nothing left to grade");
        let stale = Row {
            problems: vec!["lists x".into()],
            ..row("d", 1, 1, 0)
        };
        assert!(!stale.ok(), "a stale equivalent fails whatever the share");
        let shown = table(&[passing, row("b", 12, 9, 1)]);
        assert!(shown.contains("| a | 12 | 9 | 2 | 90% |"), "{shown}");
        assert!(shown.contains("| b | 12 | 9 | 1 | 82% ✗ |"), "{shown}");
        assert!(
            shown.contains("| **all 2** | 24 | 18 | 3 | 86% |"),
            "{shown}"
        );
    }
}
