//! The app in the browser (wasm-bindgen-test): it renders, steps and shows a crash.

use super::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

fn mount() -> web_sys::Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    root
}

async fn settle() {
    gloo::timers::future::TimeoutFuture::new(50).await;
}

/// The button whose accessible name is `name` (its label, or its text without symbols).
fn button(root: &web_sys::Element, name: &str) -> Option<web_sys::HtmlElement> {
    let all = root.query_selector_all("button").ok()?;
    (0..all.length())
        .filter_map(|k| all.item(k)?.dyn_into::<web_sys::HtmlElement>().ok())
        .find(|b| {
            let text = b.text_content().unwrap_or_default();
            let text = text.trim_matches(|c: char| !c.is_alphanumeric());
            b.get_attribute("aria-label").as_deref() == Some(name)
                || (b.get_attribute("aria-label").is_none() && text == name)
        })
}

/// Waits until the app has rendered into `root` (the first render runs the model; the
/// graph mounts a task after the fleet).
async fn rendered(root: &web_sys::Element) {
    for _ in 0..400 {
        let shown = |sel: &str| root.query_selector(sel).ok().flatten().is_some();
        if shown(".clock-time") && shown("#fleet-canvas") && shown("[data-cascade]") {
            return;
        }
        settle().await;
    }
    panic!("the app did not render");
}

#[wasm_bindgen_test]
fn a_crash_is_shown_with_what_stopped_a_reload_and_the_details_to_copy() {
    // What the panic hook shows (a real panic aborts the test's wasm, so the hook's function
    // is called directly; the shipped app has no way to cause one on purpose).
    let doc = web_sys::window().unwrap().document().unwrap();
    // The narration of an app mounted by another test, or one of this test's own.
    let narration = doc.get_element_by_id("narration").unwrap_or_else(|| {
        let p = doc.create_element("p").unwrap();
        p.set_id("narration");
        doc.body().unwrap().append_child(&p).unwrap();
        p
    });
    crate::web::dom::show_crash("a test of the crash message");
    let banner = doc
        .query_selector(".banner.crash")
        .unwrap()
        .expect("the crash banner");
    assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));
    let text = banner.text_content().unwrap_or_default();
    assert!(text.contains("The replay has stopped"), "{text}");
    assert!(text.contains("a test of the crash message"), "{text}");
    assert!(
        text.contains(env!("CARGO_PKG_VERSION")),
        "the version: {text}"
    );
    assert!(text.contains("link: http"), "the link: {text}");
    let root: web_sys::Element = banner.clone();
    assert!(button(&root, "Reload the page").is_some());
    assert!(button(&root, "Copy the details").is_some());
    assert!(narration
        .text_content()
        .unwrap_or_default()
        .contains("stopped"));
    banner.remove();
}

#[wasm_bindgen_test]
async fn renders_the_controls_the_views_and_the_clock() {
    let root = mount();
    rendered(&root).await;
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("03:30"), "the clock at the opening moment");
    for label in [
        "Play",
        "Previous chapter",
        "Next chapter",
        "Step back one minute",
        "Step forward one minute",
        "Previous event",
        "Next event",
        "Restart the replay",
    ] {
        assert!(button(&root, label).is_some(), "{label}");
    }
    assert!(root
        .query_selector("input[aria-label=\"Time\"]")
        .unwrap()
        .is_some());
    assert!(root.query_selector("#fleet-canvas").unwrap().is_some());
    assert_eq!(
        root.query_selector_all("[data-cascade]").unwrap().length(),
        11
    );
    assert!(root
        .query_selector("[aria-live=\"polite\"]")
        .unwrap()
        .is_some());
}

#[wasm_bindgen_test]
async fn stepping_moves_the_clock_and_the_narration_follows() {
    let root = mount();
    rendered(&root).await;
    button(&root, "Restart the replay").unwrap().click();
    settle().await;
    button(&root, "Next event").unwrap().click();
    settle().await;
    let clock = root
        .query_selector(".clock-time")
        .unwrap()
        .unwrap()
        .text_content();
    assert_eq!(clock.as_deref(), Some("02:44"));
    let narration = root
        .query_selector(".narration")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap_or_default();
    assert!(narration.contains("Capacity addition"), "{narration}");
}
