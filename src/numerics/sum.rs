//! Sums added in numpy's order, so that totals match numpy's to the last bit.

/// Σ term(i) for i in 0..n, added as numpy's `np.sum` adds a contiguous run
/// (its pairwise summation): fewer than 8 terms left to right from 0; up to
/// 128 in eight interleaved partial sums r₀…r₇, combined as
/// ((r₀ + r₁) + (r₂ + r₃)) + ((r₄ + r₅) + (r₆ + r₇)), then the remainder
/// left to right; longer runs split in two at a multiple of 8 and summed
/// recursively.
///
/// The order matters: 0.5·Σ(y − t)² for the book's second mean-squared-error
/// example is 0.5975 this way and 0.5974999999999999 with one running sum.
#[inline]
pub fn pairwise_sum(n: usize, term: impl Fn(usize) -> f64 + Copy) -> f64 {
    pairwise_from(0, n, term)
}

/// Σ values, in numpy's order (see [`pairwise_sum`]).
pub fn numpy_sum(values: &[f64]) -> f64 {
    pairwise_sum(values.len(), |i| values[i])
}

fn pairwise_from(start: usize, n: usize, term: impl Fn(usize) -> f64 + Copy) -> f64 {
    const BLOCK: usize = 128;
    if n < 8 {
        (start..start + n).fold(0.0, |sum, i| sum + term(i))
    } else if n <= BLOCK {
        let mut r = [0.0f64; 8];
        for (j, r) in r.iter_mut().enumerate() {
            *r = term(start + j);
        }
        let whole = n - n % 8;
        for block in (8..whole).step_by(8) {
            for (j, r) in r.iter_mut().enumerate() {
                *r += term(start + block + j);
            }
        }
        let mut sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for i in whole..n {
            sum += term(start + i);
        }
        sum
    } else {
        let half = n / 2;
        let half = half - half % 8;
        pairwise_from(start, half, term) + pairwise_from(start + half, n - half, term)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_runs_add_left_to_right() {
        assert_eq!(numpy_sum(&[]), 0.0);
        assert_eq!(numpy_sum(&[1e16, 1.0, -1e16]), 0.0);
    }

    #[test]
    fn runs_of_eight_or_more_add_in_eight_partial_sums() {
        // r₀ = 1e16 + (−1e16) = 0 and r₁ = 1 + 1 = 2; the running sum
        // loses the first 1 against 1e16.
        let mut v = vec![0.0; 16];
        v[0] = 1e16;
        v[8] = -1e16;
        v[1] = 1.0;
        v[9] = 1.0;
        assert_eq!(numpy_sum(&v), 2.0);
        assert_eq!(v.iter().fold(0.0, |s, x| s + x), 1.0);
    }
}
