// Ablations in one pass: every (layers, window, Otsu, attribution) setting computed from one
// recording of all layers at all calls equals a separate ground() run with that setting.
#include "grounding/engine.h"

#include <QImage>
#include <QtTest>

#include <cmath>

using namespace cxr::grounding;

namespace {
const QString kData = QStringLiteral(CXRG_TEST_DATA);

GreyImage loadGrey(const QString& path) {
    const QImage img = QImage(path).convertToFormat(QImage::Format_Grayscale8);
    GreyImage g;
    g.width = img.width();
    g.height = img.height();
    for (int y = 0; y < img.height(); ++y) g.pixels.insert(g.pixels.end(), img.constScanLine(y), img.constScanLine(y) + img.width());
    g.cacheKey = path.toStdString();
    return g;
}
}  // namespace

class TestAblation : public QObject {
    Q_OBJECT
    std::unique_ptr<Engine> engine;
    GreyImage image;
    Settings base;
    std::vector<AblationRecord> records;  // recorded once: calls 0..15, every layer
    const std::vector<std::string> prompts{"Small left pleural effusion", "cardiomegaly"};

private Q_SLOTS:
    void initTestCase() {
        std::string e;
        engine = Engine::load((kData + "/model-small").toStdString(), RunSettings(), &e);
        QVERIFY2(engine, e.c_str());
        image = loadGrey(kData + "/fixture-cases/nih01_landscape_up/input.png");
        QCOMPARE(image.width, 512);
        base.steps = 20;  // window 8:12 by default; 20 calls in all
        Settings withCategory = base;
        withCategory.attribution = "Pleural Effusion";
        QVERIFY2(engine->recordAllLayers(image, prompts, withCategory, 16, &records, &e), e.c_str());
        QCOMPARE(int(records.size()), 2);
        QCOMPARE(records[0].unetCalls, 16);
        QVERIFY(records[0].attributionMatched);  // ple|ural|effusion
        QVERIFY(!records[1].attributionMatched);  // "cardiomegaly"
        QCOMPARE(records[0].steps, 20);
    }

    void everySettingEqualsItsOwnRun_data() {
        QTest::addColumn<QString>("layers");
        QTest::addColumn<int>("start");
        QTest::addColumn<int>("end");
        QTest::addColumn<bool>("otsu");
        QTest::addColumn<QString>("attribution");
        QTest::newRow("paper layers, default window") << "3,4,6,7" << -1 << -1 << true << "";
        QTest::newRow("no Otsu") << "3,4,6,7" << -1 << -1 << false << "";
        QTest::newRow("one layer, early window") << "0" << 0 << 4 << true << "";
        QTest::newRow("all layers, late window") << "all" << 10 << 16 << true << "";
        QTest::newRow("mixed resolutions") << "0,3,8" << 2 << 7 << true << "";
        QTest::newRow("attribution, layers 3-8") << "3,4,5,6,7,8" << 4 << 12 << true << "Pleural Effusion";
    }
    void everySettingEqualsItsOwnRun() {
        QFETCH(QString, layers);
        QFETCH(int, start);
        QFETCH(int, end);
        QFETCH(bool, otsu);
        QFETCH(QString, attribution);
        const int L = engine->info().crossAttentionLayers;
        QVERIFY(L >= 8);
        Settings s = base;
        s.layers.clear();
        if (layers == "all")
            for (int l = 0; l < L; ++l) s.layers.push_back(l);
        else
            for (const QString& p : layers.split(',')) s.layers.push_back(p.toInt());
        s.windowStart = start;
        s.windowEnd = end;
        s.otsu = otsu;
        s.attribution = attribution.toStdString();
        std::string e;
        QCOMPARE(records[0].layers, L);
        std::vector<PromptResult> direct;
        engine->clearCache();
        QVERIFY2(engine->ground(image, prompts, s, &direct, &e), e.c_str());
        for (size_t p = 0; p < prompts.size(); ++p) {
            PromptResult fromRecord;
            QVERIFY2(Engine::resultFromRecord(records[p], s, &fromRecord, &e), e.c_str());
            QCOMPARE(fromRecord.attributionMatched, direct[p].attributionMatched);
            QCOMPARE(fromRecord.firstToken, direct[p].firstToken);
            QCOMPARE(fromRecord.lastToken, direct[p].lastToken);
            if (!direct[p].attributionMatched) {  // all NaN on both sides
                for (size_t i = 0; i < direct[p].original.size(); i += 97)
                    QVERIFY(std::isnan(direct[p].original[i]) && std::isnan(fromRecord.original[i]));
                continue;
            }
            double worst = 0;
            for (size_t i = 0; i < direct[p].heatmapMean.size(); ++i)
                worst = std::max(worst, double(std::fabs(direct[p].heatmapMean[i] - fromRecord.heatmapMean[i])));
            QVERIFY2(worst < 1e-4, qPrintable(QString::number(worst)));
            QVERIFY(std::fabs(direct[p].threshold - fromRecord.threshold) < 1e-2);
            size_t agree = 0;
            for (size_t i = 0; i < direct[p].heatmap.size(); ++i) agree += (direct[p].heatmap[i] > 0) == (fromRecord.heatmap[i] > 0);
            QVERIFY2(agree >= size_t(0.995 * direct[p].heatmap.size()), qPrintable(QString::number(agree)));
            QCOMPARE(fromRecord.originalWidth, 512);
            QCOMPARE(fromRecord.originalHeight, 431);
        }
    }

    void outsideTheRecordIsRefused() {
        std::vector<AblationRecord> few;
        std::string e;
        QVERIFY(engine->recordAllLayers(image, {"effusion"}, base, 8, &few, &e));
        Settings s = base;  // default window 8:12 ends after the 8 recorded calls
        PromptResult r;
        QVERIFY(!Engine::resultFromRecord(few[0], s, &r, &e));
        QVERIFY2(QString::fromStdString(e).contains("outside the recorded calls"), e.c_str());
        s.windowStart = 0;
        s.windowEnd = 8;
        s.layers = {99};
        QVERIFY(!Engine::resultFromRecord(few[0], s, &r, &e));
        QVERIFY2(QString::fromStdString(e).contains("layer 99"), e.c_str());
        QVERIFY(!engine->recordAllLayers(image, {"effusion"}, base, 1000, &few, &e));
        s = base;  // a record made at another step count
        s.steps = 30;
        QVERIFY(!Engine::resultFromRecord(records[0], s, &r, &e));
        QVERIFY2(QString::fromStdString(e).contains("30 steps"), e.c_str());
        s = base;  // attribution maps of a category the record does not hold
        s.attribution = "Cardiomegaly";
        QVERIFY(!Engine::resultFromRecord(records[0], s, &r, &e));
    }
};

QTEST_GUILESS_MAIN(TestAblation)
#include "test_ablation.moc"
