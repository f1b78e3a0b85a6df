//! Throughput of the shared-queue contenders: 20,000 no-op tasks per
//! iteration, end to end, with and without handles, from 1 and 4
//! submitting threads, at 1, 2, 4 and 8 workers.

mod common;

use benches::Kind;
use benches::throughput::Load;
use criterion::{Criterion, Throughput};

/// Tasks per iteration: enough to amortise the start and end of a run,
/// few enough that `cargo test --benches` (one iteration each) is quick.
const TASKS: usize = 20_000;
const WORKERS: [usize; 4] = [1, 2, 4, 8];

fn throughput(c: &mut Criterion) {
    for submitters in [1, 4] {
        for (joined, how) in [(false, "execute"), (true, "submit+join")] {
            let load = Load::execute(TASKS, submitters);
            let load = if joined { load.join() } else { load };
            let mut group = c.benchmark_group(format!("throughput/{how}/{submitters} submitters"));
            group.throughput(Throughput::Elements(TASKS as u64));
            for workers in WORKERS {
                for kind in Kind::SHARED {
                    kind.visit(common::Throughput {
                        group: &mut group,
                        workers,
                        load,
                    });
                }
            }
            group.finish();
        }
    }
}

criterion::criterion_group! {
    name = benches;
    config = common::config();
    targets = throughput
}
criterion::criterion_main!(benches);
