#include "clip_tokenizer.h"

#include <algorithm>
#include <climits>
#include <cstring>
#include <fstream>
#include <sstream>

namespace cxr::text {

namespace {

struct CodeRange {
    char32_t first, last;
};
struct LowerEntry {
    char32_t cp;
    char32_t lower[3];
};
struct ComposeEntry {
    char32_t first, second, composed;
};

#include "unicode_tables.inc"

template <size_t N>
bool inRanges(const CodeRange (&table)[N], char32_t c) {
    size_t lo = 0, hi = N;
    while (lo < hi) {
        const size_t mid = (lo + hi) / 2;
        if (c < table[mid].first) hi = mid;
        else if (c > table[mid].last) lo = mid + 1;
        else return true;
    }
    return false;
}

bool isLetter(char32_t c) { return inRanges(kLetter, c); }
bool isNumber(char32_t c) { return inRanges(kNumber, c); }
bool isSpace(char32_t c) { return inRanges(kSpace, c); }

void appendLower(char32_t c, std::u32string* out) {
    if (c < 0x80) {
        out->push_back(c >= 'A' && c <= 'Z' ? c + 32 : c);
        return;
    }
    const LowerEntry* b = std::begin(kLower);
    const LowerEntry* e = std::end(kLower);
    const LowerEntry* it = std::lower_bound(b, e, c, [](const LowerEntry& x, char32_t v) { return x.cp < v; });
    if (it != e && it->cp == c) {
        for (char32_t l : it->lower)
            if (l) out->push_back(l);
    } else {
        out->push_back(c);
    }
}

char32_t compose(char32_t a, char32_t b) {
    // Hangul syllables (algorithmic).
    const char32_t SBase = 0xAC00, LBase = 0x1100, VBase = 0x1161, TBase = 0x11A7;
    if (a >= LBase && a < LBase + 19 && b >= VBase && b < VBase + 21)
        return SBase + ((a - LBase) * 21 + (b - VBase)) * 28;
    if (a >= SBase && a < SBase + 11172 && (a - SBase) % 28 == 0 && b > TBase && b < TBase + 28)
        return a + (b - TBase);
    const ComposeEntry* bgn = std::begin(kCompose);
    const ComposeEntry* end = std::end(kCompose);
    const ComposeEntry* it = std::lower_bound(bgn, end, std::make_pair(a, b), [](const ComposeEntry& x, const std::pair<char32_t, char32_t>& v) {
        return x.first != v.first ? x.first < v.first : x.second < v.second;
    });
    return (it != end && it->first == a && it->second == b) ? it->composed : 0;
}

// UTF-8 -> code points; invalid sequences become U+FFFD (one per bad byte).
std::u32string decodeUtf8(const std::string& s, bool* valid = nullptr) {
    std::u32string out;
    out.reserve(s.size());
    if (valid) *valid = true;
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const size_t n = s.size();
    for (size_t i = 0; i < n;) {
        const unsigned char c = p[i];
        int len = 0;
        char32_t cp = 0;
        if (c < 0x80) { cp = c; len = 1; }
        else if ((c & 0xE0) == 0xC0) { cp = c & 0x1F; len = 2; }
        else if ((c & 0xF0) == 0xE0) { cp = c & 0x0F; len = 3; }
        else if ((c & 0xF8) == 0xF0) { cp = c & 0x07; len = 4; }
        bool ok = len > 0 && i + len <= n;
        for (int k = 1; ok && k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80) ok = false;
            else cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if (ok) {
            static const char32_t minFor[5] = {0, 0, 0x80, 0x800, 0x10000};
            if (cp < minFor[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) ok = false;
        }
        if (!ok) {
            out.push_back(0xFFFD);
            if (valid) *valid = false;
            ++i;
            continue;
        }
        out.push_back(cp);
        i += static_cast<size_t>(len);
    }
    return out;
}

void appendUtf8(char32_t c, std::string* out) {
    if (c < 0x80) out->push_back(static_cast<char>(c));
    else if (c < 0x800) {
        out->push_back(static_cast<char>(0xC0 | (c >> 6)));
        out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out->push_back(static_cast<char>(0xE0 | (c >> 12)));
        out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
        out->push_back(static_cast<char>(0xF0 | (c >> 18)));
        out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
        out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
}

std::string encodeUtf8(const std::u32string& s) {
    std::string out;
    out.reserve(s.size());
    for (char32_t c : s) appendUtf8(c, &out);
    return out;
}

// ---- ftfy subset --------------------------------------------------------------------------

// Windows-1252 bytes 0x80..0x9F (undefined ones map to the C1 control, as ftfy's "sloppy" codec).
const char32_t kCp1252High[32] = {0x20AC, 0x81,   0x201A, 0x192,  0x201E, 0x2026, 0x2020, 0x2021,
                                  0x2C6,  0x2030, 0x160,  0x2039, 0x152,  0x8D,   0x17D,  0x8F,
                                  0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                  0x2DC,  0x2122, 0x161,  0x203A, 0x153,  0x9D,   0x17E,  0x178};

int cp1252Byte(char32_t c, bool* windowsOnly) {
    *windowsOnly = false;
    if (c < 0x80 || (c >= 0xA0 && c <= 0xFF)) return static_cast<int>(c);
    for (int i = 0; i < 32; ++i)
        if (kCp1252High[i] == c) {
            *windowsOnly = c > 0xFF;
            return 0x80 + i;
        }
    return -1;
}

// UTF-8 text that was decoded as Windows-1252 / Latin-1 ("effusionâ€™s", "Ã©panchement"): a run
// of cp1252-encodable characters with non-ASCII ones whose bytes form valid UTF-8 is decoded
// again (ftfy's fix_encoding). Genuine Latin-1 text ("Café", "Löfgren") is not valid UTF-8 as
// bytes and stays as it is.
std::u32string fixMojibake(const std::u32string& s) {
    std::u32string out;
    size_t i = 0;
    while (i < s.size()) {
        size_t j = i;
        bool hasHigh = false;
        std::string bytes;
        while (j < s.size()) {
            bool w = false;
            const int b = cp1252Byte(s[j], &w);
            if (b < 0) break;
            (void)w;
            hasHigh = hasHigh || b >= 0x80;
            bytes.push_back(static_cast<char>(b));
            ++j;
        }
        if (j == i) {
            out.push_back(s[i++]);
            continue;
        }
        bool valid = false;
        if (hasHigh) {
            const std::u32string decoded = decodeUtf8(bytes, &valid);
            if (valid) {
                out += decoded;
                i = j;
                continue;
            }
        }
        out.append(s, i, j - i);
        i = j;
    }
    return out;
}

std::u32string unescapeHtml(const std::u32string& s) {
    if (s.find(U'<') != std::u32string::npos || s.find(U'&') == std::u32string::npos) return s;
    static const std::pair<const char32_t*, char32_t> named[] = {
        {U"amp", U'&'}, {U"lt", U'<'}, {U"gt", U'>'}, {U"quot", U'"'}, {U"apos", U'\''}, {U"nbsp", 0xA0},
        {U"ndash", 0x2013}, {U"mdash", 0x2014}, {U"hellip", 0x2026}, {U"deg", 0xB0}, {U"plusmn", 0xB1},
        {U"times", 0xD7}, {U"micro", 0xB5}, {U"lsquo", 0x2018}, {U"rsquo", 0x2019}, {U"ldquo", 0x201C},
        {U"rdquo", 0x201D}};
    std::u32string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] != U'&') {
            out.push_back(s[i]);
            continue;
        }
        const size_t semi = s.find(U';', i);
        if (semi == std::u32string::npos || semi - i > 10) {
            out.push_back(s[i]);
            continue;
        }
        const std::u32string name = s.substr(i + 1, semi - i - 1);
        char32_t rep = 0;
        if (name.size() > 1 && name[0] == U'#') {
            unsigned long v = 0;
            bool ok = true;
            const bool hex = name[1] == U'x' || name[1] == U'X';
            for (size_t k = hex ? 2 : 1; k < name.size() && ok; ++k) {
                const char32_t c = name[k];
                int d = -1;
                if (c >= U'0' && c <= U'9') d = static_cast<int>(c - U'0');
                else if (hex && c >= U'a' && c <= U'f') d = static_cast<int>(c - U'a' + 10);
                else if (hex && c >= U'A' && c <= U'F') d = static_cast<int>(c - U'A' + 10);
                ok = d >= 0 && v < 0x110000;
                v = v * (hex ? 16 : 10) + static_cast<unsigned long>(d < 0 ? 0 : d);
            }
            if (ok && v > 0 && v < 0x110000 && !(v >= 0xD800 && v <= 0xDFFF)) rep = static_cast<char32_t>(v);
        } else {
            for (const auto& [n, c] : named)
                if (name == n) rep = c;
        }
        if (rep) {
            out.push_back(rep);
            i = semi;
        } else {
            out.push_back(s[i]);
        }
    }
    return out;
}

bool isControlToRemove(char32_t c) {
    return c <= 0x08 || c == 0x0B || (c >= 0x0E && c <= 0x1F) || c == 0x7F || (c >= 0x206A && c <= 0x206F) ||
           c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFC);
}

