//! numpy's legacy random stream (`np.random.seed`, `rand`, `randn`,
//! `randint`, `choice`), reproduced draw for draw.
//!
//! The book's scripts call the module-level functions of `np.random`, which
//! use the legacy `RandomState`: a Mersenne Twister (MT19937) seeded by
//! Knuth's linear recurrence, uniform doubles from two 32-bit draws,
//! normal deviates by the polar Box–Muller method with its second value kept
//! for the next call, and bounded integers by masked rejection. With the
//! same seed, [`RandomState`] returns the same numbers as numpy, bit for bit,
//! on every machine: the one transcendental function it needs (ln, in the
//! polar method) is the pure-Rust `libm` crate's, and √ is exactly rounded
//! everywhere.

/// Words of MT19937 state.
const N: usize = 624;
/// The twist's middle offset.
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// numpy's legacy `RandomState`: MT19937 plus the cached second normal
/// deviate of the polar method.
#[derive(Clone)]
pub struct RandomState {
    key: [u32; N],
    pos: usize,
    gauss: Option<f64>,
}

impl std::fmt::Debug for RandomState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RandomState")
            .field("pos", &self.pos)
            .field("gauss", &self.gauss)
            .finish_non_exhaustive()
    }
}

impl RandomState {
    /// `np.random.seed(seed)` for an integer seed (numpy accepts 0 to
    /// 2³² − 1): MT19937's `init_genrand`,
    ///
    /// key₀ = seed, keyᵢ = 1812433253 · (keyᵢ₋₁ ⊕ (keyᵢ₋₁ ≫ 30)) + i (mod 2³²),
    ///
    /// with the state exhausted so that the first draw twists it, and no
    /// normal deviate cached.
    pub fn new(seed: u32) -> Self {
        let mut key = [0u32; N];
        key[0] = seed;
        for i in 1..N {
            let prev = key[i - 1];
            key[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        RandomState {
            key,
            pos: N,
            gauss: None,
        }
    }

    /// Regenerates all 624 words (the "twist").
    fn twist(&mut self) {
        let key = &mut self.key;
        for i in 0..N {
            let y = (key[i] & UPPER_MASK) | (key[(i + 1) % N] & LOWER_MASK);
            let mag = if y & 1 == 1 { MATRIX_A } else { 0 };
            key[i] = key[(i + M) % N] ^ (y >> 1) ^ mag;
        }
        self.pos = 0;
    }

    /// The next 32-bit output, tempered.
    pub fn next_u32(&mut self) -> u32 {
        if self.pos == N {
            self.twist();
        }
        let mut y = self.key[self.pos];
        self.pos += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// Two 32-bit outputs, the first as the high half.
    pub fn next_u64(&mut self) -> u64 {
        let high = self.next_u32() as u64;
        (high << 32) | self.next_u32() as u64
    }

    /// `np.random.random_sample()`: a double in [0, 1) with 53 random bits,
    /// (a·2²⁶ + b) / 2⁵³ where a is the top 27 bits of one draw and b the
    /// top 26 of the next.
    pub fn random_sample(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) / 9_007_199_254_740_992.0
    }

    /// `np.random.standard_normal()`, numpy's legacy polar method: draw
    /// x₁, x₂ uniform in (−1, 1) until 0 < r² = x₁² + x₂² < 1, then
    /// f = √(−2·ln(r²) / r²); return f·x₂ and keep f·x₁ for the next call.
    pub fn standard_normal(&mut self) -> f64 {
        if let Some(kept) = self.gauss.take() {
            return kept;
        }
        loop {
            let x1 = 2.0 * self.random_sample() - 1.0;
            let x2 = 2.0 * self.random_sample() - 1.0;
            let r2 = x1 * x1 + x2 * x2;
            if r2 < 1.0 && r2 != 0.0 {
                let f = (-2.0 * pxfm::f_log(r2) / r2).sqrt();
                self.gauss = Some(f * x1);
                return f * x2;
            }
        }
    }

    /// `np.random.randn(d0, d1, …)` with `len` = d0·d1·…: the deviates in
    /// C (row-major) order.
    pub fn randn(&mut self, len: usize) -> Vec<f64> {
        (0..len).map(|_| self.standard_normal()).collect()
    }

    /// `np.random.randint(low, high)`: an integer in [low, high), drawn as
    /// numpy's legacy generator does, by masked rejection: with
    /// range = high − low − 1 and mask the smallest 2ᵏ − 1 ≥ range, take
    /// (next draw & mask) until it is ≤ range. The draw is 32 bits when
    /// range < 2³², 64 bits otherwise. `None` when high ≤ low.
    pub fn randint(&mut self, low: i64, high: i64) -> Option<i64> {
        if high <= low {
            return None;
        }
        let range = high.wrapping_sub(low).wrapping_sub(1) as u64;
        Some(low.wrapping_add(self.bounded(range, mask_for(range)) as i64))
    }

    /// An integer in [0, range], masked rejection with `mask` = [`mask_for`]`(range)`.
    fn bounded(&mut self, range: u64, mask: u64) -> u64 {
        if range == 0 {
            0
        } else if range <= u32::MAX as u64 {
            let (range, mask) = (range as u32, mask as u32);
            loop {
                let v = self.next_u32() & mask;
                if v <= range {
                    return v as u64;
                }
            }
        } else {
            loop {
                let v = self.next_u64() & mask;
                if v <= range {
                    return v;
                }
            }
        }
    }

    /// `np.random.choice(n, k)` (with replacement, uniform): `k` indices in
    /// [0, n), which numpy draws as `randint(0, n, size=k)`. `None` when n is 0.
    pub fn choice(&mut self, n: usize, k: usize) -> Option<Vec<usize>> {
        if n == 0 {
            return None;
        }
        let range = n as u64 - 1;
        let mask = mask_for(range);
        Some((0..k).map(|_| self.bounded(range, mask) as usize).collect())
    }
}

/// The smallest mask 2ᵏ − 1 that is ≥ `range`.
fn mask_for(range: u64) -> u64 {
    if range == 0 {
        0
    } else {
        u64::MAX >> range.leading_zeros()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_outputs_are_the_reference_mt19937_s() {
        // init_genrand(5489), the reference implementation's default seed:
        // its first outputs and the 10000th are published with it (and are
        // what C++'s std::mt19937 returns).
        let mut rng = RandomState::new(5489);
        assert_eq!(rng.next_u32(), 3_499_211_612);
        assert_eq!(rng.next_u32(), 581_869_302);
        assert_eq!(rng.next_u32(), 3_890_346_734);
        for _ in 3..9999 {
            rng.next_u32();
        }
        assert_eq!(rng.next_u32(), 4_123_659_995);
    }

    #[test]
    fn masks_are_the_next_power_of_two_minus_one() {
        assert_eq!(mask_for(0), 0);
        assert_eq!(mask_for(1), 1);
        assert_eq!(mask_for(59_999), 65_535);
        assert_eq!(mask_for(65_535), 65_535);
        assert_eq!(mask_for(65_536), 131_071);
        assert_eq!(mask_for(u64::MAX), u64::MAX);
    }

    #[test]
    fn draws_stay_in_range() {
        let mut rng = RandomState::new(1);
        assert!(rng.choice(7, 1000).unwrap().iter().all(|&i| i < 7));
        assert_eq!(rng.choice(1, 3), Some(vec![0, 0, 0]));
        assert_eq!(rng.choice(0, 3), None);
        assert_eq!(rng.randint(5, 5), None);
        for _ in 0..1000 {
            let v = rng.randint(-3, 4).unwrap();
            assert!((-3..4).contains(&v));
            let u = rng.random_sample();
            assert!((0.0..1.0).contains(&u));
        }
        // A range past 32 bits draws 64 bits at a time.
        let big = rng.randint(0, 1 << 40).unwrap();
        assert!((0..1 << 40).contains(&big));
    }

    #[test]
    fn the_second_polar_deviate_is_kept_for_the_next_call() {
        let mut a = RandomState::new(3);
        let first = a.standard_normal();
        let second = a.standard_normal();
        // Both came from one accepted pair: the next call draws again.
        let mut b = RandomState::new(3);
        b.standard_normal();
        let pos = b.pos;
        assert_eq!(b.standard_normal(), second);
        assert_eq!(b.pos, pos, "the kept value costs no draw");
        assert_ne!(first, second);
    }
}
