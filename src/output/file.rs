//! Writing bytes where the user asked: a file, replaced atomically, or
//! stdout. Errors name the file and what went wrong, in a few words; which
//! flag named the file is for the command to say.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// A file (or stdout) that cannot be written, and why.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// `cannot write PATH: PROBLEM`.
    #[error("cannot write {}: {problem}", path.display())]
    File { path: PathBuf, problem: Problem },
    /// `cannot write to stdout: REASON`.
    #[error("cannot write to stdout: {0}")]
    Stdout(String),
}

/// Why a file cannot be written.
#[derive(Debug, thiserror::Error)]
pub enum Problem {
    /// The path names a directory.
    #[error("it is a directory")]
    IsADirectory,
    /// A part of the path that should be a directory is a file.
    #[error("{} is not a directory", .0.display())]
    NotADirectory(PathBuf),
    /// The file exists and its permissions do not let this user write it;
    /// replacing it anyway (as renaming into its directory could) would
    /// overrule them, which `cp` and matplotlib's `savefig` do not do either.
    #[error("the file is read-only; {MAKE_WRITABLE} or write another file")]
    ReadOnly,
    /// The directory the file would go into does not exist.
    #[error("directory {} does not exist", .0.display())]
    NoDirectory(PathBuf),
    /// The temporary file cannot be created in the directory.
    #[error("cannot create a file in {}: {}", .0.display(), .1)]
    CannotCreateIn(PathBuf, String),
    /// Any other I/O failure, in a few words (see [`describe`]).
    #[error("{0}")]
    Io(String),
}

/// How to make a read-only file writable, in the platform's words.
const MAKE_WRITABLE: &str = if cfg!(windows) {
    "clear its read-only attribute (attrib -r)"
} else {
    "make it writable (chmod u+w)"
};

impl WriteError {
    fn file(path: &Path, problem: Problem) -> Self {
        WriteError::File {
            path: path.to_path_buf(),
            problem,
        }
    }

    fn io(path: &Path, e: &io::Error) -> Self {
        WriteError::file(path, Problem::Io(describe(e)))
    }
}

/// Fails early, before any drawing, if `path` cannot be a file to write:
/// its directory is missing, it is a directory itself, or it is a file this
/// user may not write.
pub fn check_destination(path: &Path) -> Result<(), WriteError> {
    if path.is_dir() {
        return Err(WriteError::file(path, Problem::IsADirectory));
    }
    let dir = parent(path);
    match std::fs::metadata(dir) {
        Ok(m) if m.is_dir() => check_writable(path),
        Ok(_) => Err(WriteError::file(
            path,
            Problem::NotADirectory(dir.to_path_buf()),
        )),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Err(WriteError::file(
            path,
            Problem::NoDirectory(dir.to_path_buf()),
        )),
        Err(e) => Err(WriteError::io(path, &e)),
    }
}

/// An existing regular file must be writable by this process, as the
/// kernel decides (mode bits, ownership, root's capabilities, ACLs): it is
/// opened for writing, without truncating or writing anything. Devices and
/// pipes are left alone here (opening a pipe could block).
fn check_writable(path: &Path) -> Result<(), WriteError> {
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() => match std::fs::OpenOptions::new().write(true).open(path) {
            Ok(_) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
                Err(WriteError::file(path, Problem::ReadOnly))
            }
            Err(e) => Err(WriteError::io(path, &e)),
        },
        _ => Ok(()),
    }
}