void appendLigature(char32_t c, std::u32string* out) {
    switch (c) {
    case 0xFB00: *out += U"ff"; return;
    case 0xFB01: *out += U"fi"; return;
    case 0xFB02: *out += U"fl"; return;
    case 0xFB03: *out += U"ffi"; return;
    case 0xFB04: *out += U"ffl"; return;
    case 0xFB05: *out += U"\u017Ft"; return;
    case 0xFB06: *out += U"st"; return;
    case 0x0132: *out += U"IJ"; return;
    case 0x0133: *out += U"ij"; return;
    case 0x01C4: *out += U"D\u017D"; return;
    case 0x01C5: *out += U"D\u017E"; return;
    case 0x01C6: *out += U"d\u017E"; return;
    case 0x01C7: *out += U"LJ"; return;
    case 0x01C8: *out += U"Lj"; return;
    case 0x01C9: *out += U"lj"; return;
    case 0x01CA: *out += U"NJ"; return;
    case 0x01CB: *out += U"Nj"; return;
    case 0x01CC: *out += U"nj"; return;
    case 0x01F1: *out += U"DZ"; return;
    case 0x01F2: *out += U"Dz"; return;
    case 0x01F3: *out += U"dz"; return;
    default: out->push_back(c);
    }
}

}  // namespace

