//! What a host page's message asks the app for (the postMessage API, see the README), read from
//! its fields: pure, so that it is fuzzed natively. `hooks/embed_api.rs` takes the fields out of
//! the JavaScript object and carries out the request.

use cascade_sim::clock;

use crate::state::Action;

/// The `type` every message to or from the app carries.
pub const MESSAGE_TYPE: &str = "kinesis-cascade";

/// The actions a host page may ask for.
const ACTIONS: &str = "seek, play, pause, load, subscribe, unsubscribe";

/// Longest link a `load` message may carry (the same as a page's address).
pub const MAX_LINK: usize = 4000;

/// A message's `time` field, as JavaScript gave it.
#[derive(Debug, Clone, PartialEq)]
pub enum TimeField {
    /// Absent, or neither a number nor a string.
    Missing,
    /// A number: minutes since 00:00.
    Number(f64),
    /// A string: "HH:MM".
    Text(String),
}

/// The fields of a message the app reads.
#[derive(Debug, Clone, PartialEq)]
pub struct Fields {
    /// `type`, if a string.
    pub kind: Option<String>,
    /// `action`, if a string.
    pub action: Option<String>,
    /// `time`.
    pub time: TimeField,
    /// `link`, if a string.
    pub link: Option<String>,
}

/// What a host page asks for.
pub enum Request {
    /// An action of the app's reducer.
    Do(Action),
    /// Open a link's query.
    Load(String),
    /// Start (true) or stop time updates to the sender.
    Subscribe(bool),
}

/// The minute a `time` field names: "HH:MM" or minutes since 00:00.
fn time_of(time: &TimeField) -> Option<f64> {
    match time {
        TimeField::Number(n) => n.is_finite().then_some(*n),
        TimeField::Text(s) => clock::parse(s).map(f64::from),
        TimeField::Missing => None,
    }
}

/// What a message asks for, or why it cannot be done; `None` for a message not addressed to
/// the app (another `type`) or not a request (the app's own events and replies, which a page
/// hosting it, or the app itself, may see: answering them could make two windows ping-pong).
pub fn read(fields: &Fields) -> Option<Result<Request, String>> {
    if fields.kind.as_deref() != Some(MESSAGE_TYPE) {
        return None;
    }
    let action = fields.action.as_deref()?;
    Some(match action {
        "seek" => time_of(&fields.time)
            .map(|t| Request::Do(Action::Seek(t)))
            .ok_or_else(|| "seek: 'time' must be \"HH:MM\" or minutes since 00:00".to_string()),
        "play" => Ok(Request::Do(Action::Play)),
        "pause" => Ok(Request::Do(Action::Pause)),
        "load" => match &fields.link {
            Some(link) if link.len() <= MAX_LINK => Ok(Request::Load(link.clone())),
            Some(_) => Err(format!("load: 'link' is longer than {MAX_LINK} characters")),
            None => Err(
                "load: 'link' must be a link's query, such as \"preset=cellular&t=06:00\"".into(),
            ),
        },
        "subscribe" => Ok(Request::Subscribe(true)),
        "unsubscribe" => Ok(Request::Subscribe(false)),
        other => Err(format!(
            "unknown action '{}'; allowed: {ACTIONS}",
            cascade_sim::quote::quote(other)
        )),
    })
}

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn time_field() -> impl Strategy<Value = TimeField> {
        prop_oneof![
            Just(TimeField::Missing),
            any::<f64>().prop_map(TimeField::Number),
            ".{0,12}".prop_map(TimeField::Text),
        ]
    }

    fn action() -> impl Strategy<Value = Option<String>> {
        prop_oneof![
            Just(None),
            prop::sample::select(vec![
                "seek",
                "play",
                "pause",
                "load",
                "subscribe",
                "unsubscribe"
            ])
            .prop_map(|a| Some(a.to_string())),
            ".{0,60}".prop_map(Some),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(40_000))]

        /// Any message is read without a panic; one the app refuses says why.
        #[test]
        fn any_message_is_read_and_every_refusal_says_why(
            typed in prop::bool::ANY,
            other_kind in ".{0,20}",
            action in action(),
            time in time_field(),
            link in prop::option::of(prop_oneof![
                ".{0,40}",
                (MAX_LINK - 5..MAX_LINK + 5).prop_map(|n| "a".repeat(n)),
            ]),
        ) {
            let fields = Fields {
                kind: Some(if typed { MESSAGE_TYPE.to_string() } else { other_kind }),
                action,
                time,
                link,
            };
            match read(&fields) {
                Some(Err(problem)) => prop_assert!(problem.len() > 15, "{problem}"),
                Some(Ok(Request::Load(link))) => prop_assert!(link.len() <= MAX_LINK),
                Some(Ok(Request::Do(Action::Seek(t)))) => prop_assert!(t.is_finite()),
                _ => {}
            }
            if fields.kind.as_deref() != Some(MESSAGE_TYPE) {
                prop_assert!(read(&fields).is_none(), "another type is ignored");
            }
        }
    }

    #[test]
    fn requests_are_read_and_limits_named() {
        let msg = |action: &str, time: TimeField, link: Option<&str>| Fields {
            kind: Some(MESSAGE_TYPE.into()),
            action: Some(action.into()),
            time,
            link: link.map(str::to_string),
        };
        assert!(matches!(
            read(&msg("seek", TimeField::Text("05:15".into()), None)),
            Some(Ok(Request::Do(Action::Seek(t)))) if t == 315.0
        ));
        let long = "x".repeat(MAX_LINK + 1);
        let Some(Err(e)) = read(&msg("load", TimeField::Missing, Some(&long))) else {
            panic!("a long link is refused");
        };
        assert!(e.contains("longer than 4000"), "{e}");
        let Some(Err(e)) = read(&msg("fly", TimeField::Missing, None)) else {
            panic!("an unknown action is refused");
        };
        assert!(
            e.contains("unknown action 'fly'") && e.contains("seek"),
            "{e}"
        );
        let reply = Fields {
            action: None,
            ..msg("x", TimeField::Missing, None)
        };
        assert!(
            read(&reply).is_none(),
            "the app's own replies are not answered"
        );
    }
}
