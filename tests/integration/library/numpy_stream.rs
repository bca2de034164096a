//! numpy's legacy random stream, bit for bit, against values numpy wrote
//! (python/fixtures/make_numpy_fixtures.py).

use crate::util::{fixture, json_fixture};
use numdiff_plot::network::TwoLayerNet;
use numdiff_plot::numerics::RandomState;
use serde_json::Value;
use std::collections::BTreeMap;

/// The little-endian doubles of tests/fixtures/numpy/`name`.
fn doubles(name: &str) -> Vec<f64> {
    fixture(&format!("fixtures/numpy/{name}"))
        .chunks_exact(8)
        .map(|b| f64::from_le_bytes(b.try_into().unwrap()))
        .collect()
}

fn streams() -> Value {
    json_fixture("fixtures/numpy/streams.json")
}

fn indices(v: &Value) -> Vec<usize> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|i| i.as_u64().unwrap() as usize)
        .collect()
}

#[test]
fn random_sample_is_numpy_s() {
    let want = doubles("random_sample_seed0.f64");
    let mut rng = RandomState::new(0);
    for (i, w) in want.iter().enumerate() {
        assert_eq!(rng.random_sample().to_bits(), w.to_bits(), "value {i}");
    }
}

/// numpy's polar method takes ln from the C library, which is not always
/// correctly rounded; ours is. Where that changes a deviate (a few in
/// thousands), the fixture holds the deviate a correctly rounded ln gives;
/// every other value must be numpy's, bit for bit.
#[test]
fn randn_is_numpy_s_after_every_seed() {
    let corrections = streams()["log_corrections"].clone();
    for seed in [0u32, 42, u32::MAX] {
        let want = doubles(&format!("randn_seed{seed}.f64"));
        assert_eq!(want.len(), 2000);
        let fixed: BTreeMap<usize, f64> = corrections[seed.to_string()]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.parse().unwrap(), f64::from_bits(v.as_u64().unwrap())))
            .collect();
        assert!(fixed.len() <= 4, "seed {seed}: {} corrections", fixed.len());
        let got = RandomState::new(seed).randn(want.len());
        let mut same = 0;
        for (i, (g, w)) in got.iter().zip(&want).enumerate() {
            match fixed.get(&i) {
                Some(c) => {
                    assert_eq!(g, c, "seed {seed}, value {i}: the correctly rounded ln's");
                    assert!(
                        (g - w).abs() <= 2.0 * f64::EPSILON * w.abs(),
                        "seed {seed}, value {i}"
                    );
                }
                None => {
                    assert_eq!(
                        g.to_bits(),
                        w.to_bits(),
                        "seed {seed}, value {i}: {g} vs numpy {w}"
                    );
                    same += 1;
                }
            }
        }
        assert!(same >= 1996, "seed {seed}");
    }
}

#[test]
fn the_book_s_batches_follow_its_weights_in_the_stream() {
    let want: Vec<Vec<usize>> = streams()["seed0_mnist_batches"]
        .as_array()
        .unwrap()
        .iter()
        .map(indices)
        .collect();
    let mut rng = RandomState::new(0);
    let net = TwoLayerNet::new(784, 50, 10, 0.01, &mut rng);
    assert_eq!(net.w1.dim(), (784, 50));
    for (i, batch) in want.iter().enumerate() {
        assert_eq!(&rng.choice(60000, 100).unwrap(), batch, "batch {i}");
    }
}

#[test]
fn choice_and_randint_mask_and_reject_as_numpy_does() {
    let s = &streams()["seed7"];
    let mut rng = RandomState::new(7);
    assert_eq!(rng.choice(7, 50).unwrap(), indices(&s["choice_7_50"]));
    assert_eq!(rng.choice(1, 3).unwrap(), indices(&s["choice_1_3"]));
    assert_eq!(
        rng.choice(65537, 100).unwrap(),
        indices(&s["choice_65537_100"])
    );
    assert_eq!(
        rng.choice(65536, 100).unwrap(),
        indices(&s["choice_65536_100"])
    );
    let ints = |v: &Value| -> Vec<i64> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|i| i.as_i64().unwrap())
            .collect()
    };
    let got: Vec<i64> = (0..20).map(|_| rng.randint(-5, 5).unwrap()).collect();
    assert_eq!(got, ints(&s["randint_minus5_5_20"]));
    let got: Vec<i64> = (0..20).map(|_| rng.randint(0, 1 << 40).unwrap()).collect();
    assert_eq!(got, ints(&s["randint_0_2pow40_20"]));
    let after: Vec<u64> = s["randn_after_bits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap())
        .collect();
    assert_eq!(
        rng.randn(3).iter().map(|v| v.to_bits()).collect::<Vec<_>>(),
        after
    );
}
