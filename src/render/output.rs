//! Writing a figure: the format from the file name, and an atomic write.

use anyhow::{anyhow, bail, Result};
use std::io::{self, Write};
use std::path::Path;

/// The image formats a figure can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Png,
    Svg,
}

impl Format {
    /// The file extension, without the dot; also the name `--format` takes.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Png => "png",
            Format::Svg => "svg",
        }
    }

    /// The format named by the path's extension, `.png` or `.svg` (any case).
    pub fn from_path(path: &Path) -> Result<Format, crate::error::UsageError> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("png") => Ok(Format::Png),
            Some("svg") => Ok(Format::Svg),
            _ => Err(crate::error::UsageError::new(format!(
                "--output {}: unsupported format; the file name must end in .png or .svg",
                path.display()
            ))),
        }
    }
}

/// Fails early, before any drawing, if `path` cannot be a file to write:
/// its directory is missing or it is a directory itself.
pub fn check_destination(path: &Path) -> Result<()> {
    if path.is_dir() {
        bail!(
            "cannot write {}: it is a directory; --output takes a file name ending in .png or .svg",
            path.display()
        );
    }
    let dir = parent(path);
    match std::fs::metadata(dir) {
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) => bail!(
            "cannot write {}: {} is not a directory",
            path.display(),
            dir.display()
        ),
        Err(e) if e.kind() == io::ErrorKind::NotFound => bail!(
            "cannot write {}: directory {} does not exist",
            path.display(),
            dir.display()
        ),
        Err(e) => bail!("cannot write {}: {}", path.display(), describe(&e)),
    }
}

/// Writes `bytes` to `path` atomically: into a temporary file in the same
/// directory, flushed, then renamed over `path`. A failure at any point leaves
/// no partial file and keeps whatever `path` held before.
///
/// Two kinds of path are not replaced: a symbolic link stays, and the file
/// it points to is replaced; a device, pipe or socket (`/dev/stdout`, a FIFO)
/// is written into, since renaming over it would destroy it.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    check_destination(path)?;
    match std::fs::metadata(path) {
        Ok(m) if !m.is_file() => {
            return std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .and_then(|mut f| f.write_all(bytes).and_then(|_| f.flush()))
                .map_err(|e| anyhow!("cannot write {}: {}", path.display(), describe(&e)));
        }
        _ => {}
    }
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    let real = match is_link {
        true => std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()),
        false => path.to_path_buf(),
    };
    let fail = |e: io::Error| anyhow!("cannot write {}: {}", path.display(), describe(&e));
    let dir = parent(&real);
    let mut tmp = tempfile::Builder::new()
        .prefix(".numdiff-plot-")
        .tempfile_in(dir)
        .map_err(|e| {
            anyhow!(
                "cannot write {}: cannot create a file in {}: {}",
                path.display(),
                dir.display(),
                describe(&e)
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
    tmp.persist(&real).map_err(|e| fail(e.error))?;
    Ok(())
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
