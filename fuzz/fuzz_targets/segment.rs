//! Fuzzes line classification and sentence segmentation: spans in order, non-empty, on
//! char boundaries and within the text.
#![no_main]

use claimcheck::pipeline::boilerplate::classify;
use claimcheck::pipeline::segment::{segment, Abbreviations, MAX_SENTENCE_BYTES};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let lines = classify(&text, 0);
    let sentences = segment(&text, &lines, &Abbreviations::new(["Mr", "U.S", "Adm"]));
    let mut end = 0;
    for sentence in sentences {
        assert!(sentence.span.start >= end && sentence.span.start < sentence.span.end);
        assert!(sentence.span.end <= text.len());
        assert!(text.is_char_boundary(sentence.span.start) && text.is_char_boundary(sentence.span.end));
        assert!(sentence.span.len() <= MAX_SENTENCE_BYTES);
        end = sentence.span.end;
    }
});
