//! The bound on concurrent work: at most `workers` figures are drawn at
//! once, at most `queue` more wait for their turn, and any request beyond
//! those is turned away at once (503) rather than left to pile up.

use std::sync::{Condvar, Mutex, PoisonError};

/// Figures drawn at once by default: one per core of a two-core machine.
pub const WORKERS: usize = 2;
/// Requests that may wait for a worker by default.
pub const QUEUE: usize = 32;

/// A counting gate: [`Pool::enter`] waits for a free worker, or refuses
/// when the queue is full.
#[derive(Debug)]
pub struct Pool {
    workers: usize,
    queue: usize,
    /// (working, waiting).
    state: Mutex<(usize, usize)>,
    freed: Condvar,
}

/// A worker's turn; the worker is free again when it is dropped.
#[derive(Debug)]
pub struct Turn<'a>(&'a Pool);

impl Pool {
    pub fn new(workers: usize, queue: usize) -> Self {
        Pool {
            workers: workers.max(1),
            queue,
            state: Mutex::new((0, 0)),
            freed: Condvar::new(),
        }
    }

    /// A worker's turn, after waiting for one; `None` if `queue` requests
    /// are waiting already.
    pub fn enter(&self) -> Option<Turn<'_>> {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        if state.0 >= self.workers {
            if state.1 >= self.queue {
                return None;
            }
            state.1 += 1;
            while state.0 >= self.workers {
                state = self
                    .freed
                    .wait(state)
                    .unwrap_or_else(PoisonError::into_inner);
            }
            state.1 -= 1;
        }
        state.0 += 1;
        Some(Turn(self))
    }
}

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        let mut state = self.0.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.0 -= 1;
        self.0.freed.notify_one();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    #[test]
    fn no_more_than_the_workers_work_and_the_queue_overflows_into_refusals() {
        let pool = Pool::new(2, 1);
        let (a, b) = (pool.enter().unwrap(), pool.enter().unwrap());
        let most = AtomicUsize::new(0);
        std::thread::scope(|s| {
            let waiter = s.spawn(|| {
                let _turn = pool.enter().expect("queued, then a turn");
                most.fetch_add(1, Ordering::SeqCst);
            });
            while pool.state.lock().unwrap().1 == 0 {
                std::thread::sleep(Duration::from_millis(1));
            }
            assert!(pool.enter().is_none(), "the queue of 1 is full");
            assert_eq!(most.load(Ordering::SeqCst), 0, "still waiting");
            drop(a);
            waiter.join().unwrap();
        });
        assert_eq!(most.load(Ordering::SeqCst), 1);
        drop(b);
        assert_eq!(*pool.state.lock().unwrap(), (0, 0));
    }
}
