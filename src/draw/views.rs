//! The views a page can show, as a set: links and embeds name the ones they want.

/// One view of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The fleet canvas.
    Fleet,
    /// The service graph.
    Graph,
    /// Threads per server against the limit.
    Threads,
    /// Peer discovery, close up.
    Discovery,
    /// Kinesis error rate.
    Errors,
    /// Servers by state.
    States,
    /// Service health strips.
    Health,
    /// How sure is the model: the assumptions ranked by their effect, and the spread over
    /// seeds. Not among the page's default views: it runs the model some 150 times.
    Sensitivity,
}

/// Every view, in page order, with its name in links and its title.
pub const VIEWS: &[(View, &str, &str)] = &[
    (View::Fleet, "fleet", "Front-end fleet"),
    (View::Graph, "graph", "Services"),
    (View::Threads, "threads", "Threads against the limit"),
    (View::Discovery, "discovery", "Peer discovery"),
    (View::Errors, "errors", "Kinesis error rate"),
    (View::States, "states", "Servers by state"),
    (View::Health, "health", "Service health"),
    (View::Sensitivity, "sensitivity", "How sure is the model?"),
];

/// A set of views.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ViewSet(u16);

impl Default for ViewSet {
    fn default() -> Self {
        Self::PAGE
    }
}

impl ViewSet {
    /// Every view.
    pub const ALL: ViewSet = ViewSet((1 << 8) - 1);
    /// The views a page shows unless a link names others: all but the sensitivity analysis,
    /// which the full page keeps below the lab and computes when asked.
    pub const PAGE: ViewSet = ViewSet(Self::ALL.0 & !(1 << 7));
    /// No view.
    pub const NONE: ViewSet = ViewSet(0);

    fn bit(v: View) -> u16 {
        1 << VIEWS.iter().position(|(w, _, _)| *w == v).unwrap_or(0)
    }

    /// Whether `v` is in the set.
    pub fn has(self, v: View) -> bool {
        self.0 & Self::bit(v) != 0
    }

    /// The set with `v` added or removed.
    pub fn with(self, v: View, on: bool) -> Self {
        if on {
            Self(self.0 | Self::bit(v))
        } else {
            Self(self.0 & !Self::bit(v))
        }
    }

    /// Whether no view is in the set.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Parses `fleet,graph,...`; unknown names are returned for the banner.
    pub fn parse(text: &str) -> (Self, Vec<String>) {
        let mut set = Self(0);
        let mut unknown = Vec::new();
        for name in text.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            match VIEWS.iter().find(|(_, n, _)| *n == name) {
                Some((v, _, _)) => set = set.with(*v, true),
                None => unknown.push(cascade_sim::quote::quote(name)),
            }
        }
        (set, unknown)
    }

    /// The names of the views in the set, as a link writes them.
    pub fn names(self) -> String {
        VIEWS
            .iter()
            .filter(|(v, _, _)| self.has(*v))
            .map(|(_, n, _)| *n)
            .collect::<Vec<_>>()
            .join(",")
    }
}

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests {
    use super::*;

    #[test]
    fn a_set_is_written_and_read_back_with_unknown_names_named() {
        let set = ViewSet::NONE
            .with(View::Fleet, true)
            .with(View::Health, true);
        assert_eq!(set.names(), "fleet,health");
        assert_eq!(ViewSet::parse("fleet,health"), (set, Vec::new()));
        let (read, unknown) = ViewSet::parse("graph, nothing ,errors,");
        assert!(read.has(View::Graph) && read.has(View::Errors) && !read.has(View::Fleet));
        assert_eq!(unknown, vec!["nothing".to_string()]);
        assert!(ViewSet::parse("").0.is_empty());
    }

    #[test]
    fn every_view_has_one_name_and_all_covers_them() {
        let mut names: Vec<_> = VIEWS.iter().map(|(_, n, _)| *n).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), VIEWS.len());
        assert!(VIEWS.iter().all(|(v, _, _)| ViewSet::ALL.has(*v)));
        assert!(VIEWS
            .iter()
            .all(|(v, _, _)| ViewSet::PAGE.has(*v) == (*v != View::Sensitivity)));
        assert!(VIEWS.iter().all(|(v, _, _)| !ViewSet::NONE.has(*v)));
        assert_eq!(
            ViewSet::ALL
                .with(View::Fleet, false)
                .with(View::Fleet, true),
            ViewSet::ALL
        );
    }
}
