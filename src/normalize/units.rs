//! Units of measurement, read from `rules/units.toml` and the `[[unit]]` tables of added
//! rule files: canonical names, dimensions, conversion factors and the aliases texts use.

use serde::Deserialize;
use std::sync::LazyLock;

/// The shipped units file.
pub const SOURCE: &str = include_str!("../../rules/units.toml");

/// One unit as a rule file declares it.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Unit {
    /// Lower-case English name: "kilometer".
    pub name: String,
    /// What it measures; only quantities of one dimension compare.
    pub dimension: String,
    /// Its size in the dimension's base unit.
    pub factor: f64,
    pub aliases: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct UnitFile {
    unit: Vec<Unit>,
}

/// All units, with their aliases longest first.
#[derive(Debug)]
pub struct Units {
    units: Vec<Unit>,
    /// (lower-cased alias, unit index), longest alias first.
    aliases: Vec<(String, usize)>,
    /// The indices into `aliases` of the aliases that start with each lower-cased
    /// character, longest first.
    by_first: std::collections::HashMap<char, Vec<usize>>,
}

/// A unit written as one letter is a symbol, and a symbol's case is its meaning: "10m" is
/// ten metres, "10M" ten million; "5L" is five litres.
fn is_symbol_letter(alias: &str) -> bool {
    let mut chars = alias.chars();
    chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none()
}

/// An alias as it is matched: lower-cased, but for a one-letter symbol, kept as written.
fn folded_alias(alias: &str) -> String {
    if is_symbol_letter(alias) {
        alias.to_string()
    } else {
        alias.to_lowercase()
    }
}

impl Units {
    /// The units shipped in `rules/units.toml`.
    pub fn builtin() -> &'static Units {
        static BUILTIN: LazyLock<Units> = LazyLock::new(|| {
            let file: UnitFile = toml::from_str(SOURCE)
                .expect("rules/units.toml is valid (checked by the test suite)");
            Units::new(file.unit)
        });
        &BUILTIN
    }

    /// The shipped units and `added` ones (a rule file's `[[unit]]` tables). Each distinct
    /// set is built once per process and kept for its life, so readers hold it as plainly
    /// as the shipped one.
    ///
    /// # Errors
    /// Those of [`Units::check_added`].
    pub fn with_added(added: &[Unit]) -> Result<&'static Units, (usize, String)> {
        static BUILT: std::sync::Mutex<Vec<(Vec<Unit>, &'static Units)>> =
            std::sync::Mutex::new(Vec::new());
        if added.is_empty() {
            return Ok(Units::builtin());
        }
        Units::check_added(added)?;
        let mut built = BUILT
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((_, units)) = built.iter().find(|(set, _)| set == added) {
            return Ok(units);
        }
        let all = Units::builtin()
            .units
            .iter()
            .chain(added)
            .cloned()
            .collect();
        let units: &'static Units = Box::leak(Box::new(Units::new(all)));
        built.push((added.to_vec(), units));
        Ok(units)
    }

    /// Whether `added` units may stand beside the shipped ones.
    ///
    /// # Errors
    /// The index in `added` of the first unit that is named like another, has no aliases,
    /// an empty alias or one another unit has (it would never be read as this one), or a
    /// factor that is not a positive number, with a message naming it.
    pub fn check_added(added: &[Unit]) -> Result<(), (usize, String)> {
        added
            .iter()
            .enumerate()
            .try_fold(UnitsSeen::shipped(), |seen, (index, unit)| {
                seen.admit(unit).map_err(|message| (index, message))
            })
            .map(|_| ())
    }
}

/// The names and folded aliases of the units taken so far.
struct UnitsSeen<'u> {
    names: std::collections::HashSet<&'u str>,
    aliases: std::collections::HashMap<String, &'u str>,
}

impl<'u> UnitsSeen<'u> {
    fn shipped() -> UnitsSeen<'static> {
        let shipped = &Units::builtin().units;
        UnitsSeen {
            names: shipped.iter().map(|u| u.name.as_str()).collect(),
            aliases: shipped
                .iter()
                .flat_map(|u| u.aliases.iter().map(|a| (folded_alias(a), u.name.as_str())))
                .collect(),
        }
    }

    /// Takes `unit` if it may stand beside the units taken so far.
    fn admit(mut self, unit: &'u Unit) -> Result<UnitsSeen<'u>, String> {
        if !self.names.insert(unit.name.as_str()) {
            return Err(format!("unit `{}` is defined twice", unit.name));
        }
        if unit.aliases.is_empty() {
            return Err(format!("unit `{}` has no aliases", unit.name));
        }
        for alias in &unit.aliases {
            if alias.trim().is_empty() {
                return Err(format!("unit `{}` has an empty alias", unit.name));
            }
            if let Some(other) = self.aliases.insert(folded_alias(alias), unit.name.as_str()) {
                return Err(format!(
                    "unit `{}`: alias `{alias}` is already unit `{other}`'s",
                    unit.name
                ));
            }
        }
        if !(unit.factor.is_finite() && unit.factor > 0.0) {
            return Err(format!(
                "unit `{}` needs a positive factor, not {}",
                unit.name, unit.factor
            ));
        }
        Ok(self)
    }
}

