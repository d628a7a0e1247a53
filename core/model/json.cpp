#include "model/json.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <set>

namespace cxr::json {

const Value* Value::find(const std::string& key) const {
    if (type_ != Type::Object) return nullptr;
    for (const auto& m : obj_)
        if (m.first == key) return &m.second;
    return nullptr;
}

const char* Value::typeName(Type t) {
    switch (t) {
    case Type::Null: return "null";
    case Type::Bool: return "boolean";
    case Type::Number: return "number";
    case Type::String: return "string";
    case Type::Array: return "array";
    case Type::Object: return "object";
    }
    return "?";
}

Value Value::boolean(bool b) {
    Value v;
    v.type_ = Type::Bool;
    v.b_ = b;
    return v;
}
Value Value::number(double x) {
    if (!std::isfinite(x)) return Value();
    Value v;
    v.type_ = Type::Number;
    v.num_ = x;
    if (x == std::floor(x) && std::fabs(x) < 9.0e15) {
        v.isInt_ = false;  // written as a double that happens to be whole; reads back equal
        v.int_ = static_cast<int64_t>(x);
    }
    return v;
}
Value Value::integer(int64_t i) {
    Value v;
    v.type_ = Type::Number;
    v.isInt_ = true;
    v.int_ = i;
    v.num_ = static_cast<double>(i);
    return v;
}
Value Value::string(std::string s) {
    Value v;
    v.type_ = Type::String;
    v.str_ = std::move(s);
    return v;
}
Value Value::array() {
    Value v;
    v.type_ = Type::Array;
    return v;
}
Value Value::object() {
    Value v;
    v.type_ = Type::Object;
    return v;
}
Value& Value::set(const std::string& key, Value v) {
    type_ = Type::Object;
    for (auto& m : obj_)
        if (m.first == key) {
            m.second = std::move(v);
            return *this;
        }
    obj_.emplace_back(key, std::move(v));
    return *this;
}
Value& Value::push(Value v) {
    type_ = Type::Array;
    arr_.push_back(std::move(v));
    return *this;
}
double Value::toNumber() const { return type_ == Type::Number ? num_ : std::nan(""); }
double Value::numberAt(const std::string& key) const {
    const Value* v = find(key);
    return v ? v->toNumber() : std::nan("");
}
std::string Value::stringAt(const std::string& key) const {
    const Value* v = find(key);
    return v && v->isString() ? v->str_ : std::string();
}

bool Value::operator==(const Value& o) const {
    if (type_ != o.type_) return false;
    switch (type_) {
    case Type::Null: return true;
    case Type::Bool: return b_ == o.b_;
    case Type::Number: return num_ == o.num_;
    case Type::String: return str_ == o.str_;
    case Type::Array: return arr_ == o.arr_;
    case Type::Object: return obj_ == o.obj_;
    }
    return false;
}

namespace {

void writeString(std::string& out, const std::string& s) {
    out += '"';
    for (unsigned char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += static_cast<char>(c);  // UTF-8 passes through
            }
        }
    }
    out += '"';
}

void writeNumber(std::string& out, double v) {
    char buf[40];
    for (int precision = 15; precision <= 17; ++precision) {  // the shortest that reads back exactly
        std::snprintf(buf, sizeof buf, "%.*g", precision, v);
        if (std::strtod(buf, nullptr) == v) break;
    }
    out += buf;
}

}  // namespace

static void dumpValue(const Value& v, std::string& out, int indent, int level) {
    auto newline = [&](int l) {
        if (indent < 0) return;
        out += '\n';
        out.append(size_t(indent) * size_t(l), ' ');
    };
    switch (v.type()) {
    case Value::Type::Null: out += "null"; break;
    case Value::Type::Bool: out += v.asBool() ? "true" : "false"; break;
    case Value::Type::Number:
        if (v.isInteger()) out += std::to_string(v.asInt());
        else writeNumber(out, v.asDouble());
        break;
    case Value::Type::String: writeString(out, v.asString()); break;
    case Value::Type::Array: {
        if (v.items().empty()) { out += "[]"; break; }
        out += '[';
        bool first = true;
        for (const Value& x : v.items()) {
            if (!first) out += indent < 0 ? "," : ",";
            first = false;
            newline(level + 1);
            dumpValue(x, out, indent, level + 1);
        }
        newline(level);
        out += ']';
        break;
    }
    case Value::Type::Object: {
        if (v.members().empty()) { out += "{}"; break; }
        out += '{';
        bool first = true;
        for (const auto& m : v.members()) {
            if (!first) out += ',';
            first = false;
            newline(level + 1);
            writeString(out, m.first);
            out += indent < 0 ? ":" : ": ";
            dumpValue(m.second, out, indent, level + 1);
        }
        newline(level);
        out += '}';
        break;
    }
    }
}

