//! `/api/train`: the events of a training, whose result is `train --json`'s
//! for the same flags; one training at a time; Stop and a closed page end
//! it.

use crate::util::serve::Served;
use crate::util::{json, synthetic_data_dir};
use std::time::{Duration, Instant};

#[test]
fn a_streamed_training_ends_with_what_train_json_prints() {
    let data = synthetic_data_dir(100, 20);
    let dir = data.path().to_str().unwrap();
    let server = Served::start(&["--data", dir]);
    let (status, events) = server.events("/api/train?iters=40&batch=10&lr=0.5&hidden=8&seed=3");
    assert_eq!(status, 200);
    let events: Vec<(String, serde_json::Value)> = events.collect();
    let (last, done) = events.last().expect("events").clone();
    assert_eq!(last, "done", "{events:?}");
    let progress: Vec<&serde_json::Value> = events
        .iter()
        .filter(|(n, _)| n == "progress")
        .map(|(_, d)| d)
        .collect();
    let final_progress = progress.last().expect("progress events");
    assert_eq!(
        (
            final_progress["iteration"].as_u64(),
            final_progress["iterations"].as_u64()
        ),
        (Some(39), Some(40))
    );
    let epochs: Vec<u64> = events
        .iter()
        .filter(|(n, _)| n == "epoch")
        .map(|(_, d)| d["iteration"].as_u64().unwrap())
        .collect();
    assert_eq!(epochs, [0, 10, 20, 30], "an epoch is 100 / 10 iterations");
    let command = done["command"].as_str().unwrap();
    assert_eq!(
        command,
        format!(
            "numdiff-plot train --iters 40 --batch 10 --lr 0.5 --hidden 8 --seed 3 --data {dir}"
        )
    );
    let work = tempfile::tempdir().unwrap();
    let argv: Vec<&str> = command.split(' ').skip(1).collect();
    let mut cli = json(work.path(), &argv);
    let mut served = done["data"].clone();
    for report in [&mut cli, &mut served] {
        report
            .as_object_mut()
            .unwrap()
            .remove("seconds")
            .expect("seconds");
    }
    assert_eq!(served, cli);
    assert_eq!(served["loss"].as_array().unwrap().len(), 40);
    assert!(done["loss_svg"].as_str().unwrap().starts_with("<svg"));
    assert!(done["accuracy_svg"].as_str().unwrap().starts_with("<svg"));
    assert_eq!(final_progress["loss"], served["loss"][39]);
}

/// Waits until a training can start again, or panics after 10 s.
fn free(server: &Served) {
    let started = Instant::now();
    while server.get("/api/train/stop").json()["stopping"] == true {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "the training did not stop"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn one_training_at_a_time_and_stop_ends_it() {
    let data = synthetic_data_dir(100, 20);
    let server = Served::start(&["--data", data.path().to_str().unwrap()]);
    let long = "/api/train?iters=1000000&batch=10&hidden=8";
    let (status, mut events) = server.events(long);
    assert_eq!(status, 200);
    let (name, _) = events.next().expect("an event");
    assert!(name == "progress" || name == "epoch", "{name}");
    let busy = server.get(long);
    assert_eq!(
        (busy.status, busy.error().as_str()),
        (409, "a training is already running; stop it or wait")
    );
    assert_eq!(server.get("/api/train/stop").json()["stopping"], true);
    let (last, data) = events.last().expect("a last event");
    assert_eq!(last, "error");
    let message = data["error"].as_str().unwrap();
    assert!(
        message.starts_with("the training was stopped after ")
            && message.ends_with(" of 1000000 iterations"),
        "{message}"
    );
    free(&server);
    assert_eq!(server.get("/api/train/stop").json()["stopping"], false);

    // Closing the page's connection stops it too.
    let (status, mut events) = server.events(long);
    assert_eq!(status, 200);
    events.next().expect("an event");
    drop(events);
    free(&server);
    let (status, _) = server.events("/api/train?iters=1&batch=10&hidden=8");
    assert_eq!(status, 200, "a new training starts");
}

#[test]
fn bad_flags_and_missing_data_are_400_with_the_cli_s_message() {
    let empty = tempfile::tempdir().unwrap();
    let server = Served::start(&["--data", empty.path().to_str().unwrap()]);
    let missing = server.get("/api/train?iters=10");
    assert_eq!(missing.status, 400);
    assert!(
        missing
            .error()
            .contains("fetch MNIST with `numdiff-plot data download"),
        "{}",
        missing.error()
    );
    let bad = server.get("/api/train?iters=0");
    assert_eq!(bad.status, 400);
    assert_eq!(
        bad.error(),
        "invalid value '0' for '--iters <N>': expected a whole number from 1 to 1000000"
    );
    let data = server.get("/api/train?data=/etc");
    assert_eq!(
        (data.status, data.error().as_str()),
        (
            400,
            "--data is not available on the page; the command line has it"
        )
    );
}
