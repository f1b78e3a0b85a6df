//! Python's `concurrent.futures.ThreadPoolExecutor` on the same shape,
//! measured by `benches/python/thread_pool_executor.py`.

use std::process::Command;

/// The script, found from the crate's directory at build time.
const SCRIPT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/python/thread_pool_executor.py"
);

/// The script's measurements.
#[derive(Debug, Default)]
pub struct Python {
    /// The interpreter's version.
    pub version: String,
    /// Tasks per run it used.
    pub tasks: usize,
    /// `(workers, median, min, max)` nanoseconds per task, 1 submitter,
    /// every future's result taken after the last submit.
    pub throughput: Vec<(usize, f64, f64, f64)>,
    /// Idle submit-to-start p50 and p99 in nanoseconds, 2 workers.
    pub start_p50: f64,
    /// As `start_p50`, the 99th percentile.
    pub start_p99: f64,
}

/// Runs the script (`tasks` per run, `rounds` rounds, `samples` latency
/// samples); `None`, with a note on stderr, if `python3` is missing or
/// the script fails.
pub fn measure(tasks: usize, rounds: usize, samples: usize) -> Option<Python> {
    let output = Command::new("python3")
        .arg(SCRIPT)
        .args(["--tasks", &tasks.to_string()])
        .args(["--rounds", &rounds.to_string()])
        .args(["--samples", &samples.to_string()])
        .arg("--tsv")
        .output();
    let output = match output {
        Ok(output) if output.status.success() => output,
        Ok(output) => {
            eprintln!(
                "python3 {SCRIPT} failed ({}):\n{}",
                output.status,
                String::from_utf8_lossy(&output.stderr)
            );
            return None;
        }
        Err(error) => {
            eprintln!("python3 not run ({error}): the Python row is left out");
            return None;
        }
    };
    let mut python = Python {
        tasks,
        ..Python::default()
    };
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        let num = |i: usize| {
            fields
                .get(i)
                .and_then(|f| f.parse::<f64>().ok())
                .unwrap_or(f64::NAN)
        };
        match fields.first() {
            Some(&"version") => python.version = fields.get(1).unwrap_or(&"?").to_string(),
            Some(&"throughput") => {
                python
                    .throughput
                    .push((num(1) as usize, num(2), num(3), num(4)));
            }
            Some(&"latency") => {
                python.start_p50 = num(1);
                python.start_p99 = num(3);
            }
            _ => {}
        }
    }
    Some(python)
}
