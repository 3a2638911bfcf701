//! Writing report files safely: atomically (a temporary file in the same directory, then a
//! rename, so a reader never sees half a file) and never inside the inputs unless asked.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` atomically.
///
/// # Errors
/// The directory cannot be written, or the rename fails; the message names the path.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    write_atomically_with(path, |file| file.write_all(bytes))
}

/// Writes to `path` atomically what `write` writes, as it writes it (a large report need
/// not be held in memory first).
///
/// # Errors
/// The directory cannot be written, `write` fails, or the rename fails; the message names
/// the path.
pub fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), String> {
    let directory = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let fail = |what: &str, e: std::io::Error| format!("{}: cannot {what}: {e}", path.display());
    let mut builder = tempfile::Builder::new();
    // A report is an ordinary file: readable as the user's umask allows, not private.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut temporary = builder
        .tempfile_in(&directory)
        .map_err(|e| fail("create a temporary file", e))?;
    let mut buffered = std::io::BufWriter::new(temporary.as_file_mut());
    write(&mut buffered)
        .and_then(|()| buffered.flush())
        .map_err(|e| fail("write", e))?;
    drop(buffered);
    temporary
        .as_file()
        .sync_all()
        .map_err(|e| fail("write", e))?;
    temporary
        .persist(path)
        .map_err(|e| fail("replace the file", e.error))?;
    Ok(())
}

/// The input that `output` would be written into, if any: a report must not land in the
/// corpus it describes (it would be read as a document on the next run).
pub fn input_containing(output: &Path, inputs: &[PathBuf]) -> Option<PathBuf> {
    let directory = match output.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let directory = directory.canonicalize().ok()?;
    let target = directory.join(output.file_name()?);
    inputs.iter().find_map(|input| {
        let input_path = input.canonicalize().ok()?;
        let inside = if input_path.is_dir() {
            target.starts_with(&input_path)
        } else {
            target == input_path
        };
        inside.then(|| input.clone())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_report_file_is_as_readable_as_any_new_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.json");
        write_atomically(&path, b"{}").unwrap();
        let plain = dir.path().join("plain.txt");
        std::fs::write(&plain, b"x").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), mode(&plain));
    }

    #[test]
    fn writes_replace_whole_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.json");
        write_atomically(&path, b"first").unwrap();
        write_atomically(&path, b"second").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary left"
        );
    }

    #[test]
    fn outputs_inside_an_input_directory_are_found() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        std::fs::create_dir(&corpus).unwrap();
        let inputs = vec![corpus.clone()];
        assert_eq!(
            input_containing(&corpus.join("r.json"), &inputs),
            Some(corpus.clone())
        );
        assert_eq!(input_containing(&dir.path().join("r.json"), &inputs), None);
    }

    #[test]
    fn a_missing_directory_is_an_error_naming_the_path() {
        let error = write_atomically(Path::new("/no/such/dir/r.json"), b"x").unwrap_err();
        assert!(error.contains("/no/such/dir/r.json"), "{error}");
    }
}
