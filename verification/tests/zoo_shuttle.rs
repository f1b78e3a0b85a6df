//! The bug zoo under shuttle (random and PCT): each bug listed for a
//! scheduler is found, and its correct twin passes.

mod zoo_shuttle_random {
    macro_rules! bug {
        ($name:ident) => {
            #[test]
            fn $name() {
                verification::zoo::assert_zoo(
                    stringify!($name),
                    verification::zoo::Checker::ShuttleRandom,
                );
            }
        };
    }
    verification::for_each_bug!(bug);
}

mod zoo_shuttle_pct {
    macro_rules! bug {
        ($name:ident) => {
            #[test]
            fn $name() {
                verification::zoo::assert_zoo(
                    stringify!($name),
                    verification::zoo::Checker::ShuttlePct,
                );
            }
        };
    }
    verification::for_each_bug!(bug);
}
