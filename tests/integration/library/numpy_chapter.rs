//! The chapter's numbers against numpy's, bit for bit, from the values
//! python/fixtures/make_chapter_fixtures.py wrote (numpy 2.4 with its OpenBLAS):
//! the loss functions of section 4.2 and simpleNet's gradient under each BLAS
//! kernel.

use crate::util::json_fixture;
use ndarray::{array, Array2};
use numdiff_plot::figure::loss;
use numdiff_plot::numerics::{SimpleNet, H};

fn fixture() -> serde_json::Value {
    json_fixture("fixtures/numpy/chapter.json")
}

/// Python's repr of a double, read back exactly.
fn number(v: &serde_json::Value) -> f64 {
    v.as_str().expect("a repr").parse().expect("a number")
}

fn numbers(v: &serde_json::Value) -> Vec<f64> {
    v.as_array().expect("a list").iter().map(number).collect()
}

#[test]
fn the_loss_functions_give_numpy_s_numbers() {
    let numpy = fixture();
    let ours = loss::compute(&loss::Params::book());
    let mse: Vec<f64> = ours.examples.iter().map(|e| e.mean_squared_error).collect();
    let cee: Vec<f64> = ours
        .examples
        .iter()
        .map(|e| e.cross_entropy_error)
        .collect();
    assert_eq!(mse, numbers(&numpy["loss"]["mean_squared_error"]));
    assert_eq!(cee, numbers(&numpy["loss"]["cross_entropy_error"]));
    assert_eq!(mse, [0.09750000000000003, 0.5975]);
    assert_eq!(cee, [0.510825457099338, 2.302584092994546]);
}

/// simpleNet's dW at the book's W, x = [0.6, 0.9], t = [0, 0, 1].
fn dw() -> Array2<f64> {
    let (x, t) = (array![0.6, 0.9], array![0.0, 0.0, 1.0]);
    SimpleNet::book().numerical_gradient(x.view(), t.view(), H)
}

fn numpy_dw(kernel: &str) -> Option<Array2<f64>> {
    let rows = fixture()["simplenet"][kernel]["dw"].as_array()?.clone();
    let values: Vec<f64> = rows.iter().flat_map(numbers).collect();
    Some(Array2::from_shape_vec((2, 3), values).unwrap())
}

/// OpenBLAS's kernels without fused multiply-adds round x·W as numpy's own
/// loop would, and dW is theirs to the last digit.
#[test]
fn simplenet_s_dw_is_numpy_s_under_the_kernels_without_fma() {
    for kernel in ["Sandybridge", "Haswell"] {
        let numpy = numpy_dw(kernel).expect("every x86-64 processor runs these kernels");
        assert_eq!(dw(), numpy, "{kernel}");
    }
    let net = SimpleNet::book();
    let simplenet = &fixture()["simplenet"]["Haswell"];
    let x = array![0.6, 0.9];
    assert_eq!(
        net.predict(x.view()).to_vec(),
        numbers(&simplenet["prediction"])
    );
    let t = array![0.0, 0.0, 1.0];
    assert_eq!(net.loss(x.view(), t.view()), number(&simplenet["loss"]));
}

/// The SkylakeX kernel (chosen on AVX-512 processors) computes x·W with
/// fused multiply-adds; one perturbed loss rounds differently, and one
/// entry of dW differs in the 13th digit.
#[test]
fn the_skylakex_kernel_differs_in_one_entry_below_1e_12() {
    let Some(numpy) = numpy_dw("SkylakeX") else {
        return; // the fixture was written on a processor without AVX-512
    };
    let ours = dw();
    let differ: Vec<(usize, usize)> = ours
        .indexed_iter()
        .filter(|&(ij, v)| *v != numpy[ij])
        .map(|(ij, _)| ij)
        .collect();
    assert_eq!(differ, [(1, 2)]);
    let gap = (ours[[1, 2]] - numpy[[1, 2]]).abs();
    assert!(gap > 1e-13 && gap < 1e-12, "{gap}");
}
