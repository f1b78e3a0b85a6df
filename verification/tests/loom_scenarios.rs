//! Every scenario under loom: exhaustive up to a preemption bound of 2
//! (`CHECK_LOOM_BOUND` raises it). Kept apart from the shuttle binary: a
//! loom deadlock can abort its process, and shuttle's panic hook is
//! process-wide.

mod loom {
    macro_rules! scenario {
        ($name:ident, $check:expr) => {
            #[test]
            fn $name() {
                $check.loom(verification::scenarios::$name::<verification::Loom>);
            }
        };
    }
    verification::for_each_scenario!(scenario);
}