std::string ClipTokenizer::clean(const std::string& utf8) {
    std::u32string s = decodeUtf8(utf8);
    // ftfy.fix_text (6.1 defaults, the parts that matter for report text)
    s = unescapeHtml(s);
    s = fixMojibake(s);
    std::u32string t;
    t.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        char32_t c = s[i];
        if (c >= 0xFF01 && c <= 0xFF5E) c = c - 0xFF01 + 0x21;   // fix_character_width
        else if (c == 0x3000) c = U' ';
        if (c == 0x02BC || (c >= 0x2018 && c <= 0x201B)) c = U'\'';  // uncurl_quotes
        else if (c >= 0x201C && c <= 0x201F) c = U'"';
        if (c == U'\r') {                                           // fix_line_breaks
            c = U'\n';
            if (i + 1 < s.size() && s[i + 1] == U'\n') ++i;
        } else if (c == 0x2028 || c == 0x2029 || c == 0x85) {
            c = U'\n';
        }
        if (isControlToRemove(c)) continue;                         // remove_control_chars
        appendLigature(c, &t);                                      // fix_latin_ligatures
    }
    // NFC: compose canonical pairs (input from report text is composed already in practice).
    std::u32string n;
    n.reserve(t.size());
    for (char32_t c : t) {
        if (!n.empty()) {
            const char32_t k = compose(n.back(), c);
            if (k) {
                n.back() = k;
                continue;
            }
        }
        n.push_back(c);
    }
    // whitespace_clean: runs of whitespace -> one space, stripped; then lower case.
    std::u32string w;
    w.reserve(n.size());
    bool pendingSpace = false;
    for (char32_t c : n) {
        if (isSpace(c)) {
            pendingSpace = !w.empty();
            continue;
        }
        if (pendingSpace) w.push_back(U' ');
        pendingSpace = false;
        appendLower(c, &w);
    }
    return encodeUtf8(w);
}

