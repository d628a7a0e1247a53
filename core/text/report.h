// Splitting a radiology report into the sentences to ground (issue 5: whole report).
//
// Reports are pasted as written: section headers ("FINDINGS:", "IMPRESSION:"), lines wrapped at a
// fixed width in the middle of sentences, numbered and bulleted lists, abbreviations ("approx.",
// "Dr.", "e.g.") and decimals ("3.5 cm"). Standard library only.
#pragma once

#include <string>
#include <vector>

namespace cxr::text {

struct ReportSentence {
    std::string text;      // whitespace collapsed, list marker removed, final period kept
    std::string section;   // upper-case header the sentence is under ("FINDINGS"), "" if none
    size_t begin = 0, end = 0;  // byte range in the input (marker excluded)
    bool negated = false;  // the sentence denies a finding ("No pneumothorax.")
    std::string negationCue;  // the words that negate it ("no", "without", "negative for", ...)
};

// Splits `report` into sentences. Boundaries: '.', '!' or '?' followed by white space or the end
// (not after an abbreviation, an initial or between digits), a blank line, a new list item
// ("1.", "2)", "-", "*", "•" at the start of a line) and a section header ("IMPRESSION:").
// A single line break inside a sentence is a space (wrapped lines).
std::vector<ReportSentence> splitReport(const std::string& report);

// Negation as NegEx does it, simplified: a negation trigger ("no", "not", "without", "negative
// for", "free of", "absence of", "ruled out", "resolved", ...) that is not a pseudo-negation
// ("no change", "not only", "no significant interval change", ...). Returns the cue, or "" when
// the sentence is affirmative. German cues too ("kein", "keine", "ohne", "nicht", "kein Hinweis
// auf", "frei", "ausgeschlossen"; not "keine Änderung", "nicht ausgeschlossen").
std::string negationCue(const std::string& sentence);

// True when the sentence reads as German rather than English (umlauts, ß or common German words
// outnumbering English ones). The model reads English only: the viewer warns.
bool looksGerman(const std::string& sentence);

// True when the sentence is about the size of the heart ("cardiomegaly", "enlarged cardiac
// silhouette", "heart size is normal", "cardiothoracic ratio", German "Kardiomegalie",
// "Herzvergrößerung", "Herz ... vergrößert"): the cardiothoracic ratio measured on the image bears
// on it.
bool mentionsHeartSize(const std::string& sentence);

}  // namespace cxr::text