std::string Value::dump(int indent) const {
    std::string out;
    dumpValue(*this, out, indent, 0);
    return out;
}

class Parser {
public:
    Parser(const char* d, size_t n, int maxDepth) : p_(d), n_(n), maxDepth_(maxDepth) {}

    bool run(Value* out, std::string* err) {
        skipWs();
        if (!value(out, 0)) { if (err) *err = err_; return false; }
        skipWs();
        if (i_ != n_) {
            fail("unexpected data after the JSON value");
            if (err) *err = err_;
            return false;
        }
        return true;
    }

private:
    const char* p_;
    size_t n_;
    size_t i_ = 0;
    int maxDepth_;
    std::string err_;

    bool fail(const std::string& m) {
        if (err_.empty()) err_ = "JSON error at byte " + std::to_string(i_) + ": " + m;
        return false;
    }
    void skipWs() {
        while (i_ < n_ && (p_[i_] == ' ' || p_[i_] == '\t' || p_[i_] == '\n' || p_[i_] == '\r')) ++i_;
    }
    bool literal(const char* word) {
        size_t l = std::strlen(word);
        if (n_ - i_ < l || std::memcmp(p_ + i_, word, l) != 0) return fail("invalid literal");
        i_ += l;
        return true;
    }

    bool value(Value* v, int depth) {
        if (depth > maxDepth_) return fail("nesting deeper than " + std::to_string(maxDepth_));
        if (i_ >= n_) return fail("unexpected end of text");
        char c = p_[i_];
        switch (c) {
        case '{': return object(v, depth);
        case '[': return array(v, depth);
        case '"': v->type_ = Value::Type::String; return string(&v->str_);
        case 't': v->type_ = Value::Type::Bool; v->b_ = true; return literal("true");
        case 'f': v->type_ = Value::Type::Bool; v->b_ = false; return literal("false");
        case 'n': v->type_ = Value::Type::Null; return literal("null");
        default:
            if (c == '-' || (c >= '0' && c <= '9')) return number(v);
            return fail(std::string("unexpected character '") + (c >= 32 && c < 127 ? std::string(1, c) : "?") + "'");
        }
    }

    bool object(Value* v, int depth) {
        v->type_ = Value::Type::Object;
        ++i_;
        skipWs();
        if (i_ < n_ && p_[i_] == '}') { ++i_; return true; }
        std::set<std::string> seen;
        for (;;) {
            skipWs();
            if (i_ >= n_ || p_[i_] != '"') return fail("expected a member name");
            std::string key;
            if (!string(&key)) return false;
            if (!seen.insert(key).second) return fail("duplicate member name \"" + key + "\"");
            skipWs();
            if (i_ >= n_ || p_[i_] != ':') return fail("expected ':'");
            ++i_;
            skipWs();
            v->obj_.emplace_back(std::move(key), Value());
            if (!value(&v->obj_.back().second, depth + 1)) return false;
            skipWs();
            if (i_ >= n_) return fail("unexpected end of text in object");
            if (p_[i_] == ',') { ++i_; continue; }
            if (p_[i_] == '}') { ++i_; return true; }
            return fail("expected ',' or '}'");
        }
    }

    bool array(Value* v, int depth) {
        v->type_ = Value::Type::Array;
        ++i_;
        skipWs();
        if (i_ < n_ && p_[i_] == ']') { ++i_; return true; }
        for (;;) {
            skipWs();
            v->arr_.emplace_back();
            if (!value(&v->arr_.back(), depth + 1)) return false;
            skipWs();
            if (i_ >= n_) return fail("unexpected end of text in array");
            if (p_[i_] == ',') { ++i_; continue; }
            if (p_[i_] == ']') { ++i_; return true; }
            return fail("expected ',' or ']'");
        }
    }

