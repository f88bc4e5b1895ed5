//! Links: the page's address holds everything needed to show exactly what its author saw.
//!
//! Version 1 (`v=1`): `preset=NAME`, `set=KEY=VALUE` per change from the preset,
//! `b=HH:MM,KEY=VALUE` per change of the branch, `t=HH:MM` the time, `range=HH:MM-HH:MM` a time
//! range, `views=fleet,graph,...` the views shown, and for an embed `embed=VIEWS`, `autoplay=1`,
//! `loop=1`, `speed=MIN_PER_S`; a story chapter is `story=ID` (with `present=1` for the
//! presenter view), and `operators=1` shows what the operators saw. Links without `v` (version 0, before views and ranges) read the
//! same way. A broken or hostile address never breaks the page: each problem is named in a
//! banner (quoting at most a few characters of what was given) and the rest is used. The same
//! text saves the edited scenario in the browser's storage.

use cascade_sim::branch::Change;
use cascade_sim::clock::{self, Minute};
use cascade_sim::quote::quote;
use cascade_sim::{params, presets, Scenario};

use crate::draw::views::ViewSet;

/// The link format this version writes.
pub const VERSION: u32 = 1;

/// Where the full app opens when a link names no time: mid-way through the hour of discovery,
/// with part of the fleet past the thread limit while requests still succeed. A normal day at
/// 00:00 shows nothing of the point.
pub const OPENING: Minute = clock::at(3, 30);

/// What the address asks for, and what was wrong with it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LinkRequest {
    /// The preset to start from.
    pub preset: Option<String>,
    /// Parameter changes, as `--set` would take them.
    pub sets: Vec<(String, String)>,
    /// The time to open at.
    pub time: Option<Minute>,
    /// The branch's changes, as the model reads them.
    pub branch: Vec<Change>,
    /// A time range (an embed's loop, or the part of the day a link is about).
    pub range: Option<(Minute, Minute)>,
    /// The views to show.
    pub views: Option<ViewSet>,
    /// Embed mode, with its views.
    pub embed: Option<ViewSet>,
    /// Start playing once computed.
    pub autoplay: bool,
    /// Play the range (or the day) over and over.
    pub looping: bool,
    /// An embed's bar shown (`Some(true)`) or hidden; by default hidden when it plays on its own.
    pub bar: Option<bool>,
    /// An embed's caption, written by the link's author, shown as text.
    pub caption: Option<String>,
    /// Playback speed, simulated minutes per second.
    pub speed: Option<f64>,
    /// The story chapter to open.
    pub story: Option<usize>,
    /// The presenter view (large type, high contrast, no controls).
    pub present: bool,
    /// What the operators saw, instead of the truth.
    pub operators: bool,
    /// Colours asked for, if not the reader's system's.
    pub scheme: Option<ColourScheme>,
    /// Problems found, in words.
    pub problems: Vec<String>,
    /// Where the request came from ("This link", "The saved scenario"), for the banner.
    pub origin: &'static str,
}

/// Colours a link asks for, whatever the reader's system prefers: for an embed on a dark or a
/// light page, say. No choice (`theme=auto`) follows the reader's system.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColourScheme {
    Light,
    Dark,
}

impl ColourScheme {
    /// Its name in links (`theme=light` or `theme=dark`).
    pub fn name(self) -> &'static str {
        match self {
            ColourScheme::Light => "light",
            ColourScheme::Dark => "dark",
        }
    }
}

/// Longest caption an embed shows, in characters.
pub const MAX_CAPTION: usize = 140;

/// Longest query string read; anything longer is refused whole.
const MAX_QUERY: usize = 4000;

/// What `encodeURIComponent` leaves as it is: letters, digits and `-_.!~*'()`. Links written
/// here read the same in any browser's address bar and in `URLSearchParams`.
const COMPONENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'!')
    .remove(b'~')
    .remove(b'*')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')');

/// A part of a query, decoded; `None` for a `%` not followed by two hex digits or bytes that are
/// not UTF-8 (as `decodeURIComponent` refuses them). `+` is a space, as in forms.
fn decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let well_formed = bytes.iter().enumerate().all(|(k, b)| {
        *b != b'%'
            || (bytes.get(k + 1).is_some_and(u8::is_ascii_hexdigit)
                && bytes.get(k + 2).is_some_and(u8::is_ascii_hexdigit))
    });
    if !well_formed {
        return None;
    }
    let spaced = text.replace('+', " ");
    percent_encoding::percent_decode_str(&spaced)
        .decode_utf8()
        .ok()
        .map(|s| s.into_owned())
}

