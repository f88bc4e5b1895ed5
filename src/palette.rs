//! Colours, chosen from the Okabe-Ito palette so that colour-blind readers can tell the states
//! apart; every state also has a text label wherever it is shown.

use cascade_sim::ServerState;

/// RGB colour of a server state on the fleet canvas and in the legends.
pub fn state_rgb(state: ServerState) -> [u8; 3] {
    match state {
        ServerState::Pending => [128, 128, 128],
        ServerState::Serving => [0, 114, 178],
        ServerState::LimitHit => [213, 94, 0],
        ServerState::Removed => [70, 70, 70],
        ServerState::ColdStart => [240, 228, 66],
        ServerState::Evicted => [204, 121, 167],
        ServerState::Recovered => [0, 158, 115],
    }
}

/// CSS colour of a state.
pub fn state_css(state: ServerState) -> String {
    let [r, g, b] = state_rgb(state);
    format!("rgb({r},{g},{b})")
}

/// CSS class for a health value (1 = normal).
pub fn health_class(health: f32) -> &'static str {
    if health >= 0.95 {
        "ok"
    } else if health >= 0.6 {
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
