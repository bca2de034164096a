//! The training's threads: the calling one and N − 1 workers, worker i
//! taking part i of a split step unless the caller has claimed it first.
//!
//! Each step of the loop is split several times per iteration (the forward
//! pass by samples, the W1 update by rows), 30,000 splits in the book's
//! run. A general-purpose pool wakes a sleeping thread for each (a system
//! call) and hands a part to whichever thread is free, so W1's rows and the
//! buffers move between the cores' caches. Here the workers never sleep
//! while the loop runs (they spin between parts), and each takes the same
//! part every time, so each part's data stays in one core's cache.
//!
//! The hand-off: the caller writes the job, then publishes it by a Release
//! store of its number n to `posted`. Each part i ≥ 1 is claimed once, by
//! whoever first moves worker i's `claimed` from n − 1 to n
//! (compare-and-swap): worker i when it sees n, or the caller once its own
//! part 0 is done and the worker has not started (it has no core: a busy
//! machine, or more threads than cores). A worker that claimed part i runs
//! it and stores n to its `done` with Release; the caller waits with
//! Acquire loads for the `done` of every part it did not run itself. So
//! everything a part wrote is visible to the caller after [`Team::run`],
//! and the job outlives every use. Which thread runs a part changes no
//! result: a part's work depends on its number only.
//! `scripts/tsan` runs the tests of this module under ThreadSanitizer.

use crate::threads::Panicked;
use std::cell::{Cell, UnsafeCell};
use std::marker::PhantomData;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;

/// The job posted to the workers: a closure on the caller's stack, called
/// with the part's number, its lifetime erased (see [`Team::run`]).
type Job = *const (dyn Fn(usize) + Sync);

/// What `posted` holds to ask the workers to stop.
const STOP: usize = usize::MAX;

/// What a part's thread panicked with, and what it was doing.
const WHAT: &str = "a training thread";

struct Shared {
    /// The number of the job posted last (STOP: stop).
    posted: AtomicUsize,
    job: UnsafeCell<Option<Job>>,
    /// One per worker (worker i at i − 1).
    workers: Box<[Worker]>,
}

/// A worker's own line: the job whose part it was claimed for last (by it
/// or by the caller), the job it finished last, and its panic, if any.
#[repr(align(64))]
struct Worker {
    claimed: AtomicUsize,
    done: AtomicUsize,
    panic: Mutex<Option<Panicked>>,
}

// SAFETY: `job` is written only by the caller, before it publishes the
// job by its Release store to `posted`, and read only by workers after an
// Acquire load of that number; the caller writes it again only after every
// worker's Release store to `done` for the job before. The closure behind
// it is `Sync`. The other fields are atomics and mutexes.
unsafe impl Sync for Shared {}
// SAFETY: as above; a `Job` is only a pointer to a `Sync` closure.
unsafe impl Send for Shared {}

/// The calling thread and `threads − 1` workers. Not `Sync`: only the
/// thread that holds it posts jobs, one at a time.
pub struct Team {
    shared: Arc<Shared>,
    handles: Vec<JoinHandle<()>>,
    /// Keeps `Team` from being `Sync`.
    not_sync: PhantomData<Cell<()>>,
}

impl std::fmt::Debug for Team {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Team")
            .field("threads", &self.threads())
            .finish()
    }
}

impl Team {
    /// The caller and `threads − 1` workers (none for 0 or 1).
    pub fn new(threads: usize) -> std::io::Result<Team> {
        let workers = (1..threads.max(1))
            .map(|_| Worker {
                claimed: AtomicUsize::new(0),
                done: AtomicUsize::new(0),
                panic: Mutex::new(None),
            })
            .collect();
        let shared = Arc::new(Shared {
            posted: AtomicUsize::new(0),
            job: UnsafeCell::new(None),
            workers,
        });
        let mut team = Team {
            shared,
            handles: Vec::new(),
            not_sync: PhantomData,
        };
        for i in 1..threads.max(1) {
            let shared = team.shared.clone();
            let handle = std::thread::Builder::new()
                .name(format!("train-{i}"))
                .spawn(move || work(&shared, i))?;
            // On an error, the drop of `team` stops those already started.
            team.handles.push(handle);
        }
        Ok(team)
    }

