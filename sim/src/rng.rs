//! The one seeded generator of a run, and the per-server streams derived from it.
//!
//! SplitMix64 is used because it is tiny, fast, has no dependency, and gives the same bits on
//! every platform (native and wasm32), which determinism requires.

/// A SplitMix64 pseudo-random generator: the only source of randomness in the model.
#[derive(Debug, Clone)]
pub struct Rng {
    state: u64,
}

impl Rng {
    /// A generator seeded from the scenario's seed.
    pub fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    /// An independent stream for one purpose (`stream`) and one server (`index`), so that
    /// adding a server or a new random quantity never shifts the numbers of the others.
    pub fn derived(seed: u64, stream: u64, index: u64) -> Self {
        let mut mixer = Rng::new(seed ^ stream.wrapping_mul(0xA24B_AED4_963E_E407));
        let base = mixer.next_u64();
        Self {
            state: base ^ index.wrapping_mul(0x9FB2_1C65_1E98_DF25),
        }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform number in [0, 1) with 53 bits of precision.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// A uniform integer in [0, n] (inclusive); `n` is small here (minutes of delay).
    pub fn below_or_equal(&mut self, n: u32) -> u32 {
        let span = u64::from(n) + 1;
        // Multiply-shift keeps the result in range without modulo bias worth mentioning for
        // spans this small.
        ((u128::from(self.next_u64()) * u128::from(span)) >> 64) as u32
    }
}

/// Named streams, one per random quantity of a server.
pub mod streams {
    /// The lag of a server's view of the fleet membership.
    pub const DISCOVERY: u64 = 1;
    /// A server's capacity relative to the nominal one (what the health check sees).
    pub const CAPACITY: u64 = 2;
    /// The work of one cold start (indexed by server and the minute it was restarted).
    pub const COLD_START: u64 = 3;
    /// How many servers the operators restart in one minute (indexed by the minute).
    pub const OPERATORS: u64 = 4;
    /// A server's threads at rest, within the spread around the base.
    pub const THREADS: u64 = 5;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_numbers() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        for _ in 0..100 {
            assert_eq!(a.next_u64(), b.next_u64());
        }
    }

    #[test]
    fn derived_streams_differ_by_index_and_stream() {
        let x = Rng::derived(1, streams::DISCOVERY, 0).next_u64();
        let y = Rng::derived(1, streams::DISCOVERY, 1).next_u64();
        let z = Rng::derived(1, streams::CAPACITY, 0).next_u64();
        assert_ne!(x, y);
        assert_ne!(x, z);
    }

    #[test]
    fn below_or_equal_covers_the_range_and_stays_in_it() {
        let mut r = Rng::new(3);
        let mut seen = [false; 61];
        for _ in 0..20_000 {
            let v = r.below_or_equal(60) as usize;
            assert!(v <= 60);
            seen[v] = true;
        }
        assert!(seen.iter().all(|s| *s));
    }

    #[test]
    fn floats_are_in_unit_interval() {
        let mut r = Rng::new(11);
        let mut sum = 0.0;
        for _ in 0..10_000 {
            let v = r.next_f64();
            assert!((0.0..1.0).contains(&v));
            sum += v;
        }
        let mean = sum / 10_000.0;
        assert!((mean - 0.5).abs() < 0.02, "mean {mean}");
    }
}
