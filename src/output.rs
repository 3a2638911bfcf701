//! Writing report files safely: atomically (a temporary file in the same directory, then a
//! rename, so a reader never sees half a file) and never inside the inputs unless asked.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` atomically.
///
/// # Errors
/// The directory cannot be written, or the rename fails; the message names the path.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let directory = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let fail = |what: &str, e: std::io::Error| format!("{}: cannot {what}: {e}", path.display());
    let mut temporary = tempfile::NamedTempFile::new_in(&directory)
        .map_err(|e| fail("create a temporary file", e))?;
    temporary
        .write_all(bytes)
        .and_then(|()| temporary.as_file().sync_all())
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
