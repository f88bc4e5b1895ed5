//! Components: a file per view, named after what it shows (a few hold their view's small parts).

pub mod assumptions;
pub mod branch;
pub mod cascade_list;
pub mod chart_canvas;
pub mod chart_table;
pub mod checkpoint;
pub mod clock;
pub mod comparison;
pub mod controls;
pub mod discovery;
pub mod embed_bar;
pub mod fleet;
pub mod gif_export;
pub mod later;
pub mod operators;
pub mod recorder;
pub mod remediations;
pub mod scenario_picker;
pub mod sensitivity;
pub mod service_graph;
pub mod share;
pub mod status_charts;
pub mod story_panel;
pub mod story_start;
pub mod sweep;
pub mod threads_chart;
pub mod timeline;

use std::rc::Rc;

use crate::state::ById;

use cascade_sim::Recording;
use yew::Properties;

/// Properties of a view of one recording. Equal when they hold the same recording (compared by
/// pointer), so a view re-renders when the run changes, not when an equal copy is made.
#[derive(Properties, Clone, PartialEq)]
pub struct RunProps {
    /// The recording to show.
    pub run: ById<Recording>,
    /// With a branch on screen, the run it forked from (charts overlay it).
    #[prop_or_default]
    pub compare: Option<ById<Recording>>,
    /// The views to show (for the components that hold several).
    #[prop_or_default]
    pub views: crate::draw::views::ViewSet,
}

// Props hold shared values compared by identity (`ById`); a component is handed the `Rc` it
// has.
impl<T> yew::html::IntoPropValue<ById<T>> for Rc<T> {
    fn into_prop_value(self) -> ById<T> {
        ById(self)
    }
}

/// In the operators' view, what stands instead of a view that no dashboard showed: its title
/// and why the operators could not see it.
pub fn not_on_a_dashboard(title: &str, why: &str) -> yew::Html {
    yew::html! {
        <section class="panel off-dashboard" aria-label={format!("{title}: not on any dashboard")}>
            <h2>{ title.to_string() }</h2>
            <p><strong>{ "Not on any dashboard. " }</strong>{ why.to_string() }</p>
            <p class="small muted">{ "Switch \u{201c}What the operators saw\u{201d} off to see the truth." }</p>
        </section>
    }
}

/// The legend line of a branch overlay, if there is a branch.
pub fn compare_legend(compare: &Option<ById<Recording>>) -> yew::Html {
    match compare {
        Some(other) => yew::html! {
            <span class="legend-item"><span class="swatch compare"></span>{ format!("{} (line)", crate::draw::charts::compare_label(other).trim_start()) }</span>
        },
        None => yew::html! {},
    }
}

/// Whether a `<details>` element is open, and the `ontoggle` handler that keeps it known: panels
/// build their tables only once opened.
#[yew::hook]
pub fn use_details_open() -> (bool, yew::Callback<web_sys::Event>) {
    use wasm_bindgen::JsCast;
    let open = yew::use_state(|| false);
    let ontoggle = {
        let open = open.clone();
        yew::Callback::from(move |e: web_sys::Event| {
            if let Some(details) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
            {
                open.set(details.open());
            }
        })
    };
    (*open, ontoggle)
}

/// Keeps what is typed into a text field (or chosen in a list) in `state`.
pub fn text_setter(state: &yew::UseStateHandle<String>) -> yew::Callback<yew::Event> {
    let state = state.clone();
    yew::Callback::from(move |e: yew::Event| {
        state.set(crate::web::dom::event_value(&e).unwrap_or_default())
    })
}

/// The two fields of a range of the day, "from – to" in HH:MM, for the video, the GIF and the
/// embed's loop (read by `state::time_range::parse`); `what` names them for screen readers.
pub fn range_inputs(
    what: &str,
    from: &yew::UseStateHandle<String>,
    to: &yew::UseStateHandle<String>,
) -> yew::Html {
    yew::html! {
        <>
            <input type="text" size="6" aria-label={format!("{what} from (HH:MM)")} value={(**from).clone()} onchange={text_setter(from)} />
            { "–" }
            <input type="text" size="6" aria-label={format!("{what} to (HH:MM)")} value={(**to).clone()} onchange={text_setter(to)} />
        </>
    }
}
