//! The embed dialog: which views, playing on its own or not, a loop, a caption and the colours
//! of the host page, and the iframe's code for them. It stays mounted while closed, so that what was chosen is still
//! there when it opens again.

use yew::prelude::*;

use super::{copy, Props};
use crate::draw::views::VIEWS;
use crate::state::links::{ColourScheme, EmbedLink};

#[derive(Properties, PartialEq, Clone)]
pub struct EmbedProps {
    /// What the share panel shows: the link is made from it.
    pub share: Props,
    /// Whether the dialog is open.
    pub open: bool,
    /// Closes it.
    pub close: Callback<MouseEvent>,
}

#[function_component(EmbedDialog)]
pub fn embed_dialog(props: &EmbedProps) -> Html {
    let share = &props.share;
    let embed_views = use_state(|| share.views);
    let autoplay = use_state(|| true);
    let looping = use_state(|| true);
    let bar = use_state(|| false);
    let caption = use_state(String::new);
    let from = use_state(|| "02:30".to_string());
    let to = use_state(|| "06:30".to_string());
    // The host page's colours: the reader's system's by default, or light or dark to match a
    // page that is always one or the other.
    let scheme = use_state(|| None::<ColourScheme>);
    if !props.open {
        return html! {};
    }
    let range =
        crate::state::time_range::parse(&from, &to, crate::draw::charts::time_span(&share.run));
    let code = {
        let src = share.link(
            Some(EmbedLink {
                views: *embed_views,
                autoplay: *autoplay,
                looping: *looping,
                bar: *bar || !*autoplay,
            }),
            range.clone().ok(),
            Some((*caption).clone()),
            *scheme,
        );
        format!(
            "<iframe src=\"{}\" width=\"800\" height=\"520\" style=\"border:0;max-width:100%\" title=\"The Kinesis outage of 25 November 2020, animated\" loading=\"lazy\"></iframe>",
            src.replace('&', "&amp;").replace('"', "&quot;")
        )
    };
    let copy_code = {
        let code = code.clone();
        Callback::from(move |_: MouseEvent| copy(&code))
    };
    let flip = |state: &UseStateHandle<bool>| {
        let state = state.clone();
        Callback::from(move |_: Event| state.set(!*state))
    };
    html! {
        <div class="embed-dialog" role="group" aria-label="Embed this view">
            <fieldset class="view-choice">
                <legend>{ "Views in the embed" }</legend>
                { for VIEWS.iter().map(|(v, _, title)| {
                    let on = embed_views.has(*v);
                    let set = { let ev = embed_views.clone(); let v = *v; Callback::from(move |_: Event| ev.set(ev.with(v, !on))) };
                    html! { <label><input type="checkbox" checked={on} onchange={set} />{ *title }</label> }
                }) }
            </fieldset>
            <label><input type="checkbox" checked={*autoplay} onchange={flip(&autoplay)} />{ "Play on its own" }</label>
            <label><input type="checkbox" checked={*looping} onchange={flip(&looping)} />{ "Loop over" }</label>
            <label><input type="checkbox" checked={*bar || !*autoplay} disabled={!*autoplay} onchange={flip(&bar)} />{ "Show the bar (Play, clock, link)" }</label>
            <label class="caption-field">{ "Caption (optional)" }
                <input type="text" maxlength={crate::state::links::MAX_CAPTION.to_string()} value={(*caption).clone()} onchange={crate::web::components::text_setter(&caption)} />
            </label>
            { crate::web::components::range_inputs("Loop", &from, &to) }
            <label>{ "Colours " }
                <select aria-label="Colours of the embed" onchange={{
                    let scheme = scheme.clone();
                    Callback::from(move |e: Event| scheme.set(match crate::web::dom::select_index(&e) {
                        Some(1) => Some(ColourScheme::Light),
                        Some(2) => Some(ColourScheme::Dark),
                        _ => None,
                    }))
                }}>
                    <option selected={scheme.is_none()}>{ "as the reader's system" }</option>
                    <option selected={*scheme == Some(ColourScheme::Light)}>{ "light, for a light page" }</option>
                    <option selected={*scheme == Some(ColourScheme::Dark)}>{ "dark, for a dark page" }</option>
                </select>
            </label>
            if let Err(needs) = range {
                <p class="param-error" role="alert">{ format!("The range needs {needs}; the embed plays the whole day instead.") }</p>
            }
            <textarea class="embed-code" readonly=true rows="4" aria-label="Code of the iframe" value={code} />
            <button class="linklike" onclick={copy_code}>{ "Copy the code" }</button>
            <button class="linklike" onclick={props.close.clone()}>{ "Close" }</button>
        </div>
    }
}
