//! The mutation operators: each writes one kind of concurrency mistake a
//! learner makes, so a surviving mutant names a guarantee the suite does
//! not check.

use std::fmt;

/// A kind of mistake written into a solution.
///
/// ```
/// use drill::mutate::Operator;
/// assert_eq!(Operator::WhileToIf.to_string(), "while_to_if");
/// assert_eq!(Operator::ALL.len(), 10);
/// ```
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
    /// Every operator, in the order mutants at one token are listed.
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

    /// The name used in mutant ids and in `equivalent_mutants.toml`.
    ///
    /// ```
    /// use drill::mutate::Operator;
    /// assert_eq!(Operator::NotifyAllToOne.name(), "notify_all_to_one");
    /// ```
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
