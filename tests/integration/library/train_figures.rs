//! Figures 4-11 and 4-12 drawn from synthetic training data: a noisy,
//! decaying loss of 10000 iterations and accuracies rising to 0.95. The
//! figures take plain numbers, so no network is needed to test them: the
//! tests find the curves' colours where the book's layout puts them.

use numdiff_plot::figure::{image, train_accuracy, train_loss, Plot};
use numdiff_plot::render::{Format, Size};

/// A fixed pseudo-random sequence in [0, 1) (a 64-bit LCG, Knuth's MMIX constants).
fn uniform(n: usize, mut state: u64) -> Vec<f64> {
    (0..n)
        .map(|_| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 11) as f64 / (1u64 << 53) as f64
        })
        .collect()
}

/// A loss like the book's: 2.3 falling to about 0.2 after 1000 iterations, with noise.
fn synthetic_loss(n: usize) -> train_loss::Data {
    let noise = uniform(n, 7);
    let loss = (0..n)
        .map(|i| {
            let t = i as f64;
            let mean = 0.2 + 2.1 / (1.0 + (t / 350.0).powi(3));
            mean * (0.75 + 0.5 * noise[i])
        })
        .collect();
    train_loss::Data { loss }
}

/// Train and test accuracy at 17 epochs, from 0.1 up to 0.95.
fn synthetic_accuracy() -> train_accuracy::Data {
    let acc = |e: usize, lag: f64| 0.95 - 0.85 * (-(e as f64 + lag) / 1.1).exp();
    train_accuracy::Data {
        train_acc: (0..17).map(|e| acc(e, 0.0)).collect(),
        test_acc: (0..17).map(|e| acc(e, 0.05) - 0.002).collect(),
    }
}

/// An RGB image, decoded.
struct Pixels {
    width: usize,
    height: usize,
    rgb: Vec<u8>,
}

impl Pixels {
    fn decode(png_bytes: &[u8]) -> Pixels {
        let mut reader = png::Decoder::new(std::io::Cursor::new(png_bytes))
            .read_info()
            .unwrap();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buf).unwrap();
        assert_eq!(info.color_type, png::ColorType::Rgb);
        Pixels {
            width: info.width as usize,
            height: info.height as usize,
            rgb: buf,
        }
    }

    /// Whether the pixel at (x, y) is `color`, give or take antialiasing.
    fn is(&self, x: usize, y: usize, color: [u8; 3]) -> bool {
        let i = 3 * (y * self.width + x);
        let d: i32 = (0..3)
            .map(|c| (self.rgb[i + c] as i32 - color[c] as i32).abs())
            .sum();
        d <= 40
    }

    /// The pixels of `color` in columns `xs` and rows `ys`.
    fn find(
        &self,
        color: [u8; 3],
        xs: std::ops::Range<usize>,
        ys: std::ops::Range<usize>,
    ) -> Vec<(usize, usize)> {
        ys.flat_map(|y| xs.clone().map(move |x| (x, y)))
            .filter(|&(x, y)| self.is(x, y, color))
            .collect()
    }

    /// The runs of `color` along row `y` within `xs`.
    fn runs(&self, color: [u8; 3], xs: std::ops::Range<usize>, y: usize) -> usize {
        let on: Vec<bool> = xs.map(|x| self.is(x, y, color)).collect();
        on.iter()
            .enumerate()
            .filter(|&(i, &b)| b && (i == 0 || !on[i - 1]))
            .count()
    }
}

const C0: [u8; 3] = [0x1f, 0x77, 0xb4];
const C1: [u8; 3] = [0xff, 0x7f, 0x0e];

fn png(plot: &dyn Plot) -> Vec<u8> {
    image(plot, Size::DEFAULT, Format::Png).unwrap()
}

#[test]
fn the_same_data_gives_the_same_bytes() {
    let loss = synthetic_loss(10000);
    assert_eq!(png(&loss), png(&loss.clone()));
    let acc = synthetic_accuracy();
    assert_eq!(png(&acc), png(&acc.clone()));
    let svg = |p: &dyn Plot| image(p, Size::DEFAULT, Format::Svg).unwrap();
    assert_eq!(svg(&acc), svg(&acc));
}

