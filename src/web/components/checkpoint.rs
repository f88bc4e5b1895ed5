//! Predict, then reveal: the learner commits a guess before the answer exists on the page. The
//! answer's figures come from the model's runs; guesses stay in the browser.

use std::rc::Rc;

use cascade_sim::{Recording, Simulation};
use yew::prelude::*;

use crate::state::ById;

use crate::explain::story::answers::{model_answer, other_scenario, reveal_minute};
use crate::explain::story::words::{say, Context};
use crate::explain::story::Checkpoint;
use crate::web::hooks::compute::{run_in_slices, SliceHandle};

#[derive(Properties, Clone, PartialEq)]
pub struct Props {
    /// The question.
    pub checkpoint: Checkpoint,
    /// The historical run, for the answer's figures.
    pub run: ById<Recording>,
    /// The chapter's minute in that run (what `{now}` says when the question names no minute).
    pub now: cascade_sim::clock::Minute,
}

#[function_component(CheckpointView)]
pub fn checkpoint_view(props: &Props) -> Html {
    let id = props.checkpoint.id;
    let saved = crate::web::storage::guesses()
        .into_iter()
        .find(|(k, _)| k == id)
        .map(|(_, c)| c);
    let committed = use_state(|| saved);
    let choice = use_state(|| None::<usize>);
    {
        // Another chapter's checkpoint: its own saved guess.
        let (committed, choice) = (committed.clone(), choice.clone());
        use_effect_with(id, move |_| {
            committed.set(saved);
            choice.set(None);
        });
    }
    let c = props.checkpoint;
    let ctx = Context {
        run: &props.run,
        now: c.at.unwrap_or(props.now),
    };
    let choice_text = |k: usize| {
        c.choices
            .get(k)
            .map_or_else(|| "?".to_string(), |t| say(t, ctx))
    };
    let store = crate::web::store::use_settings_store();
    let commit = {
        let (committed, choice) = (committed.clone(), choice.clone());
        // The reveal moves the picture to what it reveals.
        let reveal = reveal_minute(&props.checkpoint, &props.run);
        Callback::from(move |_: MouseEvent| {
            if let Some(k) = *choice {
                crate::web::storage::save_guess(id, k);
                committed.set(Some(k));
                if let (Some(store), Some(t)) = (store.as_ref(), reveal) {
                    store.send(crate::state::Action::Seek(f64::from(t)));
                }
            }
        })
    };
    let forget = {
        let committed = committed.clone();
        Callback::from(move |_: MouseEvent| {
            crate::web::storage::forget_guesses();
            committed.set(None);
        })
    };
    // The answer's other run is computed in slices, like every run, once the answer is shown:
    // never inside a render.
    let other = use_state(|| None::<Result<Rc<Recording>, String>>);
    {
        let other = other.clone();
        let run = Rc::clone(&props.run);
        use_effect_with(((*committed).is_some(), id), move |(shown, id)| {
            let handle = SliceHandle::default();
            other.set(None);
            if let Some(scenario) = other_scenario(id, &run).filter(|_| *shown) {
                run_in_slices(
                    &handle,
                    move || Simulation::new(&scenario),
                    move |result, _| other.set(Some(result)),
                );
            }
            move || handle.set(true)
        });
    }
    let answer = (*committed)
        .is_some()
        .then(|| model_answer(&c, &props.run, (*other).as_ref()));
    html! {
        <div class="checkpoint" role="group" aria-labelledby={format!("q-{id}")}>
            <p class="checkpoint-label">{ "Predict, then reveal" }</p>
            <p id={format!("q-{id}")} class="question">{ say(c.question, ctx) }</p>
            <div class="choices">
                { for c.choices.iter().enumerate().map(|(k, text)| {
                    let pick = { let choice = choice.clone(); Callback::from(move |_: Event| choice.set(Some(k))) };
                    let checked = committed.map_or(*choice == Some(k), |g| g == k);
                    html! {
                        <label class="choice">
                            <input type="radio" name={format!("guess-{id}")} checked={checked}
                                disabled={committed.is_some()} onchange={pick} />
                            { say(text, ctx) }
                        </label>
                    }
                }) }
            </div>
            { match *committed {
                None => html! {
                    <button class="linklike commit" onclick={commit} disabled={choice.is_none()}>
                        { "Commit my guess and reveal the answer" }
                    </button>
                },
                Some(g) => html! {
                    <div class="answer" aria-live="polite">
                        <p><strong>{ if g == c.answer { "Right. " } else { "Not quite. " } }</strong>
                            { format!("Your guess: {}. The answer: {}.", choice_text(g), choice_text(c.answer)) }</p>
                        <p>{ c.why }</p>
                        <p class="model-answer" aria-live="polite">{ answer.unwrap_or_default() }</p>
                        <button class="linklike" onclick={forget}>{ "Forget my guesses" }</button>
                    </div>
                },
            } }
        </div>
    }
}
