// CLIP BPE tokenizer as the reference runs it (Hugging Face slow CLIPTokenizer with ftfy, the
// SD-2.1-base tokenizer files: pad "!" = id 0). C++ standard library only, so the engine builds
// where only LibTorch is available. Unicode tables: unicode_tables.inc (gen_unicode_tables.py).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace cxr::text {

class ClipTokenizer {
public:
    // Reads <dir>/vocab.json and <dir>/merges.txt. nullptr with a message naming the file and
    // the problem on failure.
    static std::unique_ptr<ClipTokenizer> load(const std::string& tokenizerDir, std::string* error);

    struct Result {
        std::vector<int64_t> ids;         // maxLength ids: bos, tokens, eos, padded with the pad id
        int length = 0;                   // unpadded length including bos and eos, after truncation
        bool truncated = false;           // the text had more than maxLength - 2 tokens
        int fullLength = 0;               // unpadded length without truncation
        std::vector<std::string> tokens;  // vocabulary strings of the kept tokens (no bos / eos)
    };
    Result encode(const std::string& utf8Text, int maxLength = 77) const;

    // The pre-tokenizer pieces of the text (words, single digits, punctuation runs, special
    // tokens) with the token positions each produced (1-based positions in ids, i.e. bos = 0),
    // limited to the kept tokens. For per-word heat maps.
    struct Word {
        std::string text;   // the cleaned piece (lower case)
        int firstToken = 0;
        int lastToken = 0;  // inclusive
        bool isWord = false;  // letters or digits (not punctuation or a special token)
    };
    std::vector<Word> words(const std::string& utf8Text, int maxLength = 77) const;

    int bosId() const { return bos_; }
    int eosId() const { return eos_; }
    int padId() const { return pad_; }
    size_t vocabularySize() const { return vocab_.size(); }

    // Text cleaning of the reference (ftfy fix_text subset + whitespace clean + lower case), on
    // one chunk between special tokens. Public for tests.
    static std::string clean(const std::string& utf8Text);

private:
    ClipTokenizer() = default;
    struct Piece {
        std::string text;
        bool special = false;  // a special token: id looked up directly
        bool isWord = false;
    };
    std::vector<Piece> pieces(const std::string& utf8Text) const;
    void bpe(const std::string& piece, std::vector<int>* ids, std::vector<std::string>* toks) const;

    std::unordered_map<std::string, int> vocab_;
    std::vector<std::string> idToToken_;
    std::unordered_map<std::string, int> mergeRank_;  // "a b" -> rank
    std::string byteEncoder_[256];
    int bos_ = 49406, eos_ = 49407, pad_ = 0;
    mutable std::mutex cacheMutex_;
    mutable std::unordered_map<std::string, std::vector<int>> cache_;
};

}  // namespace cxr::text
