//! A grader's process, started in a process group of its own so that
//! stopping it stops everything it started: loom runs each model in a
//! child process, and killing only the grader left those children running
//! at full speed for many minutes. For the same reason a Ctrl-C (or a
//! closed terminal) that ends `cargo drill` first stops the running
//! grader's group: in a group of its own, the grader no longer gets the
//! terminal's signals.

use std::io::Read as _;
use std::os::unix::process::CommandExt as _;
use std::process::{Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicI32, Ordering};
use std::time::{Duration, Instant};

/// What a limited run produced.
#[derive(Debug)]
pub struct Finished {
    /// The exit status; `None` if the limit stopped it.
    pub status: Option<ExitStatus>,
    /// Everything it printed on stdout.
    pub stdout: String,
    /// Everything it printed on stderr.
    pub stderr: String,
}

/// The process group of the grader running now (0: none), for the signal
/// handler. Relaxed: a single value read in the handler; nothing else is
/// published through it.
static RUNNING: AtomicI32 = AtomicI32::new(0);

/// Runs `command` to its end, or for at most `limit`, then stops it and
/// every process it started.
pub fn run_limited(mut command: Command, limit: Duration) -> std::io::Result<Finished> {
    forward_signals();
    let started = Instant::now();
    let mut child = command
        .process_group(0)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    // The child leads its own group: its pid is the group's id.
    let group = child.id() as i32;
    RUNNING.store(group, Ordering::Relaxed);
    let read = |mut pipe: Box<dyn std::io::Read + Send>| {
        std::thread::spawn(move || {
            let mut text = String::new();
            let _ = pipe.read_to_string(&mut text);
            text
        })
    };
    let out = read(Box::new(child.stdout.take().expect("piped")));
    let err = read(Box::new(child.stderr.take().expect("piped")));
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break Some(status);
        }
        if started.elapsed() > limit {
            // Before reaping the leader: until then its pid, and so the
            // group's id, cannot be reused by an unrelated process.
            // SAFETY: killpg only sends a signal; `group` is our child's.
            unsafe { libc::killpg(group, libc::SIGKILL) };
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    RUNNING.store(0, Ordering::Relaxed);
    Ok(Finished {
        status,
        stdout: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
    })
}

/// Installs, once, the handler that stops the running grader's group on
/// SIGINT, SIGTERM and SIGHUP, then lets the signal end us as before.
fn forward_signals() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
            // SAFETY: `on_signal` only calls async-signal-safe functions
            // (killpg, signal, raise) and reads an atomic.
            unsafe {
                libc::signal(
                    signal,
                    on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t,
                )
            };
        }
    });
}

extern "C" fn on_signal(signal: libc::c_int) {
    let group = RUNNING.load(Ordering::Relaxed);
    // SAFETY: async-signal-safe calls only; the default action then ends
    // the process as the signal would have without this handler.
    unsafe {
        if group > 0 {
            libc::killpg(group, libc::SIGKILL);
        }
        libc::signal(signal, libc::SIG_DFL);
        libc::raise(signal);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `pid` is gone (or a zombie nobody reaped yet: it no longer
    /// runs).
    fn gone(pid: i32) -> bool {
        match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
            Err(_) => true,
            Ok(stat) => stat
                .rsplit_once(')')
                .is_some_and(|(_, rest)| rest.trim_start().starts_with(['Z', 'X'])),
        }
    }

    #[test]
    fn a_stopped_grader_leaves_no_child_behind() {
        // A "grader" that starts a long child (as loom does), prints its
        // pid and never ends; the child's output goes elsewhere, so only
        // the group kill can end it.
        let mut command = Command::new("sh");
        command.args(["-c", "sleep 120 >/dev/null 2>&1 & echo $!; exec sleep 120"]);
        let started = Instant::now();
        let finished = run_limited(command, Duration::from_millis(300)).unwrap();
        assert!(finished.status.is_none(), "the limit stopped it");
        assert!(started.elapsed() < Duration::from_secs(10));
        let pid: i32 = finished.stdout.trim().parse().expect("the child's pid");
        let deadline = Instant::now() + Duration::from_secs(5);
        while !gone(pid) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        let left = !gone(pid);
        if left {
            // SAFETY: a test cleaning up the process it started.
            unsafe { libc::kill(pid, libc::SIGKILL) };
        }
        assert!(!left, "the grader's child {pid} outlived the grader");
    }

    #[test]
    fn a_grader_that_ends_is_read_in_full() {
        let mut command = Command::new("sh");
        command.args(["-c", "echo out; echo err >&2; exit 3"]);
        let finished = run_limited(command, Duration::from_secs(60)).unwrap();
        assert_eq!(finished.status.and_then(|s| s.code()), Some(3));
        assert_eq!(
            (finished.stdout.as_str(), finished.stderr.as_str()),
            ("out\n", "err\n")
        );
    }
}