impl Units {
    pub fn new(units: Vec<Unit>) -> Units {
        let mut aliases: Vec<(String, usize)> = units
            .iter()
            .enumerate()
            .flat_map(|(i, u)| u.aliases.iter().map(move |a| (folded_alias(a), i)))
            .collect();
        aliases.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        let mut by_first: std::collections::HashMap<char, Vec<usize>> = Default::default();
        for (i, (alias, _)) in aliases.iter().enumerate() {
            if let Some(first) = alias.chars().next().and_then(|c| c.to_lowercase().next()) {
                by_first.entry(first).or_default().push(i);
            }
        }
        Units {
            units,
            aliases,
            by_first,
        }
    }

    pub fn get(&self, name: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.name == name)
    }

    /// The unit whose alias starts `text` (ignoring case, ending at a word boundary), and
    /// the alias's length in bytes.
    pub fn longest_alias(&self, text: &str) -> Option<(&Unit, usize)> {
        let first = text.chars().next()?.to_lowercase().next()?;
        let candidates = self.by_first.get(&first)?;
        candidates.iter().find_map(|&i| {
            let (alias, index) = &self.aliases[i];
            let head = text.get(..alias.len())?;
            let exact = is_symbol_letter(alias);
            if head != alias
                && (exact || (!head.eq_ignore_ascii_case(alias) && head.to_lowercase() != *alias))
            {
                return None;
            }
            let ends_in_letter = alias.chars().last().is_some_and(char::is_alphanumeric);
            let next = text[alias.len()..].chars().next();
            let boundary = !ends_in_letter || next.is_none_or(|c| !c.is_alphanumeric());
            boundary.then(|| (&self.units[*index], alias.len()))
        })
    }

    /// Regex fragment (no capture groups) for an amount and a unit: "10 kilometers",
    /// "six-mile", "170 km", "approximately 8.000 tons".
    pub fn quantity_fragment(&self) -> String {
        let aliases: Vec<String> = self
            .aliases
            .iter()
            .filter(|(alias, _)| {
                alias
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == ' ' || c == '/')
            })
            .map(|(alias, _)| regex::escape(alias).replace(' ', r"\s+"))
            .collect();
        format!(
            r"(?:{}(?:\s+|-)(?i:{})\b)",
            *super::number::AMOUNT,
            aliases.join("|")
        )
    }

    /// Reads a quantity matched by [`Units::quantity_fragment`].
    pub fn parse_quantity(
        &self,
        text: &str,
        convention: super::number::Convention,
    ) -> Option<(super::number::Amount, &Unit)> {
        let lower = text.to_lowercase();
        // The unit is the longest alias the text ends with.
        let (unit, alias_len) = self
            .aliases
            .iter()
            .filter(|(alias, _)| {
                lower.ends_with(alias.as_str())
                    && lower[..lower.len() - alias.len()].ends_with([' ', '-', '\t', '\n'])
            })
            .map(|(alias, index)| (&self.units[*index], alias.len()))
            .next()?;
        let amount_text = text[..text.len() - alias_len].trim_end_matches([' ', '-', '\t', '\n']);
        let amount = super::number::parse_amount(amount_text, convention)?;
        Some((amount, unit))
    }

    /// `value` of `from` in `to`, if both measure the same dimension.
    pub fn convert(&self, value: f64, from: &str, to: &str) -> Option<f64> {
        let (from, to) = (self.get(from)?, self.get(to)?);
        (from.dimension == to.dimension).then(|| value * from.factor / to.factor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_alias_wins_at_a_word_boundary() {
        let units = Units::builtin();
        assert_eq!(
            units
                .longest_alias("km/hr fast")
                .map(|(u, l)| (u.name.as_str(), l)),
            Some(("kilometer per hour", 5))
        );
        assert_eq!(
            units
                .longest_alias("metric tons of")
                .map(|(u, _)| u.name.as_str()),
            Some("metric ton")
        );
        assert_eq!(
            units
                .longest_alias("miles away")
                .map(|(u, _)| u.name.as_str()),
            Some("mile")
        );
        assert!(units.longest_alias("mister").is_none());
    }

    #[test]
    fn conversions_stay_within_a_dimension() {
        let units = Units::builtin();
        let miles = units.convert(10.0, "kilometer", "mile").unwrap();
        assert!((miles - 6.2137).abs() < 1e-3);
        assert_eq!(units.convert(1.0, "kilometer", "kilogram"), None);
    }
}
