//! The bug zoo under loom: each bug listed for loom is found, and its
//! correct twin passes.

mod zoo_loom {
    macro_rules! bug {
        ($name:ident) => {
            #[test]
            fn $name() {
                verification::zoo::assert_zoo(stringify!($name), verification::zoo::Checker::Loom);
            }
        };
    }
    verification::for_each_bug!(bug);
}