    /// How many threads, the caller included.
    pub fn threads(&self) -> usize {
        self.shared.workers.len() + 1
    }

    /// Runs `part(i)` for every i below [`threads`](Self::threads): part 0
    /// on the caller, part i on worker i (or on the caller, if the worker
    /// has not started it when the caller's part is done), and returns when
    /// all are done.
    /// With one thread every part runs on the caller, in order. A panic in
    /// any part is the error, after all parts have ended. (A part cannot
    /// start a run of its own: it is `Sync` and a `Team` is not.)
    pub fn run(&self, part: &(dyn Fn(usize) + Sync)) -> Result<(), Panicked> {
        let n = self.threads();
        if n == 1 {
            return (0..n).try_for_each(|i| {
                catch_unwind(AssertUnwindSafe(|| part(i)))
                    .map_err(|payload| Panicked::new(WHAT, payload.as_ref()))
            });
        }
        // SAFETY: only the lifetime is changed. Every worker calls the job
        // before its store to `done`, and this function does not return
        // before it has seen every such store (the caller's own part cannot
        // unwind past it: it is caught), so `part` outlives every use.
        let job: Job = unsafe { std::mem::transmute::<&(dyn Fn(usize) + Sync), Job>(part) };
        let shared = &*self.shared;
        let number = shared.posted.load(Ordering::Relaxed) + 1;
        // SAFETY: no worker reads `job` now: each has stored `done` for the
        // job before (runs do not overlap: `Team` is not `Sync`, so they
        // come from one thread, each waits for all, and no part can start
        // one).
        unsafe { *shared.job.get() = Some(job) };
        shared.posted.store(number, Ordering::Release);
        let mut own = catch_unwind(AssertUnwindSafe(|| part(0)));
        // Parts whose worker has not started them run here, in order.
        let mut claimed_here = vec![false; n];
        for (i, worker) in shared.workers.iter().enumerate().map(|(w, x)| (w + 1, x)) {
            if claim(&worker.claimed, number) {
                claimed_here[i] = true;
                let result = catch_unwind(AssertUnwindSafe(|| part(i)));
                if own.is_ok() {
                    own = result;
                }
            }
        }
        for (worker, here) in shared.workers.iter().zip(&claimed_here[1..]) {
            if !here {
                wait_for(&worker.done, number);
            }
        }
        own.map_err(|payload| Panicked::new(WHAT, payload.as_ref()))?;
        for worker in shared.workers.iter() {
            let panic = worker
                .panic
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .take();
            if let Some(panic) = panic {
                return Err(panic);
            }
        }
        Ok(())
    }

    /// Runs `work` on each of `parts`, part i on thread i mod
    /// [`threads`](Self::threads) (see [`run`](Self::run)).
    pub fn each<T: Send>(&self, parts: Vec<T>, work: impl Fn(T) + Sync) -> Result<(), Panicked> {
        let n = self.threads();
        let slots: Vec<Mutex<Option<T>>> = parts.into_iter().map(|p| Mutex::new(Some(p))).collect();
        self.run(&|i| {
            for slot in slots.iter().skip(i).step_by(n) {
                let part = slot.lock().unwrap_or_else(PoisonError::into_inner).take();
                if let Some(part) = part {
                    work(part);
                }
            }
        })
    }
}

/// `values` cut at the increasing `bounds` (the first 0, the last its
/// length): one piece per part of a split.
pub fn split_by<'a, T>(mut values: &'a mut [T], bounds: &[usize]) -> Vec<&'a mut [T]> {
    let mut parts = Vec::with_capacity(bounds.len().saturating_sub(1));
    for b in bounds.windows(2) {
        let (part, rest) = values.split_at_mut(b[1] - b[0]);
        parts.push(part);
        values = rest;
    }
    parts
}

