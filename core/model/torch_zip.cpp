// PyTorch zip state-dict reader: ZIP (stored entries, ZIP64) + a restricted pickle machine.
// Nothing from the file is executed: the pickle is interpreted by a small stack machine that knows
// an allow-list of globals and builds plain records; any other global or opcode is an error.
#include "model/weights_internal.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <unordered_map>

namespace cxr::model::detail {

uint32_t crc32(const unsigned char* p, size_t n) {
    static uint32_t table[256];
    static bool init = [] {
        for (uint32_t i = 0; i < 256; ++i) {
            uint32_t c = i;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
        return true;
    }();
    (void)init;
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; ++i) c = table[(c ^ p[i]) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

namespace {

uint16_t rd16(const unsigned char* p) { return uint16_t(p[0] | (p[1] << 8)); }
uint32_t rd32(const unsigned char* p) { return uint32_t(p[0]) | (uint32_t(p[1]) << 8) | (uint32_t(p[2]) << 16) | (uint32_t(p[3]) << 24); }
uint64_t rd64(const unsigned char* p) { return uint64_t(rd32(p)) | (uint64_t(rd32(p + 4)) << 32); }

std::string printable(const std::string& s, size_t maxLen = 80) {
    std::string r;
    for (unsigned char c : s) {
        if (r.size() >= maxLen) { r += "..."; break; }
        if (c >= 32 && c < 127) r.push_back(char(c));
        else { static const char* hx = "0123456789abcdef"; r += "\\x"; r.push_back(hx[c >> 4]); r.push_back(hx[c & 15]); }
    }
    return r;
}

// ------------------------------------------------------------------------------------------ ZIP
struct ZipEntry {
    std::string name;
    uint64_t offset = 0; // data start
    uint64_t size = 0;
    uint32_t crc = 0;
};

bool parseZip(const unsigned char* p, uint64_t n, const std::string& what, std::vector<ZipEntry>* entries,
              std::string* error) {
    auto fail = [&](const std::string& m) {
        if (error) *error = what + ": invalid PyTorch zip checkpoint: " + m;
        return false;
    };
    if (n < 22) return fail("the file is only " + std::to_string(n) + " bytes (truncated?)");
    // End of central directory record: the last "PK\5\6" within the final 64 KiB + 22 bytes.
    uint64_t eocd = UINT64_MAX;
    const uint64_t lowest = n > 22 + 65535 ? n - 22 - 65535 : 0;
    for (uint64_t i = n - 22 + 1; i-- > lowest;) {
        if (p[i] == 'P' && p[i + 1] == 'K' && p[i + 2] == 5 && p[i + 3] == 6) { eocd = i; break; }
    }
    if (eocd == UINT64_MAX)
        return fail("no end-of-central-directory record found: the file is truncated or not a zip archive");
    uint64_t count = rd16(p + eocd + 10);
    uint64_t cdSize = rd32(p + eocd + 12);
    uint64_t cdOffset = rd32(p + eocd + 16);
    if (rd16(p + eocd + 4) != 0 || rd16(p + eocd + 6) != 0) return fail("multi-disk zip archives are not supported");
    // ZIP64 locator right before the EOCD (PyTorch always writes one).
    if (eocd >= 20 && rd32(p + eocd - 20) == 0x07064b50u) {
        uint64_t z64 = rd64(p + eocd - 20 + 8);
        if (z64 > n || n - z64 < 56 || rd32(p + z64) != 0x06064b50u)
            return fail("the ZIP64 end-of-central-directory record is missing or outside the file (truncated?)");
        count = rd64(p + z64 + 32);
        cdSize = rd64(p + z64 + 40);
        cdOffset = rd64(p + z64 + 48);
    } else if (count == 0xFFFF || cdSize == 0xFFFFFFFFu || cdOffset == 0xFFFFFFFFu) {
        return fail("ZIP64 sizes are flagged but the ZIP64 locator is missing");
    }
    if (cdOffset > n || cdSize > n - cdOffset)
        return fail("the central directory (offset " + std::to_string(cdOffset) + ", " + std::to_string(cdSize) +
                    " bytes) lies outside the " + std::to_string(n) + "-byte file (truncated?)");
    if (count > cdSize / 46) return fail("the central directory is too small for " + std::to_string(count) + " entries");
    entries->reserve(size_t(count));
    uint64_t pos = cdOffset;
    const uint64_t cdEnd = cdOffset + cdSize;
    std::unordered_map<std::string, size_t> seen;
    for (uint64_t k = 0; k < count; ++k) {
        if (cdEnd - pos < 46 || rd32(p + pos) != 0x02014b50u)
            return fail("central directory entry " + std::to_string(k) + " is corrupt");
        const unsigned char* h = p + pos;
        uint16_t flags = rd16(h + 8), method = rd16(h + 10);
        uint32_t crc = rd32(h + 16);
        uint64_t csize = rd32(h + 20), usize = rd32(h + 24);
        uint16_t nl = rd16(h + 28), el = rd16(h + 30), cl = rd16(h + 32);
        uint64_t local = rd32(h + 42);
        if (cdEnd - pos - 46 < uint64_t(nl) + el + cl)
            return fail("central directory entry " + std::to_string(k) + " runs past the directory");
        ZipEntry e;
        e.name.assign(reinterpret_cast<const char*>(h + 46), nl);
        // ZIP64 extended information extra field.
        const unsigned char* x = h + 46 + nl;
        for (uint32_t xi = 0; xi + 4 <= el;) {
            uint16_t id = rd16(x + xi), sz = rd16(x + xi + 2);
            if (xi + 4 + uint32_t(sz) > el) return fail("entry '" + printable(e.name) + "' has a corrupt extra field");
            if (id == 1) {
                const unsigned char* z = x + xi + 4;
                uint32_t left = sz;
                auto take = [&](uint64_t* v) {
                    if (*v != 0xFFFFFFFFu) return true;
                    if (left < 8) return false;
                    *v = rd64(z); z += 8; left -= 8;
                    return true;
                };
                if (!take(&usize) || !take(&csize) || !take(&local))
                    return fail("entry '" + printable(e.name) + "' has a short ZIP64 extra field");
            }
            xi += 4 + sz;
        }
        if (flags & 1) return fail("entry '" + printable(e.name) + "' is encrypted");
        if (method != 0)
            return fail("entry '" + printable(e.name) + "' is compressed (method " + std::to_string(method) +
                        (method == 8 ? " = deflate" : "") +
                        "); torch.save writes uncompressed (stored) entries - was the file re-zipped? "
                        "Unzip it and use the original file");
        if (csize != usize)
            return fail("entry '" + printable(e.name) + "' is stored but its compressed size " + std::to_string(csize) +
                        " differs from its size " + std::to_string(usize));
        if (local > n || n - local < 30 || rd32(p + local) != 0x04034b50u)
            return fail("the local header of entry '" + printable(e.name) + "' is missing (truncated file?)");
        uint64_t dataStart = local + 30 + rd16(p + local + 26) + rd16(p + local + 28);
        if (dataStart > n || usize > n - dataStart)
            return fail("entry '" + printable(e.name) + "' (" + std::to_string(usize) + " bytes at offset " +
                        std::to_string(dataStart) + ") runs past the end of the " + std::to_string(n) +
                        "-byte file (truncated?)");
        e.offset = dataStart;
        e.size = usize;
        e.crc = crc;
        if (!seen.emplace(e.name, entries->size()).second)
            return fail("entry '" + printable(e.name) + "' appears twice");
        entries->push_back(std::move(e));
        pos += 46 + uint64_t(nl) + el + cl;
    }
    return true;
}

// ------------------------------------------------------------------------------------------ pickle
enum class G { OrderedDict, RebuildTensorV2, RebuildParameter, Storage };

struct Obj {
    enum K { None, Bool, Int, Float, Str, Tuple, List, Dict, Global, Storage, Tensor } k = None;
    int64_t i = 0;
    double f = 0;
    std::string s;                 // Str; Global: "module.name"
    std::vector<Obj*> items;       // Tuple, List
    std::vector<std::pair<Obj*, Obj*>> dict;
    std::unordered_map<std::string, size_t> strKeys;
    G g = G::OrderedDict;          // Global
    DType dtype = DType::F32;      // Global(Storage), Storage, Tensor
    int64_t numel = 0;             // Storage
    Obj* storage = nullptr;        // Tensor
    int64_t offset = 0;            // Tensor
    std::vector<int64_t> shape, strides;
};

const char* kindName(Obj::K k) {
    switch (k) {
    case Obj::None: return "None";
    case Obj::Bool: return "bool";
    case Obj::Int: return "int";
    case Obj::Float: return "float";
    case Obj::Str: return "str";
    case Obj::Tuple: return "tuple";
    case Obj::List: return "list";
    case Obj::Dict: return "dict";
    case Obj::Global: return "global";
    case Obj::Storage: return "storage";
    case Obj::Tensor: return "tensor";
    }
    return "?";
}

struct StorageGlobal { const char* name; DType dtype; };
const StorageGlobal kStorages[] = {
    {"FloatStorage", DType::F32}, {"DoubleStorage", DType::F64}, {"HalfStorage", DType::F16},
    {"BFloat16Storage", DType::BF16}, {"LongStorage", DType::I64}, {"IntStorage", DType::I32},
    {"ShortStorage", DType::I16}, {"CharStorage", DType::I8}, {"ByteStorage", DType::U8},
    {"BoolStorage", DType::BOOL},
};

const char* kAllowed =
    "collections.OrderedDict, torch._utils._rebuild_tensor_v2, torch._utils._rebuild_parameter, "
    "torch.{Float,Double,Half,BFloat16,Long,Int,Short,Char,Byte,Bool}Storage";

const char* opcodeName(unsigned char op) {
    switch (op) {
    case 'i': return "INST"; case 'o': return "OBJ"; case 0x81: return "NEWOBJ"; case 0x92: return "NEWOBJ_EX";
    case 'P': return "PERSID"; case 'T': return "BINSTRING"; case 'U': return "SHORT_BINSTRING";
    case 'S': return "STRING"; case 'V': return "UNICODE"; case 'I': return "INT"; case 'L': return "LONG";
    case 'F': return "FLOAT"; case 'g': return "GET"; case 'p': return "PUT"; case 'B': return "BINBYTES";
    case 'C': return "SHORT_BINBYTES"; case 0x8e: return "BINBYTES8"; case 0x8b: return "LONG4";
    case 0x90: return "ADDITEMS"; case 0x91: return "FROZENSET"; case 0x8f: return "EMPTY_SET";
    case 0x96: return "BYTEARRAY8"; case 0x97: return "NEXT_BUFFER"; case 0x98: return "READONLY_BUFFER";
    case 0x82: return "EXT1"; case 0x83: return "EXT2"; case 0x84: return "EXT4";
    default: return nullptr;
    }
}

class Unpickler {
public:
    Unpickler(const unsigned char* p, size_t n, const std::string& what) : p_(p), n_(n), what_(what) {}

    Obj* run(std::string* error) {
        Obj* r = loop();
        if (!r && error) *error = err_;
        return r;
    }
    const std::map<std::string, Obj*>& storages() const { return storages_; }

private:
    const unsigned char* p_;
    size_t n_;
    size_t i_ = 0;
    size_t opPos_ = 0;
    std::string what_;
    std::string err_;
    std::vector<std::unique_ptr<Obj>> arena_;
    std::vector<Obj*> stack_;
    std::vector<size_t> marks_;
    std::unordered_map<uint32_t, Obj*> memo_;
    std::map<std::string, Obj*> storages_;
    static constexpr size_t kMaxObjects = 32u * 1024 * 1024;

    bool fail(const std::string& m) {
        if (err_.empty()) err_ = what_ + ": data.pkl: " + m + " (at byte " + std::to_string(opPos_) + ")";
        return false;
    }
    Obj* make(Obj::K k) {
        if (arena_.size() >= kMaxObjects) { fail("too many objects"); return nullptr; }
        arena_.push_back(std::make_unique<Obj>());
        arena_.back()->k = k;
        return arena_.back().get();
    }
    bool need(size_t k) {
        if (n_ - i_ < k) return fail("unexpected end of the pickle");
        return true;
    }
    bool push(Obj* o) {
        if (!o) return false;
        stack_.push_back(o);
        return true;
    }
    Obj* pop() {
        size_t floor = marks_.empty() ? 0 : marks_.back();
        if (stack_.size() <= floor) { fail("stack underflow"); return nullptr; }
        Obj* o = stack_.back();
        stack_.pop_back();
        return o;
    }
    Obj* top() {
        size_t floor = marks_.empty() ? 0 : marks_.back();
        if (stack_.size() <= floor) { fail("stack underflow"); return nullptr; }
        return stack_.back();
    }
    // Pops everything above the last MARK.
    bool popMark(std::vector<Obj*>* out) {
        if (marks_.empty()) return fail("no MARK on the stack");
        size_t m = marks_.back();
        marks_.pop_back();
        out->assign(stack_.begin() + ptrdiff_t(m), stack_.end());
        stack_.resize(m);
        return true;
    }
    bool readLine(std::string* s) {
        size_t start = i_;
        while (i_ < n_ && p_[i_] != '\n') {
            if (i_ - start > 256) return fail("over-long GLOBAL name");
            ++i_;
        }
        if (i_ >= n_) return fail("unexpected end of the pickle in GLOBAL");
        s->assign(reinterpret_cast<const char*>(p_ + start), i_ - start);
        ++i_;
        return true;
    }
    bool global(const std::string& mod, const std::string& name) {
        Obj* o = make(Obj::Global);
        if (!o) return false;
        o->s = mod + "." + name;
        if (mod == "collections" && name == "OrderedDict") o->g = G::OrderedDict;
        else if (mod == "torch._utils" && name == "_rebuild_tensor_v2") o->g = G::RebuildTensorV2;
        else if (mod == "torch._utils" && name == "_rebuild_parameter") o->g = G::RebuildParameter;
        else {
            bool found = false;
            if (mod == "torch")
                for (const auto& s : kStorages)
                    if (name == s.name) { o->g = G::Storage; o->dtype = s.dtype; found = true; }
            if (!found)
                return fail("the pickle refers to the global '" + printable(o->s) +
                            "', which a weights file must not contain (allowed: " + kAllowed +
                            "); the file was rejected and nothing in it was executed");
        }
        return push(o);
    }
    bool memoPut(uint32_t idx) {
        Obj* o = top();
        if (!o) return false;
        memo_[idx] = o;
        return true;
    }
    bool memoGet(uint32_t idx) {
        auto it = memo_.find(idx);
        if (it == memo_.end()) return fail("memo entry " + std::to_string(idx) + " is not defined");
        return push(it->second);
    }
    bool setItem(Obj* d, Obj* k, Obj* v) {
        if (d->k != Obj::Dict) return fail(std::string("SETITEM on a ") + kindName(d->k) + ", not a dict");
        if (k->k == Obj::Str) {
            auto it = d->strKeys.find(k->s);
            if (it != d->strKeys.end()) { d->dict[it->second].second = v; return true; }
            d->strKeys.emplace(k->s, d->dict.size());
        }
        d->dict.emplace_back(k, v);
        return true;
    }
    static bool intTuple(const Obj* t, std::vector<int64_t>* out) {
        if (t->k != Obj::Tuple) return false;
        for (const Obj* e : t->items) {
            if (e->k != Obj::Int) return false;
            out->push_back(e->i);
        }
        return true;
    }
    bool persistentLoad() {
        Obj* pid = pop();
        if (!pid) return false;
        if (pid->k != Obj::Tuple || pid->items.size() != 5 || pid->items[0]->k != Obj::Str ||
            pid->items[0]->s != "storage")
            return fail("BINPERSID: expected a ('storage', type, key, location, numel) tuple");
        const Obj* type = pid->items[1];
        const Obj* key = pid->items[2];
        const Obj* numel = pid->items[4];
        if (type->k != Obj::Global || type->g != G::Storage)
            return fail("BINPERSID: the storage type is not a torch.*Storage class");
        if (key->k != Obj::Str) return fail("BINPERSID: the storage key is not a string");
        if (numel->k != Obj::Int || numel->i < 0) return fail("BINPERSID: the storage size is not a non-negative integer");
        auto it = storages_.find(key->s);
        if (it != storages_.end()) {
            if (it->second->dtype != type->dtype || it->second->numel != numel->i)
                return fail("storage '" + printable(key->s) + "' is declared twice with different types or sizes");
            return push(it->second);
        }
        Obj* st = make(Obj::Storage);
        if (!st) return false;
        st->s = key->s;
        st->dtype = type->dtype;
        st->numel = numel->i;
        storages_[key->s] = st;
        return push(st);
    }
    bool reduce() {
        Obj* args = pop();
        if (!args) return false;
        Obj* fn = pop();
        if (!fn) return false;
        if (fn->k != Obj::Global) return fail(std::string("REDUCE called on a ") + kindName(fn->k));
        if (args->k != Obj::Tuple) return fail("REDUCE arguments are not a tuple");
        const auto& a = args->items;
        switch (fn->g) {
        case G::OrderedDict: {
            if (!a.empty()) return fail("collections.OrderedDict called with arguments");
            return push(make(Obj::Dict));
        }
        case G::RebuildTensorV2: {
            if (a.size() != 6 && a.size() != 7)
                return fail("_rebuild_tensor_v2 expects 6 or 7 arguments, got " + std::to_string(a.size()));
            if (a[0]->k != Obj::Storage) return fail("_rebuild_tensor_v2: the first argument is not a storage");
            if (a[1]->k != Obj::Int) return fail("_rebuild_tensor_v2: the storage offset is not an integer");
            Obj* t = make(Obj::Tensor);
            if (!t) return false;
            t->storage = a[0];
            t->dtype = a[0]->dtype;
            t->offset = a[1]->i;
            if (!intTuple(a[2], &t->shape) || !intTuple(a[3], &t->strides))
                return fail("_rebuild_tensor_v2: size and stride must be tuples of integers");
            if (t->shape.size() != t->strides.size())
                return fail("_rebuild_tensor_v2: size has " + std::to_string(t->shape.size()) + " dimensions but stride has " +
                            std::to_string(t->strides.size()));
            if (t->shape.size() > 64) return fail("_rebuild_tensor_v2: more than 64 dimensions");
            if (t->offset < 0) return fail("_rebuild_tensor_v2: negative storage offset");
            for (size_t d = 0; d < t->shape.size(); ++d)
                if (t->shape[d] < 0 || t->strides[d] < 0)
                    return fail("_rebuild_tensor_v2: negative size or stride");
            if (a[4]->k != Obj::Bool && a[4]->k != Obj::Int) return fail("_rebuild_tensor_v2: requires_grad is not a bool");
            if (a[5]->k != Obj::Dict && a[5]->k != Obj::None) return fail("_rebuild_tensor_v2: backward_hooks is not a dict");
            if (a[5]->k == Obj::Dict && !a[5]->dict.empty())
                return fail("_rebuild_tensor_v2: the tensor has backward hooks, which a weights file must not contain");
            return push(t);
        }
        case G::RebuildParameter: {
            if (a.size() != 3) return fail("_rebuild_parameter expects 3 arguments");
            if (a[0]->k != Obj::Tensor) return fail("_rebuild_parameter: the first argument is not a tensor");
            if (a[2]->k == Obj::Dict && !a[2]->dict.empty())
                return fail("_rebuild_parameter: the parameter has backward hooks, which a weights file must not contain");
            return push(a[0]);
        }
        case G::Storage:
            return fail("'" + fn->s + "' called directly (storages must come from persistent ids)");
        }
        return fail("internal error");
    }

    Obj* loop() {
        std::vector<Obj*> tmp;
        while (true) {
            if (i_ >= n_) { fail("the pickle ends without STOP"); return nullptr; }
            opPos_ = i_;
            unsigned char op = p_[i_++];
            bool ok = true;
            switch (op) {
            case 0x80: // PROTO
                if (!need(1)) return nullptr;
                if (p_[i_] > 5) ok = fail("unsupported pickle protocol " + std::to_string(p_[i_]));
                ++i_;
                break;
            case 0x95: // FRAME
                if (!need(8)) return nullptr;
                i_ += 8;
                break;
            case 'c': { // GLOBAL
                std::string mod, name;
                ok = readLine(&mod) && readLine(&name) && global(mod, name);
                break;
            }
            case 0x93: { // STACK_GLOBAL
                Obj* name = pop();
                Obj* mod = name ? pop() : nullptr;
                if (!mod) return nullptr;
                if (mod->k != Obj::Str || name->k != Obj::Str) ok = fail("STACK_GLOBAL needs two strings");
                else ok = global(mod->s, name->s);
                break;
            }
            case 'X': case 0x8c: case 0x8d: { // BINUNICODE, SHORT_BINUNICODE, BINUNICODE8
                size_t lb = op == 'X' ? 4 : op == 0x8c ? 1 : 8;
                if (!need(lb)) return nullptr;
                uint64_t len = lb == 4 ? rd32(p_ + i_) : lb == 1 ? p_[i_] : rd64(p_ + i_);
                i_ += lb;
                if (len > n_ - i_) { fail("string runs past the end of the pickle"); return nullptr; }
                Obj* o = make(Obj::Str);
                if (!o) return nullptr;
                o->s.assign(reinterpret_cast<const char*>(p_ + i_), size_t(len));
                i_ += size_t(len);
                ok = push(o);
                break;
            }
            case 'J': case 'K': case 'M': { // BININT, BININT1, BININT2
                size_t lb = op == 'J' ? 4 : op == 'K' ? 1 : 2;
                if (!need(lb)) return nullptr;
                Obj* o = make(Obj::Int);
                if (!o) return nullptr;
                o->i = lb == 4 ? int64_t(int32_t(rd32(p_ + i_))) : lb == 1 ? p_[i_] : rd16(p_ + i_);
                i_ += lb;
                ok = push(o);
                break;
            }
            case 0x8a: { // LONG1
                if (!need(1)) return nullptr;
                size_t len = p_[i_++];
                if (len > 8) { fail("integer of " + std::to_string(len) + " bytes is too large"); return nullptr; }
                if (!need(len)) return nullptr;
                uint64_t v = 0;
                for (size_t k = 0; k < len; ++k) v |= uint64_t(p_[i_ + k]) << (8 * k);
                if (len > 0 && len < 8 && (p_[i_ + len - 1] & 0x80)) v |= ~uint64_t(0) << (8 * len);
                i_ += len;
                Obj* o = make(Obj::Int);
                if (!o) return nullptr;
                o->i = int64_t(v);
                ok = push(o);
                break;
            }
            case 'G': { // BINFLOAT (big-endian)
                if (!need(8)) return nullptr;
                uint64_t v = 0;
                for (int k = 0; k < 8; ++k) v = (v << 8) | p_[i_ + k];
                i_ += 8;
                Obj* o = make(Obj::Float);
                if (!o) return nullptr;
                std::memcpy(&o->f, &v, 8);
                ok = push(o);
                break;
            }
            case 'N': ok = push(make(Obj::None)); break;
            case 0x88: case 0x89: { // NEWTRUE, NEWFALSE
                Obj* o = make(Obj::Bool);
                if (!o) return nullptr;
                o->i = op == 0x88;
                ok = push(o);
                break;
            }
            case '}': ok = push(make(Obj::Dict)); break;
            case ']': ok = push(make(Obj::List)); break;
            case ')': ok = push(make(Obj::Tuple)); break;
            case '(': marks_.push_back(stack_.size()); break;
            case 't': case 'l': { // TUPLE, LIST
                if (!popMark(&tmp)) return nullptr;
                Obj* o = make(op == 't' ? Obj::Tuple : Obj::List);
                if (!o) return nullptr;
                o->items = tmp;
                ok = push(o);
                break;
            }
            case 0x85: case 0x86: case 0x87: { // TUPLE1..3
                size_t cnt = size_t(op - 0x84);
                Obj* o = make(Obj::Tuple);
                if (!o) return nullptr;
                o->items.resize(cnt);
                for (size_t k = cnt; k-- > 0;) {
                    o->items[k] = pop();
                    if (!o->items[k]) return nullptr;
                }
                ok = push(o);
                break;
            }
            case 'd': { // DICT
                if (!popMark(&tmp)) return nullptr;
                if (tmp.size() % 2) { fail("DICT with an odd number of items"); return nullptr; }
                Obj* o = make(Obj::Dict);
                if (!o) return nullptr;
                for (size_t k = 0; k < tmp.size() && ok; k += 2) ok = setItem(o, tmp[k], tmp[k + 1]);
                ok = ok && push(o);
                break;
            }
            case 'a': { // APPEND
                Obj* v = pop();
                Obj* l = v ? top() : nullptr;
                if (!l) return nullptr;
                if (l->k != Obj::List) ok = fail(std::string("APPEND to a ") + kindName(l->k));
                else l->items.push_back(v);
                break;
            }
            case 'e': { // APPENDS
                if (!popMark(&tmp)) return nullptr;
                Obj* l = top();
                if (!l) return nullptr;
                if (l->k != Obj::List) ok = fail(std::string("APPENDS to a ") + kindName(l->k));
                else l->items.insert(l->items.end(), tmp.begin(), tmp.end());
                break;
            }
            case 's': { // SETITEM
                Obj* v = pop();
                Obj* k = v ? pop() : nullptr;
                Obj* d = k ? top() : nullptr;
                if (!d) return nullptr;
                ok = setItem(d, k, v);
                break;
            }
            case 'u': { // SETITEMS
                if (!popMark(&tmp)) return nullptr;
                if (tmp.size() % 2) { fail("SETITEMS with an odd number of items"); return nullptr; }
                Obj* d = top();
                if (!d) return nullptr;
                for (size_t k = 0; k < tmp.size() && ok; k += 2) ok = setItem(d, tmp[k], tmp[k + 1]);
                break;
            }
            case '0': ok = pop() != nullptr; break; // POP
            case '1': ok = popMark(&tmp); break;     // POP_MARK
            case '2': { Obj* o = top(); ok = o && push(o); break; } // DUP
            case 'q': if (!need(1)) return nullptr; ok = memoPut(p_[i_]); i_ += 1; break;
            case 'r': if (!need(4)) return nullptr; ok = memoPut(rd32(p_ + i_)); i_ += 4; break;
            case 0x94: ok = memoPut(uint32_t(memo_.size())); break; // MEMOIZE
            case 'h': if (!need(1)) return nullptr; ok = memoGet(p_[i_]); i_ += 1; break;
            case 'j': if (!need(4)) return nullptr; ok = memoGet(rd32(p_ + i_)); i_ += 4; break;
            case 'Q': ok = persistentLoad(); break; // BINPERSID
            case 'R': ok = reduce(); break;
            case 'b': { // BUILD: only the OrderedDict's `_metadata` attribute; ignored.
                Obj* state = pop();
                Obj* o = state ? top() : nullptr;
                if (!o) return nullptr;
                if (o->k != Obj::Dict) ok = fail(std::string("BUILD on a ") + kindName(o->k) + " (only the state dict's _metadata is allowed)");
                break;
            }
            case '.': { // STOP
                Obj* r = pop();
                if (!r) return nullptr;
                return r;
            }
            default: {
                const char* nm = opcodeName(op);
                static const char* hx = "0123456789abcdef";
                std::string code = std::string("0x") + hx[op >> 4] + hx[op & 15];
                if (op >= 32 && op < 127) code += std::string(" '") + char(op) + "'";
                fail(std::string("unsupported pickle opcode ") + code + (nm ? std::string(" (") + nm + ")" : std::string()) +
                     "; only the opcodes torch.save uses for a state dict are accepted");
                return nullptr;
            }
            }
            if (!ok) return nullptr;
        }
    }
};

} // namespace

bool readTorchZip(const unsigned char* p, uint64_t n, const std::string& what, ReadResult* out, std::string* error) {
    std::vector<ZipEntry> entries;
    if (!parseZip(p, n, what, &entries, error)) return false;
    auto fail = [&](const std::string& m) {
        if (error) *error = what + ": " + m;
        return false;
    };
    const ZipEntry* pkl = nullptr;
    for (const auto& e : entries) {
        const std::string suffix = "data.pkl";
        if (e.name.size() >= suffix.size() && e.name.compare(e.name.size() - suffix.size(), suffix.size(), suffix) == 0) {
            std::string pre = e.name.substr(0, e.name.size() - suffix.size());
            if (!(pre.empty() || (pre.back() == '/' && pre.find('/') == pre.size() - 1))) continue;
            if (pkl) return fail("the archive holds two data.pkl records ('" + printable(pkl->name) + "' and '" + printable(e.name) + "')");
            pkl = &e;
        }
    }
    if (!pkl) return fail("the zip archive has no <folder>/data.pkl: not a torch.save checkpoint");
    out->prefix = pkl->name.substr(0, pkl->name.size() - 8);
    if (!out->prefix.empty()) out->prefix.pop_back();
    const std::string base = out->prefix.empty() ? std::string() : out->prefix + "/";
    std::unordered_map<std::string, const ZipEntry*> byName;
    for (const auto& e : entries) byName[e.name] = &e;

    if (crc32(p + pkl->offset, size_t(pkl->size)) != pkl->crc)
        return fail("the CRC of '" + printable(pkl->name) + "' does not match (corrupt file)");
    auto bo = byName.find(base + "byteorder");
    bool big = false;
    if (bo != byName.end()) {
        std::string s(reinterpret_cast<const char*>(p + bo->second->offset), size_t(std::min<uint64_t>(bo->second->size, 16)));
        while (!s.empty() && (s.back() == '\n' || s.back() == ' ' || s.back() == '\r')) s.pop_back();
        if (s == "big") big = true;
        else if (s != "little") return fail("unknown byte order '" + printable(s) + "' in " + base + "byteorder");
        out->byteOrder = s;
    }

    Unpickler up(p + pkl->offset, size_t(pkl->size), what);
    std::string perr;
    Obj* root = up.run(&perr);
    if (!root) return fail(perr.substr(what.size() + 2));
    if (root->k != Obj::Dict)
        return fail(std::string("data.pkl holds a ") + kindName(root->k) + ", not a state dict (a dict of tensors)");

    // Storages: <prefix>/data/<key>, sized numel * itemsize.
    std::map<const Obj*, const unsigned char*> storageData;
    for (const auto& kv : up.storages()) {
        const Obj* st = kv.second;
        auto it = byName.find(base + "data/" + st->s);
        if (it == byName.end()) return fail("storage record '" + printable(base + "data/" + st->s) + "' is missing from the archive");
        uint64_t need;
        if (mulOverflow(uint64_t(st->numel), dtypeSize(st->dtype), &need)) return fail("storage '" + printable(st->s) + "' size overflows");
        if (it->second->size < need)
            return fail("storage record '" + printable(it->second->name) + "' has " + std::to_string(it->second->size) +
                        " bytes but the pickle declares " + std::to_string(st->numel) + " x " + dtypeName(st->dtype) +
                        " = " + std::to_string(need) + " bytes");
        const unsigned char* d = p + it->second->offset;
        if (big && dtypeSize(st->dtype) > 1 && need > 0) {
            const size_t is = dtypeSize(st->dtype);
            out->ownedStorages.emplace_back(d, d + need);
            auto& buf = out->ownedStorages.back();
            for (size_t k = 0; k < need; k += is) std::reverse(buf.begin() + ptrdiff_t(k), buf.begin() + ptrdiff_t(k + is));
            d = buf.data();
        }
        storageData[st] = d;
    }

    size_t idx = 0;
    for (const auto& kv : root->dict) {
        const Obj* k = kv.first;
        const Obj* v = kv.second;
        if (k->k != Obj::Str) return fail("state dict entry " + std::to_string(idx) + " has a " + kindName(k->k) + " key, not a string");
        if (v->k != Obj::Tensor)
            return fail("state dict entry '" + printable(k->s) + "' is a " + kindName(v->k) + ", not a tensor");
        const Obj* st = v->storage;
        TensorRecord r;
        r.name = k->s;
        r.dtype = v->dtype;
        r.shape = v->shape;
        r.strides = v->strides;
        r.storageOffset = v->offset;
        r.storageKey = st->s;
        // Extent: offset + sum((size-1)*stride) must be < storage numel (nothing when empty).
        uint64_t numel = 1, maxOff = uint64_t(v->offset);
        bool overflow = false;
        for (size_t d = 0; d < v->shape.size(); ++d) {
            overflow |= mulOverflow(numel, uint64_t(v->shape[d]), &numel);
        }
        if (!overflow && numel > 0) {
            for (size_t d = 0; d < v->shape.size(); ++d) {
                uint64_t t;
                overflow |= mulOverflow(uint64_t(v->shape[d] - 1), uint64_t(v->strides[d]), &t);
                overflow |= addOverflow(maxOff, t, &maxOff);
            }
        }
        if (overflow) return fail("tensor '" + printable(k->s) + "': size/stride arithmetic overflows");
        if (numel > 0 && maxOff >= uint64_t(st->numel))
            return fail("tensor '" + printable(k->s) + "' " + shapeToString(v->shape) + " (offset " + std::to_string(v->offset) +
                        ", strides " + shapeToString(v->strides) + ") needs " + std::to_string(maxOff + 1) +
                        " elements of storage '" + printable(st->s) + "', which has " + std::to_string(st->numel));
        const size_t is = dtypeSize(v->dtype);
        // A stride-0 (expanded) view can describe far more elements than its storage holds; a state
        // dict never needs that, so refuse sizes beyond 64x the file (guards the engine's copies).
        uint64_t logical;
        if (mulOverflow(numel, is, &logical) || logical > std::max<uint64_t>(64 * n, uint64_t(1) << 20))
            return fail("tensor '" + printable(k->s) + "' " + shapeToString(v->shape) +
                        " would expand to more than 64 times the file size through stride-0 views");
        r.data = storageData[st] + (numel > 0 ? size_t(v->offset) * is : 0);
        r.nbytes = numel > 0 ? size_t(maxOff + 1 - uint64_t(v->offset)) * is : 0;
        out->tensors.push_back(std::move(r));
        ++idx;
    }
    return true;
}

} // namespace cxr::model::detail
