//! Everything on the page, laid out from the settings store: the banners, the story or the
//! controls, the views in the order a reader needs them, and the lab under them.

use std::rc::Rc;

use yew::prelude::*;

use crate::draw::views::View;
use crate::state::{Action, ById};
use crate::web::components::{
    assumptions::Assumptions,
    branch::BranchPanel,
    cascade_list::CascadeList,
    clock::Clock,
    controls::{Controls, MoreControls},
    discovery::Discovery,
    embed_bar::EmbedBar,
    fleet::FleetView,
    later::Later,
    remediations::Remediations,
    scenario_picker::ScenarioPicker,
    sensitivity::SensitivityPanel,
    service_graph::ServiceGraph,
    share::Share,
    status_charts::StatusCharts,
    story_panel::StoryPanel,
    story_start::StoryStart,
    sweep::Sweep,
    threads_chart::ThreadsChart,
    timeline::{DayList, Timeline},
    RunProps,
};
use crate::web::store::{SettingsStore, Store};

/// Everything on the page, laid out from the settings store.
#[function_component(Layout)]
pub(super) fn layout() -> Html {
    let settings = use_context::<SettingsStore>();
    let dispatcher = settings.as_ref().map(|s| s.store.0.dispatcher());
    let send = use_callback((), move |action: Action, _| {
        if let Some(d) = &dispatcher {
            d.dispatch(action)
        }
    });
    let on_set = {
        let send = send.clone();
        use_callback((), move |(key, value): (String, String), _| {
            send.emit(Action::SetParam { key, value })
        })
    };
    let on_reset = {
        let send = send.clone();
        use_callback((), move |(), _| send.emit(Action::ResetScenario))
    };
    let Some(SettingsStore { store, now }) = settings else {
        return html! {};
    };
    if store.embed.is_some() {
        return html! {
            <main class="layout embed">
                if store.embed.is_some_and(|e| e.bar) {
                    <EmbedBar />
                } else {
                    <crate::web::components::embed_bar::EmbedTime />
                }
                { banners(&store) }
                if let Some(run) = store.run() {
                    <Views run={Rc::clone(&run)} compare={store.compared().map(ById)} views={store.views} />
                }
                if let Some(caption) = store.caption.as_deref() {
                    // The writer's words, as text: nothing in a link becomes markup.
                    <p class="embed-caption">{ caption }</p>
                }
            </main>
        };
    }
    html! {
        <>
            <main class="layout">
                <section class="panel controls-panel" aria-label="Playback">
                    // One part per task: on a slow phone the first render in one go is a long
                    // task (Lighthouse counts it as blocking). Each part's space is reserved in
                    // the style sheet, so that nothing moves as they mount.
                    <div class="play-row">
                        <Later turn={3}><Controls /></Later>
                        <Later turn={2}><Clock /></Later>
                        <Later turn={1}><StoryStart /></Later>
                    </div>
                    <div class="timeline-slot"><Later turn={4}><Timeline /></Later></div>
                    <details class="more-controls">
                        <summary>{ "More controls: stepping, speed, scenario, the day's events" }</summary>
                        <Later turn={5}>
                            <MoreControls />
                            <ScenarioPicker />
                            <DayList />
                        </Later>
                    </details>
                </section>
                { banners(&store) }
                if let (Some(k), Some(base), Some(run)) = (store.story, store.run.recording(), store.run()) {
                    <div class="story-layout">
                        <StoryPanel chapter={k} presenting={store.presenting} run={Rc::clone(base)} send={send.clone()}
                            computing_sensitivity={store.views.has(View::Sensitivity)} />
                        <div class="story-views">
                            <Views run={Rc::clone(&run)} compare={store.compared().map(ById)} views={store.views} />
                        </div>
                    </div>
                } else if let Some(run) = store.run() {
                    <Views run={Rc::clone(&run)} compare={store.compared().map(ById)} views={store.views} />
                    // Below the views: each part mounted in a task of its own, after the views, and only
                    // once it is near the window or the reader has done something.
                    <Later turn={5} until_wanted={Some(360)}>
                        <Share preset={store.preset.clone()} scenario={store.scenario.clone()}
                            branch={store.branch.as_ref().map(|b| b.changes.clone()).unwrap_or_default()}
                            views={store.views} range={store.range} operators={store.operators} scheme={store.scheme} run={Rc::clone(&run)}
                            compare={store.compared().map(ById)} now={Rc::clone(&now)} send={send.clone()} />
                    </Later>
                    <Later turn={6} until_wanted={Some(600)}>
                        <div class="lab" aria-label="What-if lab">
                            <Remediations scenario={store.scenario.clone()} send={send.clone()} />
                            <BranchPanel scenario={store.scenario.clone()} branch={store.branch.clone()}
                                base={store.run.recording().cloned().map(ById)} send={send.clone()} />
                            <Sweep scenario={store.scenario.clone()} />
                        </div>
                    </Later>
                    if !store.views.has(View::Sensitivity) {
                        <Later turn={8} until_wanted={Some(500)}>
                            <SensitivityPanel scenario={store.scenario.clone()} />
                        </Later>
                    }
                    <Later turn={7} until_wanted={Some(400)}>
                        <Assumptions run={store.run.recording().cloned().unwrap_or(run)} preset={store.preset.clone()}
                            errors={Rc::clone(&store.param_errors)} {on_set} {on_reset} />
                    </Later>
                }
            </main>
        </>
    }
}

