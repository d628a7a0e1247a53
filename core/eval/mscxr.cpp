#include "eval/mscxr.h"

#include "grounding/crop.h"

#include <algorithm>
#include <cctype>
#include <climits>
#include <fstream>
#include <iterator>
#include <map>
#include <unordered_map>

namespace cxr::eval {

namespace {

// Column names of the release files.
const char* const kDicomId = "dicom_id";
const char* const kCategory = "category_name";
const char* const kLabel = "label_text";
const char* const kPath = "path";
const char* const kX = "x";
const char* const kY = "y";
const char* const kW = "w";
const char* const kH = "h";
const char* const kImageWidth = "image_width";
const char* const kImageHeight = "image_height";
const char* const kSplit = "split";

std::string trimmed(const std::string& s) {
    const auto isSpace = [](char c) { return c == ' ' || c == '\t'; };
    size_t b = 0, e = s.size();
    while (b < e && isSpace(s[b])) ++b;
    while (e > b && isSpace(s[e - 1])) --e;
    return s.substr(b, e - b);
}

// A value as shown in messages: quoted, line breaks escaped, long values shortened.
std::string shown(const std::string& value) {
    std::string out = "\"";
    size_t n = 0;
    for (char c : value) {
        if (++n > 80) {
            out += "...";
            break;
        }
        if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else out += c;
    }
    return out + "\"";
}

[[noreturn]] void fail(const std::string& file, int line, const std::string& column, const std::string& text) {
    std::string message = file + ":" + std::to_string(line) + ": ";
    if (!column.empty()) message += "column \"" + column + "\": ";
    message += text;
    throw MsCxrError(message, line, column);
}

struct Record {
    std::vector<std::string> fields;
    std::vector<int> fieldLines;  // line on which each field starts
    int line = 0;                 // line on which the record starts
    bool blank = false;           // an empty line (one empty, unquoted field)
};

// RFC 4180 record reader over the whole file content.
class CsvReader {
public:
    CsvReader(std::string text, const std::string& file) : s_(std::move(text)), file_(file) {
        if (s_.compare(0, 3, "\xEF\xBB\xBF") == 0) pos_ = 3;  // UTF-8 BOM
    }

    // Column names for messages once the header is known.
    void setColumnNames(const std::vector<std::string>* names) { names_ = names; }

    bool next(Record& rec) {
        if (pos_ >= s_.size()) return false;
        rec.fields.clear();
        rec.fieldLines.clear();
        rec.line = line_;
        bool anyQuoted = false;
        for (;;) {
            std::string field;
            const int fieldLine = line_;
            if (pos_ < s_.size() && s_[pos_] == '"') {
                anyQuoted = true;
                ++pos_;
                for (;;) {
                    if (pos_ >= s_.size())
                        fail(file_, fieldLine, columnName(rec.fields.size()),
                             "unterminated quoted field at end of file (starts with " + shown(field) + ")");
                    const char c = s_[pos_];
                    if (c == '"') {
                        if (pos_ + 1 < s_.size() && s_[pos_ + 1] == '"') {
                            field += '"';
                            pos_ += 2;
                            continue;
                        }
                        ++pos_;
                        break;
                    }
                    if (c == '\r' || c == '\n') {  // a line break inside the field: kept as "\n"
                        pos_ += (c == '\r' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '\n') ? 2 : 1;
                        field += '\n';
                        ++line_;
                        continue;
                    }
                    field += c;
                    ++pos_;
                }
                if (pos_ < s_.size() && s_[pos_] != ',' && s_[pos_] != '\r' && s_[pos_] != '\n')
                    fail(file_, line_, columnName(rec.fields.size()),
                         "unexpected character '" + std::string(1, s_[pos_]) + "' after the closing quote of " +
                             shown(field));
            } else {
                const size_t end = s_.find_first_of(",\r\n", pos_);
                const size_t stop = end == std::string::npos ? s_.size() : end;
                field.assign(s_, pos_, stop - pos_);
                pos_ = stop;
            }
            rec.fields.push_back(std::move(field));
            rec.fieldLines.push_back(fieldLine);
            if (pos_ < s_.size() && s_[pos_] == ',') {
                ++pos_;
                continue;
            }
            // End of record: line break or end of file.
            if (pos_ < s_.size()) {
                pos_ += (s_[pos_] == '\r' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '\n') ? 2 : 1;
                ++line_;
            }
            break;
        }
        rec.blank = !anyQuoted && rec.fields.size() == 1 && rec.fields[0].empty();
        return true;
    }

private:
    std::string columnName(size_t index) const {
        return names_ && index < names_->size() ? (*names_)[index] : std::string();
    }

