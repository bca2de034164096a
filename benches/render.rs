//! Rendering each of the book's figures, in process: the whole PNG
//! (`png/<file>`), and its two halves, drawing the SVG (`svg/<file>`) and
//! rasterizing plus encoding it (`raster/<file>`). The data of each figure is
//! computed once outside the loop; the numbers are in benches/numerics.rs.
//!
//! Run alone with `cargo bench --features bench --bench render`.

use criterion::{criterion_group, criterion_main, Criterion};
use numdiff_plot::figure::{self, book_figures};
use numdiff_plot::render::{font::Fonts, raster, Canvas, Format, Size};
use std::hint::black_box;

fn svg(plot: &dyn figure::Plot) -> String {
    let mut canvas = Canvas::new(Size::DEFAULT);
    plot.draw(&mut canvas).expect("the book's figures draw");
    canvas.into_svg()
}

fn render(c: &mut Criterion) {
    let figures = book_figures();
    let mut g = c.benchmark_group("png");
    g.sample_size(20);
    for (file, plot) in &figures {
        g.bench_function(*file, |b| {
            b.iter(|| figure::image(black_box(plot.as_ref()), Size::DEFAULT, Format::Png))
        });
    }
    g.finish();

    let mut g = c.benchmark_group("svg");
    for (file, plot) in &figures {
        g.bench_function(*file, |b| b.iter(|| svg(black_box(plot.as_ref()))));
    }
    g.finish();

    let mut g = c.benchmark_group("raster");
    g.sample_size(20);
    for (file, plot) in &figures {
        let doc = svg(plot.as_ref());
        g.bench_function(*file, |b| {
            b.iter(|| raster::png(black_box(&doc), Size::DEFAULT, &Fonts::default()))
        });
    }
    g.finish();
}

criterion_group!(benches, render);
criterion_main!(benches);
