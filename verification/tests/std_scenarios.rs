//! Every scenario on real threads, repeated `CHECK_STD_RUNS` times. Real
//! threads only sample interleavings: these pass easily; the loom and
//! shuttle binaries are the ones that search.

mod std {
    macro_rules! scenario {
        ($name:ident, $check:expr) => {
            #[test]
            fn $name() {
                $check.std(verification::scenarios::$name::<executor::sync::Std>);
            }
        };
    }
    verification::for_each_scenario!(scenario);
}
