// cxrweights configuration side: bundle / text encoder configs, the expected tensor lists (real
// size == tests/data/full_size_keys, small == the fixture files), MONAI-core names, and the
// model-folder inspection with every kind of problem reported together.
#include "model/config.h"
#include "model/model_folder.h"
#include "model/weights.h"
#include "weights_test_util.h"

#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace cxr::model;
using namespace wtest;
namespace fs = std::filesystem;

namespace {

std::string data(const std::string& rel) { return std::string(CXRG_TEST_DATA "/") + rel; }

struct KeyLine { std::string name, shape, dtype; };

std::vector<KeyLine> readKeys(const std::string& path) {
    std::vector<KeyLine> v;
    std::ifstream f(path);
    std::string line;
    while (std::getline(f, line)) {
        if (line.empty()) continue;
        std::istringstream ss(line);
        KeyLine k;
        std::getline(ss, k.name, '\t');
        std::getline(ss, k.shape, '\t');
        std::getline(ss, k.dtype, '\t');
        v.push_back(k);
    }
    return v;
}

void compareWithKeyFile(const std::vector<ExpectedTensor>& exp, const std::string& path) {
    const auto keys = readKeys(path);
    QVERIFY(!keys.empty());
    QCOMPARE(exp.size(), keys.size());
    for (size_t i = 0; i < keys.size(); ++i) {
        QCOMPARE(exp[i].name, keys[i].name);
        QCOMPARE(shapeToString(exp[i].shape), keys[i].shape);
        QCOMPARE(std::string(exp[i].dtype == DType::I64 ? "int64" : "float32"), keys[i].dtype);
    }
}

// A model folder in a temporary directory made of symlinks to model-small, so single files can be
// replaced or removed.
std::string linkedModelFolder(const QTemporaryDir& tmp) {
    const std::string dst = tmp.path().toStdString() + "/model";
    const fs::path src = data("model-small");
    for (const auto& e : fs::recursive_directory_iterator(src)) {
        const fs::path rel = fs::relative(e.path(), src);
        if (e.is_directory()) fs::create_directories(dst / rel);
        else fs::create_symlink(e.path(), dst / rel);
    }
    return dst;
}

void replaceFile(const std::string& path, const Bytes& b) {
    fs::remove(path);
    QVERIFY(writeFile(path, b));
}

bool contains(const std::string& s, const std::string& w) { return s.find(w) != std::string::npos; }

} // namespace

class TestModelConfig : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parsesFixtureConfigs() {
        BundleConfig b;
        std::string err;
        QVERIFY2(loadBundleConfig(data("model-small/configs/inference.json"), &b, &err), err.c_str());
        QCOMPARE(b.autoencoder.channels, (std::vector<int64_t>{8, 16, 16, 16}));
        QCOMPARE(b.autoencoder.numResBlocks, (std::vector<int64_t>{2, 2, 2, 2}));
        QCOMPARE(b.autoencoder.normNumGroups, int64_t(8));
        QCOMPARE(b.autoencoder.latentChannels, int64_t(3));
        QVERIFY(!b.autoencoder.withEncoderNonlocalAttn);
        QCOMPARE(b.unet.channels, (std::vector<int64_t>{32, 64, 64}));
        QCOMPARE(b.unet.numHeadChannels, (std::vector<int64_t>{0, 64, 64}));
        QCOMPARE(b.unet.attentionLevels, (std::vector<bool>{false, true, true}));
        QCOMPARE(b.unet.crossAttentionDim, int64_t(64));
        QCOMPARE(b.unet.numHeads(1), int64_t(1));
        QVERIFY(b.unet.withConditioning);
        QCOMPARE(b.scheduler.numTrainTimesteps, int64_t(1000));
        QCOMPARE(b.scheduler.schedule, std::string("scaled_linear_beta"));
        QCOMPARE(b.scheduler.betaStart, 0.0015);
        QCOMPARE(b.scheduler.betaEnd, 0.0205);
        QCOMPARE(b.scheduler.predictionType, std::string("v_prediction"));
        QVERIFY(!b.scheduler.clipSample);
        QVERIFY(b.notes.empty());

