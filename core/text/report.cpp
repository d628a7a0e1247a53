#include "text/report.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <initializer_list>

namespace cxr::text {

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }

// Abbreviations after which a period does not end a sentence (lower case, without the final dot).
const char* const kAbbreviations[] = {
    "approx", "dr", "drs", "e.g", "i.e", "vs", "etc", "mr", "mrs", "ms", "prof", "st", "fig", "figs", "cf",
    "resp", "incl", "ca", "pt", "pts", "hx", "dx", "sx", "tx", "no", "nos", "ref", "vol", "al", "et al", "a.m",
    "p.m", "b.i.d", "t.i.d", "q.d", "wk", "wks", "yr", "yrs", "mo", "mos", "min", "max", "avg", "ant", "post",
    "lat", "sup", "inf", "med", "rt", "lt", "bilat", "sl", "mod", "w", "w/", "s/p", "c/w", "r/o"};

bool isAbbreviation(const std::string& wordLower) {
    for (const char* a : kAbbreviations)
        if (wordLower == a) return true;
    return false;
}

// Bytes of a list marker at `i` (start of a line or item): "1." "12)" "(3)" "a)" "-" "*" "•"; 0 if none.
size_t listMarker(const std::string& s, size_t i) {
    const size_t n = s.size();
    if (i >= n) return 0;
    if ((s[i] == '-' || s[i] == '*' || s[i] == '+') && i + 1 < n && isSpace(s[i + 1])) return 1;
    if (s.compare(i, 3, "\xE2\x80\xA2") == 0) return 3;  // U+2022 BULLET
    size_t j = i;
    if (s[j] == '(') ++j;
    const size_t digitsFrom = j;
    while (j < n && isDigit(s[j]) && j - digitsFrom < 3) ++j;
    const bool digits = j > digitsFrom;
    if (!digits && j < n && isAlpha(s[j]) && j + 1 < n && s[j + 1] == ')') j += 1;  // "a)"
    else if (!digits) return 0;
    if (j < n && (s[j] == '.' || s[j] == ')') && j + 1 < n && isSpace(s[j + 1])) {
        // "3.5 cm" is a decimal, not an item; "1. " and "2) " are items.
        return j + 1 - i;
    }
    return 0;
}

// A section header at `i` (start of a line): capital letters / spaces followed by ':'.
// Returns its length up to and including the colon, and the name; 0 if none.
size_t sectionHeader(const std::string& s, size_t i, std::string* name) {
    size_t j = i;
    while (j < s.size() && (std::isupper(static_cast<unsigned char>(s[j])) || s[j] == ' ' || s[j] == '/' || s[j] == '&')) ++j;
    if (j >= s.size() || s[j] != ':' || j - i < 3) return 0;
    std::string n = s.substr(i, j - i);
    while (!n.empty() && n.back() == ' ') n.pop_back();
    if (n.size() < 3) return 0;
    *name = n;
    return j + 1 - i;
}

std::string collapse(const std::string& s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (isSpace(c)) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

// Lower-case words (letters, digits, apostrophes; UTF-8 letters such as ä, ö, ü, ß kept, the
// German capitals Ä, Ö, Ü lowered) of a sentence.
std::vector<std::string> words(const std::string& s) {
    std::vector<std::string> out;
    std::string cur;
    auto push = [&] {
        if (cur.empty()) return;
        for (size_t i = 0; i + 1 < cur.size(); ++i)
            if (uint8_t(cur[i]) == 0xc3 && (uint8_t(cur[i + 1]) == 0x84 || uint8_t(cur[i + 1]) == 0x96 || uint8_t(cur[i + 1]) == 0x9c))
                cur[i + 1] = char(uint8_t(cur[i + 1]) + 0x20);
        out.push_back(cur);
        cur.clear();
    };
    for (char c : s) {
        if (isAlpha(c) || isDigit(c) || c == '\'' || c == '-' || uint8_t(c) >= 0x80) {
            cur += lower(c);
        } else {
            push();
        }
    }
    push();
    return out;
}

bool oneOf(const std::string& w, std::initializer_list<const char*> list) {
    for (const char* l : list)
        if (w == l) return true;
    return false;
}

// German cues (reports written in German; the model itself reads English only).
std::string germanNegationCue(const std::vector<std::string>& w) {
    auto at = [&](size_t i, const char* word) { return i < w.size() && w[i] == word; };
    for (size_t i = 0; i < w.size(); ++i) {
        // Uncertainty is not negation: "nicht ausgeschlossen", "nicht sicher auszuschließen".
        if (w[i] == "nicht" && (at(i + 1, "ausgeschlossen") || at(i + 1, "auszuschließen") ||
                                (at(i + 1, "sicher") && (at(i + 2, "ausgeschlossen") || at(i + 2, "auszuschließen")))))
            continue;
        if (w[i] == "nicht" && at(i + 1, "nur")) continue;  // "nicht nur ... sondern auch"
        if (oneOf(w[i], {"kein", "keine", "keinen", "keinem", "keiner", "keines"})) {
            // Pseudo-negations: "keine (wesentliche) Änderung", "keine Befundänderung".
            const size_t k = at(i + 1, "wesentliche") || at(i + 1, "signifikante") ? i + 2 : i + 1;
            if (k < w.size() && oneOf(w[k], {"änderung", "befundänderung", "veränderung", "progredienz", "zunahme"})) continue;
            if ((at(i + 1, "hinweis") || at(i + 1, "hinweise") || at(i + 1, "nachweis")) && at(i + 2, "auf"))
                return w[i] + " " + w[i + 1] + " auf";
            return w[i];
        }
        if (oneOf(w[i], {"ohne", "nicht", "weder", "frei"})) return w[i];
        if (w[i] == "ausgeschlossen" && !(i > 0 && w[i - 1] == "nicht")) return w[i];
    }
    return "";
}

}  // namespace

