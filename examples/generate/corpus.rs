//! A synthetic news corpus for benchmarks and scale tests: articles from many outlets
//! about many events, with wire copy republished word for word and planted perturbations
//! (a changed number, a shifted date, a misspelled name, another title). Deterministic by
//! seed. Written like real English news about the region: names and places keep their
//! diacritics ("Petrović", "Niš") except in outlets that strip them, quotes are curly and
//! asides set off by dashes, so the text holds the non-ASCII bytes that real news does.

use chrono::{Duration, NaiveDate};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use unicode_normalization::UnicodeNormalization;

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Plan {
    pub seed: u64,
    /// Total size to reach, in bytes.
    pub bytes: usize,
    pub outlets: usize,
    pub events: usize,
}

struct Event {
    name: Option<String>,
    start: NaiveDate,
    days: i64,
    troops: u32,
    place: (&'static str, &'static str),
    official: (String, String),
    commander: (String, String),
}

const FIRST: &[&str] = &[
    "Kevin", "Maria", "Jonas", "Elena", "Marko", "Ana", "Peter", "Ivana", "George", "Laura",
    "Stefan", "Mila", "Tomas", "Sara", "Luka", "Nina", "Miloš", "Dušan", "Zoë", "Jürgen",
];
const LAST: &[&str] = &[
    "Hamilton",
    "Petrović",
    "Wikoff",
    "Novak",
    "Jovanović",
    "Kovács",
    "Berger",
    "Marin",
    "Drašković",
    "Lindqvist",
    "Moreau",
    "Schultz",
    "Ilić",
    "Horvat",
];
const TITLES: &[&str] = &[
    "NATO Deputy Assistant Secretary General for Partnerships",
    "NATO Deputy Assistant Secretary General for Political Affairs and Security Policy",
    "Defence Minister",
    "Chief of the General Staff",
    "Commander of Allied Joint Force Command Naples",
    "Commander of Allied Joint Force Command Brunssum",
];
const PLACES: &[(&str, &str)] = &[
    ("Borovac", "Bujanovac"),
    ("South Base", "Bujanovac"),
    ("Pasuljanske Livade", "Ćuprija"),
    ("Niš", "Serbia"),
    ("Mladenovac", "Belgrade"),
];
const NAMES: &[&str] = &[
    "Platinum Wolf",
    "Iron Falcon",
    "Silver Bridge",
    "Danube Shield",
    "Balkan Response",
    "Northern Gate",
    "Steady Hand",
    "Open Sky",
];
const FILLER: &[&str] = &[
    "Officials said the talks would continue in the coming weeks.",
    "The country’s neutrality — written into a parliamentary resolution — was not in question, the ministry said.",
    "“We are partners, not allies,” one deputy told the broadcaster.",
    "Analysts in the region were divided over what the move means for neutrality.",
    "The ministry did not respond to a request for comment.",
    "Opposition deputies asked why the government had not published the costs.",
    "Public opinion in the country remains wary of the Alliance.",
    "Diplomats described the atmosphere as constructive but cautious.",
    "The government has repeatedly said it will not join any military bloc.",
    "Local residents watched the convoys pass through the town.",
    "Several observers from neighbouring countries attended as guests.",
    "The costs of the programme were shared between the partners.",
];

/// The articles, as (file name, text), in name order.
pub fn corpus(plan: &Plan) -> Vec<(String, String)> {
    let mut rng = ChaCha8Rng::seed_from_u64(plan.seed);
    let outlets: Vec<String> = (0..plan.outlets.max(1))
        .map(|i| {
            format!(
                "{} {}",
                ["Daily", "Wire", "Herald", "Observer", "Post", "Times"][i % 6],
                outlet_place(i)
            )
        })
        .collect();
    let base = NaiveDate::from_ymd_opt(2024, 1, 1).expect("valid date");
    let events: Vec<Event> = (0..plan.events.max(1))
        .map(|i| Event {
            name: (i % 3 != 0)
                .then(|| format!("{} {}", NAMES[i % NAMES.len()], 2024 + i / NAMES.len())),
            start: base + Duration::days(rng.gen_range(0..900)),
            days: [7, 10, 13, 14, 21][rng.gen_range(0..5)],
            troops: rng.gen_range(2..40) * 25,
            place: PLACES[rng.gen_range(0..PLACES.len())],
            official: person(&mut rng),
            commander: person(&mut rng),
        })
        .collect();
    let mut articles = Vec::new();
    let mut total = 0;
    let mut wire: Vec<String> = Vec::new();
    while total < plan.bytes {
        let index = articles.len();
        let event = &events[rng.gen_range(0..events.len())];
        let outlet = &outlets[rng.gen_range(0..outlets.len())];
        let published = event.start + Duration::days(event.days + rng.gen_range(0..5));
        let text = article(&mut rng, event, outlet, published, &mut wire);
        total += text.len();
        articles.push((format!("article-{index:07}.md"), text));
    }
    articles
}

