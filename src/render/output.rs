//! Writing a figure: the format from the file name, and an atomic write.

use anyhow::{Context, Result};
use std::io::Write;
use std::path::Path;

/// The image formats a figure can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Png,
    Svg,
}

impl Format {
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

/// Writes `bytes` to `path` atomically: into a temporary file in the same
/// directory, flushed, then renamed over `path`. A failure at any point leaves
/// no partial file and keeps whatever `path` held before.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".numdiff-plot-")
        .tempfile_in(dir)
        .with_context(|| {
            format!(
                "cannot write {}: cannot create a file in {}",
                path.display(),
                dir.display()
            )
        })?;
    // A temporary file is private (0600); a figure is for everyone to read,
    // like any file the user writes, or keeps the mode of the file it replaces.
    #[cfg(unix)]
    {
        let permissions = match std::fs::metadata(path) {
            Ok(m) if m.is_file() => m.permissions(),
            _ => default_permissions(),
        };
        tmp.as_file()
            .set_permissions(permissions)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    tmp.write_all(bytes)
        .and_then(|_| tmp.as_file().sync_all())
        .with_context(|| format!("cannot write {}", path.display()))?;
    tmp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

/// rw-r--r--, what a new file gets under the usual umask.
#[cfg(unix)]
fn default_permissions() -> std::fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    std::fs::Permissions::from_mode(0o644)
}
