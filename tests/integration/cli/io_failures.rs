//! Failures of the system, not of the user: a read-only directory, a full
//! disk, a stdout or stderr that cannot be written or has gone away. Each
//! ends with one line on stderr naming the file, the documented exit code,
//! and no partial file.

use crate::util::*;

use std::process::{Command, Stdio};

/// A read-only directory: its 0555 mode applies to the binary, run as a
/// user (as root, without the capabilities that ignore it).
#[test]
fn a_read_only_directory_is_refused_and_its_figure_kept() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let ro = dir.path().join("ro");
    std::fs::create_dir(&ro).unwrap();
    std::fs::write(ro.join("gradient_1d.png"), b"old figure").unwrap();
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
    let out = as_a_user(dir.path(), &["tangent", "-o", "ro/gradient_1d.png"]);
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: cannot write ro/gradient_1d.png: cannot create a file in ro: permission denied\n"
    );
    assert!(out.stdout.is_empty());
    assert_eq!(listing(&ro), ["gradient_1d.png"]);
    assert_eq!(
        std::fs::read(ro.join("gradient_1d.png")).unwrap(),
        b"old figure"
    );
}

/// A full disk: a 64 KiB tmpfs, filled, in a private mount namespace (so
/// nothing outlives the test). The write fails after the temporary file was
/// created; it must be gone and the old figure intact.
#[test]
fn a_full_disk_keeps_the_old_figure_and_leaves_no_partial_file() {
    let dir = tempfile::tempdir().unwrap();
    let mnt = dir.path().join("full");
    std::fs::create_dir(&mnt).unwrap();
    let script = r#"
        mount -t tmpfs -o size=64k tmpfs "$1" || exit 99
        printf 'old figure' > "$1/gradient_1d.png"
        cat /dev/zero > "$1/filler" 2>/dev/null
        "$2" tangent -o "$1/gradient_1d.png"
        echo "exit $?"
        ls -A "$1"
        cat "$1/gradient_1d.png"
    "#;
    let out = Command::new("unshare")
        .args(["--mount", "--map-root-user", "sh", "-c", script, "sh"])
        .arg(&mnt)
        .arg(BIN)
        .output()
        .expect("unshare (util-linux) runs");
    if out.status.code() == Some(99) && !running_as_root() {
        eprintln!("skipped: mounting a small tmpfs needs root or user namespaces");
        return;
    }
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "exit 1\nfiller\ngradient_1d.png\nold figure"
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "error: cannot write {}/gradient_1d.png: no space left on device\n",
            mnt.display()
        )
    );
}

fn dev_full() -> Stdio {
    std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full")
        .into()
}

#[test]
fn a_full_device_or_stdout_is_a_runtime_failure() {
    // The figure itself to /dev/full: a device is written into, not replaced.
    rejects(
        &["tangent", "--format", "png", "-o", "/dev/full"],
        1,
        "error: cannot write /dev/full: no space left on device",
    );
    // The image, the text and the JSON to a stdout that is /dev/full.
    for args in [
        &["tangent", "-o", "-"][..],
        &["tangent", "-o", "out.svg"],
        &["quiver", "--json", "-o", "out.svg"],
    ] {
        let dir = tempfile::tempdir().unwrap();
        let out = cmd(dir.path())
            .args(args)
            .stdout(dev_full())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            "error: cannot write to stdout: no space left on device\n",
            "{args:?}"
        );
    }
}

/// A reader that has gone away is not an error: the output was not wanted
/// any more. The figure file is still written in full.
#[test]
fn a_stdout_closed_early_is_not_an_error() {
    for args in [
        &["tangent", "--json"][..],
        &["tangent"],
        &["descent", "-q", "-o", "-"],
    ] {
        let dir = tempfile::tempdir().unwrap();
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = cmd(dir.path()).args(args).stdout(writer).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{args:?}");
        if args.len() == 1 || args[1] == "--json" {
            assert_eq!(png_size(&dir.path().join("gradient_1d.png")), (640, 480));
        }
    }
    // A pipeline that reads one byte.
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new("bash")
        .args([
            "-c",
            r#""$0" tangent --json | head -c1; echo " ${PIPESTATUS[0]}""#,
            BIN,
        ])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "{ 0\n");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

/// An error or a warning that cannot be printed is not a crash either: the
/// exit code still tells.
#[test]
fn stderr_on_a_full_disk_keeps_the_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    for (args, code) in [
        (&["descent", "--lr", "nan"][..], 2),
        (&["tangent", "-o", "plot.jpg"], 2),
        (&["tangent", "-o", "no/such/t.png"], 1),
        (&["descent", "--lr", "10", "-q", "-o", "d.svg"], 0),
        (&["descent", "-o", "-"], 0),
    ] {
        let out = cmd(dir.path())
            .args(args)
            .stderr(dev_full())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(code), "{args:?}");
    }
}
