//! Every scenario under shuttle: `CHECK_SHUTTLE_ITERATIONS` (default 10^4)
//! random schedules, and as many under PCT with depth 3.

mod shuttle_random {
    macro_rules! scenario {
        ($name:ident, $check:expr) => {
            #[test]
            fn $name() {
                $check.shuttle_random(verification::scenarios::$name::<verification::Shuttle>);
            }
        };
    }
    verification::for_each_scenario!(scenario);
}

mod shuttle_pct {
    macro_rules! scenario {
        ($name:ident, $check:expr) => {
            #[test]
            fn $name() {
                $check.shuttle_pct(verification::scenarios::$name::<verification::Shuttle>);
            }
        };
    }
    verification::for_each_scenario!(scenario);
}