/// A part of a query, encoded as `encodeURIComponent` does.
fn encode(text: &str) -> String {
    percent_encoding::utf8_percent_encode(text, COMPONENT).to_string()
}

fn minute(text: &str) -> Option<Minute> {
    clock::parse(text).or_else(|| {
        text.parse::<Minute>()
            .ok()
            .filter(|m| (0..7 * clock::DAY).contains(m))
    })
}

fn flag(text: &str) -> Option<bool> {
    match text {
        "1" | "true" | "" => Some(true),
        "0" | "false" => Some(false),
        _ => None,
    }
}

fn views(text: &str, what: &str, problems: &mut Vec<String>) -> Option<ViewSet> {
    let (set, unknown) = ViewSet::parse(text);
    for name in unknown {
        problems.push(format!("{what}: no view named '{name}'"));
    }
    if set.is_empty() {
        problems.push(format!("{what}: no known view; all views are shown"));
        return None;
    }
    Some(set)
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
        let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
        let (Some(key), Some(value)) = (decode(key), decode(raw)) else {
            req.problems.push(format!(
                "'{}' is not a readable part of a link",
                quote(pair)
            ));
            continue;
        };
        let p = &mut req.problems;
        let bad = |p: &mut Vec<String>, expected: &str| {
            p.push(format!("{key}={}: expected {expected}", quote(&value)))
        };
        match key.as_str() {
            "v" => match value.parse::<u32>() {
                Ok(v) if v <= VERSION => {}
                Ok(v) => p.push(format!(
                    "the link was made by a newer version (v={v}); it is read as version {VERSION}"
                )),
                Err(_) => bad(p, "a version number such as 1"),
            },
            "preset" => req.preset = Some(value),
            "set" => match value.split_once('=') {
                Some((k, v)) => req.sets.push((k.to_string(), v.to_string())),
                None => bad(p, "KEY=VALUE"),
            },
            // The model's one format for a change, which the command line's `--branch` reads too.
            "b" => match Change::parse(&value) {
                Some(change) => req.branch.push(change),
                None => bad(p, "HH:MM,KEY=VALUE"),
            },
            "t" => match minute(&value) {
                Some(t) => req.time = Some(t),
                None => bad(p, "a time such as 06:00"),
            },
            "range" => match value
                .split_once('-')
                .and_then(|(a, b)| Some((minute(a)?, minute(b)?)))
            {
                Some((a, b)) if a < b => req.range = Some((a, b)),
                _ => bad(p, "a range such as 02:30-06:00"),
            },
            "views" => req.views = views(&value, "views", p),
            "embed" => {
                req.embed = Some(if value.is_empty() || value == "1" {
                    ViewSet::PAGE
                } else {
                    views(&value, "embed", p).unwrap_or(ViewSet::PAGE)
                })
            }
            "autoplay" => match flag(&value) {
                Some(f) => req.autoplay = f,
                None => bad(p, "1 or 0"),
            },
            "loop" => match flag(&value) {
                Some(f) => req.looping = f,
                None => bad(p, "1 or 0"),
            },
            "bar" => match flag(&value) {
                Some(f) => req.bar = Some(f),
                None => bad(p, "1 or 0"),
            },
            "caption" => {
                let text: String = value.chars().filter(|c| !c.is_control()).collect();
                let text = text.trim();
                if text.chars().count() > MAX_CAPTION {
                    p.push(format!(
                        "caption: longer than {MAX_CAPTION} characters; the first {MAX_CAPTION} are shown"
                    ));
                }
                let cut: String = text.chars().take(MAX_CAPTION).collect();
                req.caption = (!cut.is_empty()).then_some(cut);
            }
            "speed" => match value.parse::<f64>() {
                Ok(s) if s.is_finite() && s > 0.0 => req.speed = Some(s),
                _ => bad(p, "minutes per second, such as 30"),
            },
            "story" => match crate::explain::story::find(&value) {
                Some(k) => req.story = Some(k),
                None => {
                    req.story = Some(0);
                    p.push(format!(
                        "story: no chapter named '{}'; the story opens at its start",
                        quote(&value)
                    ))
                }
            },
            "operators" => match flag(&value) {
                Some(f) => req.operators = f,
                None => bad(p, "1 or 0"),
            },
            "present" => match flag(&value) {
                Some(f) => req.present = f,
                None => bad(p, "1 or 0"),
            },
            "theme" => match value.as_str() {
                "light" => req.scheme = Some(ColourScheme::Light),
                "dark" => req.scheme = Some(ColourScheme::Dark),
                "auto" => req.scheme = None,
                _ => bad(p, "light, dark or auto"),
            },
            other => p.push(format!("unknown part '{}' ignored", quote(other))),
        }
    }
    req
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
            req.problems.push(format!(
                "preset '{}' does not exist; allowed: {}",
                quote(&name),
                e.allowed
            ));
            ("historical".to_string(), Scenario::default())
        }
    };
    for (key, value) in &req.sets {
        let mut next = scenario.clone();
        match params::set(&mut next, key, value)
            .and_then(|()| cascade_sim::validate::validate(&next))
        {
            Ok(()) => scenario = next,
            Err(e) => req.problems.push(format!(
                "{}: value '{}' is not allowed; allowed: {}",
                quote(&e.field),
                quote(&e.value),
                e.allowed
            )),
        }
    }
    (name, scenario)
}