std::string negationCue(const std::string& sentence) {
    const std::vector<std::string> w = words(sentence);
    auto at = [&](size_t i, const char* word) { return i < w.size() && w[i] == word; };
    // Pseudo-negations: a trigger followed by these words does not deny a finding.
    auto pseudo = [&](size_t i) {
        static const char* const after[] = {"change", "changes", "changed", "significant", "interval", "increase",
                                            "increased", "decrease", "decreased", "longer", "only", "further",
                                            "new", "appreciable", "substantial", "definite"};
        // "no significant interval change", "not only", "no new" is a real negation (no new effusion).
        for (const char* a : after)
            if (at(i + 1, a)) {
                if (std::strcmp(a, "new") == 0 || std::strcmp(a, "definite") == 0 || std::strcmp(a, "appreciable") == 0 ||
                    std::strcmp(a, "substantial") == 0)
                    return false;  // "no new consolidation" denies a finding
                if (std::strcmp(a, "significant") == 0 || std::strcmp(a, "further") == 0)
                    return at(i + 2, "change") || at(i + 2, "interval") || at(i + 2, "changes") || at(i + 2, "increase");
                if (std::strcmp(a, "longer") == 0) return false;  // "no longer seen": negated
                return true;
            }
        return false;
    };
    for (size_t i = 0; i < w.size(); ++i) {
        // Uncertainty is not negation: "cannot be excluded", "not excluded", "not ruled out".
        if (w[i] == "cannot" || (w[i] == "not" && (at(i + 1, "excluded") || (at(i + 1, "ruled") && at(i + 2, "out"))))) continue;
        if (w[i] == "no" || w[i] == "not" || w[i] == "without" || w[i] == "never" || w[i] == "neither" || w[i] == "nor" ||
            w[i] == "absent" || w[i] == "resolved") {
            if (pseudo(i)) continue;
            if (w[i] == "no" && at(i + 1, "evidence") && at(i + 2, "of")) return "no evidence of";
            return w[i];
        }
        if (w[i] == "negative" && at(i + 1, "for")) return "negative for";
        if (w[i] == "free" && at(i + 1, "of")) return "free of";
        if (w[i] == "absence" && at(i + 1, "of")) return "absence of";
        if ((w[i] == "ruled" || w[i] == "rules") && at(i + 1, "out")) return w[i] + " out";
        if (w[i] == "clear" && at(i + 1, "of")) return "clear of";
        if (w[i] == "resolution" && at(i + 1, "of")) return "resolution of";
    }
    return germanNegationCue(w);
}

bool looksGerman(const std::string& sentence) {
    int german = 0, english = 0;
    for (const std::string& w : words(sentence)) {
        if (w.find("\xc3\xa4") != std::string::npos || w.find("\xc3\xb6") != std::string::npos ||
            w.find("\xc3\xbc") != std::string::npos || w.find("\xc3\x9f") != std::string::npos)
            ++german;
        else if (oneOf(w, {"der", "die", "das", "den", "dem", "des", "und", "mit", "kein", "keine", "keinen", "ohne", "nicht",
                           "links", "rechts", "beidseits", "ist", "sind", "ein", "eine", "einer", "im", "vom", "zum", "zur",
                           "bei", "auf", "kleiner", "kleine", "geringer", "geringe", "erguss", "pleuraerguss", "herz",
                           "lunge", "befund", "infiltrat", "verschattung", "frei", "unauffällig", "regelrecht"}))
            ++german;
        else if (oneOf(w, {"the", "a", "an", "of", "and", "with", "no", "is", "are", "left", "right", "small", "large",
                           "there", "not", "without", "effusion", "pleural", "heart", "lung", "seen"}))
            ++english;
    }
    return german > 0 && german >= english;
}