    static void putUtf8(std::string* s, uint32_t cp) {
        if (cp < 0x80) s->push_back(char(cp));
        else if (cp < 0x800) { s->push_back(char(0xC0 | (cp >> 6))); s->push_back(char(0x80 | (cp & 0x3F))); }
        else if (cp < 0x10000) {
            s->push_back(char(0xE0 | (cp >> 12)));
            s->push_back(char(0x80 | ((cp >> 6) & 0x3F)));
            s->push_back(char(0x80 | (cp & 0x3F)));
        } else {
            s->push_back(char(0xF0 | (cp >> 18)));
            s->push_back(char(0x80 | ((cp >> 12) & 0x3F)));
            s->push_back(char(0x80 | ((cp >> 6) & 0x3F)));
            s->push_back(char(0x80 | (cp & 0x3F)));
        }
    }
    bool hex4(uint32_t* out) {
        if (n_ - i_ < 4) return fail("truncated \\u escape");
        uint32_t v = 0;
        for (int k = 0; k < 4; ++k) {
            char c = p_[i_++];
            v <<= 4;
            if (c >= '0' && c <= '9') v |= uint32_t(c - '0');
            else if (c >= 'a' && c <= 'f') v |= uint32_t(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') v |= uint32_t(c - 'A' + 10);
            else return fail("invalid \\u escape");
        }
        *out = v;
        return true;
    }

    bool string(std::string* s) {
        ++i_; // opening quote
        for (;;) {
            if (i_ >= n_) return fail("unterminated string");
            unsigned char c = static_cast<unsigned char>(p_[i_]);
            if (c == '"') { ++i_; return true; }
            if (c < 0x20) return fail("control character in string");
            if (c != '\\') { s->push_back(char(c)); ++i_; continue; }
            ++i_;
            if (i_ >= n_) return fail("unterminated escape");
            char e = p_[i_++];
            switch (e) {
            case '"': s->push_back('"'); break;
            case '\\': s->push_back('\\'); break;
            case '/': s->push_back('/'); break;
            case 'b': s->push_back('\b'); break;
            case 'f': s->push_back('\f'); break;
            case 'n': s->push_back('\n'); break;
            case 'r': s->push_back('\r'); break;
            case 't': s->push_back('\t'); break;
            case 'u': {
                uint32_t cp = 0;
                if (!hex4(&cp)) return false;
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    uint32_t lo = 0;
                    if (n_ - i_ < 2 || p_[i_] != '\\' || p_[i_ + 1] != 'u') return fail("unpaired surrogate");
                    i_ += 2;
                    if (!hex4(&lo)) return false;
                    if (lo < 0xDC00 || lo > 0xDFFF) return fail("unpaired surrogate");
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    return fail("unpaired surrogate");
                }
                putUtf8(s, cp);
                break;
            }
            default: return fail("invalid escape");
            }
        }
    }

    bool number(Value* v) {
        size_t start = i_;
        bool isInt = true;
        if (p_[i_] == '-') ++i_;
        if (i_ >= n_) return fail("truncated number");
        if (p_[i_] == '0') ++i_;
        else if (p_[i_] >= '1' && p_[i_] <= '9') { while (i_ < n_ && p_[i_] >= '0' && p_[i_] <= '9') ++i_; }
        else return fail("invalid number");
        if (i_ < n_ && p_[i_] == '.') {
            isInt = false;
            ++i_;
            if (i_ >= n_ || !(p_[i_] >= '0' && p_[i_] <= '9')) return fail("invalid number");
            while (i_ < n_ && p_[i_] >= '0' && p_[i_] <= '9') ++i_;
        }
        if (i_ < n_ && (p_[i_] == 'e' || p_[i_] == 'E')) {
            isInt = false;
            ++i_;
            if (i_ < n_ && (p_[i_] == '+' || p_[i_] == '-')) ++i_;
            if (i_ >= n_ || !(p_[i_] >= '0' && p_[i_] <= '9')) return fail("invalid number");
            while (i_ < n_ && p_[i_] >= '0' && p_[i_] <= '9') ++i_;
        }
        std::string text(p_ + start, i_ - start);
        v->type_ = Value::Type::Number;
        v->num_ = std::strtod(text.c_str(), nullptr);
        if (isInt) {
            errno = 0;
            long long ll = std::strtoll(text.c_str(), nullptr, 10);
            if (errno == 0) { v->isInt_ = true; v->int_ = ll; }
        }
        return true;
    }
};

bool parse(const char* data, size_t size, Value* out, std::string* error, int maxDepth) {
    *out = Value();
    Parser p(data, size, maxDepth);
    return p.run(out, error);
}

} // namespace cxr::json
