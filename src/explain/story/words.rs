//! The story's words with their figures filled in: a chapter's text is a template whose every
//! figure is a `{token}` naming its source, the run or AWS's timeline, so that no number in the
//! story is typed in (a test checks that the templates hold no digit).
//!
//! Tokens:
//! - `{m:KEY}`: the run's minute of the milestone `KEY` (`first_alarm`, ...), "HH:MM".
//! - `{aws:KEY}`: AWS's time of the milestone `KEY`, or of `cognito_fix`, `cognito_reduced`;
//!   `{aws:outage}`: the length of AWS's outage.
//! - `{since:KEY}`: from the start of the capacity addition to the milestone, in the run.
//! - `{fails:ID}`: the minute the service `ID` first fails in the run (`cascade_sim::facts`).
//! - `{outage}`: the length of Kinesis's outage in the run.
//! - `{p:KEY}`: the run's value of the parameter `KEY`, as a user writes it.
//! - `{every_past}`: the first minute every server is past the thread limit.
//! - `{now}`: the minute the text is shown at; `{err_now}`: Kinesis's error rate then (%).

use cascade_sim::clock::{self, historical, Minute};
use cascade_sim::compare::duration;
use cascade_sim::facts::{self, Outage};
use cascade_sim::milestones::ALL;
use cascade_sim::{Milestone, Recording};

/// What a template's figures are taken from.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    /// The run the text is shown beside.
    pub run: &'a Recording,
    /// The minute it is shown at.
    pub now: Minute,
}

fn milestone(key: &str) -> Result<Milestone, String> {
    ALL.iter()
        .copied()
        .find(|m| m.key() == key)
        .ok_or_else(|| format!("no milestone {key}"))
}

fn run_time(ctx: Context, key: &str) -> Result<Option<Minute>, String> {
    Ok(ctx.run.milestones.get(milestone(key)?))
}

fn aws_time(key: &str) -> Result<Minute, String> {
    match key {
        "cognito_fix" => Ok(historical::COGNITO_FIX),
        "cognito_reduced" => Ok(historical::COGNITO_REDUCED),
        _ => milestone(key)?
            .historical()
            .ok_or_else(|| format!("AWS gives no time for {key}")),
    }
}

/// "HH:MM", or words when the run never got there.
fn time_or(t: Option<Minute>) -> String {
    t.map_or_else(|| "(not in this run)".into(), clock::format)
}

/// The words of one token.
fn token(ctx: Context, token: &str) -> Result<String, String> {
    let (kind, arg) = token.split_once(':').unwrap_or((token, ""));
    Ok(match kind {
        "m" => time_or(run_time(ctx, arg)?),
        "aws" if arg == "outage" => duration(i64::from(Outage::aws().length().unwrap_or(0))),
        "aws" => clock::format(aws_time(arg)?),
        "since" => {
            let from = ctx.run.milestones.get(Milestone::CapacityAddStarted);
            match (from, run_time(ctx, arg)?) {
                (Some(a), Some(b)) => duration(i64::from(b - a)),
                _ => "(not in this run)".into(),
            }
        }
        "fails" => time_or(facts::service_fails(ctx.run, arg)),
        "outage" => match Outage::of(ctx.run) {
            Outage::None => "no outage".into(),
            o => o
                .length()
                .map_or_else(|| o.words(), |m| duration(i64::from(m))),
        },
        "p" => {
            let p = cascade_sim::params::find(arg).ok_or_else(|| format!("no parameter {arg}"))?;
            let v = p.display(&ctx.run.scenario);
            match v.parse::<u64>() {
                Ok(n) => facts::count(n),
                Err(_) => v,
            }
        }
        "every_past" => time_or(facts::every_server_past_limit(ctx.run)),
        "now" => clock::format(ctx.now),
        "err_now" => {
            let k = ctx.run.index_of(ctx.now);
            let e = ctx.run.series.kinesis_error.get(k).copied().unwrap_or(0.0);
            format!("{:.0}%", e * 100.0)
        }
        _ => return Err(format!("unknown token {{{token}}}")),
    })
}

/// The template with every token filled, or the first token that cannot be.
pub fn fill(template: &str, ctx: Context) -> Result<String, String> {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after
            .find('}')
            .ok_or_else(|| format!("unclosed token in: {template}"))?;
        out.push_str(&token(ctx, &after[..close])?);
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The template filled for the page: a token that cannot be filled shows as its name rather than
/// leaving a hole (the tests make sure none is left).
pub fn say(template: &str, ctx: Context) -> String {
    fill(template, ctx).unwrap_or_else(|e| e)
}