#[test]
fn the_loss_is_drawn_in_two_panels_side_by_side() {
    let p = Pixels::decode(&png(&synthetic_loss(10000)));
    assert_eq!((p.width, p.height), (640, 480));
    // plt.subplot(1, 2, k): axes from 80 to 305.5 px and from 350.5 to 576 px,
    // from 57.6 to 427.2 px down.
    let (left, right) = (80..306, 351..577);
    let rows = 58..428;
    let in_left = p.find(C0, left.clone(), rows.clone());
    let in_right = p.find(C0, right.clone(), rows.clone());
    assert!(in_left.len() > 3000 && in_right.len() > 3000);
    assert!(p.find(C0, 0..640, 0..480).len() == in_left.len() + in_right.len());
    assert!(
        p.find(C0, 308..349, 0..480).is_empty(),
        "nothing between the panels"
    );
    // Each panel starts at the loss of iteration 0, at the top: about 10 px
    // into the panel (x from -5 % of the iterations); the highest loss is
    // 2.3 · 1.25, at 5 % of the panel's height below its top.
    for (pixels, from) in [(&in_left, left.start), (&in_right, right.start)] {
        let &(x, y) = pixels.iter().min_by_key(|&&(x, y)| (y, x)).unwrap();
        assert!(y <= 58 + 22, "the top of the curve at y = {y}");
        assert!(x - from < 40, "the top of the curve at x = {x}");
    }
    // The first 1000 iterations fill the right panel: the curve there
    // still falls at its right end, where the left panel's is flat and low.
    let low = |pixels: &[(usize, usize)], xs: std::ops::Range<usize>| {
        pixels
            .iter()
            .filter(|(x, _)| xs.contains(x))
            .map(|&(_, y)| y)
            .min()
            .unwrap()
    };
    assert!(low(&in_right, 540..576) > 300);
    assert!(low(&in_left, 270..305) > 330);
}

#[test]
fn accuracy_train_is_solid_test_is_dashed_from_0_to_1_with_a_legend_lower_right() {
    let p = Pixels::decode(&png(&synthetic_accuracy()));
    assert_eq!((p.width, p.height), (640, 480));
    // The plot area: x from 80 to 576 px, y from 57.6 (1.0) to 427.2 (0.0).
    let y_of = |acc: f64| 57.6 + (1.0 - acc) * (427.2 - 57.6);
    // The legend, in the lower right corner of the axes.
    let legend = (440..576, 360..427);
    let curve = p.find(C0, 80..440, 58..428);
    let top = curve.iter().map(|&(_, y)| y).min().unwrap() as f64;
    let bottom = curve.iter().map(|&(_, y)| y).max().unwrap() as f64;
    assert!((top - y_of(0.95)).abs() < 3.0, "top {top}");
    assert!((bottom - y_of(0.1)).abs() < 3.0, "bottom {bottom}");
    assert!(!p.find(C1, 80..440, 58..428).is_empty());
    // In the legend: one solid sample of C0, one dashed of C1 below it.
    let row_of = |color| {
        let found = p.find(color, legend.0.clone(), legend.1.clone());
        assert!(!found.is_empty(), "{color:?} in the legend");
        let mut rows: Vec<usize> = found.iter().map(|&(_, y)| y).collect();
        rows.sort();
        rows[rows.len() / 2]
    };
    let (train_row, test_row) = (row_of(C0), row_of(C1));
    assert!(test_row > train_row + 10, "test acc below train acc");
    assert_eq!(p.runs(C0, legend.0.clone(), train_row), 1);
    assert!(p.runs(C1, legend.0.clone(), test_row) >= 2, "dashed");
}

#[test]
fn the_report_is_the_book_s_epoch_lines_and_a_loss_summary() {
    let acc = synthetic_accuracy();
    let report = acc.report();
    let lines: Vec<&str> = report.lines().collect();
    assert_eq!(lines.len(), 17);
    // Python's str(): the shortest digits that read back as the same number.
    assert!(lines[0].starts_with("train acc, test acc | 0.09999999999999998, 0.1"));
    for (i, line) in lines.iter().enumerate() {
        let (train, test) = line
            .strip_prefix("train acc, test acc | ")
            .and_then(|rest| rest.split_once(", "))
            .unwrap();
        assert_eq!(train.parse::<f64>().unwrap(), acc.train_acc[i]);
        assert_eq!(test.parse::<f64>().unwrap(), acc.test_acc[i]);
    }
    let loss = train_loss::Data {
        loss: vec![2.5, f64::NAN, f64::INFINITY],
    };
    assert_eq!(
        loss.warnings(),
        ["the loss is not finite from iteration 1 on: the training diverged"]
    );
}