/// Writes the corpus of `plan` into `dir` (created if missing); returns how many articles.
///
/// # Errors
/// The directory or a file cannot be written; the message names the path.
pub fn write(plan: &Plan, dir: &std::path::Path) -> Result<usize, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: cannot create: {e}", dir.display()))?;
    let articles = corpus(plan);
    for (name, text) in &articles {
        let path = dir.join(name);
        std::fs::write(&path, text)
            .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
    }
    Ok(articles.len())
}

fn outlet_place(i: usize) -> &'static str {
    [
        "Belgrade", "Balkan", "Danube", "Adriatic", "Niš", "Novi Sad", "Morava", "Drina",
    ][i / 6 % 8]
}

fn person(rng: &mut ChaCha8Rng) -> (String, String) {
    let name = format!(
        "{} {}",
        FIRST.choose(rng).expect("non-empty"),
        LAST.choose(rng).expect("non-empty")
    );
    let title = TITLES.choose(rng).expect("non-empty").to_string();
    (name, title)
}

/// One article; one time in twenty a fact is perturbed, one time in five a paragraph of
/// earlier wire copy is republished.
fn article(
    rng: &mut ChaCha8Rng,
    event: &Event,
    outlet: &str,
    published: NaiveDate,
    wire: &mut Vec<String>,
) -> String {
    let perturb = |rng: &mut ChaCha8Rng| rng.gen_ratio(1, 20);
    let troops = if perturb(rng) {
        event.troops + 50
    } else {
        event.troops
    };
    let days = if perturb(rng) {
        event.days - 1
    } else {
        event.days
    };
    let start = if perturb(rng) {
        event.start + Duration::days(7)
    } else {
        event.start
    };
    let end = start + Duration::days(days - 1);
    let official_name = if perturb(rng) {
        event.official.0.replacen('o', "ou", 1)
    } else {
        event.official.0.clone()
    };
    let official_title = if perturb(rng) {
        TITLES[rng.gen_range(0..TITLES.len())].to_string()
    } else {
        event.official.1.clone()
    };
    let what = match &event.name {
        Some(name) => format!("the {name} exercise"),
        None => "the joint exercise".to_string(),
    };
    let mut paragraphs = vec![
        format!(
            "The exercise, which took place from {} to {}, brought Allied and Serbian units together at the {} range near {}.",
            start.format("%B %-d"),
            end.format("%B %-d, %Y"),
            event.place.0,
            event.place.1
        ),
        format!(
            "Officials said {what} involved approximately {troops} troops and lasted {days} days."
        ),
        format!(
            "{official_title} {official_name} told reporters that the drill “showed how far cooperation had come”."
        ),
        format!(
            "{} ({}) praised the professionalism of the units.",
            event.commander.0, event.commander.1
        ),
    ];
    if !wire.is_empty() && rng.gen_ratio(1, 5) {
        let copy = wire[rng.gen_range(0..wire.len())].clone();
        paragraphs.push(copy);
    } else if wire.len() < 200 {
        wire.push(paragraphs[1].clone());
    }
    let filler_count = rng.gen_range(12..30);
    for _ in 0..filler_count {
        let at = rng.gen_range(0..=paragraphs.len());
        let sentences: Vec<&str> = (0..rng.gen_range(2..5))
            .map(|_| *FILLER.choose(rng).expect("non-empty"))
            .collect();
        paragraphs.insert(at, sentences.join(" "));
    }
    let text = format!(
        "source: {outlet}\npublished: {}\n\n# {} Ends in Serbia\n\n{}\n",
        published.format("%Y-%m-%d"),
        event.name.as_deref().unwrap_or("Joint Exercise"),
        paragraphs.join("\n\n")
    );
    if strips_diacritics(outlet) {
        text.nfd()
            .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
            .collect()
    } else {
        text
    }
}

/// One outlet in four prints names without their diacritics ("Petrovic" for "Petrović"),
/// as wire services writing for English readers often do.
fn strips_diacritics(outlet: &str) -> bool {
    outlet.bytes().map(usize::from).sum::<usize>() % 4 == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_corpus() {
        let plan = Plan {
            seed: 7,
            bytes: 50_000,
            outlets: 5,
            events: 4,
        };
        let a = corpus(&plan);
        assert_eq!(a, corpus(&plan));
        assert!(a.iter().map(|(_, t)| t.len()).sum::<usize>() >= 50_000);
        assert_ne!(a, corpus(&Plan { seed: 8, ..plan }));
    }
}
