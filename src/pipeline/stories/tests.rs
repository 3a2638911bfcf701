//! Story grouping on hand-made features: alike documents join, dated ones further apart
//! than the window never do, and the outcome does not depend on the order of documents.

use super::*;

fn doc(terms: &[&str], date: Option<&str>) -> StoryFeatures {
    StoryFeatures {
        terms: {
            let mut terms: Vec<(String, f32)> =
                terms.iter().map(|t| (t.to_string(), 3.0)).collect();
            terms.sort_by(|a, b| a.0.cmp(&b.0));
            terms
        },
        date: date.map(|d| d.parse().unwrap()),
        year: date.map(|d| d[..4].parse().unwrap()),
        classes: vec![("earthquake".into(), 1)],
        places: vec![("Aceh".into(), 1)],
        names: Vec::new(),
    }
}

fn corpus() -> Vec<StoryFeatures> {
    vec![
        doc(
            &["quake", "@aceh", "takengon", "landslide", "#2013"],
            Some("2013-07-02"),
        ),
        doc(
            &["election", "@ashgabat", "turnout", "ballot", "parliament"],
            None,
        ),
        doc(
            &["quake", "@aceh", "takengon", "injured", "#2013"],
            Some("2013-07-03"),
        ),
        doc(
            &["election", "@ashgabat", "turnout", "ballot", "candidate"],
            None,
        ),
        doc(
            &["quake", "@aceh", "takengon", "landslide", "#2013"],
            Some("2013-11-20"),
        ),
        doc(&["festival", "music", "stage", "band", "crowd"], None),
    ]
}

#[test]
fn alike_documents_form_one_story_and_others_stay_apart() {
    let stories = group(&corpus(), &StoryOptions::default());
    let sets: Vec<Vec<usize>> = stories
        .stories
        .iter()
        .map(|s| s.documents.clone())
        .collect();
    assert_eq!(sets, vec![vec![0, 2], vec![1, 3], vec![4], vec![5]]);
    assert_eq!(stories.of_document, vec![0, 1, 0, 1, 2, 3]);
    assert_eq!(stories.stories[0].label, "earthquake, Aceh, 2013-07-02");
    assert_eq!(stories.stories[0].id, "s1");
}

#[test]
fn a_join_is_explained_by_the_terms_the_documents_share() {
    let stories = group(&corpus(), &StoryOptions::default());
    let join = &stories.stories[0].joins[0];
    assert_eq!((join.a, join.b), (0, 2));
    assert!(
        join.shared.contains(&"takengon".to_string()),
        "{:?}",
        join.shared
    );
    assert!(join.similarity > 0.2);
}

#[test]
fn the_stories_do_not_depend_on_the_order_of_the_documents() {
    let forward = corpus();
    let mut backward = corpus();
    backward.reverse();
    let a = group(&forward, &StoryOptions::default());
    let b = group(&backward, &StoryOptions::default());
    let n = forward.len();
    for x in 0..n {
        for y in 0..n {
            let together = a.of_document[x] == a.of_document[y];
            let reversed = b.of_document[n - 1 - x] == b.of_document[n - 1 - y];
            assert_eq!(together, reversed, "documents {x} and {y}");
        }
    }
}
