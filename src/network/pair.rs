//! Two threads for the training loop: the calling one and a worker that
//! always takes the second half of a split step.
//!
//! Each step of the loop is split two ways several times per iteration (the
//! forward pass by samples, the W1 update by rows), 30,000 splits in the
//! book's run. A general-purpose pool wakes a sleeping thread for each (a
//! system call) and hands a half to whichever thread is free, so W1's rows
//! and the buffers move between the cores' caches. Here the worker never
//! sleeps while the loop runs (it spins between halves), and it always gets
//! the same half, so each half's data stays in one core's cache.

use std::cell::{Cell, UnsafeCell};
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

/// The job posted to the worker: a closure living on the caller's stack,
/// its lifetime erased (see [`Pair::join`] for why that is sound).
type Job = *const (dyn Fn() + Sync);

struct Shared {
    /// Incremented by the caller after it writes `job`; `usize::MAX` asks
    /// the worker to stop.
    posted: AtomicUsize,
    /// Set by the worker to the number of the job it has finished.
    done: AtomicUsize,
    job: UnsafeCell<Option<Job>>,
    /// Whether the worker's job panicked.
    panicked: AtomicBool,
}

// SAFETY: `job` is written only by the caller before it publishes the job
// with a Release store to `posted`, and read only by the worker after an
// Acquire load sees it; the caller does not touch it again until the
// worker's Release store to `done` for that job. The closure behind it is
// `Sync`.
unsafe impl Sync for Shared {}
unsafe impl Send for Shared {}

/// The calling thread and, with two threads, a worker. Not `Sync`: only
/// the thread that holds it posts jobs, one at a time.
pub struct Pair {
    shared: Arc<Shared>,
    worker: Option<JoinHandle<()>>,
    /// Whether a join is under way (a join inside one runs on the caller).
    busy: Cell<bool>,
}

impl std::fmt::Debug for Pair {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pair")
            .field("threads", &self.threads())
            .finish()
    }
}

impl Pair {
    /// One thread (everything on the caller) or two.
    pub fn new(threads: usize) -> std::io::Result<Pair> {
        let shared = Arc::new(Shared {
            posted: AtomicUsize::new(0),
            done: AtomicUsize::new(0),
            job: UnsafeCell::new(None),
            panicked: AtomicBool::new(false),
        });
        let worker = if threads > 1 {
            let shared = shared.clone();
            Some(
                std::thread::Builder::new()
                    .name("train-1".into())
                    .spawn(move || work(&shared))?,
            )
        } else {
            None
        };
        Ok(Pair {
            shared,
            worker,
            busy: Cell::new(false),
        })
    }

    /// 1 or 2.
    pub fn threads(&self) -> usize {
        1 + usize::from(self.worker.is_some())
    }

    /// Runs `a` on the calling thread and `b` on the worker (both on the
    /// caller, `a` first, with one thread or inside another join), and
    /// returns when both are done.
    pub fn join<A, B>(&self, a: A, b: B)
    where
        A: FnOnce(),
        B: FnOnce() + Send,
    {
        if self.worker.is_none() || self.busy.get() {
            a();
            b();
            return;
        }
        let b = Mutex::new(Some(b));
        let b = || {
            let b = b.lock().unwrap_or_else(|e| e.into_inner()).take();
            if let Some(b) = b {
                b();
            }
        };
        let job: &(dyn Fn() + Sync) = &b;
        // SAFETY: only the lifetime is changed. The worker calls the job
        // before it stores `done`, and this function does not return (nor
        // unwind: `Wait` waits in its drop) before it has seen that store,
        // so `b` outlives every use.
        let job: Job = unsafe { std::mem::transmute::<&(dyn Fn() + Sync), Job>(job) };
        let number = self.shared.posted.load(Ordering::Relaxed) + 1;
        // SAFETY: the worker is done with the previous job (joins do not
        // overlap: `Pair` is not `Sync`, so they come from one thread, each
        // waits, and a join inside one does not post), so nothing reads
        // `job` now.
        unsafe { *self.shared.job.get() = Some(job) };
        self.shared.posted.store(number, Ordering::Release);
        self.busy.set(true);
        let wait = Wait {
            shared: &self.shared,
            busy: &self.busy,
            number,
        };
        a();
        drop(wait);
        if self.shared.panicked.swap(false, Ordering::AcqRel) {
            resume_unwind(Box::new("a training thread panicked"));
        }
    }
}