std::unique_ptr<ClipTokenizer> ClipTokenizer::load(const std::string& dir, std::string* error) {
    std::unique_ptr<ClipTokenizer> t(new ClipTokenizer());
    const std::string vocabPath = dir + "/vocab.json", mergesPath = dir + "/merges.txt";
    std::ifstream vf(vocabPath, std::ios::binary);
    if (!vf) {
        *error = vocabPath + ": missing or unreadable (the tokenizer vocabulary)";
        return nullptr;
    }
    std::stringstream vs;
    vs << vf.rdbuf();
    const std::string v = vs.str();
    // vocab.json: one flat object of "token": id.
    size_t i = v.find('{');
    auto fail = [&](const std::string& what) {
        *error = vocabPath + ": " + what;
        return nullptr;
    };
    if (i == std::string::npos) return fail("not a JSON object");
    ++i;
    auto skipWs = [&] { while (i < v.size() && std::isspace(static_cast<unsigned char>(v[i]))) ++i; };
    int maxId = -1;
    while (true) {
        skipWs();
        if (i >= v.size()) return fail("unexpected end of file");
        if (v[i] == '}') break;
        if (v[i] == ',') { ++i; continue; }
        if (v[i] != '"') return fail("expected a string at byte " + std::to_string(i));
        ++i;
        std::string key;
        while (i < v.size() && v[i] != '"') {
            if (v[i] == '\\' && i + 1 < v.size()) {
                const char e = v[i + 1];
                i += 2;
                switch (e) {
                case 'n': key += '\n'; break;
                case 't': key += '\t'; break;
                case 'r': key += '\r'; break;
                case 'b': key += '\b'; break;
                case 'f': key += '\f'; break;
                case 'u': {
                    auto hex4 = [&](size_t at, unsigned* out) {
                        if (at + 4 > v.size()) return false;
                        *out = static_cast<unsigned>(std::stoul(v.substr(at, 4), nullptr, 16));
                        return true;
                    };
                    unsigned cp = 0;
                    if (!hex4(i, &cp)) return fail("bad \\u escape");
                    i += 4;
                    if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 <= v.size() && v[i] == '\\' && v[i + 1] == 'u') {
                        unsigned lo = 0;
                        if (!hex4(i + 2, &lo)) return fail("bad \\u escape");
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                        i += 6;
                    }
                    appendUtf8(static_cast<char32_t>(cp), &key);
                    break;
                }
                default: key += e;
                }
            } else {
                key += v[i++];
            }
        }
        ++i;
        skipWs();
        if (i >= v.size() || v[i] != ':') return fail("expected ':' after \"" + key + "\"");
        ++i;
        skipWs();
        size_t end = i;
        while (end < v.size() && (std::isdigit(static_cast<unsigned char>(v[end])) || v[end] == '-')) ++end;
        if (end == i) return fail("expected an id for \"" + key + "\"");
        const int id = std::stoi(v.substr(i, end - i));
        if (id < 0 || id > 10000000) return fail("id out of range for \"" + key + "\"");
        i = end;
        t->vocab_[key] = id;
        maxId = std::max(maxId, id);
    }
    if (t->vocab_.size() < 512) return fail("has only " + std::to_string(t->vocab_.size()) + " entries (a CLIP vocabulary has 49408)");
    t->idToToken_.assign(static_cast<size_t>(maxId) + 1, std::string());
    for (const auto& [k, id] : t->vocab_) t->idToToken_[static_cast<size_t>(id)] = k;

    std::ifstream mf(mergesPath, std::ios::binary);
    if (!mf) {
        *error = mergesPath + ": missing or unreadable (the tokenizer merges)";
        return nullptr;
    }
    std::string line;
    int rank = 0;
    const int maxMerges = 49152 - 256 - 2;  // as the reference reads merges.txt
    bool first = true;
    while (std::getline(mf, line) && rank < maxMerges) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (first) {
            first = false;
            if (line.rfind("#version", 0) == 0) continue;
        }
        if (line.empty()) continue;
        const size_t sp = line.find(' ');
        if (sp == std::string::npos || sp == 0 || sp + 1 >= line.size()) {
            *error = mergesPath + ": line " + std::to_string(rank + 2) + " is not a merge \"a b\"";
            return nullptr;
        }
        t->mergeRank_.emplace(line, rank++);
    }
    if (rank == 0) {
        *error = mergesPath + ": no merges";
        return nullptr;
    }
    // GPT-2 byte -> unicode character table.
    int extra = 0;
    for (int b = 0; b < 256; ++b) {
        const bool printable = (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || (b >= 174 && b <= 255);
        std::string s;
        appendUtf8(printable ? static_cast<char32_t>(b) : static_cast<char32_t>(256 + extra++), &s);
        t->byteEncoder_[b] = s;
    }
    auto idOf = [&](const char* tok, int fallback) {
        const auto it = t->vocab_.find(tok);
        return it == t->vocab_.end() ? fallback : it->second;
    };
    t->bos_ = idOf("<|startoftext|>", 49406);
    t->eos_ = idOf("<|endoftext|>", 49407);
    t->pad_ = idOf("!", 0);
    return t;
}

