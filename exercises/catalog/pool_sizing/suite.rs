//! Grades `pool_sizing` by simulation: the suite runs each plan in a
//! deterministic discrete-event model of a pool (seeded Poisson arrivals,
//! a fixed service time, a bounded FIFO queue that refuses when full,
//! logical time in nanoseconds) and judges what the requests saw.

use super::answer::{Plan, Workload, plan};
use exercises::prelude::*;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Requests per simulated run: enough for a stable p99.
const REQUESTS: usize = 4_000;

/// The workloads every plan is judged on: I/O-bound at a high rate,
/// I/O-bound at a low rate, and CPU-bound.
const WORKLOADS: [(&str, Workload); 3] = [
    ("an API: 400 req/s, 5 ms cpu + 45 ms I/O, 4 cores, 50 ms queue wait", load(400.0, 5, 45, 4, 50)),
    ("a quiet API: 40 req/s, 10 ms cpu + 90 ms I/O, 8 cores, 200 ms queue wait", load(40.0, 10, 90, 8, 200)),
    ("CPU-bound: 300 req/s, 10 ms cpu, no I/O, 4 cores, 20 ms queue wait", load(300.0, 10, 0, 4, 20)),
];

const fn load(rate: f64, cpu_ms: u64, wait_ms: u64, cores: usize, target_ms: u64) -> Workload {
    Workload {
        arrivals_per_sec: rate,
        cpu: Duration::from_millis(cpu_ms),
        wait: Duration::from_millis(wait_ms),
        cores,
        max_queue_wait: Duration::from_millis(target_ms),
    }
}

/// What the requests of one simulated run saw.
#[derive(Debug)]
struct Outcome {
    /// The queue wait 99% of accepted requests stayed within.
    p99_wait: Duration,
    /// The longest queue wait of an accepted request.
    max_wait: Duration,
    /// The share of requests refused because the queue was full.
    refused: f64,
}

/// splitmix64: a seeded source of uniform numbers in [0, 1).
fn uniform(state: &mut u64) -> f64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
}

/// Runs `pool` against Poisson arrivals at `rate` per second, each
/// holding a worker for `service`. FIFO: each accepted request takes the
/// worker that frees first, so its start time is exact.
fn simulate(pool: Plan, rate: f64, service: Duration) -> Outcome {
    assert!(pool.workers > 0, "a plan with 0 workers serves nobody");
    let service = service.as_nanos() as u64;
    // When each worker is next free, earliest first.
    let mut free: BinaryHeap<Reverse<u64>> = (0..pool.workers).map(|_| Reverse(0)).collect();
    // Start times of the accepted requests still queued, in order.
    let mut queued: VecDeque<u64> = VecDeque::new();
    let (mut seed, mut clock, mut refused) = (42_u64, 0.0_f64, 0);
    let mut waits = Vec::with_capacity(REQUESTS);
    for _ in 0..REQUESTS {
        clock += -(1.0 - uniform(&mut seed)).ln() / rate;
        let now = (clock * 1e9) as u64;
        while queued.front().is_some_and(|&start| start <= now) {
            queued.pop_front();
        }
        let Some(&Reverse(first_free)) = free.peek() else { unreachable!("workers > 0") };
        let start = first_free.max(now);
        if start > now && queued.len() >= pool.queue_capacity {
            refused += 1;
            continue;
        }
        free.pop();
        free.push(Reverse(start + service));
        if start > now {
            queued.push_back(start);
        }
        waits.push(start - now);
    }
    waits.sort_unstable();
    let at = |i: usize| Duration::from_nanos(waits.get(i.min(waits.len().saturating_sub(1))).copied().unwrap_or(0));
    Outcome {
        p99_wait: at(waits.len() * 99 / 100),
        max_wait: at(usize::MAX),
        refused: refused as f64 / REQUESTS as f64,
    }
}

/// Whether `outcome` meets the target at the planned rate.
fn meets(outcome: &Outcome, target: Duration) -> bool {
    outcome.refused <= 0.01 && outcome.p99_wait <= target
}

/// The plan for `load`, which must exist (the cores keep up).
fn plan_for(what: &str, load: &Workload) -> Plan {
    plan(load).unwrap_or_else(|| panic!("{what}: plan returned None, but its CPU part fits the cores"))
}

/// Guarantee: at the planned rate the pool refuses at most 1% of requests
/// and starts 99% of them within the queue-wait target.
fn meets_the_target<B: Backend>() {
    for (what, load) in WORKLOADS {
        let pool = plan_for(what, &load);
        let outcome = simulate(pool, load.arrivals_per_sec, load.cpu + load.wait);
        assert!(
            meets(&outcome, load.max_queue_wait),
            "{what}: {pool:?} refused {:.1}% of requests (at most 1%) and 99% waited up to {:?} \
             (target {:?}); a worker is held for cpu + wait, and λ × (cpu + wait) of them are busy",
            outcome.refused * 100.0,
            outcome.p99_wait,
            load.max_queue_wait
        );
    }
}

/// Guarantee: under overload (twice the planned rate) the bounded queue
/// refuses the excess, so every accepted request starts within the
/// target plus one service time.
fn overload_is_refused_not_queued<B: Backend>() {
    for (what, load) in WORKLOADS {
        let pool = plan_for(what, &load);
        let service = load.cpu + load.wait;
        let outcome = simulate(pool, 2.0 * load.arrivals_per_sec, service);
        assert!(
            outcome.max_wait <= load.max_queue_wait + service,
            "{what}, at twice the rate: {pool:?} let an accepted request wait {:?} in the queue \
             (at most target + service = {:?}); a queue longer than workers / S × target only \
             stores requests that start late",
            outcome.max_wait,
            load.max_queue_wait + service
        );
    }
}

/// Guarantee: the pool is not wastefully large: at most twice the workers
/// of the smallest pool (queue sized by Little's law) meeting the target.
fn not_oversized<B: Backend>() {
    for (what, load) in WORKLOADS {
        let pool = plan_for(what, &load);
        let service = load.cpu + load.wait;
        // Fewer than λ × S workers are overloaded: start the search there.
        let busy = (load.arrivals_per_sec * service.as_secs_f64()) as usize;
        let smallest = (busy.max(1)..=10_000)
            .find(|&workers| {
                let queue_capacity = (workers as u128 * load.max_queue_wait.as_nanos() / service.as_nanos()) as usize;
                let outcome = simulate(Plan { workers, queue_capacity }, load.arrivals_per_sec, service);
                meets(&outcome, load.max_queue_wait)
            })
            .expect("some pool meets the target");
        assert!(
            pool.workers <= 2 * smallest,
            "{what}: {pool:?} has {} workers, but {smallest} meet the target: size by the arrival \
             rate (Little's law), not by the cores alone",
            pool.workers
        );
    }
}

/// Guarantee: when the CPU part alone needs more than 80% of the cores,
/// there is no plan: more threads cannot add cores.
fn cpu_saturation_has_no_plan<B: Backend>() {
    let saturated = load(500.0, 10, 0, 4, 20);
    let got = plan(&saturated);
    assert!(
        got.is_none(),
        "500 req/s of 10 ms computing need 5 cores; with 4 cores plan must return None, got {got:?}"
    );
    let io_heavy = load(500.0, 2, 98, 4, 100);
    assert!(
        plan(&io_heavy).is_some(),
        "500 req/s of 2 ms computing need 1 core of 4: plan must not return None for the I/O part"
    );
}

exercises::suite! {
    exercise: "pool_sizing",
    checkers: ["std"],
    scenarios: [meets_the_target, overload_is_refused_not_queued, not_oversized, cpu_saturation_has_no_plan],
}
