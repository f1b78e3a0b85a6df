//! The bug zoo on real threads: the few bugs real threads find reliably
//! (deterministic ones: self-deadlock, a worker that dies) are found; every
//! correct twin passes.

mod zoo_std {
    macro_rules! bug {
        ($name:ident) => {
            #[test]
            fn $name() {
                verification::zoo::assert_zoo(stringify!($name), verification::zoo::Checker::Std);
            }
        };
    }
    verification::for_each_bug!(bug);
}
