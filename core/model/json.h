// Minimal, strict JSON reader and writer used by cxrweights (safetensors headers, bundle and HF
// configs) and cxreval (results.jsonl, summaries).
//
// Decision (see core/model/README.md): cxrweights does not depend on nlohmann_json, so that the
// engine-only build (CXRG_ENGINE_ONLY, GPU machines with only LibTorch) needs nothing beyond the
// C++ standard library. This parser is RFC 8259 compliant for what it accepts (objects, arrays,
// strings with all escapes incl. surrogate pairs, numbers, true/false/null), keeps object member
// order, rejects duplicate keys, and limits nesting depth. It is fuzzed through fuzz_safetensors.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace cxr::json {

class Value {
public:
    enum class Type { Null, Bool, Number, String, Array, Object };

    Value() = default;
    Type type() const { return type_; }
    bool isNull() const { return type_ == Type::Null; }
    bool isBool() const { return type_ == Type::Bool; }
    bool isNumber() const { return type_ == Type::Number; }
    bool isString() const { return type_ == Type::String; }
    bool isArray() const { return type_ == Type::Array; }
    bool isObject() const { return type_ == Type::Object; }
    // Number that was written without fraction/exponent and fits int64.
    bool isInteger() const { return type_ == Type::Number && isInt_; }

    bool asBool() const { return b_; }
    double asDouble() const { return num_; }
    int64_t asInt() const { return int_; }
    const std::string& asString() const { return str_; }
    const std::vector<Value>& items() const { return arr_; }
    // Object members in file order.
    const std::vector<std::pair<std::string, Value>>& members() const { return obj_; }
    // nullptr when absent or not an object.
    const Value* find(const std::string& key) const;

    static const char* typeName(Type t);

    // ---- building ----
    static Value null() { return Value(); }
    static Value boolean(bool b);
    static Value number(double v);        // non-finite numbers are written as null
    static Value integer(int64_t v);
    static Value string(std::string s);
    static Value array();
    static Value object();
    // Object: replaces the member `key` or appends it (keeps file order). Returns *this.
    Value& set(const std::string& key, Value v);
    // Array: appends. Returns *this.
    Value& push(Value v);
    // Numbers as double (integers too); NaN for null and other types.
    double toNumber() const;
    // The member as a number (NaN when absent or not a number) / as text ("" when not a string).
    double numberAt(const std::string& key) const;
    std::string stringAt(const std::string& key) const;

    // ---- writing ----
    // Compact (one line) when indent < 0, else pretty with `indent` spaces. Doubles are written
    // with the shortest form that reads back to the same value; NaN and Inf as null.
    std::string dump(int indent = -1) const;
    bool operator==(const Value& o) const;
    bool operator!=(const Value& o) const { return !(*this == o); }

private:
    friend class Parser;
    Type type_ = Type::Null;
    bool b_ = false;
    bool isInt_ = false;
    double num_ = 0;
    int64_t int_ = 0;
    std::string str_;
    std::vector<Value> arr_;
    std::vector<std::pair<std::string, Value>> obj_;
};

// Parses the whole text (trailing whitespace allowed, nothing else). On failure returns false and
// sets *error to a message with the byte offset.
bool parse(const char* data, size_t size, Value* out, std::string* error, int maxDepth = 64);
inline bool parse(const std::string& text, Value* out, std::string* error) {
    return parse(text.data(), text.size(), out, error);
}

} // namespace cxr::json
