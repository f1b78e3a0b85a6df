//! The book's shuttle reports (`book/src/generated/reports/*.shuttle.txt`)
//! are what shuttle's random scheduler prints now at seed 1;
//! `BOOK_REGENERATE=1` rewrites them (see `verification::zoo::book`). A
//! binary of its own: shuttle's panic hook is process-wide.

mod book_reports_shuttle {
    verification::zoo_tests!(book ShuttleRandom);
}