bool mentionsHeartSize(const std::string& sentence) {
    const std::vector<std::string> w = words(sentence);
    auto has = [&](std::initializer_list<const char*> list) {
        return std::any_of(w.begin(), w.end(), [&](const std::string& x) { return oneOf(x, list); });
    };
    auto startsWith = [&](const char* prefix) {
        return std::any_of(w.begin(), w.end(), [&](const std::string& x) { return x.rfind(prefix, 0) == 0; });
    };
    if (startsWith("cardiomegal") || startsWith("kardiomegal") || startsWith("cardiothoracic") || startsWith("herzvergr") ||
        startsWith("herzverbreiter") || startsWith("herzgr\xc3\xb6") || startsWith("kardiothorakal"))
        return true;
    const bool heart = has({"heart", "cardiac", "cardiomediastinal", "cardiopericardial", "herz", "herzschatten", "herzsilhouette"});
    const bool size = has({"size", "sized", "enlarged", "enlargement", "large", "larger", "silhouette", "contour", "widened",
                           "vergr\xc3\xb6\xc3\x9f" "ert", "verbreitert", "gro\xc3\x9f", "normal", "regelrecht"});
    return heart && size;
}

std::vector<ReportSentence> splitReport(const std::string& s) {
    std::vector<ReportSentence> out;
    std::string section;
    const size_t n = s.size();
    size_t start = std::string::npos;  // begin of the current sentence
    auto flush = [&](size_t end) {
        if (start == std::string::npos) return;
        size_t b = start, e = std::min(end, n);
        while (b < e && isSpace(s[b])) ++b;
        while (e > b && isSpace(s[e - 1])) --e;
        start = std::string::npos;
        if (b >= e) return;
        ReportSentence r;
        r.text = collapse(s.substr(b, e - b));
        // A sentence without a single letter ("2.", "---") is not a finding.
        if (std::none_of(r.text.begin(), r.text.end(), isAlpha)) return;
        r.section = section;
        r.begin = b;
        r.end = e;
        r.negationCue = negationCue(r.text);
        r.negated = !r.negationCue.empty();
        out.push_back(std::move(r));
    };
    bool lineStart = true;
    for (size_t i = 0; i < n;) {
        if (lineStart) {
            // Skip indentation, then a header or a list marker starts something new.
            size_t j = i;
            while (j < n && (s[j] == ' ' || s[j] == '\t')) ++j;
            if (j < n && s[j] == '\n') {  // blank line: ends the sentence
                flush(i);
                i = j + 1;
                continue;
            }
            std::string name;
            if (const size_t h = sectionHeader(s, j, &name)) {
                flush(i);
                section = name;
                i = j + h;
                lineStart = false;
                continue;
            }
            if (const size_t m = listMarker(s, j)) {
                flush(i);
                i = j + m;
                start = i;
                lineStart = false;
                continue;
            }
            lineStart = false;
            i = j;
            continue;
        }
        const char c = s[i];
        if (c == '\n') {
            lineStart = true;
            ++i;
            continue;
        }
        if (start == std::string::npos && !isSpace(c)) {
            // After a sentence end, a list marker may follow on the same line ("... 2. No effusion.").
            if (const size_t m = listMarker(s, i)) {
                i += m;
                start = i;
                continue;
            }
            start = i;
        }
        if (c == '.' || c == '!' || c == '?') {
            size_t k = i + 1;
            while (k < n && (s[k] == '.' || s[k] == '!' || s[k] == '?' || s[k] == '"' || s[k] == '\'' || s[k] == ')')) ++k;
            const bool atEnd = k >= n || isSpace(s[k]);
            bool boundary = atEnd;
            if (boundary && c == '.') {
                // The word before the dot: an abbreviation or an initial does not end a sentence.
                size_t w = i;
                while (w > 0 && !isSpace(s[w - 1]) && s[w - 1] != '(') --w;
                std::string word;
                for (size_t q = w; q < i; ++q) word += lower(s[q]);
                // "No." alone is a sentence ("No."); "etc." and "et al." may end one.
                if (isAbbreviation(word) && !(word == "no" && start == w) && word != "etc" && word != "al") boundary = false;
                if (i - w == 1 && std::isupper(static_cast<unsigned char>(s[w]))) boundary = false;  // "J. Smith"
            }
            if (boundary && k < n) {
                // A lower-case word after the dot continues the sentence ("q.6h. dosing").
                size_t nx = k;
                while (nx < n && (s[nx] == ' ' || s[nx] == '\t')) ++nx;
                if (nx < n && std::islower(static_cast<unsigned char>(s[nx]))) boundary = false;
            }
            if (boundary) {
                flush(k);
                i = k;
                continue;
            }
            i = k;
            continue;
        }
        ++i;
    }
    flush(n);
    return out;
}

}  // namespace cxr::text
