//! Reading files without being fooled by them: only regular files are read
//! (never a FIFO, which would block, or a device such as `/dev/zero`, which
//! never ends), and never more than a size limit, enforced while reading.

use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// The largest plan file runcost reads (plans, recovery copies).
pub const PLAN_LIMIT: u64 = 16 * 1024 * 1024;
/// The largest catalog or price list runcost reads (user catalog, imports).
pub const CATALOG_LIMIT: u64 = 64 * 1024 * 1024;
/// The largest small state file runcost reads (the last-opened plan's path).
pub const STATE_LIMIT: u64 = 64 * 1024;

/// A limit in words: `16 MB`, `64 KB`.
pub fn limit_words(limit: u64) -> String {
    if limit >= 1024 * 1024 {
        format!("{} MB", limit / (1024 * 1024))
    } else {
        format!("{} KB", limit / 1024)
    }
}

/// What a file that is not regular is, for messages.
pub(crate) fn kind_of(meta: &Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if meta.is_dir() {
        "a directory"
    } else {
        "not a regular file"
    }
}

fn refuse(meta: &Metadata) -> io::Error {
    if meta.is_dir() {
        return io::Error::new(io::ErrorKind::IsADirectory, "is a directory");
    }
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!(
            "is {}, not a regular file; runcost reads only regular files",
            kind_of(meta)
        ),
    )
}

/// Opens `path` for reading if it is a regular file (symbolic links are
/// followed). The type is checked before opening, so a device is never
/// opened, and again on the opened file (opened non-blocking, so a FIFO
/// swapped in between cannot block), so the check cannot be raced.
pub fn open_regular(path: &Path) -> io::Result<(File, Metadata)> {
    let before = std::fs::metadata(path)?;
    if !before.is_file() {
        return Err(refuse(&before));
    }
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(refuse(&meta));
    }
    Ok((file, meta))
}

fn too_large(limit: u64, what: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::FileTooLarge,
        format!(
            "is larger than {}, the limit for {what}; runcost does not read it",
            limit_words(limit)
        ),
    )
}

/// Reads the regular file at `path`, refusing it when it holds more than
/// `limit` bytes (`what` names the kind of file in the message, e.g.
/// "a plan file"). The limit holds even when the size changes while reading.
pub fn read_limited(path: &Path, limit: u64, what: &str) -> io::Result<Vec<u8>> {
    let (file, meta) = open_regular(path)?;
    if meta.len() > limit {
        return Err(too_large(limit, what));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(limit, what));
    }
    Ok(bytes)
}

/// [`read_limited`], as UTF-8 text.
pub fn read_limited_text(path: &Path, limit: u64, what: &str) -> io::Result<String> {
    String::from_utf8(read_limited(path, limit, what)?).map_err(|e| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "is not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        )
    })
}

/// Whether an error is one of [`read_limited`]'s refusals (its message is
/// a whole sentence that follows the file name).
pub fn is_refusal(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::InvalidInput | io::ErrorKind::FileTooLarge | io::ErrorKind::InvalidData
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_up_to_the_limit_and_refuses_one_byte_more() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f");
        std::fs::write(&p, vec![b'x'; 100]).unwrap();
        assert_eq!(read_limited(&p, 100, "a test").unwrap().len(), 100);
        let e = read_limited(&p, 99, "a test").unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::FileTooLarge);
        assert!(e.to_string().contains("the limit for a test"), "{e}");
    }

    #[test]
    fn limits_read_as_words() {
        assert_eq!(limit_words(PLAN_LIMIT), "16 MB");
        assert_eq!(limit_words(STATE_LIMIT), "64 KB");
    }
}