std::vector<ClipTokenizer::Piece> ClipTokenizer::pieces(const std::string& raw) const {
    std::vector<Piece> out;
    static const char* kSpecial[] = {"<|startoftext|>", "<|endoftext|>", "!"};
    // 1. split out special tokens on the raw text (the reference's added-token trie)
    std::vector<std::pair<std::string, bool>> chunks;
    std::string cur;
    for (size_t i = 0; i < raw.size();) {
        const char* hit = nullptr;
        for (const char* s : kSpecial)
            if (raw.compare(i, std::strlen(s), s) == 0) {
                hit = s;
                break;
            }
        if (hit) {
            if (!cur.empty()) chunks.emplace_back(std::move(cur), false);
            cur.clear();
            chunks.emplace_back(hit, true);
            i += std::strlen(hit);
        } else {
            cur.push_back(raw[i++]);
        }
    }
    if (!cur.empty()) chunks.emplace_back(std::move(cur), false);
    // 2. each other chunk: clean, then the pre-tokenizer pattern
    for (const auto& [chunk, special] : chunks) {
        if (special) {
            out.push_back({chunk, true, false});
            continue;
        }
        const std::u32string s = decodeUtf8(clean(chunk));
        static const std::u32string kSot = U"<|startoftext|>", kEot = U"<|endoftext|>";
        static const char32_t* kContractions[] = {U"'s", U"'t", U"'re", U"'ve", U"'m", U"'ll", U"'d"};
        for (size_t i = 0; i < s.size();) {
            const char32_t c = s[i];
            size_t len = 0;
            bool isWord = false;
            if (s.compare(i, kSot.size(), kSot) == 0) len = kSot.size();
            else if (s.compare(i, kEot.size(), kEot) == 0) len = kEot.size();
            if (!len && c == U'\'') {
                for (const char32_t* k : kContractions) {
                    const std::u32string ks(k);
                    if (s.compare(i, ks.size(), ks) == 0) {
                        len = ks.size();
                        break;
                    }
                }
            }
            if (!len && isLetter(c)) {
                size_t j = i;
                while (j < s.size() && isLetter(s[j])) ++j;
                len = j - i;
                isWord = true;
            }
            if (!len && isNumber(c)) {
                len = 1;
                isWord = true;
            }
            if (!len && !isSpace(c)) {
                size_t j = i;
                while (j < s.size() && !isSpace(s[j]) && !isLetter(s[j]) && !isNumber(s[j])) ++j;
                len = j - i;
            }
            if (!len) {  // whitespace: not part of any piece
                ++i;
                continue;
            }
            out.push_back({encodeUtf8(s.substr(i, len)), false, isWord});
            i += len;
        }
    }
    return out;
}