    std::string s_;
    const std::string& file_;
    size_t pos_ = 0;
    int line_ = 1;
    const std::vector<std::string>* names_ = nullptr;
};

// An integer field: "812", "-3", also integral floats such as "812.0" or "8.12e2" (COCO floats
// written as is). Parsed exactly and independent of the C locale; "12.5", "abc", "", "inf", "nan"
// and values outside int (such as "1e999") are errors.
int parseInteger(const std::string& raw, const std::string& file, int line, const std::string& column) {
    const std::string v = trimmed(raw);
    if (v.empty()) fail(file, line, column, "empty value, expected an integer");
    size_t i = 0;
    bool negative = false;
    if (v[i] == '+' || v[i] == '-') negative = v[i++] == '-';
    std::string digits;  // significant digits of integer and fraction part
    long long exponent = 0;
    size_t mantissaDigits = 0;
    while (i < v.size() && std::isdigit((unsigned char)v[i])) digits += v[i++], ++mantissaDigits;
    if (i < v.size() && v[i] == '.') {
        ++i;
        while (i < v.size() && std::isdigit((unsigned char)v[i])) digits += v[i++], ++mantissaDigits, --exponent;
    }
    if (mantissaDigits == 0) fail(file, line, column, "not a number: " + shown(raw));
    if (i < v.size() && (v[i] == 'e' || v[i] == 'E')) {
        ++i;
        bool expNegative = false;
        if (i < v.size() && (v[i] == '+' || v[i] == '-')) expNegative = v[i++] == '-';
        if (i >= v.size() || !std::isdigit((unsigned char)v[i])) fail(file, line, column, "not a number: " + shown(raw));
        long long e = 0;
        while (i < v.size() && std::isdigit((unsigned char)v[i])) e = std::min(e * 10 + (v[i++] - '0'), 1000000LL);
        exponent += expNegative ? -e : e;
    }
    if (i != v.size()) fail(file, line, column, "not a number: " + shown(raw));
    // value = digits * 10^exponent; normalise to no leading and no trailing zeros.
    const size_t firstNonZero = digits.find_first_not_of('0');
    if (firstNonZero == std::string::npos) return 0;
    digits.erase(0, firstNonZero);
    while (digits.back() == '0') digits.pop_back(), ++exponent;
    if (exponent < 0) fail(file, line, column, "not an integer: " + shown(raw));
    if (static_cast<long long>(digits.size()) + exponent > 10) fail(file, line, column, "number out of range: " + shown(raw));
    long long value = 0;
    for (char c : digits) value = value * 10 + (c - '0');
    for (long long k = 0; k < exponent; ++k) value *= 10;
    if (negative) value = -value;
    if (value < INT_MIN || value > INT_MAX) fail(file, line, column, "number out of range: " + shown(raw));
    return int(value);
}

using grounding::CentreCrop;

std::string cropText(int width, int height) {
    const CentreCrop c = CentreCrop::of(width, height);
    return "[" + std::to_string(c.left) + ", " + std::to_string(c.left + c.side) + ") x [" + std::to_string(c.top) +
           ", " + std::to_string(c.top + c.side) + ")";
}

std::string fileNameOf(const std::string& path) {
    const size_t slash = path.find_last_of("/\\");
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

const std::vector<std::string>& msCxrCategories() {
    static const std::vector<std::string> categories = {"Atelectasis",   "Cardiomegaly",     "Consolidation",
                                                        "Edema",         "Lung Opacity",     "Pleural Effusion",
                                                        "Pneumonia",     "Pneumothorax"};
    return categories;
}

bool boxIntersectsCentreCrop(const Box& box, int width, int height) {
    const CentreCrop c = CentreCrop::of(width, height);
    const long long x0 = std::max<long long>({box.x, 0, c.left});
    const long long y0 = std::max<long long>({box.y, 0, c.top});
    const long long x1 = std::min<long long>({(long long)box.x + box.w, width, (long long)c.left + c.side});
    const long long y1 = std::min<long long>({(long long)box.y + box.h, height, (long long)c.top + c.side});
    return x1 > x0 && y1 > y0;
}

MsCxrReadResult parseMsCxrCsv(std::istream& in, const std::string& name, const MsCxrOptions& options) {
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) fail(name, 0, "", "read error");
    CsvReader reader(std::move(text), name);

    // Header.
    Record rec;
    do {
        if (!reader.next(rec)) fail(name, 1, "", "empty file: no header line");
    } while (rec.blank);
    std::vector<std::string> header;
    std::map<std::string, size_t> index;
    for (size_t i = 0; i < rec.fields.size(); ++i) {
        header.push_back(trimmed(rec.fields[i]));
        if (header.back().empty()) continue;
        if (!index.emplace(header.back(), i).second)
            fail(name, rec.line, header.back(), "duplicate column in the header");
    }
    const std::vector<std::string> required = {kDicomId, kCategory, kLabel, kPath, kX, kY, kW, kH,
                                               kImageWidth, kImageHeight};
    std::string missing;
    for (const auto& column : required)
        if (!index.count(column)) missing += (missing.empty() ? "" : ", ") + column;
    if (!missing.empty()) {
        std::string found;
        for (const auto& h : header) found += (found.empty() ? "" : ", ") + h;
        fail(name, rec.line, "",
             "missing required column(s): " + missing + " (header has: " + found + "; expected " +
                 "dicom_id,category_name,label_text,path,x,y,w,h,image_width,image_height[,split])");
    }
    const bool hasSplit = index.count(kSplit) > 0;
    if (!options.split.empty() && !hasSplit)
        fail(name, rec.line, kSplit,
             "a split filter (\"" + options.split +
                 "\") was given but the file has no split column (MS-CXR v1.0.0 has no splits; v1.1.0 has)");
    reader.setColumnNames(&header);
    const auto col = [&](const char* c) { return index.at(c); };

    MsCxrReadResult result;
    std::vector<MsCxrSample> all;
    std::unordered_map<std::string, size_t> byKey;  // path + '\0' + label_text -> index in `all`
    std::vector<int> boxCount;                      // rows merged into each sample

    while (reader.next(rec)) {
        if (rec.blank) continue;
        ++result.rows;
        if (rec.fields.size() != header.size())
            fail(name, rec.line, "",
                 "expected " + std::to_string(header.size()) + " fields (as in the header), found " +
                     std::to_string(rec.fields.size()));
        const auto field = [&](const char* c) -> const std::string& { return rec.fields[col(c)]; };
        const auto lineOf = [&](const char* c) { return rec.fieldLines[col(c)]; };
        const auto integer = [&](const char* c) { return parseInteger(field(c), name, lineOf(c), c); };

        MsCxrSample row;
        row.firstLine = rec.line;
        row.dicomId = trimmed(field(kDicomId));
        row.category = trimmed(field(kCategory));
        row.labelText = field(kLabel);
        row.path = trimmed(field(kPath));
        if (hasSplit) row.split = trimmed(field(kSplit));

        if (row.dicomId.empty()) fail(name, lineOf(kDicomId), kDicomId, "empty value");
        if (row.path.empty()) fail(name, lineOf(kPath), kPath, "empty value");
        if (trimmed(row.labelText).empty())
            fail(name, lineOf(kLabel), kLabel, "empty phrase " + shown(row.labelText));
        const auto& cats = msCxrCategories();
        if (std::find(cats.begin(), cats.end(), row.category) == cats.end()) {
            std::string allowed;
            for (const auto& c : cats) allowed += (allowed.empty() ? "" : ", ") + c;
            fail(name, lineOf(kCategory), kCategory,
                 "unknown category " + shown(field(kCategory)) + " (allowed: " + allowed + ")");
        }

        Box box;
        box.x = integer(kX);
        box.y = integer(kY);
        box.w = integer(kW);
        box.h = integer(kH);
        row.imageWidth = integer(kImageWidth);
        row.imageHeight = integer(kImageHeight);
        if (box.w <= 0) fail(name, lineOf(kW), kW, "box width must be > 0, got " + shown(field(kW)));
        if (box.h <= 0) fail(name, lineOf(kH), kH, "box height must be > 0, got " + shown(field(kH)));
        if (row.imageWidth <= 0)
            fail(name, lineOf(kImageWidth), kImageWidth, "image width must be > 0, got " + shown(field(kImageWidth)));
        if (row.imageHeight <= 0)
            fail(name, lineOf(kImageHeight), kImageHeight,
                 "image height must be > 0, got " + shown(field(kImageHeight)));

        // Clip to the image; a box without any pixel in the image is an error.
        const long long x0 = std::max(0LL, (long long)box.x), y0 = std::max(0LL, (long long)box.y);
        const long long x1 = std::min((long long)row.imageWidth, (long long)box.x + box.w);
        const long long y1 = std::min((long long)row.imageHeight, (long long)box.y + box.h);
        if (x1 <= x0 || y1 <= y0) {
            const char* c = x1 <= x0 ? kX : kY;
            fail(name, lineOf(c), c,
                 "box (x=" + std::to_string(box.x) + ", y=" + std::to_string(box.y) + ", w=" + std::to_string(box.w) +
                     ", h=" + std::to_string(box.h) + ") lies completely outside the " +
                     std::to_string(row.imageWidth) + "x" + std::to_string(row.imageHeight) + " image");
        }
        box = Box{int(x0), int(y0), int(x1 - x0), int(y1 - y0)};

        if (!options.split.empty() && row.split != options.split) continue;

        const std::string key = row.path + '\0' + row.labelText;
        auto it = byKey.find(key);
        if (it == byKey.end()) {
            it = byKey.emplace(key, all.size()).first;
            all.push_back(row);
            boxCount.push_back(0);
        } else {
            const MsCxrSample& first = all[it->second];
            const auto conflict = [&](const char* c, const std::string& here, const std::string& there) {
                fail(name, rec.line, c,
                     "value " + shown(here) + " differs from " + shown(there) + " on line " +
                         std::to_string(first.firstLine) + ", a row of the same (path, label_text) sample");
            };
            if (row.dicomId != first.dicomId) conflict(kDicomId, row.dicomId, first.dicomId);
            if (row.category != first.category) conflict(kCategory, row.category, first.category);
            if (row.imageWidth != first.imageWidth)
                conflict(kImageWidth, std::to_string(row.imageWidth), std::to_string(first.imageWidth));
            if (row.imageHeight != first.imageHeight)
                conflict(kImageHeight, std::to_string(row.imageHeight), std::to_string(first.imageHeight));
            if (row.split != first.split) conflict(kSplit, row.split, first.split);
        }
        MsCxrSample& sample = all[it->second];
        ++boxCount[it->second];
        if (options.dropBoxesOutsideCrop && !boxIntersectsCentreCrop(box, row.imageWidth, row.imageHeight))
            ++sample.droppedBoxes;
        else
            sample.boxes.push_back(box);
    }

    for (size_t i = 0; i < all.size(); ++i) {
        MsCxrSample& s = all[i];
        result.droppedBoxes += s.droppedBoxes;
        if (!s.boxes.empty()) {
            result.samples.push_back(std::move(s));
            continue;
        }
        result.skipped.push_back(name + ":" + std::to_string(s.firstLine) + ": skipped " + shown(s.labelText) + " (" +
                                 s.category + ", " + s.dicomId + "): all " + std::to_string(boxCount[i]) +
                                 " box(es) lie outside the centre crop " + cropText(s.imageWidth, s.imageHeight) +
                                 " of the " + std::to_string(s.imageWidth) + "x" + std::to_string(s.imageHeight) +
                                 " image");
    }
    return result;
}

MsCxrReadResult readMsCxrCsv(const std::string& file, const MsCxrOptions& options) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw MsCxrError(file + ": cannot open the file", 0, "");
    return parseMsCxrCsv(in, file, options);
}

std::vector<const MsCxrSample*> samplesForImage(const MsCxrReadResult& result, const std::string& imageFilePath) {
    std::vector<const MsCxrSample*> out;
    const std::string fileName = fileNameOf(imageFilePath);
    if (fileName.empty()) return out;
    const size_t dot = fileName.find_last_of('.');
    const std::string stem = dot == std::string::npos || dot == 0 ? fileName : fileName.substr(0, dot);
    for (const MsCxrSample& s : result.samples)
        if (s.dicomId == stem || fileNameOf(s.path) == fileName) out.push_back(&s);
    return out;
}

}  // namespace cxr::eval
