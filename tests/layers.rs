//! The house keeps its floors: every `crate::...` and `super::...` path in `src/` points at
//! a floor at or below the file's own, and modules of one parent never import each other in
//! a circle. A new module belongs on one of [`FLOORS`]; a new pipeline stage goes in its
//! place in the stage order.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The floors, lowest first. A module may use its own floor and those below it; a module on
/// no floor (the crate root, `pipeline` itself) may use any. The pipeline's stages are
/// floors of their own, in the order the data flows.
const FLOORS: &[&str] = &[
    "text",
    "model",
    "normalize",
    "rules",
    "config",
    "pipeline::boilerplate",
    "pipeline::source",
    "pipeline::segment",
    "pipeline::extract",
    "pipeline::facts",
    "pipeline::stories",
    "pipeline::subjects",
    "pipeline::verdict",
    "pipeline::checks",
    "pipeline::filter",
    "pipeline::run",
    "pipeline::examples",
    "render",
    "output",
    "store",
];

/// Older names the crate root re-exports for the text helpers (`crate::fold` is
/// `crate::text::fold`).
const ALIASES: &[(&str, &str)] = &[("fold", "text::fold"), ("pattern", "text::pattern")];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// The module a file holds, as `a::b` (empty for the crate root and the binary).
fn module_of(file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src()).unwrap();
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// The floor of a module: the index of the longest floor that contains it, or `None` when it
/// stands on no floor.
fn floor_of(module: &[String]) -> Option<usize> {
    let joined = module.join("::");
    FLOORS
        .iter()
        .enumerate()
        .filter(|(_, floor)| joined == **floor || joined.starts_with(&format!("{floor}::")))
        .max_by_key(|(_, floor)| floor.len())
        .map(|(index, _)| index)
}

/// The code of a file without its comments (doc links name paths that import nothing).
fn code(text: &str) -> String {
    text.lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every path that starts with `prefix` (`crate::` or `super::`), with `{a, b::{c, d}}`
/// groups expanded: its segments after the prefix, and where it stands in `code`.
fn paths_after(code: &str, prefix: &str) -> Vec<Vec<String>> {
    paths_at(code, prefix)
        .into_iter()
        .map(|(_, path)| path)
        .collect()
}

fn paths_at(code: &str, prefix: &str) -> Vec<(usize, Vec<String>)> {
    let mut found = Vec::new();
    let mut offset = 0;
    while let Some(at) = code[offset..].find(prefix) {
        let start = offset + at;
        let before = code[..start].chars().next_back();
        offset = start + prefix.len();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let mut tail = &code[offset..];
        let mut paths = Vec::new();
        expand(&mut tail, Vec::new(), &mut paths);
        found.extend(paths.into_iter().map(|path| (start, path)));
    }
    found
}

/// The inline modules of a file (`mod tests { ... }`): name and byte range.
fn inline_modules(code: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let mut found = Vec::new();
    let mut offset = 0;
    while let Some(at) = code[offset..].find("mod ") {
        let start = offset + at;
        offset = start + 4;
        let rest = &code[offset..];
        let name_end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        let after = rest[name_end..].trim_start();
        if name_end == 0 || !after.starts_with('{') {
            continue;
        }
        let open = code.len() - after.len();
        let mut depth = 0;
        let end = code[open..]
            .char_indices()
            .find_map(|(i, c)| {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                (depth == 0).then_some(open + i)
            })
            .unwrap_or(code.len());
        found.push((rest[..name_end].to_string(), start..end));
    }
    found
}

/// Reads one path (or group of paths) at the start of `text`, each prefixed by `base`.
fn expand(text: &mut &str, base: Vec<String>, found: &mut Vec<Vec<String>>) {
    *text = text.trim_start();
    if let Some(inner) = text.strip_prefix('{') {
        *text = inner;
        loop {
            *text = text.trim_start();
            if let Some(after) = text.strip_prefix('}') {
                *text = after;
                return;
            }
            expand(text, base.clone(), found);
            *text = text.trim_start();
            if let Some(after) = text.strip_prefix(',') {
                *text = after;
            } else if !text.starts_with('}') {
                return;
            }
        }
    }
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    if end == 0 {
        return;
    }
    let mut path = base;
    path.push(text[..end].to_string());
    *text = &text[end..];
    if let Some(after) = text.strip_prefix("::") {
        *text = after;
        expand(text, path, found);
    } else {
        found.push(path);
    }
}

/// The module a path names (its longest prefix that is a module of the crate).
fn module_named(path: &[String], modules: &BTreeSet<Vec<String>>) -> Vec<String> {
    let mut path: Vec<String> = path.to_vec();
    if let Some((_, target)) = ALIASES.iter().find(|(alias, _)| path[0] == *alias) {
        let mut replaced: Vec<String> = target.split("::").map(str::to_string).collect();
        replaced.extend(path.drain(1..));
        path = replaced;
    }
    (0..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|prefix| modules.contains(prefix))
        .unwrap_or_default()
}

/// Every import in `src/`: (file, importing module, imported module).
fn imports() -> Vec<(PathBuf, Vec<String>, Vec<String>)> {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    files.sort();
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| module_of(f)).collect();
    let mut edges = Vec::new();
    for file in &files {
        if file.ends_with("main.rs") && file.parent() == Some(&src()) {
            continue; // The binary stands above the library.
        }
        let module = module_of(file);
        let text = code(&std::fs::read_to_string(file).unwrap());
        let mut named: Vec<Vec<String>> = paths_after(&text, "crate::");
        // `super::` from a file is relative to its module's parent (for `mod.rs` too, as
        // its module is its folder).
        let inline = inline_modules(&text);
        for (at, path) in paths_at(&text, "super::") {
            let mut base = module.clone();
            base.extend(
                inline
                    .iter()
                    .filter(|(_, range)| range.contains(&at))
                    .map(|(name, _)| name.clone()),
            );
            base.pop();
            let mut path = path;
            while path.first().map(String::as_str) == Some("super") {
                path.remove(0);
                base.pop();
            }
            base.extend(path);
            named.push(base);
        }
        for path in named {
            let target = module_named(&path, &modules);
            edges.push((file.clone(), module.clone(), target));
        }
    }
    edges
}

