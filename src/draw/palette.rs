//! Every colour the app draws with, in one place: the Okabe-Ito palette (so that colour-blind
//! readers can tell the states apart; every state also has a text label wherever it is shown),
//! and the two schemes charts and exports are drawn in. Each colour has one meaning wherever it
//! appears (the fleet, the charts, the service graph, the legends); thresholds such as the
//! thread limit are drawn in the scheme's ink, and the interface itself is neutral. The style
//! sheet holds the page's own colours and mirrors these.

/// An RGB colour.
pub type Rgb = [u8; 3];

/// Okabe-Ito vermillion: failing (servers whose map fails, failing requests, failing services).
pub const VERMILLION: Rgb = [213, 94, 0];
/// Okabe-Ito blue: working normally (serving servers, before and after a restart, and
/// services at normal health).
pub const BLUE: Rgb = [0, 114, 178];
/// Okabe-Ito sky blue: threads (held by servers, on the threads chart).
pub const SKY_BLUE: Rgb = [86, 180, 233];
/// Okabe-Ito orange: still working, but at risk or degraded (servers past the thread limit on
/// an old map, threads refused, degraded services).
pub const ORANGE: Rgb = [230, 159, 0];
/// Okabe-Ito yellow: restarting (cold-starting).
pub const YELLOW: Rgb = [240, 228, 66];
/// Okabe-Ito reddish purple: evicted by a health check.
pub const REDDISH_PURPLE: Rgb = [204, 121, 167];
/// Grey: not yet added.
pub const GREY: Rgb = [128, 128, 128];
/// Dark grey: removed.
pub const DARK_GREY: Rgb = [70, 70, 70];

/// The colours of a scheme (light or dark) that charts and exports are drawn in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scheme {
    /// Background.
    pub background: Rgb,
    /// Text and axes.
    pub ink: Rgb,
    /// Secondary text.
    pub muted: Rgb,
    /// Grid lines.
    pub grid: Rgb,
    /// The run a branch is compared with.
    pub compare: Rgb,
}

/// The light scheme (and paper, whatever the screen's).
pub const LIGHT: Scheme = Scheme {
    background: [255, 255, 255],
    ink: [30, 34, 40],
    muted: [91, 100, 112],
    grid: [225, 228, 232],
    compare: [60, 64, 72],
};

/// The dark scheme.
pub const DARK: Scheme = Scheme {
    background: [24, 27, 33],
    ink: [220, 224, 230],
    muted: [160, 168, 178],
    grid: [60, 64, 72],
    compare: [200, 205, 212],
};

/// A colour as CSS: `rgb(r,g,b)`.
pub fn css(c: Rgb) -> String {
    let [r, g, b] = c;
    format!("rgb({r},{g},{b})")
}

/// A colour as a CSS hex string: `#rrggbb`.
pub fn hex(c: Rgb) -> String {
    let [r, g, b] = c;
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// RGB colour of a health value (1 = normal).
pub fn health_rgb(health: f32) -> Rgb {
    match health_class(health) {
        "ok" => BLUE,
        "degraded" => ORANGE,
        _ => VERMILLION,
    }
}

/// CSS class for a health value (1 = normal): the model's one definition of degraded and
/// failing (`cascade_sim::facts`).
pub fn health_class(health: f32) -> &'static str {
    use cascade_sim::facts::{DEGRADED_BELOW, FAILING_BELOW};
    if health >= DEGRADED_BELOW {
        "ok"
    } else if health >= FAILING_BELOW {
        "degraded"
    } else {
        "failing"
    }
}

/// Words for a health value.
pub fn health_words(health: f32) -> &'static str {
    match health_class(health) {
        "ok" => "normal",
        "degraded" => "degraded",
        _ => "failing",
    }
}