/// Writes `bytes` to `path` atomically: into a temporary file in the same
/// directory, flushed, then renamed over `path`. A failure at any point leaves
/// no partial file and keeps whatever `path` held before.
///
/// Two kinds of path are not replaced: a symbolic link stays, and the file
/// it points to is replaced; a device, pipe or socket (`/dev/stdout`, a FIFO)
/// is written into, since renaming over it would destroy it.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    check_destination(path)?;
    match std::fs::metadata(path) {
        Ok(m) if !m.is_file() => {
            return std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .and_then(|mut f| f.write_all(bytes).and_then(|_| f.flush()))
                .map_err(|e| WriteError::io(path, &e));
        }
        _ => {}
    }
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    let real = match is_link {
        true => std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()),
        false => path.to_path_buf(),
    };
    let fail = |e: io::Error| WriteError::io(path, &e);
    let dir = parent(&real);
    let mut tmp = tempfile::Builder::new()
        .prefix(".numdiff-plot-")
        .tempfile_in(dir)
        .map_err(|e| {
            WriteError::file(
                path,
                Problem::CannotCreateIn(dir.to_path_buf(), describe(&e)),
            )
        })?;
    // A temporary file is private (0600); a figure is for everyone to read,
    // like any file the user writes, or keeps the mode of the file it replaces.
    #[cfg(unix)]
    {
        let permissions = match std::fs::metadata(&real) {
            Ok(m) if m.is_file() => m.permissions(),
            _ => default_permissions(),
        };
        tmp.as_file().set_permissions(permissions).map_err(fail)?;
    }
    // On any error `tmp` is dropped, which deletes the temporary file.
    tmp.write_all(bytes)
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(fail)?;
    replace(tmp, &real).map_err(fail)
}

/// Renames the temporary file over `path`.
///
/// On Windows the rename (`MoveFileExW` with `MOVEFILE_REPLACE_EXISTING`)
/// fails with "access denied" or a sharing violation while another program
/// holds `path` open without sharing its deletion: an image viewer showing
/// the figure, or an antivirus scanner or the search indexer reading a file
/// just written. Those hold on for a moment, so the rename is tried again
/// after each of [`RETRY_DELAYS`] (1.27 s in all) before the error is
/// reported. Unix renames over an open file, so it tries once.
fn replace(tmp: tempfile::NamedTempFile, path: &Path) -> io::Result<()> {
    let persist = |tmp: tempfile::NamedTempFile| tmp.persist(path).map_err(|e| (e.error, e.file));
    #[cfg(windows)]
    let delays: &[std::time::Duration] = &RETRY_DELAYS;
    #[cfg(not(windows))]
    let delays: &[std::time::Duration] = &[];
    retry(tmp, persist, is_held_open, delays, std::thread::sleep).map(drop)
}

/// The waits between attempts at replacing a file another program holds:
/// 10 ms, doubling, seven times.
#[cfg(any(windows, test))]
const RETRY_DELAYS: [std::time::Duration; 7] = {
    let mut delays = [std::time::Duration::ZERO; 7];
    let mut i = 0;
    while i < delays.len() {
        delays[i] = std::time::Duration::from_millis(10 << i);
        i += 1;
    }
    delays
};

/// Runs `attempt` on `state`; while it fails with an error that `passing`
/// accepts, and `delays` has a wait left, sleeps that wait and runs it again
/// on the `state` it gave back. The last error is returned as it is.
fn retry<S, T>(
    mut state: S,
    mut attempt: impl FnMut(S) -> Result<T, (io::Error, S)>,
    passing: impl Fn(&io::Error) -> bool,
    delays: &[std::time::Duration],
    mut sleep: impl FnMut(std::time::Duration),
) -> io::Result<T> {
    let mut delays = delays.iter();
    loop {
        match attempt(state) {
            Ok(done) => return Ok(done),
            Err((e, back)) => match delays.next() {
                Some(&delay) if passing(&e) => {
                    sleep(delay);
                    state = back;
                }
                _ => return Err(e),
            },
        }
    }
}

/// Windows' "access denied" (`ERROR_ACCESS_DENIED`, 5) and
/// `ERROR_SHARING_VIOLATION` (32): what a rename over a file that another
/// program holds open fails with (the codes mean other things elsewhere,
/// where nothing is tried again).
fn is_held_open(e: &io::Error) -> bool {
    matches!(e.raw_os_error(), Some(5 | 32))
}

/// Writes to stdout; a reader that has gone away (`| head`) is not an
/// error: the output was not wanted any more.
pub fn print_stdout(bytes: &[u8]) -> Result<(), WriteError> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|_| stdout.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(WriteError::Stdout(describe(&e))),
        _ => Ok(()),
    }
}

