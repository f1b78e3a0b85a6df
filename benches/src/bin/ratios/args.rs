//! The command line: `ratios [--quick] [--tasks N] [--rounds R]
//! [--samples S] [--python]`.

/// What to run.
#[derive(Clone, Copy, Debug)]
pub struct Args {
    /// Tasks per throughput run.
    pub tasks: usize,
    /// Interleaved rounds.
    pub rounds: usize,
    /// Idle-latency samples per contender per round.
    pub samples: usize,
    /// Also run Python's `ThreadPoolExecutor` script.
    pub python: bool,
    /// `--quick` was given.
    pub quick: bool,
}

const USAGE: &str = "usage: ratios [--quick] [--tasks N] [--rounds R] [--samples S] [--python]
  --quick      20,000 tasks per run, 3 rounds, 100 latency samples
  --tasks N    tasks per throughput run (default 200,000)
  --rounds R   interleaved rounds (default 5)
  --samples S  idle-latency samples per contender per round (default 400)
  --python     also measure Python's concurrent.futures.ThreadPoolExecutor";

impl Args {
    /// Parses the process arguments; prints usage and exits on `--help`
    /// or a malformed argument.
    pub fn parse() -> Self {
        let mut argv: Vec<String> = std::env::args().skip(1).collect();
        let quick = take_flag(&mut argv, "--quick");
        let mut args = Args {
            tasks: if quick { 20_000 } else { 200_000 },
            rounds: if quick { 3 } else { 5 },
            samples: if quick { 100 } else { 400 },
            python: take_flag(&mut argv, "--python"),
            quick,
        };
        let mut rest = argv.into_iter();
        while let Some(arg) = rest.next() {
            let mut number = || -> usize {
                match rest.next().and_then(|v| v.replace('_', "").parse().ok()) {
                    Some(n) if n > 0 => n,
                    _ => fail(&format!("{arg} needs a positive number")),
                }
            };
            match arg.as_str() {
                "--tasks" => args.tasks = number(),
                "--rounds" => args.rounds = number(),
                "--samples" => args.samples = number(),
                "-h" | "--help" => {
                    println!("{USAGE}");
                    std::process::exit(0);
                }
                other => fail(&format!("unknown argument {other}")),
            }
        }
        args
    }
}

fn take_flag(argv: &mut Vec<String>, flag: &str) -> bool {
    let before = argv.len();
    argv.retain(|a| a != flag);
    argv.len() != before
}

fn fail(message: &str) -> ! {
    eprintln!("ratios: {message}\n{USAGE}");
    std::process::exit(2);
}
