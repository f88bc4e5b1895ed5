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
