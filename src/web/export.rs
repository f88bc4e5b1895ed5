//! Exports: files made in the page and handed to the browser's download, with no server: a PNG
//! of the views on screen, any chart as SVG (the same chart functions on plotters' SVG backend),
//! the series as CSV, the run as JSON, and the scenario as the JSON file the command line reads.

use wasm_bindgen::JsCast;

/// Hands `bytes` to the browser as a download named `name`.
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|_| "the browser could not make the file".to_string())?;
    download_blob(name, &blob)
}

thread_local! {
    /// The object URL of the last download: kept until the next one, when dropping it revokes
    /// it (gloo's `ObjectUrl`), so that at most one file is held for the browser at a time.
    static LAST_DOWNLOAD: std::cell::RefCell<Option<gloo::file::ObjectUrl>> =
        const { std::cell::RefCell::new(None) };
}

/// Hands a blob to the browser as a download named `name`.
pub fn download_blob(name: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let url = gloo::file::ObjectUrl::from(gloo::file::Blob::from(blob.clone()));
    download_data_url(name, &url)?;
    LAST_DOWNLOAD.with(|last| last.replace(Some(url)));
    Ok(())
}

/// A PNG of the views shown: the fleet at minute `t` and every chart shown, drawn from the
/// recording by the same code as on screen (not read back from the page), laid out in a grid
/// under a title line with the scenario and the time.
pub fn views_png(
    title: &str,
    run: &cascade_sim::Recording,
    compare: Option<&cascade_sim::Recording>,
    views: crate::draw::views::ViewSet,
    t: i32,
) -> Result<String, String> {
    use crate::draw::charts::registry::CHARTS;
    let mut canvases = Vec::new();
    if views.has(crate::draw::views::View::Fleet) {
        let fleet = crate::web::offscreen::canvas(1, 1)?;
        crate::web::offscreen::paint_fleet(&fleet, run, t, &mut Vec::new())?;
        canvases.push(fleet.0);
    }
    for chart in CHARTS.into_iter().filter(|c| views.has(c.view())) {
        let (w, h) = chart.svg_size();
        canvases.push(crate::web::offscreen::chart(chart, run, compare, w, h)?.0);
    }
    if canvases.is_empty() {
        return Err("no views on screen to export".into());
    }
    let cell_w = 640.0;
    let cols = 2usize;
    let heights: Vec<f64> = canvases
        .iter()
        .map(|c| cell_w * f64::from(c.height()) / f64::from(c.width()))
        .collect();
    let rows: Vec<f64> = heights
        .chunks(cols)
        .map(|r| r.iter().copied().fold(0.0, f64::max))
        .collect();
    let header = 40.0;
    let (out, ctx) = crate::web::offscreen::canvas(
        (cell_w * cols as f64 + 30.0) as u32,
        (header + rows.iter().sum::<f64>() + 10.0 * rows.len() as f64 + 10.0) as u32,
    )?;
    ctx.set_fill_style_str(&crate::draw::palette::hex(
        crate::draw::palette::LIGHT.background,
    ));
    ctx.fill_rect(0.0, 0.0, f64::from(out.width()), f64::from(out.height()));
    ctx.set_fill_style_str(&crate::draw::palette::hex(crate::draw::palette::LIGHT.ink));
    ctx.set_font("bold 18px sans-serif");
    let _ = ctx.fill_text(title, 10.0, 26.0);
    let mut y = header;
    for (r, row) in canvases.chunks(cols).enumerate() {
        for (c, canvas) in row.iter().enumerate() {
            let x = 10.0 + c as f64 * (cell_w + 10.0);
            let h = heights[r * cols + c];
            let _ = ctx.draw_image_with_html_canvas_element_and_dw_and_dh(canvas, x, y, cell_w, h);
        }
        y += rows[r] + 10.0;
    }
    out.to_data_url_with_type("image/png")
        .map_err(|_| "the browser could not encode the PNG".to_string())
}

/// Downloads what `url` (a data or blob URL) holds as `name`, by clicking a download link.
pub fn download_data_url(name: &str, url: &str) -> Result<(), String> {
    let doc = crate::web::dom::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a = doc
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .ok_or("no link element")?;
    a.set_href(url);
    a.set_download(name);
    a.click();
    Ok(())
}

/// How an export went, in the words every export uses: `what` names the file.
pub fn outcome(what: &str, r: Result<(), String>) -> String {
    match r {
        Ok(()) => format!("{what}: downloaded."),
        Err(e) => format!("{what} could not be made: {e}"),
    }
}

/// Makes a file in the worker (`worker::jobs`: the JSON and SVG exports, whose writers the
/// page does not carry) and downloads it as `file`; `say` hears that it is being made, then
/// how it went.
pub fn from_worker(
    request: String,
    what: &'static str,
    file: String,
    mime: &'static str,
    say: impl Fn(String) + 'static,
) {
    say(format!("{what}: being made…"));
    wasm_bindgen_futures::spawn_local(async move {
        let r = crate::web::worker::jobs::run(request)
            .await
            .and_then(|text| download(&file, mime, text.as_bytes()));
        say(outcome(what, r));
    });
}
