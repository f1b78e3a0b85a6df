//! The book's loom reports (`book/src/generated/reports/*.loom.txt`) are
//! what loom prints now; `BOOK_REGENERATE=1` rewrites them (see
//! `verification::zoo::book`).

mod book_reports_loom {
    verification::zoo_tests!(book Loom);
}

#[test]
fn matrix_rows_are_current() {
    verification::zoo::book::assert_matrix_rows();
}
