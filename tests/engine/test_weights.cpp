// cxrweights readers: the fixture checkpoints load with every value intact (digests computed once
// by torch, see tests/data/weights/make_reference.py), views/strides/dtypes/byte order, and every
// kind of bad input fails with a message naming the problem.
#include "model/json.h"
#include "model/weights.h"
#include "weights_test_util.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <fstream>
#include <sstream>

using namespace cxr::model;
using namespace wtest;

namespace {

std::string data(const std::string& rel) { return std::string(CXRG_TEST_DATA "/") + rel; }

cxr::json::Value loadJson(const std::string& path) {
    cxr::json::Value v;
    std::string err;
    const Bytes text = readFile(path);
    if (!cxr::json::parse(text.data(), text.size(), &v, &err)) qFatal("%s: %s", path.c_str(), err.c_str());
    return v;
}

double elementAsDouble(const unsigned char* p, DType t) {
    switch (t) {
    case DType::F32: { float f; std::memcpy(&f, p, 4); return f; }
    case DType::F64: { double d; std::memcpy(&d, p, 8); return d; }
    case DType::F16: {
        uint16_t h; std::memcpy(&h, p, 2);
        const int e = (h >> 10) & 31, m = h & 1023;
        double v = e == 0 ? std::ldexp(m, -24) : e == 31 ? INFINITY : std::ldexp(1024 + m, e - 25);
        return (h & 0x8000) ? -v : v;
    }
    case DType::BF16: { uint16_t h; std::memcpy(&h, p, 2); uint32_t u = uint32_t(h) << 16; float f; std::memcpy(&f, &u, 4); return f; }
    case DType::I64: { int64_t v; std::memcpy(&v, p, 8); return double(v); }
    case DType::I32: { int32_t v; std::memcpy(&v, p, 4); return v; }
    case DType::I16: { int16_t v; std::memcpy(&v, p, 2); return v; }
    case DType::I8: return double(int8_t(*p));
    case DType::U8: case DType::BOOL: return *p;
    default: return NAN;
    }
}

// Compares every tensor of `f` with the digests written by torch: order, dtype, shape, CRC-32 of
// all bytes, float64 sum, first and last element.
void compareWithDigests(const WeightFile& f, const cxr::json::Value& ref) {
    QVERIFY(ref.isObject());
    QCOMPARE(f.tensors().size(), ref.members().size());
    size_t i = 0;
    for (const auto& m : ref.members()) {
        const TensorRecord& t = f.tensors()[i++];
        QCOMPARE(t.name, m.first);
        const auto& d = m.second;
        QCOMPARE(std::string(dtypeName(t.dtype)), d.find("dtype")->asString());
        std::vector<int64_t> shape;
        for (const auto& s : d.find("shape")->items()) shape.push_back(s.asInt());
        QCOMPARE(t.shape, shape);
        std::string bytes(size_t(t.numel()) * t.itemSize(), '\0');
        t.copyContiguous(bytes.data());
        if (crc32(bytes.data(), bytes.size()) != uint32_t(d.find("crc32")->asInt()))
            QFAIL(("CRC mismatch for tensor " + t.name).c_str());
        double sum = 0;
        const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
        for (int64_t k = 0; k < t.numel(); ++k) sum += elementAsDouble(p + size_t(k) * t.itemSize(), t.dtype);
        const double refSum = d.find("sum")->asDouble();
        if (std::fabs(sum - refSum) > 1e-9 * std::max(1.0, std::fabs(refSum)) + 1e-6)
            QFAIL(("sum mismatch for tensor " + t.name + ": " + std::to_string(sum) + " vs " + std::to_string(refSum)).c_str());
        if (t.numel() > 0) {
            QCOMPARE(elementAsDouble(p, t.dtype), d.find("first")->asDouble());
            QCOMPARE(elementAsDouble(p + size_t(t.numel() - 1) * t.itemSize(), t.dtype), d.find("last")->asDouble());
        }
    }
}

std::string openError(const Bytes& b) {
    std::string err;
    auto f = WeightFile::fromBuffer(b.data(), b.size(), &err, "test-input");
    if (f) return "(opened)";
    return err;
}

#define EXPECT_ERROR(bytes, ...)                                                                   \
    do {                                                                                            \
        const std::string e_ = openError(bytes);                                                    \
        for (const char* w_ : {__VA_ARGS__})                                                        \
            if (e_.find(w_) == std::string::npos)                                                   \
                QFAIL(("expected '" + std::string(w_) + "' in the error, got: " + e_).c_str());     \
    } while (0)

// A valid one-tensor torch zip: "w" = [1, 2, 3, 4] float.
Bytes goodPkl() {
    PTensor t;
    t.name = "w";
    t.shape = {4};
    t.storageKey = "0";
    t.storageNumel = 4;
    return pStateDict({t});
}
Bytes goodStorage() { return f32Bytes({1, 2, 3, 4}); }

} // namespace

