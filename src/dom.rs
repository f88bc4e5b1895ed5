//! Small helpers around the page itself: the boot message, a fatal-error message, timing.

/// The page's `window`, if there is one.
pub fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// Milliseconds from the page's clock (for measuring, never for the model).
pub fn now_ms() -> f64 {
    window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Removes the "Loading..." line once the app takes over.
pub fn clear_boot() {
    if let Some(el) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        el.remove();
    }
}

/// Shows a message at the top of the page, for errors the app cannot recover from.
pub fn show_fatal(message: &str) {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = doc.body() else {
        return;
    };
    if let Ok(el) = doc.create_element("p") {
        el.set_class_name("banner fatal");
        el.set_attribute("role", "alert").ok();
        el.set_text_content(Some(message));
        body.prepend_with_node_1(&el).ok();
    }
}

/// The device pixel ratio (at least 1).
pub fn pixel_ratio() -> f64 {
    window().map_or(1.0, |w| w.device_pixel_ratio()).max(1.0)
}

/// The number in the input element an event came from (a slider), if it holds one.
pub fn input_number(event: &web_sys::Event) -> Option<f64> {
    use wasm_bindgen::JsCast;
    event
        .target()?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()?
        .value()
        .parse()
        .ok()
}

/// Whether the page follows a dark colour scheme: never on paper, where light ink on white
/// would not read (the style sheet makes the same choice).
pub fn dark_scheme() -> bool {
    !crate::first_action::printing() && dark_screen()
}

/// Whether the reader's screen asks for a dark colour scheme.
pub fn dark_screen() -> bool {
    window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// The index of the chosen option of the list an event came from.
pub fn select_index(event: &web_sys::Event) -> Option<usize> {
    use wasm_bindgen::JsCast;
    let select = event
        .target()?
        .dyn_into::<web_sys::HtmlSelectElement>()
        .ok()?;
    usize::try_from(select.selected_index()).ok()
}

/// The value typed into the input, or chosen in the list, an event came from.
pub fn event_value(event: &web_sys::Event) -> Option<String> {
    use wasm_bindgen::JsCast;
    let target = event.target()?;
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        return Some(input.value());
    }
    target
        .dyn_ref::<web_sys::HtmlSelectElement>()
        .map(|s| s.value())
}

thread_local! {
    /// Tasks waiting for their turn, run one per message on `CHANNEL`.
    static TASKS: std::cell::RefCell<std::collections::VecDeque<Box<dyn FnOnce()>>> =
        std::cell::RefCell::default();
    /// One message channel for all tasks, kept for the life of the page.
    static CHANNEL: Option<(web_sys::MessageChannel, wasm_bindgen::closure::Closure<dyn FnMut()>)> =
        new_channel();
}

fn new_channel() -> Option<(
    web_sys::MessageChannel,
    wasm_bindgen::closure::Closure<dyn FnMut()>,
)> {
    use wasm_bindgen::JsCast;
    let channel = web_sys::MessageChannel::new().ok()?;
    let on_message = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(|| {
        let task = TASKS.with(|t| t.borrow_mut().pop_front());
        if let Some(task) = task {
            task();
        }
    });
    channel
        .port1()
        .set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    Some((channel, on_message))
}

/// Runs `f` in a new task, after the page has handled pending input and painting. Unlike a
/// zero timeout it has no 4 ms minimum once nested, which matters for work cut into slices.
/// Falls back to a timeout where message channels are missing.
pub fn next_task(f: impl FnOnce() + 'static) {
    let mut task: Option<Box<dyn FnOnce()>> = Some(Box::new(f));
    CHANNEL.with(|c| {
        if let Some((channel, _)) = c {
            TASKS.with(|t| t.borrow_mut().extend(task.take()));
            if channel
                .port2()
                .post_message(&wasm_bindgen::JsValue::NULL)
                .is_err()
            {
                task = TASKS.with(|t| t.borrow_mut().pop_back());
            }
        }
    });
    if let Some(task) = task {
        gloo::timers::callback::Timeout::new(0, task).forget();
    }
}

/// Marks the page as embedded (its own styles) and drops the introduction, which the host page
/// replaces.
pub fn set_embedded(embedded: bool) {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(body) = doc.body() {
        body.class_list()
            .toggle_with_force("embedded", embedded)
            .ok();
    }
    if embedded {
        if let Ok(Some(intro)) = doc.query_selector(".intro") {
            intro.remove();
        }
    }
}

/// Adds or removes a class on the page's body.
pub fn set_body_class(class: &str, on: bool) {
    if let Some(body) = window().and_then(|w| w.document()).and_then(|d| d.body()) {
        body.class_list().toggle_with_force(class, on).ok();
    }
}

/// Sizes a canvas to its container's width and `height` CSS pixels at the device pixel ratio;
/// returns the ratio.
pub fn fit_canvas(el: &web_sys::HtmlCanvasElement, height: f64) -> f64 {
    let ratio = pixel_ratio();
    let width = el
        .parent_element()
        .map_or(600, |p| p.client_width().max(200)) as f64;
    el.set_width((width * ratio) as u32);
    el.set_height((height * ratio) as u32);
    ratio
}

/// The page's query string.
pub fn current_query() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The page's address without its query: where links point.
pub fn page_address() -> String {
    window()
        .and_then(|w| {
            let l = w.location();
            Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))
        })
        .unwrap_or_default()
}