#[test]
fn no_module_imports_from_a_floor_above_its_own() {
    let mut wrong = Vec::new();
    for (file, module, target) in imports() {
        let Some(own) = floor_of(&module) else {
            continue;
        };
        let allowed = match floor_of(&target) {
            Some(floor) => floor <= own,
            // The crate root and `pipeline` itself stand on no floor: only the top uses them.
            None => false,
        };
        if !allowed {
            wrong.push(format!(
                "{}: {} (floor {}) uses {} ({})",
                file.strip_prefix(src()).unwrap().display(),
                module.join("::"),
                FLOORS[own],
                if target.is_empty() {
                    "the crate root".to_string()
                } else {
                    target.join("::")
                },
                floor_of(&target).map_or("no floor", |f| FLOORS[f]),
            ));
        }
    }
    wrong.sort();
    wrong.dedup();
    assert!(
        wrong.is_empty(),
        "imports up the house:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn modules_of_one_parent_import_each_other_in_no_circle() {
    // Edges between siblings: the children of the deepest module both sides share. A module
    // using its own parent or child is containment, not a circle.
    let mut graph: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for (_, from, to) in imports() {
        let shared = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
        if shared == from.len() || shared == to.len() {
            continue;
        }
        graph
            .entry(from[..=shared].to_vec())
            .or_default()
            .insert(to[..=shared].to_vec());
    }
    // Depth-first search for a back edge.
    fn visit(
        node: &Vec<String>,
        graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        state: &mut BTreeMap<Vec<String>, bool>,
        stack: &mut Vec<Vec<String>>,
    ) -> Option<Vec<String>> {
        match state.get(node) {
            Some(true) => return None,
            Some(false) => {
                let start = stack.iter().position(|n| n == node).unwrap_or(0);
                let mut circle: Vec<String> = stack[start..].iter().map(|n| n.join("::")).collect();
                circle.push(node.join("::"));
                return Some(circle);
            }
            None => {}
        }
        state.insert(node.clone(), false);
        stack.push(node.clone());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(circle) = visit(next, graph, state, stack) {
                return Some(circle);
            }
        }
        stack.pop();
        state.insert(node.clone(), true);
        None
    }
    let mut state = BTreeMap::new();
    for node in graph.keys() {
        if let Some(circle) = visit(node, &graph, &mut state, &mut Vec::new()) {
            panic!("import circle: {}", circle.join(" -> "));
        }
    }
}

#[test]
fn the_checker_sees_paths_in_groups_and_relative_ones() {
    let found = paths_after(
        "use crate::{model::claim::{Claim, Attribute}, text::fold};\nlet x = crate::rules::RuleSet::builtin();",
        "crate::",
    );
    let joined: Vec<String> = found.iter().map(|p| p.join("::")).collect();
    assert_eq!(
        joined,
        [
            "model::claim::Claim",
            "model::claim::Attribute",
            "text::fold",
            "rules::RuleSet::builtin"
        ]
    );
    assert_eq!(
        floor_of(&["pipeline".into(), "extract".into(), "names".into()]),
        Some(8)
    );
    assert_eq!(floor_of(&["pipeline".into()]), None);
}
