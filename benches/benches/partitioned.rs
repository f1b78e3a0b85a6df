//! Keyed throughput: the partitioned executor against one crossbeam
//! channel per worker, with many keys (key = i) and one hot key (key = 0),
//! 20,000 no-op tasks per iteration from one submitter.

mod common;

use benches::Kind;
use benches::throughput::{Keys, Load};
use criterion::{Criterion, Throughput};

const TASKS: usize = 20_000;
const WORKERS: [usize; 4] = [1, 2, 4, 8];

fn partitioned(c: &mut Criterion) {
    for (keys, label) in [(Keys::Many, "many keys"), (Keys::Hot, "hot key")] {
        let mut group = c.benchmark_group(format!("partitioned/{label}"));
        group.throughput(Throughput::Elements(TASKS as u64));
        for workers in WORKERS {
            for kind in Kind::KEYED {
                kind.visit(common::Throughput {
                    group: &mut group,
                    workers,
                    load: Load::execute(TASKS, 1).keys(keys),
                });
            }
        }
        group.finish();
    }
}

criterion::criterion_group! {
    name = benches;
    config = common::config();
    targets = partitioned
}
criterion::criterion_main!(benches);