/// Where to cut items 0..len into `parts` runs of about equal cost, the
/// first run carrying `head` more besides its items: the `parts + 1`
/// bounds, from 0 to `len`. Bound t is the first item at which the cost
/// before it (with `head`) reaches t/parts of the total (with `head`).
pub fn balanced_bounds(
    len: usize,
    parts: usize,
    head: usize,
    cost: impl Fn(usize) -> usize,
) -> Vec<usize> {
    let parts = parts.max(1);
    let costs: Vec<usize> = (0..len).map(cost).collect();
    let total = head + costs.iter().sum::<usize>();
    let mut bounds = Vec::with_capacity(parts + 1);
    bounds.push(0);
    let (mut before, mut item) = (head, 0);
    for t in 1..parts {
        while item < len && before * parts < total * t {
            before += costs[item];
            item += 1;
        }
        bounds.push(item);
    }
    bounds.push(len);
    bounds
}

/// Claims the part of job `number` whose claims `claimed` holds: true for
/// the one thread that moves it from `number − 1` to `number`. A worker
/// that saw an older job late fails, as does everyone after the first.
fn claim(claimed: &AtomicUsize, number: usize) -> bool {
    claimed
        .compare_exchange(number - 1, number, Ordering::AcqRel, Ordering::Acquire)
        .is_ok()
}

/// Waits (spinning) until `done` holds `number`.
fn wait_for(done: &AtomicUsize, number: usize) {
    let mut spins = 0u32;
    while done.load(Ordering::Acquire) != number {
        // A part takes tens of microseconds: spin through that, then let
        // the workers have the core in case they share this one (a busy
        // machine, or more threads than cores), rather than spin through
        // their time slice.
        if spins < 20_000 {
            spins += 1;
            std::hint::spin_loop();
        } else {
            std::thread::yield_now();
        }
    }
}

impl Drop for Team {
    fn drop(&mut self) {
        self.shared.posted.store(STOP, Ordering::Release);
        for handle in self.handles.drain(..) {
            // A worker catches its parts' panics, so it ends normally.
            let _ = handle.join();
        }
    }
}