/// The directory a file goes into: its parent, or `.` for a bare name.
fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// An I/O error in a few words, without the `(os error N)` and without the
/// temporary file's name that tempfile adds: neither means anything to the
/// user, who asked for another file.
pub fn describe(e: &io::Error) -> String {
    use io::ErrorKind::*;
    let text = match e.kind() {
        NotFound => "no such file or directory",
        PermissionDenied => "permission denied",
        ReadOnlyFilesystem => "read-only file system",
        StorageFull => "no space left on device",
        QuotaExceeded => "disk quota exceeded",
        FileTooLarge => "file too large",
        IsADirectory => "it is a directory",
        NotADirectory => "a part of the path is not a directory",
        BrokenPipe => "the reader has gone (broken pipe)",
        _ => {
            let full = e.to_string();
            let end = [" at path ", " (os error"]
                .iter()
                .filter_map(|m| full.find(m))
                .min()
                .unwrap_or(full.len());
            return full[..end].to_string();
        }
    };
    text.to_string()
}

/// rw-r--r--, what a new file gets under the usual umask.
#[cfg(unix)]
fn default_permissions() -> std::fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    std::fs::Permissions::from_mode(0o644)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;
    use std::time::Duration;

    fn os_error(code: i32) -> io::Error {
        io::Error::from_raw_os_error(code)
    }

    /// `retry` over an attempt that fails with `errors` in turn, then
    /// succeeds: what it returns, how many attempts ran, the waits slept.
    fn run(errors: &[i32], delays: &[Duration]) -> (io::Result<u32>, u32, Vec<Duration>) {
        let attempts = Cell::new(0);
        let mut slept = Vec::new();
        let result = retry(
            0u32,
            |n| {
                attempts.set(attempts.get() + 1);
                match errors.get(n as usize) {
                    Some(&code) => Err((os_error(code), n + 1)),
                    None => Ok(n),
                }
            },
            is_held_open,
            delays,
            |d| slept.push(d),
        );
        (result, attempts.get(), slept)
    }

    #[test]
    fn the_waits_double_from_10_ms_to_640_ms() {
        let ms: Vec<u128> = RETRY_DELAYS.iter().map(Duration::as_millis).collect();
        assert_eq!(ms, [10, 20, 40, 80, 160, 320, 640]);
        assert_eq!(RETRY_DELAYS.iter().sum::<Duration>().as_millis(), 1270);
    }

    #[test]
    fn a_file_held_open_is_replaced_once_it_is_let_go() {
        // Access denied, a sharing violation, then the rename goes through.
        let (result, attempts, slept) = run(&[5, 32], &RETRY_DELAYS);
        assert_eq!(result.unwrap(), 2);
        assert_eq!(attempts, 3);
        assert_eq!(
            slept,
            [Duration::from_millis(10), Duration::from_millis(20)]
        );
    }

    #[test]
    fn a_file_held_open_for_too_long_gives_the_last_error() {
        let (result, attempts, slept) = run(&[32; 9], &RETRY_DELAYS);
        assert_eq!(result.unwrap_err().raw_os_error(), Some(32));
        assert_eq!(attempts, 8);
        assert_eq!(slept, RETRY_DELAYS);
    }

    #[test]
    fn other_errors_are_not_tried_again() {
        // ERROR_DISK_FULL (112) and ERROR_PATH_NOT_FOUND (3).
        for code in [112, 3] {
            let (result, attempts, slept) = run(&[code], &RETRY_DELAYS);
            assert_eq!(result.unwrap_err().raw_os_error(), Some(code));
            assert_eq!((attempts, slept.len()), (1, 0));
        }
    }

    #[test]
    fn without_waits_the_first_attempt_is_the_only_one() {
        let (result, attempts, _) = run(&[5], &[]);
        assert_eq!(result.unwrap_err().raw_os_error(), Some(5));
        assert_eq!(attempts, 1);
    }

    #[test]
    fn replacing_an_open_file_keeps_its_name_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.png");
        std::fs::write(&path, b"old").unwrap();
        let _open = std::fs::File::open(&path).unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["f.png"]);
    }

    #[test]
    fn the_read_only_hint_names_the_platform_s_command() {
        let text = Problem::ReadOnly.to_string();
        #[cfg(unix)]
        assert_eq!(
            text,
            "the file is read-only; make it writable (chmod u+w) or write another file"
        );
        #[cfg(windows)]
        assert_eq!(
            text,
            "the file is read-only; clear its read-only attribute (attrib -r) or write another file"
        );
    }
}