/// What a link holds besides the scenario.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LinkView {
    /// The time, if not 00:00.
    pub time: Option<Minute>,
    /// A time range.
    pub range: Option<(Minute, Minute)>,
    /// The views, if not all.
    pub views: Option<ViewSet>,
    /// Embed mode with its views, autoplay and loop.
    pub embed: Option<EmbedLink>,
    /// The story chapter, and whether in the presenter view.
    pub story: Option<StoryLink>,
    /// An embed's caption.
    pub caption: Option<String>,
    /// What the operators saw, instead of the truth.
    pub operators: bool,
    /// Colours asked for, if not the reader's system's.
    pub scheme: Option<ColourScheme>,
}

/// What a link says of an embed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EmbedLink {
    /// The views the embed shows.
    pub views: ViewSet,
    /// Whether it plays on its own.
    pub autoplay: bool,
    /// Whether it plays its range over and over.
    pub looping: bool,
    /// Whether its bar (Play, the clock, the link to the full app) is shown.
    pub bar: bool,
}

/// What a link says of the story.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoryLink {
    /// The chapter.
    pub chapter: usize,
    /// Whether in the presenter view.
    pub presenting: bool,
}

/// The query string for `scenario` as changes from the preset `preset`, a branch, and a view.
pub fn to_query(preset: &str, scenario: &Scenario, branch: &[Change], view: &LinkView) -> String {
    if let Some(StoryLink {
        chapter: k,
        presenting: present,
    }) = view.story
    {
        // A chapter's link is the chapter: it sets the time, the views and the highlight.
        let id = crate::explain::story::CHAPTERS
            .get(k)
            .map_or("rest", |c| c.id);
        let present = if present { "&present=1" } else { "" };
        let theme = view
            .scheme
            .map_or(String::new(), |s| format!("&theme={}", s.name()));
        return format!("v={VERSION}&story={id}{present}{theme}");
    }
    let mut parts = vec![format!("v={VERSION}"), format!("preset={}", encode(preset))];
    let base = presets::scenario(preset).unwrap_or_default();
    for p in params::PARAMS {
        let value = p.display(scenario);
        if value != p.display(&base) {
            parts.push(format!("set={}", encode(&format!("{}={value}", p.key))));
        }
    }
    for change in branch {
        parts.push(format!("b={}", encode(&change.text())));
    }
    // Written whenever given: a link without a time opens at the opening moment, not 00:00.
    if let Some(t) = view.time {
        parts.push(format!("t={}", encode(&clock::format(t))));
    }
    if let Some((a, b)) = view.range {
        let text = format!("{}-{}", clock::format(a), clock::format(b));
        parts.push(format!("range={}", encode(&text)));
    }
    if view.operators {
        parts.push("operators=1".into());
    }
    if let Some(s) = view.scheme {
        parts.push(format!("theme={}", s.name()));
    }
    if let Some(v) = view.views.filter(|v| *v != ViewSet::PAGE) {
        parts.push(format!("views={}", v.names()));
    }
    if let Some(EmbedLink {
        views: v,
        autoplay,
        looping,
        bar,
    }) = view.embed
    {
        parts.push(format!("embed={}", v.names()));
        if autoplay {
            parts.push("autoplay=1".into());
        }
        if looping {
            parts.push("loop=1".into());
        }
        // Only when it differs from the default: hidden when the embed plays on its own.
        if bar == autoplay {
            parts.push(format!("bar={}", u8::from(bar)));
        }
        if let Some(c) = view.caption.as_deref().filter(|c| !c.is_empty()) {
            parts.push(format!("caption={}", encode(c)));
        }
    }
    parts.join("&")
}

// Native tests (`cargo test -p kinesis-cascade`); the browser's are in the wasm32 build.
#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests;