class TestWeights : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fixtureCheckpointsMatchTorch() {
        const auto ref = loadJson(data("weights/model-small-digests.json"));
        for (const char* rel : {"models/autoencoder.pth", "models/diffusion_model.pth", "text_encoder/model.safetensors"}) {
            std::string err;
            auto f = WeightFile::open(data(std::string("model-small/") + rel), &err);
            QVERIFY2(f, err.c_str());
            const bool pth = std::string(rel).find(".pth") != std::string::npos;
            QCOMPARE(f->format(), pth ? WeightFile::Format::TorchZip : WeightFile::Format::Safetensors);
            if (pth) QCOMPARE(f->archivePrefix(), std::string(std::string(rel).find("autoencoder") != std::string::npos ? "autoencoder" : "diffusion_model"));
            compareWithDigests(*f, *ref.find(rel));
            if (QTest::currentTestFailed()) return;
            for (const auto& t : f->tensors()) QVERIFY(t.isContiguous());
        }
    }

    void positionIdsAndLookup() {
        std::string err;
        auto f = WeightFile::open(data("model-small/text_encoder/model.safetensors"), &err);
        QVERIFY2(f, err.c_str());
        const TensorRecord* p = f->find("text_model.embeddings.position_ids");
        QVERIFY(p);
        QCOMPARE(p->dtype, DType::I64);
        QCOMPARE(p->shape, (std::vector<int64_t>{1, 77}));
        const auto* ids = static_cast<const unsigned char*>(p->data);
        for (int k = 0; k < 77; ++k) QCOMPARE(elementAsDouble(ids + 8 * k, DType::I64), double(k));
        QVERIFY(!f->find("no.such.tensor"));
        QVERIFY(f->contains("text_model.final_layer_norm.weight"));
    }

    void tinySafetensorsAllDtypes() {
        // tests/data/weights/tiny.safetensors, written by make_reference.py with struct.pack.
        std::string err;
        auto f = WeightFile::open(data("weights/tiny.safetensors"), &err);
        QVERIFY2(f, err.c_str());
        QCOMPARE(f->tensors().size(), size_t(8));
        QCOMPARE(f->metadata().size(), size_t(1));
        auto at = [&](const char* name, int k) {
            const TensorRecord* t = f->find(name);
            return elementAsDouble(static_cast<const unsigned char*>(t->data) + size_t(k) * t->itemSize(), t->dtype);
        };
        QCOMPARE(at("a.f32", 5), 5.0);
        QCOMPARE(f->find("a.f32")->strides, (std::vector<int64_t>{3, 1}));
        QCOMPARE(at("b.i64", 3), -3.0);
        QCOMPARE(at("c.f16", 0), 0.5);
        QCOMPARE(at("c.f16", 1), -2.0);
        QCOMPARE(at("c.f16", 2), 65504.0);
        QCOMPARE(at("d.bf16", 0), 1.0);
        QCOMPARE(at("d.bf16", 1), -2.0);
        QCOMPARE(at("e.bool", 1), 0.0);
        QCOMPARE(f->find("f.u8")->shape, std::vector<int64_t>{});
        QCOMPARE(at("f.u8", 0), 7.0);
        QCOMPARE(f->find("g.empty")->numel(), int64_t(0));
        QCOMPARE(at("h.f64", 0), 3.25);
    }

    void viewsStridesAndDtypes() {
        const auto ref = loadJson(data("weights/views-digests.json"));
        for (const char* file : {"weights/views.pth", "weights/views_bigendian.pth"}) {
            std::string err;
            auto f = WeightFile::open(data(file), &err);
            QVERIFY2(f, err.c_str());
            QCOMPARE(f->byteOrder(), std::string(std::string(file).find("big") != std::string::npos ? "big" : "little"));
            compareWithDigests(*f, ref);
            if (QTest::currentTestFailed()) return;
            const TensorRecord* t = f->find("transposed");
            QCOMPARE(t->strides, (std::vector<int64_t>{1, 5}));
            QVERIFY(!t->isContiguous());
            QCOMPARE(t->nbytes, size_t(30 * 4));
            const TensorRecord* rv = f->find("row_view");
            const TensorRecord* sv = f->find("strided_view");
            QCOMPARE(rv->storageOffset, int64_t(7));
            QCOMPARE(rv->storageKey, sv->storageKey); // shared storage
            QVERIFY(rv->isContiguous());
            QCOMPARE(sv->strides, (std::vector<int64_t>{3}));
            QCOMPARE(f->find("narrow_cols")->storageOffset, int64_t(1));
            QCOMPARE(f->find("expanded")->strides, (std::vector<int64_t>{1, 0}));
            QCOMPARE(f->find("scalar")->shape, std::vector<int64_t>{});
            QCOMPARE(f->find("scalar")->numel(), int64_t(1));
            QCOMPARE(f->find("empty")->numel(), int64_t(0));
            QCOMPARE(f->find("empty")->nbytes, size_t(0));
            QCOMPARE(f->find("param")->shape, (std::vector<int64_t>{2, 3}));
        }
    }

    void fromBufferEqualsOpen() {
        const Bytes b = readFile(data("model-small/models/autoencoder.pth"));
        std::string err;
        auto a = WeightFile::fromBuffer(b.data(), b.size(), &err);
        QVERIFY2(a, err.c_str());
        auto o = WeightFile::open(data("model-small/models/autoencoder.pth"), &err);
        QVERIFY2(o, err.c_str());
        QCOMPARE(a->tensors().size(), o->tensors().size());
        for (size_t i = 0; i < a->tensors().size(); ++i) {
            const auto& x = a->tensors()[i];
            const auto& y = o->tensors()[i];
            QCOMPARE(x.name, y.name);
            QCOMPARE(x.nbytes, y.nbytes);
            QVERIFY(std::memcmp(x.data, y.data, x.nbytes) == 0);
        }
    }

    void writtenFilesRoundTrip() {
        // The test writers (used for the bad-input cases below) produce files the reader accepts.
        std::string err;
        const Bytes zb = makeTorchZip("archive", goodPkl(), {{"0", goodStorage()}});
        auto f = WeightFile::fromBuffer(zb.data(), zb.size(), &err);
        QVERIFY2(f, err.c_str());
        QCOMPARE(f->tensors().size(), size_t(1));
        QCOMPARE(elementAsDouble(static_cast<const unsigned char*>(f->tensors()[0].data) + 12, DType::F32), 4.0);
        Bytes noZip64 = makeTorchZip("x", goodPkl(), {{"0", goodStorage()}}, false);
        QVERIFY(WeightFile::fromBuffer(noZip64.data(), noZip64.size(), &err));
        // ZIP64 extra fields for sizes and offsets (what files > 4 GB carry).
        Bytes z64 = makeTorchZip("x", goodPkl(), {{"0", goodStorage()}}, true, true);
        auto fz = WeightFile::fromBuffer(z64.data(), z64.size(), &err);
        QVERIFY2(fz, err.c_str());
        QCOMPARE(elementAsDouble(static_cast<const unsigned char*>(fz->tensors()[0].data) + 4, DType::F32), 2.0);
        Bytes st = makeSafetensors({{"a", "F32", {2, 2}, f32Bytes({1, 2, 3, 4})}, {"b", "F32", {}, f32Bytes({5})}},
                                   "\"__metadata__\":{\"format\":\"pt\"}");
        auto s = WeightFile::fromBuffer(st.data(), st.size(), &err);
        QVERIFY2(s, err.c_str());
        QCOMPARE(s->tensors().size(), size_t(2));
        QCOMPARE(s->metadata().size(), size_t(1));
        QCOMPARE(s->find("b")->numel(), int64_t(1));
    }

    void rejectsLegacyCompressedAndForeignFiles() {
        std::string err;
        QVERIFY(!WeightFile::open(data("weights/compressed.pth"), &err));
        QVERIFY2(err.find("compressed") != std::string::npos && err.find("deflate") != std::string::npos, err.c_str());
        QVERIFY(!WeightFile::open(data("weights/legacy.pth"), &err));
        QVERIFY2(err.find("legacy") != std::string::npos, err.c_str());
        QVERIFY(!WeightFile::open(data("model-small/tokenizer/vocab.json"), &err));
        QVERIFY2(err.find("not a PyTorch zip checkpoint") != std::string::npos && err.find("safetensors") != std::string::npos, err.c_str());
        EXPECT_ERROR(Bytes("hello world, this is text"), "not a PyTorch zip checkpoint");
        EXPECT_ERROR(Bytes(), "empty file");
        QVERIFY(!WeightFile::open(data("weights/no-such-file.pth"), &err));
        QVERIFY2(err.find("cannot open") != std::string::npos, err.c_str());
        QVERIFY(!WeightFile::open(data("weights"), &err));
        QVERIFY2(err.find("not a regular file") != std::string::npos, err.c_str());
        // A zip without data.pkl.
        EXPECT_ERROR(makeZip({{"hello.txt", "hi"}}), "no <folder>/data.pkl");
    }

    void truncatedTorchZip() {
        const Bytes full = readFile(data("model-small/models/autoencoder.pth"));
        for (size_t keep : {full.size() - 1, full.size() - 30, full.size() - 200, full.size() / 2, size_t(100), size_t(10)}) {
            const std::string e = openError(full.substr(0, keep));
            QVERIFY2(e != "(opened)", std::to_string(keep).c_str());
            QVERIFY2(e.find("truncated") != std::string::npos, e.c_str());
        }
        // Central directory intact but a storage cut short: move the end records after a shortened body.
        std::string err;
        Bytes pkl = goodPkl();
        EXPECT_ERROR(makeTorchZip("archive", pkl, {{"0", f32Bytes({1, 2, 3})}}), "storage record 'archive/data/0' has 12 bytes",
                     "16 bytes");
        // Corrupt data.pkl (CRC mismatch).
        Bytes z = makeTorchZip("archive", pkl, {{"0", goodStorage()}});
        z[30 + std::string("archive/data.pkl").size() + 5] ^= 0x55;
        EXPECT_ERROR(z, "CRC");
    }

    void pickleForeignGlobalsAreRejected() {
        // posix.system('ls') as pickle would run it: GLOBAL + REDUCE.
        const Bytes evil = "\x80\x02" + pGlobal("posix", "system") + pStr("ls") + "\x85R.";
        EXPECT_ERROR(makeTorchZip("archive", evil, {}), "global 'posix.system'", "nothing in it was executed");
        const Bytes evil2 = "\x80\x02" + pGlobal("builtins", "eval") + pStr("1+1") + "\x85R.";
        EXPECT_ERROR(makeTorchZip("archive", evil2, {}), "global 'builtins.eval'");
        // The same through STACK_GLOBAL (protocol 4).
        const Bytes evil3 = "\x80\x04" + Bytes("\x8c\x02os\x8c\x06system\x93", 13) + pStr("ls") + "\x85R.";
        EXPECT_ERROR(makeTorchZip("archive", evil3, {}), "global 'os.system'");
        // A global that looks like torch but is not allowed.
        const Bytes evil4 = "\x80\x02" + pGlobal("torch", "load") + ").";
        EXPECT_ERROR(makeTorchZip("archive", evil4, {}), "global 'torch.load'");
        // Storage classes cannot be called.
        const Bytes evil5 = "\x80\x02" + pGlobal("torch", "FloatStorage") + ")R.";
        EXPECT_ERROR(makeTorchZip("archive", evil5, {}), "called directly");
    }

    void pickleUnknownOpcodes() {
        EXPECT_ERROR(makeTorchZip("archive", Bytes("\x80\x02}\xff.", 5), {}), "unsupported pickle opcode 0xff");
        EXPECT_ERROR(makeTorchZip("archive", "\x80\x02(" + pStr("ls") + "i" + "os\nsystem\n.", {}), "opcode 0x69 'i' (INST)");
        EXPECT_ERROR(makeTorchZip("archive", "\x80\x02(" + pStr("a") + "o.", {}), "opcode 0x6f 'o' (OBJ)");
        EXPECT_ERROR(makeTorchZip("archive", "\x80\x02\x81.", {}), "(NEWOBJ)");
        EXPECT_ERROR(makeTorchZip("archive", "\x80\x02S'x'\n.", {}), "(STRING)");
        EXPECT_ERROR(makeTorchZip("archive", "\x80\x02}", {}), "ends without STOP");
        EXPECT_ERROR(makeTorchZip("archive", "\x80\x02h\x05.", {}), "memo entry 5");
        EXPECT_ERROR(makeTorchZip("archive", "\x80\x02s.", {}), "stack underflow");
        EXPECT_ERROR(makeTorchZip("archive", "\x80\x02K\x01.", {}), "holds a int, not a state dict");
        EXPECT_ERROR(makeTorchZip("archive", "\x80\x02}" + pStr("a") + "K\x01s.", {}), "'a' is a int, not a tensor");
        EXPECT_ERROR(makeTorchZip("archive", "\x80\x06}.", {}), "unsupported pickle protocol 6");
    }

    void tensorExtentChecks() {
        PTensor t;
        t.name = "w";
        t.storageKey = "0";
        t.storageNumel = 4;
        t.shape = {10};
        EXPECT_ERROR(makeTorchZip("archive", pStateDict({t}), {{"0", f32Bytes(std::vector<float>(10))}}),
                     "tensor 'w' (10,)", "needs 10 elements of storage '0', which has 4");
        t.shape = {2, 2};
        t.offset = 1;
        EXPECT_ERROR(makeTorchZip("archive", pStateDict({t}), {{"0", goodStorage()}}), "needs 5 elements");
        t.offset = 0;
        t.strides = {3, 1};
        EXPECT_ERROR(makeTorchZip("archive", pStateDict({t}), {{"0", goodStorage()}}), "needs 5 elements");
        t.strides = {};
        EXPECT_ERROR(makeTorchZip("archive", pStateDict({t}), {}), "storage record 'archive/data/0' is missing");
        t.shape = {2};
        t.strides = {1, 1};
        EXPECT_ERROR(makeTorchZip("archive", pStateDict({t}), {{"0", goodStorage()}}), "size has 1 dimensions but stride has 2");
        // Same key declared with two dtypes.
        PTensor u = t;
        u.strides = {};
        u.name = "v";
        u.dtype = DType::I32;
        PTensor t2 = t;
        t2.strides = {};
        EXPECT_ERROR(makeTorchZip("archive", pStateDict({t2, u}), {{"0", goodStorage()}}), "declared twice");
        // Huge sizes do not overflow silently.
        t2.shape = {int64_t(1) << 40, int64_t(1) << 40};
        EXPECT_ERROR(makeTorchZip("archive", pStateDict({t2}), {{"0", goodStorage()}}), "overflows");
    }

    void zipStructureErrors() {
        Bytes z = makeTorchZip("archive", goodPkl(), {{"0", goodStorage()}}, false);
        // Compressed entry.
        std::vector<ZipItem> items = {{"archive/data.pkl", goodPkl(), 8}};
        EXPECT_ERROR(makeZip(items), "entry 'archive/data.pkl' is compressed (method 8 = deflate)");
        // Central directory offset outside the file.
        Bytes bad = z;
        bad[bad.size() - 6] = char(0xff);
        bad[bad.size() - 5] = char(0xff);
        EXPECT_ERROR(bad, "central directory");
        // Two data.pkl folders.
        EXPECT_ERROR(makeZip({{"a/data.pkl", goodPkl()}, {"b/data.pkl", goodPkl()}}), "two data.pkl");
        // Any prefix name works (torch uses the file stem).
        std::string err;
        Bytes other = makeTorchZip("my_model-v2", goodPkl(), {{"0", goodStorage()}});
        auto f = WeightFile::fromBuffer(other.data(), other.size(), &err);
        QVERIFY2(f, err.c_str());
        QCOMPARE(f->archivePrefix(), std::string("my_model-v2"));
        // Unknown byte order.
        Bytes bo = makeZip({{"archive/data.pkl", goodPkl()}, {"archive/data/0", goodStorage()}, {"archive/byteorder", "middle"}});
        EXPECT_ERROR(bo, "unknown byte order 'middle'");
    }

    void safetensorsLies() {
        const Bytes good = f32Bytes({1, 2, 3, 4, 5, 6});
        // Header length beyond the file.
        EXPECT_ERROR(makeSafetensors({{"a", "F32", {2, 3}, good}}, "", 1000000), "header length field says 1000000 bytes",
                     "follow");
        // Offsets beyond the data area.
        STensor t{"a", "F32", {2, 3}, good, 0, 48};
        EXPECT_ERROR(makeSafetensors({t}), "tensor 'a'", "run past the data area of 24 bytes");
        // Shape disagrees with the byte span.
        EXPECT_ERROR(makeSafetensors({{"a", "F32", {2, 4}, good}}), "tensor 'a'", "(2, 4) x F32 needs 32 bytes",
                     "span 24 bytes");
        EXPECT_ERROR(makeSafetensors({{"a", "F16", {2, 3}, good}}), "needs 12 bytes but data_offsets span 24 bytes");
        // Overlap.
        STensor a{"a", "F32", {3}, f32Bytes({1, 2, 3}), -1, -1};
        STensor b{"b", "F32", {3}, f32Bytes({4, 5, 6}), -1, -1};
        Bytes ok = makeSafetensors({a, b});
        std::string err;
        QVERIFY2(WeightFile::fromBuffer(ok.data(), ok.size(), &err), err.c_str());
        STensor c{"c", "F32", {2}, {}, 8, 16};
        EXPECT_ERROR(makeSafetensors({a, b, c}), "overlap", "'c'");
        // Unknown dtype, bad JSON, wrong types.
        EXPECT_ERROR(makeSafetensors({{"a", "F33", {6}, good}}), "unknown dtype \"F33\"");
        EXPECT_ERROR(makeSafetensors({{"a", "F32", {-6}, good}}), "non-negative");
        EXPECT_ERROR(makeSafetensors({{"a", "F32", {0, int64_t(1) << 62, int64_t(1) << 62}, ""}}), "overflows");
        Bytes badJson;
        put64(badJson, 5);
        badJson += "{\"a\":";
        EXPECT_ERROR(badJson, "not valid JSON");
        Bytes notObj;
        put64(notObj, 8);
        notObj += "{\"a\":1 }";
        EXPECT_ERROR(notObj, "tensor 'a': entry is not an object");
        Bytes dup;
        const std::string h = "{\"a\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[0,4]},\"a\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[0,4]}}";
        put64(dup, h.size());
        dup += h + "abcd";
        EXPECT_ERROR(dup, "duplicate member name \"a\"");
        Bytes tiny = "\x05\x00\x00";
        EXPECT_ERROR(tiny, "not a PyTorch zip");
    }
};

QTEST_GUILESS_MAIN(TestWeights)
#include "test_weights.moc"