void ClipTokenizer::bpe(const std::string& piece, std::vector<int>* ids, std::vector<std::string>* toks) const {
    if (piece == "<|startoftext|>" || piece == "<|endoftext|>") {  // pre-seeded in the reference's cache
        ids->push_back(piece[2] == 's' ? bos_ : eos_);
        if (toks) toks->push_back(piece);
        return;
    }
    {
        std::lock_guard<std::mutex> lock(cacheMutex_);
        const auto it = cache_.find(piece);
        if (it != cache_.end()) {
            for (int id : it->second) {
                ids->push_back(id);
                if (toks) toks->push_back(idToToken_[static_cast<size_t>(id)]);
            }
            return;
        }
    }
    std::vector<std::string> word;
    for (unsigned char b : piece) word.push_back(byteEncoder_[b]);
    if (word.empty()) return;
    word.back() += "</w>";
    while (word.size() > 1) {
        int best = INT_MAX;
        size_t bestAt = 0;
        for (size_t k = 0; k + 1 < word.size(); ++k) {
            const auto it = mergeRank_.find(word[k] + " " + word[k + 1]);
            if (it != mergeRank_.end() && it->second < best) {
                best = it->second;
                bestAt = k;
            }
        }
        if (best == INT_MAX) break;
        const std::string first = word[bestAt], second = word[bestAt + 1];
        std::vector<std::string> merged;
        merged.reserve(word.size());
        for (size_t k = 0; k < word.size();) {
            if (k + 1 < word.size() && word[k] == first && word[k + 1] == second) {
                merged.push_back(first + second);
                k += 2;
            } else {
                merged.push_back(word[k++]);
            }
        }
        word.swap(merged);
    }
    std::vector<int> out;
    for (const std::string& w : word) {
        const auto it = vocab_.find(w);
        out.push_back(it == vocab_.end() ? eos_ : it->second);  // unk = eos, as the reference
    }
    for (int id : out) {
        ids->push_back(id);
        if (toks) toks->push_back(idToToken_[static_cast<size_t>(id)]);
    }
    std::lock_guard<std::mutex> lock(cacheMutex_);
    if (cache_.size() > 100000) cache_.clear();
    cache_.emplace(piece, std::move(out));
}

ClipTokenizer::Result ClipTokenizer::encode(const std::string& text, int maxLength) const {
    Result r;
    std::vector<int> ids;
    std::vector<std::string> toks;
    for (const Piece& p : pieces(text)) {
        if (p.special) {
            ids.push_back(p.text == "!" ? pad_ : p.text == "<|startoftext|>" ? bos_ : eos_);
            toks.push_back(p.text);
        } else {
            bpe(p.text, &ids, &toks);
        }
    }
    maxLength = std::max(2, maxLength);
    r.fullLength = static_cast<int>(ids.size()) + 2;
    const size_t keep = std::min(ids.size(), static_cast<size_t>(maxLength - 2));
    r.truncated = keep < ids.size();
    r.ids.reserve(static_cast<size_t>(maxLength));
    r.ids.push_back(bos_);
    for (size_t k = 0; k < keep; ++k) r.ids.push_back(ids[k]);
    r.ids.push_back(eos_);
    r.length = static_cast<int>(r.ids.size());
    r.ids.resize(static_cast<size_t>(maxLength), pad_);
    r.tokens.assign(toks.begin(), toks.begin() + static_cast<long>(keep));
    return r;
}

std::vector<ClipTokenizer::Word> ClipTokenizer::words(const std::string& text, int maxLength) const {
    std::vector<Word> out;
    int pos = 1;
    const int lastAllowed = std::max(2, maxLength) - 2;
    for (const Piece& p : pieces(text)) {
        std::vector<int> ids;
        if (p.special) ids.push_back(0);
        else bpe(p.text, &ids, nullptr);
        if (ids.empty()) continue;
        if (pos > lastAllowed) break;
        Word w;
        w.text = p.text;
        w.firstToken = pos;
        w.lastToken = std::min(pos + static_cast<int>(ids.size()) - 1, lastAllowed);
        w.isWord = p.isWord;
        out.push_back(w);
        pos += static_cast<int>(ids.size());
    }
    return out;
}

}  // namespace cxr::text
