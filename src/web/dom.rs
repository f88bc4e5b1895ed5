//! Small helpers around the page itself: the boot message, the crash message, timing.

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

/// The details of a crash that a reader can copy into a report: the version, the page's link and
/// what stopped.
pub fn crash_details(what: &str) -> String {
    let link = window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    format!(
        "kinesis-cascade {}\nlink: {link}\nstopped: {what}",
        env!("CARGO_PKG_VERSION")
    )
}

/// Shows that the app stopped (a panic): what stopped, a button to reload the page and one to
/// copy the details, at the top of the page; the narration says so too. Never a page that
/// silently stops answering. Built with the DOM directly: the app's own rendering may be what
/// stopped.
pub fn show_crash(what: &str) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(doc) = window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = doc.body() else {
        return;
    };
    let details = crash_details(what);
    let el = |tag: &str, text: &str| {
        doc.create_element(tag).ok().inspect(|e| {
            if !text.is_empty() {
                e.set_text_content(Some(text));
            }
        })
    };
    let (Some(banner), Some(title), Some(about), Some(reload), Some(copy)) = (
        el("div", ""),
        el(
            "strong",
            "The replay has stopped: the page's code hit an error it cannot recover from.",
        ),
        el("p", &format!("What stopped: {what}")),
        el("button", "Reload the page"),
        el("button", "Copy the details"),
    ) else {
        return;
    };
    banner.set_class_name("banner fatal crash");
    banner.set_attribute("role", "alert").ok();
    let on_reload = Closure::<dyn FnMut()>::new(|| {
        if let Some(w) = window() {
            let _ = w.location().reload();
        }
    });
    reload
        .add_event_listener_with_callback("click", on_reload.as_ref().unchecked_ref())
        .ok();
    on_reload.forget();
    let text = details.clone();
    let on_copy = Closure::<dyn FnMut()>::new(move || {
        if let Some(w) = window() {
            let navigator = w.navigator();
            let present = js_sys::Reflect::get(&navigator, &"clipboard".into())
                .is_ok_and(|c| !c.is_undefined() && !c.is_null());
            if present {
                let _ = navigator.clipboard().write_text(&text);
            }
        }
    });
    copy.add_event_listener_with_callback("click", on_copy.as_ref().unchecked_ref())
        .ok();
    on_copy.forget();
    // The details are also shown, to copy by hand where the clipboard is refused.
    let shown = el("pre", &details);
    for child in [Some(title), Some(about), Some(reload), Some(copy), shown]
        .into_iter()
        .flatten()
    {
        banner.append_child(&child).ok();
    }
    body.prepend_with_node_1(&banner).ok();
    if let Some(narration) = doc.get_element_by_id("narration") {
        narration.set_text_content(Some(
            "The replay has stopped: reload the page to start again.",
        ));
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

thread_local! {
    /// Whether the page is laid out for a printer now (between `beforeprint` and `afterprint`,
    /// which `first_action` listens for).
    static PRINTING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the page is being laid out for a printer: what would be drawn a task later (a chart)
/// is then drawn at once, or the print would go without it.
pub fn printing() -> bool {
    PRINTING.with(std::cell::Cell::get)
}

/// Records that the page is (or no longer is) laid out for a printer.
pub fn set_printing(now: bool) {
    PRINTING.with(|p| p.set(now));
}

/// Whether the page follows a dark colour scheme: never on paper, where light ink on white
/// would not read (the style sheet makes the same choice).
pub fn dark_scheme() -> bool {
    !printing() && dark_screen()
}

/// Whether the reader asks for reduced motion.
pub fn reduced_motion() -> bool {
    window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

/// Whether the page is dark on screen: as its link asks (`theme=`, see `set_scheme`), else as
/// the reader's system prefers.
pub fn dark_screen() -> bool {
    let chosen = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("data-theme"));
    match chosen.as_deref() {
        Some("dark") => true,
        Some("light") => false,
        _ => window()
            .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
            .is_some_and(|m| m.matches()),
    }
}

/// Gives the page the colours a link asked for (the style sheet reads `data-theme` on the
/// root), or the reader's system's when it asked for none.
pub fn set_scheme(scheme: Option<crate::state::links::ColourScheme>) {
    let Some(root) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let want = scheme.map(|s| s.name());
    if root.get_attribute("data-theme").as_deref() != want {
        let _ = match want {
            Some(name) => root.set_attribute("data-theme", name),
            None => root.remove_attribute("data-theme"),
        };
    }
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

/// Whether the checkbox an event came from is checked.
pub fn event_checked(event: &web_sys::Event) -> Option<bool> {
    use wasm_bindgen::JsCast;
    event
        .target()?
        .dyn_ref::<web_sys::HtmlInputElement>()
        .map(web_sys::HtmlInputElement::checked)
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

/// Sets the text of the element with this id, if there is one and its text differs.
pub fn set_text_by_id(id: &str, text: &str) {
    if let Some(el) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        if el.text_content().as_deref() != Some(text) {
            el.set_text_content(Some(text));
        }
    }
}

/// Scrolls the element with this id into view (its top at the top of the window) unless it is
/// already wholly in view.
pub fn reveal_by_id(id: &str) {
    let Some(win) = window() else { return };
    let Some(el) = win.document().and_then(|d| d.get_element_by_id(id)) else {
        return;
    };
    let rect = el.get_bounding_client_rect();
    let height = win
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    if rect.top() < 0.0 || rect.bottom() > height {
        el.scroll_into_view_with_bool(true);
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
    // The address without its query and fragment; not origin + path, since a page opened from
    // a file (the one-file edition) has the origin "null".
    window()
        .and_then(|w| w.location().href().ok())
        .map(|href| {
            href.split(['?', '#'])
                .next()
                .unwrap_or_default()
                .to_string()
        })
        .unwrap_or_default()
}