/// The error, link-problem and computing lines above the views.
fn banners(store: &Store) -> Html {
    html! {
        <>
            if let Some(message) = store.error() {
                <p class="banner" role="alert">{ message }</p>
            }
            if !store.link_problems.is_empty() {
                <div class="banner link-problems" role="alert">
                    <strong>{ format!("{}: some parts could not be used; defaults are shown instead:", store.link_origin) }</strong>
                    <ul>{ for store.link_problems.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
                </div>
            }
            if let Some(run) = store.run() {
                // A scenario the model cannot honour says so, so that no outcome is unexplained.
                for warning in run.warnings.iter() {
                    <p class="banner precondition" role="alert">
                        <strong>{ "This scenario could not have been running as the day began: " }</strong>
                        { warning.clone() }
                    </p>
                }
                // A run that stops short says why Kinesis is not back, in the model's words.
                if let Some(why) = cascade_sim::facts::why_not_back(&run) {
                    <p class="banner unfinished" role="status">
                        <strong>{ "Not back by the end of the run: " }</strong>
                        { why }
                    </p>
                }
            }
            if let (None, Some(c)) = (store.story, store.story_return.and_then(|k| crate::explain::story::CHAPTERS.get(k))) {
                // A what-if tried from a chapter: the way back to it, on the day as it happened.
                <p class="banner story-return">
                    <button class="story-back" onclick={{ let store = store.clone(); Callback::from(move |_: MouseEvent| store.send(Action::BackToStory)) }}>
                        { "Back to the story" }
                    </button>
                    { format!(" to the chapter \u{201c}{}\u{201d}, on the day as it happened.", c.title) }
                </p>
            }
            if store.branch.is_none() && store.what_if().is_some() {
                // The scenario picker is one level down: a what-if says what it is up here, and
                // what it changes against the day as it happened.
                <div class="banner scenario-banner" role="status">
                    <p>
                        if let Some(p) = cascade_sim::presets::PRESETS.iter().find(|p| p.name == store.preset && p.name != "historical") {
                            <strong>{ format!("What-if scenario {}: ", p.name) }</strong>{ p.summary }{ ". " }
                        } else {
                            <strong>{ "A scenario changed by hand. " }</strong>
                        }
                        if let (Some(run), Some(day)) = (store.run(), store.compared()) {
                            { cascade_sim::facts::against_the_day(&run, &day) }
                            { format!(" In all, {}.", cascade_sim::facts::failed_requests_against(&run, &day)) }
                        } else {
                            { "Running the day as it happened to compare…" }
                        }
                    </p>
                    if let (Some(run), Some(day)) = (store.run(), store.compared()) {
                        <details class="against-day">
                            <summary>{ "Compare with the day as it happened" }</summary>
                            <crate::web::components::comparison::Comparison base={day} branch={run} against_day={true} />
                            <p class="small">{ "Every chart over time draws the day as it happened as a line. The day itself is the scenario historical, under More controls." }</p>
                        </details>
                    }
                </div>
            }
            if let (Some(base), Some(branch)) = (store.compared(), store.branch.as_ref()) {
                if let Some(run) = branch.run.as_ref() {
                    <crate::web::components::comparison::BranchBanner base={base}
                        branch={Rc::clone(run)} changes={branch.changes.clone()} />
                }
            }
            if store.computing {
                <p class="computing" role="status">{ "Computing the day with the model…" }</p>
            }
        </>
    }
}

/// The views: the fleet, the graph and the charts each a task after the other (see `Later`), so
/// that no render blocks the page for long.
#[function_component(Views)]
fn views(props: &RunProps) -> Html {
    let run = &props.run;
    let compare = props.compare.clone();
    let on = |v: View| props.views.has(v);
    let settings = crate::web::store::use_settings_store();
    let embedded = settings.as_ref().is_some_and(|s| s.embed.is_some());
    // The operators' view shows only what a dashboard showed: views with none behind them give
    // way to a line saying so, and the dashboards' readout comes first.
    let operators = settings.as_ref().is_some_and(|s| s.operators);
    let readout = (on(View::Threads) || on(View::Errors) || on(View::States) || on(View::Health))
        .then(
            || html! { <crate::web::components::operators::OperatorsPanel run={Rc::clone(run)} /> },
        );
    let graph = html! {
        <section class="panel graph-panel" aria-labelledby="graph-title">
            <h2 id="graph-title">{ "Services" }</h2>
            <ServiceGraph run={Rc::clone(run)} />
        </section>
    };
    html! {
        <>
            if operators {
                { readout.clone().unwrap_or_default() }
            }
            if on(View::Fleet) || on(View::Graph) {
                <div class={if embedded { "main-views" } else { "main-views first" }}>
                    if on(View::Fleet) && operators {
                        { crate::web::components::not_on_a_dashboard("Front-end fleet",
                            "No metric showed which servers had hit the thread limit: the day had no thread alarm (AWS's remediation 2 adds one), and the cause was confirmed only hours later.") }
                    } else if on(View::Fleet) {
                        <section class="panel fleet-panel" aria-labelledby="fleet-title">
                            <h2 id="fleet-title">{ "Front-end fleet" }</h2>
                            // At once, with the canvas's size: a part mounting later would
                            // move everything under it.
                            <FleetView run={Rc::clone(run)} />
                        </section>
                    }
                    if on(View::Graph) && embedded {
                        <Later turn={2}>{ graph.clone() }</Later>
                    } else if on(View::Graph) {
                        // The first screen has the cascade in a few lines; the drawing, with its
                        // details to open, comes after the charts.
                        <section class="panel cascade-panel" aria-labelledby="cascade-title">
                            <h2 id="cascade-title">{ "The cascade" }</h2>
                            <CascadeList run={Rc::clone(run)} />
                        </section>
                    }
                </div>
            }
            if !operators {
                { readout.clone().unwrap_or_default() }
            }
            if on(View::Threads) || on(View::Discovery) {
                <Later turn={3} until_wanted={Some(320)} on_paper={true}><div class="chart-views">
                    if on(View::Threads) && operators {
                        { crate::web::components::not_on_a_dashboard("Threads per server against the limit",
                            "No dashboard counted the threads a server wanted against the operating system's limit; AWS's first remediation steps include fine-grained alarms for thread consumption.") }
                    } else if on(View::Threads) {
                        <section class="panel" aria-labelledby="threads-title">
                            <h2 id="threads-title">{ "Threads per server against the limit" }</h2>
                            <ThreadsChart run={Rc::clone(run)} compare={compare.clone()} />
                        </section>
                    }
                    if on(View::Discovery) {
                        <section class="panel" aria-labelledby="discovery-title">
                            <h2 id="discovery-title">{ "Peer discovery, close up" }</h2>
                            <Discovery run={Rc::clone(run)} />
                        </section>
                    }
                </div></Later>
            }
            if on(View::Errors) || on(View::States) || on(View::Health) {
                <Later turn={4} until_wanted={Some(320)} on_paper={true}>
                    <StatusCharts run={Rc::clone(run)} compare={compare.clone()} views={props.views} />
                </Later>
            }
            if on(View::Graph) && !embedded {
                <Later turn={4} until_wanted={Some(360)} on_paper={true}>{ graph }</Later>
            }
            if on(View::Sensitivity) {
                // Named by a link or an embed: computed at once, of the scenario (not a branch).
                <Later turn={5}>
                    <SensitivityPanel autostart={true}
                        scenario={compare.as_ref().map_or_else(|| run.scenario.clone(), |c| c.scenario.clone())} />
                </Later>
            }
        </>
    }
}
