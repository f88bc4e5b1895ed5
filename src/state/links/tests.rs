//! The link format, natively: any state survives a round trip through its link, and a broken
//! link is refused part by part.

use cascade_sim::params::{Kind, PARAMS};
use cascade_sim::presets::PRESETS;
use cascade_sim::Scenario;
use proptest::prelude::*;

use super::{decode, encode, parse, scenario, to_query, EmbedLink, LinkView, MAX_CAPTION};
use crate::draw::views::{ViewSet, VIEWS};

/// A value inside a parameter's allowed range, written as a user would write it.
fn value_of(key: &str, base: &Scenario, pick: f64) -> Option<String> {
    let p = PARAMS.iter().find(|p| p.key == key)?;
    let v = match p.kind {
        Kind::Choice(names) => ((names.len() - 1) as f64 * pick).round(),
        Kind::Real => p.min + (p.max.min(p.min + 1e4) - p.min) * pick,
        _ => (p.min + (p.max.min(p.min + 1e4) - p.min) * pick).round(),
    };
    let mut s = base.clone();
    (p.set)(&mut s, v);
    Some(p.display(&s))
}

/// Keys a link may change without making the scenario invalid on its own.
const KEYS: &[&str] = &[
    "threads.limit",
    "threads.base",
    "restart.per_hour",
    "restart.bootstrap",
    "ops.first_fix",
    "cloudwatch.partitioned",
    "cognito.buffer_min",
    "shardmap.churn_per_hour",
    "restart.warmup_cost",
    "seed",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_state_survives_its_link(
        preset in 0..PRESETS.len(),
        changes in proptest::collection::vec((0..KEYS.len(), 0.0f64..1.0), 0..5),
        time in 0i32..1560,
        views in 1u16..256,
        range in proptest::option::of((0i32..700, 1i32..800)),
        operators: bool,
        scheme in proptest::option::of(prop::sample::select(vec![super::ColourScheme::Light, super::ColourScheme::Dark])),
    ) {
        let name = PRESETS[preset].name;
        let Ok(base) = PRESETS[preset].scenario() else { panic!("preset") };
        let mut s = base.clone();
        for (k, pick) in changes {
            if let Some(v) = value_of(KEYS[k], &s, pick) {
                let mut next = s.clone();
                if cascade_sim::params::set(&mut next, KEYS[k], &v).is_ok()
                    && cascade_sim::validate::validate(&next).is_ok()
                {
                    s = next;
                }
            }
        }
        let mut set = ViewSet::NONE;
        for (k, (v, _, _)) in VIEWS.iter().enumerate() {
            set = set.with(*v, views & (1 << k) != 0);
        }
        let view = LinkView {
            time: Some(time),
            range: range.map(|(a, len)| (a, a + len)),
            views: Some(set),
            embed: None,
            story: None,
            caption: None,
            operators,
            scheme,
        };
        let query = to_query(name, &s, &[], &view);
        let mut req = parse(&query);
        let (got_name, got) = scenario(&mut req);
        prop_assert!(req.problems.is_empty(), "{query}: {:?}", req.problems);
        prop_assert_eq!(got_name, name);
        prop_assert_eq!(got, s);
        prop_assert_eq!(req.time.unwrap_or(0), time);
        prop_assert_eq!(req.range, view.range);
        prop_assert_eq!(req.views.unwrap_or(ViewSet::PAGE), set);
        prop_assert_eq!(req.operators, operators);
        prop_assert_eq!(req.scheme, view.scheme);
    }

    #[test]
    fn any_text_is_encoded_and_decoded_back(text in ".{0,40}") {
        prop_assert_eq!(decode(&encode(&text)), Some(text));
    }

    #[test]
    fn an_embeds_caption_and_bar_survive_its_link(caption in "[^\\p{Cc}]{0,200}", autoplay: bool, bar: bool) {
        let view = LinkView {
            embed: Some(EmbedLink { views: ViewSet::PAGE, autoplay, looping: false, bar }),
            caption: Some(caption.clone()),
            ..LinkView::default()
        };
        let Ok(s) = cascade_sim::presets::scenario("historical") else { panic!("preset") };
        let req = parse(&to_query("historical", &s, &[], &view));
        let want: String = caption.trim().chars().take(MAX_CAPTION).collect();
        prop_assert_eq!(req.caption.unwrap_or_default(), want);
        prop_assert_eq!(req.bar.unwrap_or(!autoplay), bar);
        // Too long is said, not refused.
        prop_assert_eq!(
            req.problems.iter().any(|p| p.starts_with("caption")),
            caption.trim().chars().count() > MAX_CAPTION
        );
    }

}

