//! Command line of the model: `cascade-sim run | presets | params | scenario`.

use std::process::ExitCode;

#[path = "cli/args.rs"]
mod args;
#[path = "cli/output.rs"]
mod output;

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    match args::execute(&argv) {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("cascade-sim: {message}");
            ExitCode::from(2)
        }
    }
}
