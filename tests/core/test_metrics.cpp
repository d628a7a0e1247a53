// MS-CXR metrics against the authors' metric functions (tests/data/fixture-metrics/
// metrics_cases.json: 32 maps with and without NaN padding, several boxes, boxes touching the
// borders, constant and all-zero maps). They are exact float computations: 1e-6.
#include "eval/metrics.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <cmath>

using namespace cxr::eval;

class TestMetrics : public QObject {
    Q_OBJECT
    QJsonArray cases;

private Q_SLOTS:
    void initTestCase() {
        QFile f(QStringLiteral(CXRG_TEST_DATA "/fixture-metrics/metrics_cases.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        cases = QJsonDocument::fromJson(f.readAll()).object()["cases"].toArray();
        QCOMPARE(cases.size(), 32);
    }

    void referenceCases_data() {
        QTest::addColumn<int>("index");
        for (int i = 0; i < cases.size(); ++i) QTest::newRow(qPrintable(cases[i].toObject()["name"].toString())) << i;
    }
    void referenceCases() {
        QFETCH(int, index);
        const QJsonObject c = cases[index].toObject();
        const int h = c["heatmap_shape_hw"].toArray()[0].toInt(), w = c["heatmap_shape_hw"].toArray()[1].toInt();
        std::vector<float> map;
        for (const QJsonValue v : c["heatmap"].toArray()) map.push_back(v.isNull() ? NAN : float(v.toDouble()));
        QCOMPARE(int(map.size()), w * h);
        std::vector<Box> boxes;
        for (const QJsonValue b : c["boxes_xywh"].toArray()) {
            const QJsonArray a = b.toArray();
            boxes.push_back({a[0].toInt(), a[1].toInt(), a[2].toInt(), a[3].toInt()});
        }
        const Metrics m = computeAll(map, w, h, boxes);
        auto close = [](double ours, double ref) { return std::fabs(ours - ref) <= 1e-6 * std::max(1.0, std::fabs(ref)); };
        QVERIFY2(close(m.cnrAbs, c["cnr_abs"].toDouble()), qPrintable(QString("cnr_abs %1 vs %2").arg(m.cnrAbs).arg(c["cnr_abs"].toDouble())));
        QVERIFY2(close(m.cnr, c["cnr_signed"].toDouble()), qPrintable(QString("cnr %1 vs %2").arg(m.cnr).arg(c["cnr_signed"].toDouble())));
        QVERIFY2(close(m.miou, c["miou"].toDouble()), qPrintable(QString("miou %1 vs %2").arg(m.miou).arg(c["miou"].toDouble())));
        QVERIFY2(close(m.aurocBinned, c["auroc_binned"].toDouble()),
                 qPrintable(QString("auroc %1 vs %2").arg(m.aurocBinned).arg(c["auroc_binned"].toDouble())));
        QVERIFY(m.auroc >= 0.0 && m.auroc <= 1.0);
    }

    void exactAucOnAKnownRanking() {
        // 2x2 map, box covers the top row: positives 0.9, 0.4; negatives 0.6, 0.1 -> 3 of 4 pairs
        const std::vector<float> map{0.9f, 0.4f, 0.6f, 0.1f};
        QCOMPARE(aurocExact(map, 2, 2, {{0, 0, 2, 1}}), 0.75);
        // NaN pixels are ignored; ties count half
        const std::vector<float> tie{0.5f, NAN, 0.5f, 0.2f};
        QCOMPARE(aurocExact(tie, 2, 2, {{0, 0, 1, 1}}), 0.75);
        // no negatives -> 0.5, like the binned reference
        QCOMPARE(aurocExact(map, 2, 2, {{0, 0, 2, 2}}), 0.5);
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "test_metrics.moc"