/// Parts of a query as links write them, and as a hostile or broken one might.
fn part() -> impl Strategy<Value = String> {
    let keys = prop::sample::select(vec![
        "v", "preset", "set", "b", "t", "range", "views", "embed", "autoplay", "loop", "speed",
        "story", "present", "theme", "x",
    ]);
    let values = prop_oneof![
        ".{0,30}",
        "[a-z_.]{1,30}=[-0-9.e]{0,8}",
        "[0-9]{1,2}:[0-9]{1,2}(-[0-9]{1,2}:[0-9]{1,2})?",
        "%[0-9A-Fa-f]{0,2}[a-z]{0,3}",
    ];
    (keys, values).prop_map(|(k, v)| format!("{k}={v}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(30_000))]

    /// Any query is read without a panic, part by part, and every refusal names its part.
    #[test]
    fn any_query_is_read_without_a_panic_and_every_refusal_says_why(
        parts in proptest::collection::vec(part(), 0..8),
        noise in ".{0,40}",
    ) {
        let query = format!("?{}&{noise}", parts.join("&"));
        let mut req = parse(&query);
        let _ = scenario(&mut req);
        for p in &req.problems {
            prop_assert!(p.len() > 10, "{p}");
        }
    }
}

#[test]
fn a_link_too_long_is_refused_whole_with_its_length() {
    let long = format!("?preset={}", "a".repeat(5000));
    let req = parse(&long);
    assert_eq!(req.problems.len(), 1);
    assert!(req.problems[0].contains("5007 characters") && req.problems[0].contains("4000"));
}

#[test]
fn links_encode_as_encode_uri_component_does() {
    assert_eq!(encode("06:00"), "06%3A00");
    assert_eq!(encode("fleet.cells=4"), "fleet.cells%3D4");
    assert_eq!(encode("a b-_.!~*'()"), "a%20b-_.!~*'()");
    assert_eq!(decode("a+b%20c"), Some("a b c".to_string()));
    assert_eq!(decode("%E0%A4%A"), None, "a broken escape");
    assert_eq!(decode("%FF"), None, "not UTF-8");
}

#[test]
fn a_broken_link_is_refused_part_by_part() {
    let mut req = parse("?preset=nope&t=25:99&views=fleet,nothing&speed=-1&%zz=1&wat=1");
    let (name, s) = scenario(&mut req);
    assert_eq!(name, "historical");
    assert_eq!(s, Scenario::default());
    assert_eq!(req.problems.len(), 6, "{:?}", req.problems);
    assert!(req
        .views
        .is_some_and(|v| v.has(crate::draw::views::View::Fleet)));
}

#[test]
fn a_story_link_is_the_chapter() {
    let view = LinkView {
        story: Some(super::StoryLink {
            chapter: 4,
            presenting: true,
        }),
        ..LinkView::default()
    };
    let q = to_query("historical", &Scenario::default(), &[], &view);
    assert_eq!(q, "v=1&story=alarm&present=1");
    let req = parse(&q);
    assert_eq!(req.story, Some(4));
    assert!(req.present);
}

#[test]
fn a_link_names_its_colours_or_follows_the_reader() {
    use super::ColourScheme;
    for (query, want) in [
        ("v=1&theme=dark", Some(ColourScheme::Dark)),
        ("v=1&theme=light", Some(ColourScheme::Light)),
        ("v=1&theme=auto", None),
        ("v=1", None),
    ] {
        let req = parse(query);
        assert_eq!(req.scheme, want, "{query}");
        assert!(req.problems.is_empty(), "{query}: {:?}", req.problems);
    }
    let bad = parse("v=1&theme=purple");
    assert_eq!(bad.scheme, None);
    assert!(
        bad.problems
            .iter()
            .any(|p| p.contains("theme") && p.contains("light, dark or auto")),
        "{:?}",
        bad.problems
    );
    // A story's link keeps its colours too.
    let view = LinkView {
        story: Some(super::StoryLink {
            chapter: 4,
            presenting: false,
        }),
        scheme: Some(ColourScheme::Dark),
        ..LinkView::default()
    };
    let q = to_query("historical", &Scenario::default(), &[], &view);
    assert_eq!(q, "v=1&story=alarm&theme=dark");
    assert_eq!(parse(&q).scheme, Some(ColourScheme::Dark));
}