        TextEncoderConfig t;
        QVERIFY2(loadTextEncoderConfig(data("model-small/text_encoder/config.json"), &t, &err), err.c_str());
        QCOMPARE(t.hiddenSize, int64_t(64));
        QCOMPARE(t.numHiddenLayers, int64_t(2));
        QCOMPARE(t.numAttentionHeads, int64_t(4));
        QCOMPARE(t.intermediateSize, int64_t(128));
        QCOMPARE(t.vocabSize, int64_t(49408));
        QCOMPARE(t.hiddenAct, std::string("gelu"));
        QCOMPARE(t.maxPositionEmbeddings, int64_t(77));

        QVERIFY2(loadTextEncoderConfig(data("full-config/text_encoder/config.json"), &t, &err), err.c_str());
        QCOMPARE(t.numHiddenLayers, int64_t(23));
        QCOMPARE(t.hiddenSize, int64_t(1024));
    }

    void realSizeListsEqualFullSizeKeys() {
        BundleConfig b;
        TextEncoderConfig t;
        std::string err;
        QVERIFY2(loadBundleConfig(data("full-config/configs/inference.json"), &b, &err), err.c_str());
        QVERIFY2(loadTextEncoderConfig(data("full-config/text_encoder/config.json"), &t, &err), err.c_str());
        compareWithKeyFile(expectedAutoencoderTensors(b.autoencoder), data("full_size_keys/keys_autoencoder.txt"));
        compareWithKeyFile(expectedUNetTensors(b.unet), data("full_size_keys/keys_unet.txt"));
        compareWithKeyFile(expectedTextEncoderTensors(t), data("full_size_keys/keys_clip.txt"));
        // Parameter counts from full_size_keys/README.txt.
        auto params = [](const std::vector<ExpectedTensor>& v) {
            int64_t n = 0;
            for (const auto& e : v) {
                if (e.dtype != DType::F32) continue;
                int64_t k = 1;
                for (int64_t d : e.shape) k *= d;
                n += k;
            }
            return n;
        };
        QCOMPARE(params(expectedAutoencoderTensors(b.autoencoder)), int64_t(4607848));
        QCOMPARE(params(expectedUNetTensors(b.unet)), int64_t(263636995));
        QCOMPARE(params(expectedTextEncoderTensors(t)), int64_t(340387840));
    }

    void smallListsEqualFixtureFiles() {
        BundleConfig b;
        TextEncoderConfig t;
        std::string err;
        QVERIFY2(loadBundleConfig(data("model-small/configs/inference.json"), &b, &err), err.c_str());
        QVERIFY2(loadTextEncoderConfig(data("model-small/text_encoder/config.json"), &t, &err), err.c_str());
        struct Case { const char* file; std::vector<ExpectedTensor> exp; bool ordered; };
        const Case cases[] = {
            {"models/autoencoder.pth", expectedAutoencoderTensors(b.autoencoder), true},
            {"models/diffusion_model.pth", expectedUNetTensors(b.unet), true},
            {"text_encoder/model.safetensors", expectedTextEncoderTensors(t), false},
        };
        for (const auto& c : cases) {
            auto f = WeightFile::open(data(std::string("model-small/") + c.file), &err);
            QVERIFY2(f, err.c_str());
            QCOMPARE(f->tensors().size(), c.exp.size());
            for (size_t i = 0; i < c.exp.size(); ++i) {
                const ExpectedTensor& e = c.exp[i];
                const TensorRecord* r = c.ordered ? &f->tensors()[i] : f->find(e.name);
                QVERIFY2(r, e.name.c_str());
                QCOMPARE(r->name, e.name); // pickle order == state_dict order
                QCOMPARE(r->shape, e.shape);
                QCOMPARE(r->dtype, e.dtype);
            }
        }
    }

    void monaiCoreNames() {
        // Config: "channels" for "num_channels" is accepted and gives the same lists.
        std::ifstream in(data("full-config/configs/inference.json"));
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::string core = text;
        for (size_t p; (p = core.find("\"num_channels\"")) != std::string::npos;) core.replace(p, 14, "\"channels\"");
        core.replace(core.find("generative.networks.nets.AutoencoderKL"), 38, "monai.networks.nets.AutoencoderKL");
        BundleConfig a, b;
        std::string err;
        QVERIFY2(parseBundleConfig(text, &a, &err), err.c_str());
        QVERIFY2(parseBundleConfig(core, &b, &err), err.c_str());
        QCOMPARE(b.notes.size(), size_t(2));
        QCOMPARE(b.autoencoder.target, std::string("monai.networks.nets.AutoencoderKL"));
        QCOMPARE(expectedUNetTensors(a.unet).size(), expectedUNetTensors(b.unet).size());
        QCOMPARE(expectedAutoencoderTensors(b.autoencoder).back().name, std::string("post_quant_conv.conv.bias"));

        // Key names.
        QCOMPARE(originalKeyName(Network::UNet, "down_blocks.1.attentions.0.transformer_blocks.0.attn2.out_proj.weight"),
                 std::string("down_blocks.1.attentions.0.transformer_blocks.0.attn2.to_out.0.weight"));
        QCOMPARE(originalKeyName(Network::UNet, "middle_block.attention.transformer_blocks.0.attn1.out_proj.bias"),
                 std::string("middle_block.attention.transformer_blocks.0.attn1.to_out.0.bias"));
        QCOMPARE(originalKeyName(Network::UNet, "up_blocks.0.upsampler.postconv.conv.weight"),
                 std::string("up_blocks.0.upsampler.conv.conv.weight"));
        QCOMPARE(originalKeyName(Network::Autoencoder, "decoder.blocks.3.postconv.conv.bias"),
                 std::string("decoder.blocks.3.conv.conv.bias"));
        QCOMPARE(originalKeyName(Network::Autoencoder, "encoder.blocks.4.attn.to_q.weight"), std::string("encoder.blocks.4.to_q.weight"));
        QCOMPARE(originalKeyName(Network::Autoencoder, "encoder.blocks.4.attn.out_proj.bias"), std::string("encoder.blocks.4.proj_attn.bias"));
        QCOMPARE(originalKeyName(Network::UNet, "conv_in.conv.weight"), std::string("conv_in.conv.weight"));
        QCOMPARE(originalKeyName(Network::TextEncoder, "text_model.encoder.layers.0.self_attn.out_proj.weight"),
                 std::string("text_model.encoder.layers.0.self_attn.out_proj.weight"));
        // Expected original names never contain MONAI-core patterns (mapping is idempotent on them).
        for (const auto& e : expectedUNetTensors(a.unet)) QCOMPARE(originalKeyName(Network::UNet, e.name), e.name);
        for (const auto& e : expectedAutoencoderTensors(a.autoencoder)) QCOMPARE(originalKeyName(Network::Autoencoder, e.name), e.name);
    }

    void otherArchitectureVariants() {
        // Attention in the autoencoder and non-conditioned UNet attention: counts and names per the
        // GenerativeModels classes (AttentionBlock: norm, to_q, to_k, to_v, proj_attn).
        AutoencoderConfig a; // class defaults: attention at levels 2,3 + non-local attention
        auto ae = expectedAutoencoderTensors(a);
        int attn = 0;
        for (const auto& e : ae) attn += contains(e.name, ".proj_attn.weight");
        QCOMPARE(attn, 2 * 2 + 1 + 2 * 2 + 1);
        UNetConfig u; // class defaults: no conditioning, attention at levels 2,3
        u.channels = {32, 64, 64, 64};
        auto un = expectedUNetTensors(u);
        attn = 0;
        for (const auto& e : un) attn += contains(e.name, ".proj_attn.weight");
        QCOMPARE(attn, 2 + 2 + 1 + 3 + 3);
        // AttnUpBlock registers resnets before attentions.
        size_t firstRes = 0, firstAttn = 0;
        for (size_t i = 0; i < un.size(); ++i) {
            if (!firstRes && contains(un[i].name, "up_blocks.0.resnets.")) firstRes = i;
            if (!firstAttn && contains(un[i].name, "up_blocks.0.attentions.")) firstAttn = i;
        }
        QVERIFY(firstRes < firstAttn);
        u.resblockUpdown = true;
        bool hasResDown = false;
        for (const auto& e : expectedUNetTensors(u)) hasResDown |= contains(e.name, "down_blocks.0.downsampler.time_emb_proj.weight");
        QVERIFY(hasResDown);
    }

    void configErrors() {
        std::ifstream in(data("model-small/configs/inference.json"));
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        BundleConfig b;
        std::string err;
        auto mutate = [&](const std::string& from, const std::string& to) {
            std::string t = text;
            const size_t p = t.find(from);
            if (p == std::string::npos) qFatal("pattern not found: %s", from.c_str());
            t.replace(p, from.size(), to);
            err.clear();
            return parseBundleConfig(t, &b, &err);
        };
        QVERIFY(!mutate("\"cross_attention_dim\": 64", "\"cross_attention_dim\": \"$@dim\""));
        QVERIFY2(contains(err, "diffusion_def") && contains(err, "cross_attention_dim") && contains(err, "bundle expression"), err.c_str());
        QVERIFY(!mutate("\"norm_num_groups\": 8,\n        \"norm_eps\": 1e-06,\n        \"attention_levels\"",
                        "\"norm_num_groups\": 5,\n        \"norm_eps\": 1e-06,\n        \"attention_levels\""));
        QVERIFY2(contains(err, "autoencoder_def") && contains(err, "multiple of norm_num_groups (5)"), err.c_str());
        QVERIFY(!mutate("\"diffusion_def\"", "\"diffusion_definition\""));
        QVERIFY2(contains(err, "no \"diffusion_def\""), err.c_str());
        QVERIFY(!mutate("\"with_conditioning\": true", "\"with_conditioning\": false"));
        QVERIFY2(contains(err, "cross_attention_dim is set but with_conditioning is false"), err.c_str());
        QVERIFY(!mutate("\"num_head_channels\": [\n            0,", "\"num_head_channels\": [\n"));
        QVERIFY2(contains(err, "num_head_channels") && contains(err, "2 entries but there are 3 levels"), err.c_str());
        QVERIFY(!parseBundleConfig("{ not json", &b, &err));
        QVERIFY2(contains(err, "not valid JSON"), err.c_str());
        TextEncoderConfig t;
        QVERIFY(!parseTextEncoderConfig("{\"hidden_size\": 64, \"num_attention_heads\": 5}", &t, &err));
        QVERIFY2(contains(err, "not divisible"), err.c_str());
        QVERIFY(!parseTextEncoderConfig("{\"hidden_size\": \"64\"}", &t, &err));
        QVERIFY2(contains(err, "\"hidden_size\" must be an integer"), err.c_str());
    }

    // Values the engine does not implement are refused when the folder is inspected (and so at
    // load), naming the file, the key and the value; so are files that disagree with each other.
    // Values it implements load.
    void unimplementedValuesAreRefused_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("expected");  // empty: accepted
        const QString inf = "configs/inference.json", txt = "text_encoder/config.json";
        QTest::newRow("schedule") << inf << "\"scaled_linear_beta\"" << "\"cosine\""
                                  << "configs/inference.json: scheduler.schedule = \"cosine\" is not implemented";
        QTest::newRow("prediction_type") << inf << "\"v_prediction\"" << "\"flow\""
                                         << "scheduler.prediction_type = \"flow\" is not implemented";
        QTest::newRow("prediction_type epsilon") << inf << "\"v_prediction\"" << "\"epsilon\"" << "";
        QTest::newRow("steps_offset") << inf << "\"clip_sample\": false" << "\"clip_sample\": false, \"steps_offset\": 1"
                                      << "scheduler.steps_offset = 1 is not implemented";
        QTest::newRow("clip_sample true") << inf << "\"clip_sample\": false" << "\"clip_sample\": true" << "";
        QTest::newRow("upcast_attention") << inf << "\"transformer_num_layers\": 1,"
                                          << "\"transformer_num_layers\": 1, \"upcast_attention\": true," << "";
        QTest::newRow("hidden_act") << txt << "\"gelu\"" << "\"relu\""
                                    << "text_encoder/config.json: hidden_act = \"relu\" is not implemented";
        QTest::newRow("max_position_embeddings") << txt << "\"max_position_embeddings\": 77" << "\"max_position_embeddings\": 64"
                                                 << "max_position_embeddings = 64 is below 77";
        QTest::newRow("hidden size vs cross_attention_dim")
            << inf << "\"cross_attention_dim\": 64" << "\"cross_attention_dim\": 128"
            << "text_encoder/config.json: hidden_size = 64 does not match configs/inference.json diffusion_def.cross_attention_dim = 128";
        QTest::newRow("latent vs in_channels") << inf << "\"latent_channels\": 3" << "\"latent_channels\": 4"
                                               << "autoencoder_def.latent_channels = 4 does not match diffusion_def.in_channels = 3";
    }
    void unimplementedValuesAreRefused() {
        QFETCH(QString, file);
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, expected);
        QTemporaryDir tmp;
        const std::string dir = linkedModelFolder(tmp);
        const std::string path = dir + "/" + file.toStdString();
        std::ifstream in(path);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const size_t p = text.find(from.toStdString());
        QVERIFY2(p != std::string::npos, qPrintable(from));
        text.replace(p, size_t(from.size()), to.toStdString());
        replaceFile(path, Bytes(text.begin(), text.end()));
        const ModelFolderReport r = inspectModelFolder(dir);
        if (expected.isEmpty()) {
            QVERIFY2(r.ok, r.text.c_str());
            return;
        }
        QVERIFY(!r.ok);
        QVERIFY(!r.errors.empty());
        // Named first (before any tensor that no longer fits these sizes), and shown in the report.
        QVERIFY2(contains(r.errors[0], expected.toStdString()), r.errors[0].c_str());
        QVERIFY2(contains(r.text, r.errors[0]), r.text.c_str());
        if (!QString(QTest::currentDataTag()).contains(" vs ") && !QString(QTest::currentDataTag()).contains("max_position"))
            QCOMPARE(r.errors.size(), size_t(1));  // only this value (the weights still fit)
    }

    void inspectFixtureFolder() {
        const ModelFolderReport r = inspectModelFolder(data("model-small"));
        QVERIFY2(r.ok, r.text.c_str());
        QVERIFY(r.errors.empty());
        QVERIFY(r.warnings.empty());
        QVERIFY(contains(r.text, "Result: OK"));
        QCOMPARE(r.checkpoints.size(), size_t(3));
        for (const auto& c : r.checkpoints) {
            QVERIFY(c.ok());
            QVERIFY(c.file);
            QCOMPARE(c.foundCount, c.file->tensors().size());
        }
        QCOMPARE(r.checkpoint(Network::UNet)->foundCount, size_t(494));
        QCOMPARE(r.checkpoint(Network::Autoencoder)->foundCount, size_t(162));
        QCOMPARE(r.checkpoint(Network::TextEncoder)->foundCount, size_t(37));
        QVERIFY(r.checkpoint(Network::UNet)->file->find("up_blocks.1.attentions.2.transformer_blocks.0.attn2.to_k.weight"));
    }

    void missingFilesAreNamed() {
        QTemporaryDir tmp;
        const std::string dir = linkedModelFolder(tmp);
        fs::remove(dir + "/models/autoencoder.pth");
        fs::remove(dir + "/tokenizer/merges.txt");
        fs::remove(dir + "/tokenizer/tokenizer_config.json"); // optional
        const ModelFolderReport r = inspectModelFolder(dir);
        QVERIFY(!r.ok);
        QCOMPARE(r.errors.size(), size_t(2));
        QVERIFY2(contains(r.errors[0], "missing: models/autoencoder.pth") && contains(r.errors[0], "autoencoder weights"), r.errors[0].c_str());
        QVERIFY2(contains(r.errors[1], "missing: tokenizer/merges.txt") && contains(r.errors[1], "merge rules"), r.errors[1].c_str());
        QVERIFY(contains(r.text, "[MISSING] models/autoencoder.pth"));
        QVERIFY(contains(r.text, "NOT USABLE"));
        QCOMPARE(r.warnings.size(), size_t(1));
        QVERIFY(!r.checkpoint(Network::Autoencoder));
        QVERIFY(r.checkpoint(Network::UNet)->ok()); // the rest is still checked
        // A folder that does not exist.
        const ModelFolderReport none = inspectModelFolder(dir + "/nope");
        QVERIFY(!none.ok);
        QVERIFY(contains(none.text, "does not exist"));
        // The text encoder as pytorch_model.bin (torch zip) instead of safetensors.
        std::string err;
        auto st = WeightFile::open(dir + "/text_encoder/model.safetensors", &err);
        QVERIFY2(st, err.c_str());
        QVERIFY(writeFile(dir + "/text_encoder/pytorch_model.bin", torchZipFromRecords(st->tensors(), "pytorch_model")));
        st.reset();
        fs::remove(dir + "/text_encoder/model.safetensors");
        const ModelFolderReport bin = inspectModelFolder(dir);
        QVERIFY(bin.checkpoint(Network::TextEncoder));
        QVERIFY2(bin.checkpoint(Network::TextEncoder)->ok(), bin.text.c_str());
        QCOMPARE(bin.checkpoint(Network::TextEncoder)->relPath, std::string("text_encoder/pytorch_model.bin"));
    }

    void tensorProblemsReportedTogether() {
        QTemporaryDir tmp;
        const std::string dir = linkedModelFolder(tmp);
        std::string err;
        const std::string stPath = dir + "/text_encoder/model.safetensors";
        auto st = WeightFile::open(stPath, &err);
        QVERIFY2(st, err.c_str());
        std::vector<STensor> ts;
        for (const auto& r : st->tensors()) {
            if (r.name == "text_model.encoder.layers.1.mlp.fc2.bias") continue; // missing
            STensor t;
            t.name = r.name;
            t.dtype = dtypeName(r.dtype);
            t.shape = r.shape;
            t.data.assign(r.nbytes, '\0');
            r.copyContiguous(t.data.data());
            if (r.name == "text_model.encoder.layers.0.mlp.fc1.weight") t.shape = {64, 128};   // wrong shape (transposed)
            if (r.name == "text_model.final_layer_norm.weight") { t.dtype = "I32"; }           // non-float dtype
            if (r.name == "text_model.final_layer_norm.bias") {                                  // F16: a warning only
                t.dtype = "F16";
                t.data.resize(t.data.size() / 2);
            }
            ts.push_back(t);
        }
        ts.push_back({"text_model.extra.weight", "F32", {2}, f32Bytes({1, 2})});                 // unexpected
        st.reset();
        replaceFile(stPath, makeSafetensors(ts));

        const ModelFolderReport r = inspectModelFolder(dir);
        QVERIFY(!r.ok);
        const CheckpointReport* c = r.checkpoint(Network::TextEncoder);
        QVERIFY(c);
        QVERIFY(c->opened);
        QCOMPARE(c->count(TensorProblem::Kind::Missing), size_t(1));
        QCOMPARE(c->count(TensorProblem::Kind::Unexpected), size_t(1));
        QCOMPARE(c->count(TensorProblem::Kind::ShapeMismatch), size_t(1));
        QCOMPARE(c->count(TensorProblem::Kind::DTypeMismatch), size_t(2));
        for (const auto& p : c->problems) {
            if (p.kind == TensorProblem::Kind::ShapeMismatch) {
                QCOMPARE(p.name, std::string("text_model.encoder.layers.0.mlp.fc1.weight"));
                QCOMPARE(p.expectedShape, (std::vector<int64_t>{128, 64}));
                QCOMPARE(p.foundShape, (std::vector<int64_t>{64, 128}));
            }
            if (p.kind == TensorProblem::Kind::DTypeMismatch)
                QCOMPARE(p.fatal, p.name == "text_model.final_layer_norm.weight");
        }
        QVERIFY2(contains(r.text, "text_model.encoder.layers.0.mlp.fc1.weight: expected (128, 64), found (64, 128)"), r.text.c_str());
        QVERIFY2(contains(r.text, "text_model.encoder.layers.1.mlp.fc2.bias (expected (64,) F32)"), r.text.c_str());
        QVERIFY2(contains(r.text, "text_model.extra.weight (found (2,) F32)"), r.text.c_str());
        QVERIFY2(contains(r.text, "final_layer_norm.weight: expected F32, found I32"), r.text.c_str());
        QVERIFY2(contains(r.text, "final_layer_norm.bias: expected F32, found F16 (will be converted)"), r.text.c_str());
        QCOMPARE(r.errors.size(), size_t(1));
        QVERIFY2(contains(r.errors[0], "1 missing, 1 unexpected, 1 wrong shape, 2 dtype"), r.errors[0].c_str());
    }

    void monaiCoreCheckpointIsMapped() {
        QTemporaryDir tmp;
        const std::string dir = linkedModelFolder(tmp);
        std::string err;
        const std::string p = dir + "/models/diffusion_model.pth";
        auto f = WeightFile::open(p, &err);
        QVERIFY2(f, err.c_str());
        std::vector<TensorRecord> recs = f->tensors();
        size_t renamed = 0;
        for (auto& r : recs) {
            std::string n = r.name;
            for (const char* a : {".attn1.to_out.0.", ".attn2.to_out.0."}) {
                const size_t k = n.find(a);
                if (k != std::string::npos) n.replace(k, std::strlen(a), std::string(a).substr(0, 7) + "out_proj.");
            }
            const size_t k = n.find(".upsampler.conv.");
            if (k != std::string::npos) n.replace(k, 16, ".upsampler.postconv.");
            renamed += n != r.name;
            r.name = n;
        }
        QVERIFY(renamed > 0);
        const Bytes z = torchZipFromRecords(recs, "diffusion_model");
        f.reset();
        replaceFile(p, z);
        const ModelFolderReport r = inspectModelFolder(dir);
        QVERIFY2(r.ok, r.text.c_str());
        QCOMPARE(r.checkpoint(Network::UNet)->renamedKeys, renamed);
        QVERIFY(r.checkpoint(Network::UNet)->file->find("up_blocks.0.upsampler.conv.conv.weight"));
        QVERIFY(contains(r.text, "MONAI-core names"));
    }

    void wrongConfigurationForWeights() {
        QTemporaryDir tmp;
        const std::string dir = linkedModelFolder(tmp);
        fs::remove(dir + "/configs/inference.json");
        fs::copy_file(data("full-config/configs/inference.json"), dir + "/configs/inference.json");
        const ModelFolderReport r = inspectModelFolder(dir);
        QVERIFY(!r.ok);
        QVERIFY(r.checkpoint(Network::UNet)->count(TensorProblem::Kind::ShapeMismatch) > 0);
        QVERIFY2(contains(r.text, "conv_in.conv.weight: expected (256, 3, 3, 3), found (32, 3, 3, 3)"), r.text.c_str());
        QVERIFY(contains(r.text, "probably belong to another configuration"));
        QVERIFY(contains(r.text, "... and "));
        QVERIFY(r.checkpoint(Network::TextEncoder)->ok());
    }

    void unreadableCheckpoint() {
        QTemporaryDir tmp;
        const std::string dir = linkedModelFolder(tmp);
        const Bytes full = readFile(data("model-small/models/autoencoder.pth"));
        replaceFile(dir + "/models/autoencoder.pth", full.substr(0, full.size() / 3));
        const ModelFolderReport r = inspectModelFolder(dir);
        QVERIFY(!r.ok);
        const CheckpointReport* c = r.checkpoint(Network::Autoencoder);
        QVERIFY(c && !c->opened);
        QVERIFY2(contains(c->error, "autoencoder.pth") && contains(c->error, "truncated"), c->error.c_str());
        QVERIFY(contains(r.text, "cannot be read"));
    }
};

QTEST_GUILESS_MAIN(TestModelConfig)
#include "test_model_config.moc"