/// Waits (spinning) for the worker to finish job `number`, then marks the
/// pair free.
struct Wait<'a> {
    shared: &'a Shared,
    busy: &'a Cell<bool>,
    number: usize,
}

impl Drop for Wait<'_> {
    fn drop(&mut self) {
        let mut spins = 0u32;
        while self.shared.done.load(Ordering::Acquire) != self.number {
            // A half takes tens of microseconds: spin through that, then let
            // the worker have the core in case it shares this one (a busy
            // machine), rather than spin through its time slice.
            if spins < 20_000 {
                spins += 1;
                std::hint::spin_loop();
            } else {
                std::thread::yield_now();
            }
        }
        self.busy.set(false);
    }
}

impl Drop for Pair {
    fn drop(&mut self) {
        if let Some(worker) = self.worker.take() {
            self.shared.posted.store(usize::MAX, Ordering::Release);
            let _ = worker.join();
        }
    }
}

/// The worker: runs each posted job.
fn work(shared: &Shared) {
    let mut last = 0;
    let mut idle = 0u32;
    loop {
        let posted = shared.posted.load(Ordering::Acquire);
        if posted == usize::MAX {
            return;
        }
        if posted != last {
            // SAFETY: the Acquire load above saw the caller's Release store
            // made after it wrote `job`, which lives until we store `done`.
            let job = unsafe { (*shared.job.get()).expect("a posted job") };
            if catch_unwind(AssertUnwindSafe(|| unsafe { (*job)() })).is_err() {
                shared.panicked.store(true, Ordering::Release);
            }
            shared.done.store(posted, Ordering::Release);
            last = posted;
            idle = 0;
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

    #[test]
    fn both_halves_run_and_see_each_others_writes_after_the_join() {
        for threads in [1, 2] {
            let pair = Pair::new(threads).unwrap();
            assert_eq!(pair.threads(), threads);
            let mut data = vec![0u64; 1000];
            for round in 0..2000u64 {
                let (low, high) = data.split_at_mut(500);
                pair.join(
                    || low.iter_mut().for_each(|v| *v += round),
                    || high.iter_mut().for_each(|v| *v += 2 * round),
                );
            }
            let total: u64 = (0..2000).sum();
            assert!(data[..500].iter().all(|&v| v == total));
            assert!(data[500..].iter().all(|&v| v == 2 * total));
        }
    }

    #[test]
    fn a_join_inside_a_join_runs_on_the_caller() {
        let pair = Pair::new(2).unwrap();
        let (outer, inner) = (AtomicUsize::new(0), AtomicUsize::new(0));
        pair.join(
            || {
                pair.join(
                    || {
                        inner.fetch_add(1, Ordering::AcqRel);
                    },
                    || {
                        inner.fetch_add(10, Ordering::AcqRel);
                    },
                );
            },
            || {
                outer.fetch_add(100, Ordering::AcqRel);
            },
        );
        assert_eq!((inner.into_inner(), outer.into_inner()), (11, 100));
    }

    #[test]
    fn a_panic_in_the_workers_half_reaches_the_caller() {
        let pair = Pair::new(2).unwrap();
        let result = catch_unwind(AssertUnwindSafe(|| pair.join(|| {}, || panic!("boom"))));
        assert!(result.is_err());
        // The pair still works afterwards.
        let hit = AtomicBool::new(false);
        pair.join(|| {}, || hit.store(true, Ordering::Release));
        assert!(hit.load(Ordering::Acquire));
    }
}
