//! Command line of the model: `cascade-sim run | scenario | sensitivity | presets | params`.

use std::io::Write;
use std::process::ExitCode;

mod args;
mod output;
mod sensitivity;

fn main() -> ExitCode {
    match args::execute(std::env::args_os()) {
        Ok(printed) => {
            for warning in &printed.warnings {
                eprintln!("cascade-sim: warning: {warning}");
            }
            // A reader that stops early (`| head`) closes the pipe: that is not an error, and
            // `print!` would panic on it.
            let mut out = std::io::stdout().lock();
            match out
                .write_all(printed.text.as_bytes())
                .and_then(|()| out.flush())
            {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("cascade-sim: cannot write the output: {e}");
                    ExitCode::from(1)
                }
            }
        }
        Err(message) => {
            eprintln!("cascade-sim: {message}");
            ExitCode::from(2)
        }
    }
}
