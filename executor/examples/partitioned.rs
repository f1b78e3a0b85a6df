//! The partitioned executor: per-key order, hot partitions, salting and a
//! resize that keeps order.
//!
//! Events of three accounts are processed in parallel across accounts but
//! strictly in order within each account. Then one account turns hot: its
//! worker's queue grows while the others idle, which the per-lane metrics
//! show and the average hides. Salting spreads a key that tolerates
//! reordering. Finally the pool grows from 4 to 5 workers: only the keys the
//! new worker takes over move, and they move only once drained.
//!
//! Run it with `cargo run -p executor --example partitioned`.

// A demo may use std directly (a channel as a gate); the library itself
// may not (see clippy.toml).
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

use executor::routing::{stable_hash, worker_for};
use executor::sync::{Std, thread};
use executor::{Executor, PartitionedPool};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let pool = Executor::builder()
        .workers(4)
        .max_workers(8)
        .capacity(64)
        .name_prefix("shard")
        .build_partitioned()?;

    println!("-- per-key order: 3 accounts x 5 events");
    let seen: Arc<Mutex<Vec<(String, u32, String)>>> = Arc::default();
    let mut handles = Vec::new();
    for event in 0..5 {
        for account in ["alice", "bob", "carol"] {
            let seen = seen.clone();
            handles.push(pool.submit(account, move || {
                let worker = thread::current_name::<Std>().unwrap_or_default();
                seen.lock()
                    .unwrap()
                    .push((account.to_owned(), event, worker));
            })?);
        }
    }
    for handle in handles {
        handle.join()?;
    }
    for account in ["alice", "bob", "carol"] {
        let seen = seen.lock().unwrap();
        let events: Vec<u32> = seen
            .iter()
            .filter(|e| e.0 == account)
            .map(|e| e.1)
            .collect();
        let worker = &seen.iter().find(|e| e.0 == account).unwrap().2;
        println!("  {account:<6} on {worker}: events ran in order {events:?}");
    }

    println!("\n-- a hot partition: 40 events for one account, its worker busy");
    let (release, gate) = mpsc::channel::<()>();
    let blocker = pool.submit("alice", move || gate.recv().unwrap())?;
    let queued: Vec<_> = (0..40)
        .map(|_| pool.submit("alice", || ()).unwrap())
        .collect();
    report_lanes(&pool);
    release.send(())?;
    blocker.join()?;
    for handle in queued {
        handle.join()?;
    }

    println!("\n-- salting: page views of one post, order not needed, spread over 4 salts");
    let before = pool.partition_metrics();
    let views: Vec<_> = (0..400_u64)
        .map(|view| pool.submit_salted("post-1", view % 4, || ()).unwrap())
        .collect();
    for view in views {
        view.join()?;
    }
    let after = pool.partition_metrics();
    let spread: Vec<u64> = (0..4)
        .map(|lane| after.lanes[lane].accepted - before.lanes[lane].accepted)
        .collect();
    println!("  views per worker: {spread:?} (unsalted, all 400 would go to one worker)");

    println!("\n-- resize 4 -> 5 workers: which of 10,000 keys move?");
    let keys: Vec<String> = (0..10_000).map(|k| format!("user-{k}")).collect();
    let owner_before: Vec<usize> = keys.iter().map(|k| pool.worker_for(k.as_str())).collect();
    pool.resize(5)?;
    let moved = keys
        .iter()
        .zip(&owner_before)
        .filter(|(k, before)| pool.worker_for(k.as_str()) != **before)
        .count();
    let modulo = keys
        .iter()
        .filter(|k| stable_hash(k.as_str()) % 4 != stable_hash(k.as_str()) % 5)
        .count();
    println!(
        "  jump hash moved {:.1}% of keys (ideal 1/5 = 20%); hash % n would move {:.1}%",
        moved as f64 / 100.0,
        modulo as f64 / 100.0
    );
    assert_eq!(pool.worker_for("alice"), worker_for("alice", 5));

    pool.shutdown()?;
    let m = pool.metrics();
    println!(
        "\nfinal: accepted={} completed={} consistent={}",
        m.accepted,
        m.completed,
        m.is_consistent()
    );
    Ok(())
}

/// Prints each lane's depth, the average, and the lanes over a threshold.
fn report_lanes(pool: &PartitionedPool<Std>) {
    let m = pool.partition_metrics();
    let active: Vec<_> = m.lanes.iter().filter(|l| l.active).collect();
    let depths: Vec<u64> = active.iter().map(|l| l.depth).collect();
    let average = depths.iter().sum::<u64>() as f64 / depths.len() as f64;
    println!("  queue depth per worker: {depths:?}, average {average:.1}");
    println!(
        "  hot lanes (depth > 16): {:?}; the average alone (< 16) would say all is well",
        m.hot_lanes(16)
    );
}
