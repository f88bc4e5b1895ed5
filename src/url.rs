//! Reading and writing the page's address: `?preset=NAME&set=KEY=VALUE&set=...&t=HH:MM` and,
//! for a branch, `b=HH:MM,KEY=VALUE` per change. A broken address never breaks the page: each
//! problem is named in a banner and the rest is used. The same text saves the edited scenario
//! in the browser's storage.

use cascade_sim::clock::{self, Minute};
use cascade_sim::{params, presets, Scenario};

/// What the address asks for, and what was wrong with it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LinkRequest {
    /// The preset to start from.
    pub preset: Option<String>,
    /// Parameter changes, as `--set` would take them.
    pub sets: Vec<(String, String)>,
    /// The time to open at.
    pub time: Option<Minute>,
    /// The branch's changes: from when, key, value.
    pub branch: Vec<(Minute, String, String)>,
    /// Problems found, in words.
    pub problems: Vec<String>,
    /// Where the request came from ("This link", "The saved scenario"), for the banner.
    pub origin: &'static str,
}

/// Longest query string read; anything longer is refused whole.
const MAX_QUERY: usize = 4000;

fn decode(text: &str) -> String {
    js_sys::decode_uri_component(&text.replace('+', " "))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| text.to_string())
}

/// Parses a query string (with or without the leading `?`).
pub fn parse(query: &str) -> LinkRequest {
    let mut req = LinkRequest::default();
    let query = query.trim_start_matches('?');
    if query.is_empty() {
        return req;
    }
    if query.len() > MAX_QUERY {
        req.problems.push(format!(
            "the link is {} characters long; at most {MAX_QUERY} are read",
            query.len()
        ));
        return req;
    }
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = decode(value);
        match decode(key).as_str() {
            "preset" => req.preset = Some(value),
            "set" => match value.split_once('=') {
                Some((k, v)) => req.sets.push((k.to_string(), v.to_string())),
                None => req
                    .problems
                    .push(format!("set={value}: expected KEY=VALUE")),
            },
            "t" => match clock::parse(&value).or_else(|| value.parse().ok()) {
                Some(t) => req.time = Some(t),
                None => req
                    .problems
                    .push(format!("t={value}: expected a time such as 06:00")),
            },
            "b" => match branch_change(&value) {
                Some(change) => req.branch.push(change),
                None => req
                    .problems
                    .push(format!("b={value}: expected HH:MM,KEY=VALUE")),
            },
            other => req.problems.push(format!("unknown part '{other}' ignored")),
        }
    }
    req
}

fn branch_change(text: &str) -> Option<(Minute, String, String)> {
    let (at, change) = text.split_once(',')?;
    let at = clock::parse(at).or_else(|| at.parse().ok())?;
    let (k, v) = change.split_once('=')?;
    Some((at, k.to_string(), v.to_string()))
}

fn encode(text: &str) -> String {
    js_sys::encode_uri_component(text).into()
}

/// The query string for `scenario` as changes from the preset `preset`, and a branch.
pub fn to_query(preset: &str, scenario: &Scenario, branch: &[(Minute, String, String)]) -> String {
    let mut parts = vec![format!("preset={}", encode(preset))];
    let base = presets::scenario(preset).unwrap_or_default();
    for p in params::PARAMS {
        let value = p.display(scenario);
        if value != p.display(&base) {
            parts.push(format!("set={}", encode(&format!("{}={value}", p.key))));
        }
    }
    for (at, key, value) in branch {
        let text = format!("{},{key}={value}", clock::format(*at));
        parts.push(format!("b={}", encode(&text)));
    }
    parts.join("&")
}

/// The scenario a link asks for; problems are added to `req.problems`.
pub fn scenario(req: &mut LinkRequest) -> (String, Scenario) {
    let name = req
        .preset
        .clone()
        .unwrap_or_else(|| "historical".to_string());
    let (name, mut scenario) = match presets::scenario(&name) {
        Ok(s) => (name, s),
        Err(e) => {
            req.problems.push(e.to_string());
            ("historical".to_string(), Scenario::default())
        }
    };
    for (key, value) in &req.sets {
        let mut next = scenario.clone();
        match params::set(&mut next, key, value)
            .and_then(|()| cascade_sim::validate::validate(&next))
        {
            Ok(()) => scenario = next,
            Err(e) => req.problems.push(e.to_string()),
        }
    }
    (name, scenario)
}

/// The page's query string.
pub fn current_query() -> String {
    crate::dom::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}
