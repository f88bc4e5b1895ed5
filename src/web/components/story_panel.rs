//! The story panel: the chapter's narration and source, its checkpoint, a progress indicator,
//! and previous / next (also the arrow keys). In the presenter view only the words remain; the
//! keyboard drives it.

use std::rc::Rc;

use cascade_sim::presets::PRESETS;
use cascade_sim::Recording;
use yew::prelude::*;

use crate::state::ById;

use crate::explain::story::words::{say, Context};
use crate::explain::story::CHAPTERS;
use crate::state::Action;
use crate::web::components::checkpoint::CheckpointView;

#[derive(Properties, Clone, PartialEq)]
pub struct Props {
    /// The chapter shown.
    pub chapter: usize,
    /// Whether in the presenter view.
    pub presenting: bool,
    /// The historical run.
    pub run: ById<Recording>,
    /// Sends an action to the store.
    pub send: Callback<Action>,
    /// Whether the sensitivity analysis is on screen (the certainty chapter's runs started).
    #[prop_or(false)]
    pub computing_sensitivity: bool,
}

#[function_component(StoryPanel)]
pub fn story_panel(props: &Props) -> Html {
    // A new chapter brings its title into view: Next and Previous sit at the panel's foot.
    use_effect_with(props.chapter, |_| {
        crate::web::dom::next_task(|| crate::web::dom::reveal_by_id("story-title"));
    });
    let Some(c) = CHAPTERS.get(props.chapter) else {
        return html! {};
    };
    let k = props.chapter;
    let n = CHAPTERS.len();
    let ctx = Context {
        run: &props.run,
        now: c.minute(Some(&props.run)),
    };
    let act = |a: fn() -> Action| props.send.reform(move |_: MouseEvent| a());
    let play = props.send.reform(|_: MouseEvent| Action::Play);
    html! {
        <section class="panel story" aria-labelledby="story-title">
            <div class="story-head">
                <p class="story-progress">{ format!("Chapter {} of {n}", k + 1) }</p>
                <progress max={n.to_string()} value={(k + 1).to_string()} aria-label={format!("Story progress: chapter {} of {n}", k + 1)}></progress>
            </div>
            <h2 id="story-title" class="story-title">{ c.title }</h2>
            if props.presenting {
                // On the projector the chapter's point alone; the narration is the facilitator's
                // to say (it stays in the story view, and in the facilitator's guide).
                <p class="story-claim">{ say(c.claim, ctx) }</p>
            } else {
                <p class="story-claim-line"><strong>{ say(c.claim, ctx) }</strong></p>
                { for c.text.iter().map(|p| html! { <p class="story-text">{ say(p, ctx) }</p> }) }
            }
            <p class="story-source small">{ "Source: " }{ say(c.source, ctx) }{ " (" }
                <a href="https://aws.amazon.com/message/11201/" target="_blank" rel="noopener">{ "AWS's summary" }</a>{ ")" }</p>
            if let Some(cp) = c.checkpoint {
                <CheckpointView checkpoint={cp} run={Rc::clone(&props.run)} now={ctx.now} />
            }
            if c.id == "diagnosis" {
                <p class="story-whatifs">
                    <button class="linklike" onclick={props.send.reform(|_: MouseEvent| Action::LeaveStory(Some("memory-fix-first")))}>
                        { "Try memory-fix-first" }
                    </button>
                    { " the wrong guess, run by the model: two restarts instead of one." }
                </p>
            }
            if c.id == "certainty" {
                // Guess first: the runs start only when the reader asks for them.
                <p class="story-whatifs">
                    <button class="story-compute" disabled={props.computing_sensitivity}
                        onclick={props.send.reform(|_: MouseEvent| Action::SetViews(
                            crate::draw::views::ViewSet::NONE.with(crate::draw::views::View::Sensitivity, true)))}>
                        { format!("I have my guess: run the model {} times", cascade_sim::sensitivity::plan(cascade_sim::sensitivity::SEEDS).len()) }
                    </button>
                </p>
            }
            if c.id == "remediations" {
                <ul class="story-whatifs">
                    { for PRESETS.iter().filter(|p| p.remediation.is_some()).map(|p| {
                        let name = p.name;
                        let open = props.send.reform(move |_: MouseEvent| Action::LeaveStory(Some(name)));
                        html! { <li><button class="linklike" onclick={open}>{ format!("Try {}", p.name) }</button>{ format!(" {}", p.summary) }</li> }
                    }) }
                </ul>
            }
            <nav class="story-nav" aria-label="Story">
                <button class="linklike" onclick={act(|| Action::StoryPrev)} disabled={k == 0}>{ "← Previous chapter" }</button>
                <button class="linklike" onclick={act(|| Action::StoryNext)} disabled={k + 1 == n}>{ "Next chapter →" }</button>
                <button class="linklike" onclick={play}>{ "Play this part" }</button>
                <button class="linklike" onclick={act(|| Action::TogglePresenting)}>{ "Presenter view (P)" }</button>
                <button class="linklike" onclick={act(|| Action::LeaveStory(None))}>{ "Leave the story" }</button>
                <a href="./facilitator.html">{ "Facilitator's guide" }</a>
                <span class="keys small">{ "← → chapters, Space plays, P presenter view" }</span>
            </nav>
        </section>
    }
}