/// Worker `i`: runs part `i` of each posted job.
fn work(shared: &Shared, i: usize) {
    let worker = &shared.workers[i - 1];
    let mut last = 0;
    let mut idle = 0u32;
    loop {
        let posted = shared.posted.load(Ordering::Acquire);
        if posted == STOP {
            return;
        }
        if posted != last {
            last = posted;
            idle = 0;
            if !claim(&worker.claimed, posted) {
                // The caller ran this part (this worker had no core).
                continue;
            }
            // SAFETY: the Acquire load above saw the caller's Release store
            // made after it wrote `job`; having claimed the part, this
            // worker is waited for, and the caller does not change `job`
            // before this worker's store to `done` below.
            let job = unsafe { (*shared.job.get()).expect("a posted job") };
            // SAFETY: the closure behind `job` lives until every worker has
            // stored `done` for this job (see `Team::run`), and it is `Sync`.
            let part = unsafe { &*job };
            if let Err(payload) = catch_unwind(AssertUnwindSafe(|| part(i))) {
                *worker.panic.lock().unwrap_or_else(PoisonError::into_inner) =
                    Some(Panicked::new(WHAT, payload.as_ref()));
            }
            worker.done.store(posted, Ordering::Release);
            continue;
        }
        // Nothing to do: spin for a while, then give the core away between
        // checks (the loop may be waiting on something slow, or be over).
        idle = idle.saturating_add(1);
        if idle < 20_000 {
            std::hint::spin_loop();
        } else if idle < 40_000 {
            std::thread::yield_now();
        } else {
            std::thread::sleep(std::time::Duration::from_micros(50));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicU64;

    #[test]
    fn every_part_runs_and_the_caller_sees_its_writes_after_the_run() {
        for threads in [1, 2, 3, 4, 7] {
            let team = Team::new(threads).unwrap();
            assert_eq!(team.threads(), threads);
            let mut data = vec![0u64; 700];
            for round in 0..500u64 {
                let parts: Vec<(usize, &mut [u64])> = data.chunks_mut(100).enumerate().collect();
                team.each(parts, |(p, chunk)| {
                    chunk.iter_mut().for_each(|v| *v += round * (p as u64 + 1))
                })
                .unwrap();
            }
            let total: u64 = (0..500).sum();
            for (p, chunk) in data.chunks(100).enumerate() {
                assert!(chunk.iter().all(|&v| v == total * (p as u64 + 1)));
            }
        }
    }

    #[test]
    fn bounds_balance_the_cost_and_cover_every_item() {
        assert_eq!(balanced_bounds(10, 2, 0, |_| 1), [0, 5, 10]);
        assert_eq!(balanced_bounds(10, 3, 0, |_| 1), [0, 4, 7, 10]);
        // The first part's head start leaves it fewer items.
        assert_eq!(balanced_bounds(10, 2, 4, |_| 1), [0, 3, 10]);
        assert_eq!(balanced_bounds(4, 2, 0, |i| [9, 1, 1, 1][i]), [0, 1, 4]);
        assert_eq!(balanced_bounds(2, 4, 0, |_| 1), [0, 1, 1, 2, 2]);
        assert_eq!(balanced_bounds(0, 3, 0, |_| 1), [0, 0, 0, 0]);
        let mut v = [1, 2, 3, 4, 5];
        let parts = split_by(&mut v, &[0, 2, 2, 5]);
        assert_eq!(parts, [&mut [1, 2][..], &mut [][..], &mut [3, 4, 5][..]]);
    }

    #[test]
    fn a_panic_in_any_part_is_the_caller_s_error_and_the_team_goes_on() {
        for threads in [1, 2, 4] {
            let team = Team::new(threads).unwrap();
            for bad in 0..threads {
                let e = team
                    .run(&|i| {
                        if i == bad {
                            panic!("part {i} failed");
                        }
                    })
                    .unwrap_err();
                assert_eq!(
                    e.to_string(),
                    format!("a training thread panicked: part {bad} failed")
                );
            }
            let hits = AtomicU64::new(0);
            team.run(&|_| {
                hits.fetch_add(1, Ordering::AcqRel);
            })
            .unwrap();
            assert_eq!(hits.into_inner(), threads as u64);
        }
    }

    #[test]
    fn a_part_is_claimed_once_and_a_late_claim_fails() {
        let claimed = AtomicUsize::new(4);
        assert!(claim(&claimed, 5));
        assert!(!claim(&claimed, 5), "the second claim of job 5");
        assert!(claim(&claimed, 6));
        assert!(!claim(&claimed, 5), "a worker that saw job 5 late");
        assert_eq!(claimed.into_inner(), 6);
    }

    #[test]
    fn parts_whose_worker_has_no_core_run_on_the_caller() {
        // Seven threads on fewer cores: many parts are claimed by the
        // caller; every part still runs exactly once per run.
        let team = Team::new(7).unwrap();
        let runs: Vec<AtomicU64> = (0..7).map(|_| AtomicU64::new(0)).collect();
        let caller = std::thread::current().id();
        let here = AtomicU64::new(0);
        for _ in 0..2_000 {
            team.run(&|i| {
                runs[i].fetch_add(1, Ordering::AcqRel);
                if i > 0 && std::thread::current().id() == caller {
                    here.fetch_add(1, Ordering::AcqRel);
                }
            })
            .unwrap();
        }
        assert!(runs.iter().all(|r| r.load(Ordering::Acquire) == 2_000));
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        if cores < 7 {
            assert!(here.into_inner() > 0, "no part ran on the caller");
        }
    }

    #[test]
    fn many_short_runs_hand_off_without_losing_a_write() {
        // The hand-off protocol under stress (and under ThreadSanitizer,
        // see scripts/tsan): plain writes by each part, read by the caller.
        let team = Team::new(4).unwrap();
        let cells: Vec<Mutex<u64>> = (0..4).map(|_| Mutex::new(0)).collect();
        let mut plain = [0u64; 4];
        for round in 1..=5_000u64 {
            let parts: Vec<&mut u64> = plain.iter_mut().collect();
            team.each(parts, |v| *v += round).unwrap();
            team.run(&|i| *cells[i].lock().unwrap() += 1).unwrap();
        }
        let total: u64 = (1..=5_000).sum();
        assert_eq!(plain, [total; 4]);
        assert!(cells.iter().all(|c| *c.lock().unwrap() == 5_000));
    }
}
