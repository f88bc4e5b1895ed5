//! A chart on a canvas, drawn once per run (plotters measures text through the page, which is
//! too slow for every frame), with a time cursor overlay that moves on its own.

use crate::state::ById;
use std::rc::Rc;

use cascade_sim::Recording;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use yew::prelude::*;

use crate::draw::charts::registry::Chart;
use crate::draw::charts::{Theme, TimeAxis};
use crate::web::store::use_store;

#[derive(Properties, Clone, PartialEq)]
pub struct ChartCanvasProps {
    /// The recording to draw.
    pub run: ById<Recording>,
    /// The run a branch is compared with, drawn as a line over it.
    #[prop_or_default]
    pub compare: Option<ById<Recording>>,
    /// The spread over seeds, shaded behind the run (the error and state charts draw it).
    #[prop_or_default]
    pub band: Option<Rc<cascade_sim::sensitivity::band::Band>>,
    /// Which chart (its height, description and drawing come from the chart table).
    pub chart: Chart,
    /// Place in the drawing order: charts are drawn one per task, so that no single task
    /// blocks the page for long.
    #[prop_or_default]
    pub order: u32,
}

/// A number that grows when the window has been resized (and then left alone for a moment), so
/// that charts drawn at the container's width are drawn again at the new width: an embed's
/// frame may change size at any time.
#[hook]
fn use_resize_count() -> u32 {
    let count = use_state(|| 0u32);
    {
        let count = count.clone();
        use_effect_with((), move |_| {
            let seen = Rc::new(std::cell::Cell::new(0u32));
            let pending = Rc::new(std::cell::RefCell::new(
                None::<gloo::timers::callback::Timeout>,
            ));
            let listener = crate::web::dom::window().map(|w| {
                gloo::events::EventListener::new(&w, "resize", move |_| {
                    let (count, seen) = (count.clone(), Rc::clone(&seen));
                    *pending.borrow_mut() =
                        Some(gloo::timers::callback::Timeout::new(150, move || {
                            seen.set(seen.get() + 1);
                            count.set(seen.get());
                        }));
                })
            });
            move || drop(listener)
        });
    }
    *count
}

