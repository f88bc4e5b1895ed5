//! A user's text quoted back in a message, shortened so that a pasted file or a long link
//! cannot flood the message.

/// Most characters of a given value quoted back in a message.
pub const QUOTE: usize = 40;

/// `text` shortened for quoting in a message: at most [`QUOTE`] characters, then `…` if cut.
pub fn quote(text: &str) -> String {
    let mut q: String = text.chars().take(QUOTE).collect();
    if text.chars().count() > QUOTE {
        q.push('…');
    }
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_text_is_cut_and_marked_and_a_short_one_kept() {
        assert_eq!(quote("fleet.servers"), "fleet.servers");
        let long = "x".repeat(100);
        let q = quote(&long);
        assert_eq!(q.chars().count(), QUOTE + 1);
        assert!(q.ends_with('…'));
        assert_eq!(quote(&"é".repeat(QUOTE)), "é".repeat(QUOTE));
    }
}
