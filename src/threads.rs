//! How many threads a command works on, decided here and nowhere else, and
//! what happens when one of them panics.
//!
//! `--threads N` on `train`, `gradcheck` and `all` (as ripgrep's `-j`), or
//! by default every core the machine has. Either way no more threads than
//! the work has parts: more could only wait. Every result is the same on
//! any number of threads; the count changes the speed only.
//!
//! A panic in a worker thread is caught there and becomes the caller's
//! [`Panicked`] error, one line naming what panicked, once every other
//! thread has finished: never a hang, never a second panic.

use std::any::Any;
use std::num::NonZeroUsize;

/// `--threads`: a whole number of at least 1.
pub fn parse_threads(s: &str) -> Result<NonZeroUsize, String> {
    s.trim()
        .parse::<NonZeroUsize>()
        .map_err(|_| "expected a whole number of threads, at least 1".to_string())
}

/// The cores this process may run on (1 if that cannot be known).
pub fn available() -> usize {
    std::thread::available_parallelism().map_or(1, NonZeroUsize::get)
}

/// The threads to work on: `requested` (`--threads`), or every available
/// core, and never more than `parts`, the pieces the work splits into (at
/// least one thread).
pub fn count(requested: Option<NonZeroUsize>, parts: usize) -> usize {
    requested
        .map_or_else(available, NonZeroUsize::get)
        .min(parts)
        .max(1)
}

/// A worker thread panicked; `message` is its panic's.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{what} panicked: {message}")]
pub struct Panicked {
    /// What the thread was doing ("a training thread").
    pub what: &'static str,
    pub message: String,
}

impl Panicked {
    /// The error for a panic of a thread doing `what`, from its payload.
    pub fn new(what: &'static str, payload: &(dyn Any + Send)) -> Self {
        Panicked {
            what,
            message: panic_message(payload),
        }
    }
}

/// A panic's message: its payload as text (panics carry a `&str` or a
/// `String`), or a phrase saying it had none.
pub fn panic_message(payload: &(dyn Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".to_string())
}

/// A panic as one line for its report, from a panic hook: the message,
/// then where it happened (`index out of bounds at src/x.rs:12`).
pub fn panic_line(info: &std::panic::PanicHookInfo) -> String {
    let place = info
        .location()
        .map(|l| format!(" at {}:{}", l.file(), l.line()))
        .unwrap_or_default();
    format!("{}{place}", panic_message(info.payload()))
}

/// `work(part)` for every part, each on a scoped thread of its own (the
/// first on the caller), the results in the order of the parts. If any
/// panicked, the first of them (in the parts' order) is the error, once
/// all have ended.
pub fn scoped<T: Send, R: Send>(
    what: &'static str,
    parts: Vec<T>,
    work: impl Fn(T) -> R + Sync,
) -> Result<Vec<R>, Panicked> {
    let work = &work;
    let catch = |part: T| std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(part)));
    let mut parts = parts.into_iter();
    let Some(first) = parts.next() else {
        return Ok(Vec::new());
    };
    let results = std::thread::scope(|scope| {
        let others: Vec<_> = parts.map(|part| scope.spawn(move || catch(part))).collect();
        let mut results = vec![catch(first)];
        // `catch` leaves nothing to unwind through `join`.
        results.extend(others.into_iter().map(|h| h.join().unwrap_or_else(Err)));
        results
    });
    results
        .into_iter()
        .map(|r| r.map_err(|payload| Panicked::new(what, payload.as_ref())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn threads_are_a_whole_number_of_at_least_one() {
        assert_eq!(parse_threads("3").map(NonZeroUsize::get), Ok(3));
        assert_eq!(parse_threads(" 1 ").map(NonZeroUsize::get), Ok(1));
        for bad in ["0", "-1", "1.5", "two", ""] {
            assert_eq!(
                parse_threads(bad),
                Err("expected a whole number of threads, at least 1".to_string()),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn the_count_is_the_request_or_every_core_and_never_more_than_the_parts() {
        let n = |v| NonZeroUsize::new(v);
        assert_eq!(count(n(7), 100), 7);
        assert_eq!(count(n(7), 3), 3);
        assert_eq!(count(n(7), 0), 1);
        assert_eq!(count(None, usize::MAX), available());
        assert_eq!(count(None, 1), 1);
    }

    #[test]
    fn scoped_keeps_the_parts_order_and_turns_a_panic_into_an_error() {
        let squares = scoped("a test thread", (0..5u64).collect(), |v| v * v);
        assert_eq!(squares, Ok(vec![0, 1, 4, 9, 16]));
        let failed = scoped("a test thread", (0..4).collect(), |v: i32| {
            if v >= 2 {
                panic!("part {v} failed");
            }
            v
        });
        let e = failed.unwrap_err();
        assert_eq!(e.to_string(), "a test thread panicked: part 2 failed");
        assert_eq!(
            scoped("a test thread", Vec::<u8>::new(), |v| v),
            Ok(Vec::new())
        );
    }
}