#[function_component(ChartCanvas)]
pub fn chart_canvas(props: &ChartCanvasProps) -> Html {
    let canvas = use_node_ref();
    let axis = use_state(|| None::<(TimeAxis, f64)>);
    let error = use_state(|| None::<String>);
    let size = use_resize_count();
    let presenting = crate::web::store::use_settings_store().is_some_and(|s| s.presenting);
    {
        let canvas = canvas.clone();
        let axis = axis.clone();
        let error = error.clone();
        let props = props.clone();
        let key = (
            props.run.clone(),
            props.compare.clone(),
            props.band.clone().map(ById),
            size,
            presenting,
        );
        use_effect_with(key, move |_| {
            let delay = 20 * props.order;
            let draw = Rc::new(move || draw_chart(&canvas, &props, &axis, &error, presenting));
            // Charts are drawn a task apart so that none blocks the page for long, but a chart
            // built for a print must be drawn before the printer lays the page out.
            let timeout = if crate::web::dom::printing() {
                draw();
                None
            } else {
                let draw = Rc::clone(&draw);
                Some(gloo::timers::callback::Timeout::new(delay, move || draw()))
            };
            // On a dark screen a print starts by drawing the chart again in the paper's light
            // colours: at once, in the event itself, as the printer lays the page out as soon as
            // the event is handled (a render through Yew may come later). The screen's colours
            // come back a task after the print.
            let listeners = crate::web::dom::window().map(|w| {
                let again = Rc::clone(&draw);
                [
                    gloo::events::EventListener::new(&w, "beforeprint", move |_| {
                        if crate::web::dom::dark_screen() {
                            again();
                        }
                    }),
                    gloo::events::EventListener::new(&w, "afterprint", move |_| {
                        if crate::web::dom::dark_screen() {
                            let draw = Rc::clone(&draw);
                            crate::web::dom::next_task(move || draw());
                        }
                    }),
                ]
            });
            move || drop((timeout, listeners))
        });
    }
    let store = use_store();
    // What the operators saw: the minutes their dashboard lacked at the cursor, covered (over
    // the whole plot: in a branch, the line of the run it forked from too).
    let covers = match (&store, *axis) {
        (Some(store), Some((a, ratio))) if store.operators => {
            let sight = crate::web::components::operators::sight_of(&props.run);
            let span = crate::draw::charts::time_span(&props.run);
            let covers = crate::web::components::operators::covers(
                &sight,
                store.minute(),
                span,
                a.left / ratio,
                a.right / ratio,
            );
            let badge = (props.chart == Chart::Errors).then(|| {
                let state = sight.alarm(store.minute());
                html! { <p class="alarm-badge">{ "Alarm: " }<strong>{ state.name() }</strong></p> }
            });
            html! { <div class="covers">{ covers }{ for badge }</div> }
        }
        (Some(store), Some((a, ratio))) if store.story.is_some() => {
            let span = crate::draw::charts::time_span(&props.run);
            let cover = crate::web::components::operators::future_cover(
                store.minute(),
                span,
                a.left / ratio,
                a.right / ratio,
            );
            html! { <div class="covers story-covers">{ cover }</div> }
        }
        _ => html! {},
    };
    let cursor = match (store, *axis) {
        (Some(store), Some((a, ratio))) => {
            let span = (store.end() - store.start()).max(1.0);
            let frac = ((store.time - store.start()) / span).clamp(0.0, 1.0);
            let left = (a.left + frac * (a.right - a.left)) / ratio;
            // A transform moves on the compositor: no layout and no repaint of the chart.
            let style = format!("transform:translateX({}px)", left.round());
            html! { <div class="cursor" {style} aria-hidden="true"></div> }
        }
        _ => html! {},
    };
    let height = shown_height(props.chart, presenting).round();
    html! {
        <div class="chart" style={format!("height:{height}px")}>
            <canvas ref={canvas} role="img" aria-label={props.chart.description()}
                style={format!("width:100%;height:{height}px")}></canvas>
            { covers }
            { cursor }
            if let Some(message) = (*error).clone() {
                <p class="chart-error" role="alert">{ message }</p>
            }
        </div>
    }
}

/// The chart's height on screen, CSS pixels: taller in the presenter view, for its larger text.
fn shown_height(chart: Chart, presenting: bool) -> f64 {
    f64::from(chart.height()) * if presenting { 1.6 } else { 1.0 }
}

/// Draws the chart into the canvas, sized to its container and the pixel ratio.
fn draw_chart(
    canvas: &NodeRef,
    props: &ChartCanvasProps,
    axis: &UseStateHandle<Option<(TimeAxis, f64)>>,
    error: &UseStateHandle<Option<String>>,
    presenting: bool,
) {
    let Some(el) = canvas.cast::<web_sys::HtmlCanvasElement>() else {
        return;
    };
    let height = shown_height(props.chart, presenting);
    let ratio = crate::web::dom::fit_canvas(&el, height);
    let mut theme = Theme::on_canvas(crate::web::dom::dark_scheme(), ratio);
    if presenting {
        theme.text = 2.0;
    }
    let drawn = CanvasBackend::with_canvas_object(el).map(|backend| {
        props.chart.draw(
            &backend.into_drawing_area(),
            &props.run,
            props.compare.as_ref().map(ById::get),
            props.band.as_deref(),
            &theme,
        )
    });
    match drawn {
        Some(Ok(a)) => {
            axis.set(Some((a, ratio)));
            error.set(None);
        }
        Some(Err(e)) => error.set(Some(format!("This chart could not be drawn: {e}"))),
        None => error.set(Some("This chart could not be drawn: no canvas".into())),
    }
}
