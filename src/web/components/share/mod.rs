//! Share and export: the views shown, "Copy link", the embed dialog (`embed.rs`) and the
//! exports (`exports.rs`: PNG, SVG, CSV, JSON, the scenario file and loading one back).

use std::cell::RefCell;
use std::rc::Rc;

use cascade_sim::branch::Change;
use cascade_sim::clock::Minute;
use cascade_sim::{Recording, Scenario};
use yew::prelude::*;

use crate::state::ById;

use crate::draw::views::{ViewSet, VIEWS};
use crate::state::links::{ColourScheme, EmbedLink, LinkView};
use crate::state::Action;

mod embed;
mod exports;
mod load;

#[derive(Properties, Clone, PartialEq)]
pub struct Props {
    /// The chosen preset.
    pub preset: AttrValue,
    /// The scenario (without the branch).
    pub scenario: Scenario,
    /// The branch's changes.
    pub branch: Vec<Change>,
    /// The views shown.
    pub views: ViewSet,
    /// The time range of the link, if any.
    pub range: Option<(Minute, Minute)>,
    /// The recording on screen.
    pub run: ById<Recording>,
    /// With a branch, the run it forked from.
    pub compare: Option<ById<Recording>>,
    /// Whether what the operators saw is shown (links and embeds keep it).
    pub operators: bool,
    /// The colours the page's link asked for, if any (the link to the page keeps them).
    #[prop_or_default]
    pub scheme: Option<ColourScheme>,
    /// The cursor, read when a link is made (it moves every frame; this panel does not).
    pub now: ById<RefCell<f64>>,
    /// Sends an action to the store.
    pub send: Callback<Action>,
}

impl Props {
    /// The link to what is on screen now (or an embed of it).
    pub(super) fn link(
        &self,
        embed: Option<EmbedLink>,
        range: Option<(Minute, Minute)>,
        caption: Option<String>,
        scheme: Option<ColourScheme>,
    ) -> String {
        let view = LinkView {
            time: Some(self.now.borrow().floor() as Minute),
            range: range.or(self.range),
            views: Some(self.views),
            embed,
            story: None,
            caption,
            operators: self.operators,
            scheme,
        };
        format!(
            "{}?{}",
            crate::web::dom::page_address(),
            crate::state::links::to_query(&self.preset, &self.scenario, &self.branch, &view)
        )
    }
}

/// Copies `text` to the clipboard if the browser lets the page; the text is also shown, so it
/// can be copied by hand when it does not.
pub(super) fn copy(text: &str) {
    let Some(navigator) = crate::web::dom::window().map(|w| w.navigator()) else {
        return;
    };
    // Outside a secure context (a page served over plain HTTP from another machine) there is
    // no clipboard object at all: calling it would throw, and the shown text is the fallback.
    let present = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if !present {
        return;
    }
    let promise = navigator.clipboard().write_text(text);
    // A refusal (no permission) leaves the shown text to copy by hand.
    wasm_bindgen_futures::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    });
}

#[function_component(Share)]
pub fn share(props: &Props) -> Html {
    let link = use_state(|| None::<String>);
    let dialog = use_state(|| false);
    let exports = exports::use_exports(props);

    let copy_link = {
        let (props, link) = (props.clone(), link.clone());
        Callback::from(move |_: MouseEvent| {
            let text = props.link(None, None, None, props.scheme);
            copy(&text);
            link.set(Some(text));
        })
    };
    let view_toggle = |v, on: bool| {
        let (send, views) = (props.send.clone(), props.views);
        Callback::from(move |_: Event| send.emit(Action::SetViews(views.with(v, !on))))
    };
    let toggle_dialog = {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| dialog.set(!*dialog))
    };
    html! {
        <section class="panel share" aria-labelledby="share-title">
            <h2 id="share-title">{ "Views, share and export" }</h2>
            <fieldset class="view-choice">
                <legend>{ "Views shown" }</legend>
                { for VIEWS.iter().map(|(v, _, title)| {
                    let on = props.views.has(*v);
                    html! { <label><input type="checkbox" checked={on} onchange={view_toggle(*v, on)} />{ *title }</label> }
                }) }
            </fieldset>
            <div class="share-row">
                <button class="linklike" onclick={copy_link}>{ "Copy link" }</button>
                <button class="linklike" onclick={toggle_dialog.clone()} aria-expanded={dialog.to_string()}>{ "Embed…" }</button>
                <button class="linklike" onclick={exports.png}>{ "PNG of the views" }</button>
                <span class="svg-export">
                    <select aria-label="Chart to export as SVG" onchange={crate::web::components::text_setter(&exports.chart)}>
                        { for crate::draw::charts::registry::CHARTS.iter().map(|c| html! { <option value={c.name()} selected={c.name() == *exports.chart}>{ c.title() }</option> }) }
                    </select>
                    <button class="linklike" onclick={exports.svg}>{ "Chart as SVG" }</button>
                </span>
                <button class="linklike" onclick={exports.csv}>{ "Series (CSV)" }</button>
                <button class="linklike" onclick={exports.json}>{ "Series and events (JSON)" }</button>
                <button class="linklike" onclick={exports.scenario}>{ "Scenario file (JSON)" }</button>
                <label class="linklike file-load">{ "Load a scenario file" }
                    <input type="file" accept=".json,application/json" onchange={exports.load} />
                </label>
                <crate::web::components::recorder::Recorder run={Rc::clone(&props.run)} now={Rc::clone(&props.now)} send={props.send.clone()} />
                <crate::web::components::gif_export::GifExport run={Rc::clone(&props.run)} />
            </div>
            if let Some(text) = &*link {
                <p class="small">{ "Link (copied if the browser allowed it): " }
                    <input class="link-text" type="text" readonly=true value={text.clone()} aria-label="Link to this view" size="60" />
                </p>
            }
            if let Some(text) = &*exports.message {
                <p class="small export-message" role="status">{ text.clone() }</p>
            }
            <embed::EmbedDialog share={props.clone()} open={*dialog} close={toggle_dialog} />
        </section>
    }
}
