// Export from the main window: the visible layers burned in at original resolution and as on
// screen, turned as the viewer shows it, never overwritten silently, every prompt into a folder,
// DICOM Secondary Capture into the study.
#include "ui_test_support.h"

#include "viewport.h"
#include "imaging/loader.h"

#include <QDir>
#include <QFile>
#include <QListWidget>
#include <QTemporaryDir>

#include <cmath>

using namespace cxr;
using namespace cxr::ui;
using namespace uitest;

class TestExportActions : public QObject {
    Q_OBJECT
    std::unique_ptr<MainWindow> w;

private Q_SLOTS:
    void initTestCase() {
        initApplication("test_export_actions");
        w = makeWindow(QSize(1300, 900));
        QVERIFY(w);
        QVERIFY2(loadTestModel(*w), qPrintable(w->groundingPanel()->lastError()));
        QVERIFY(waitShown(*w, data("fixture-cases/nih01_landscape_up/input.png")));
        grounding::Settings s30;  // fewer steps: these tests are about the window, not the method
        s30.steps = 30;
        w->groundingPanel()->setMethodSettings(s30);
        QVERIFY2(groundAndWait(w->groundingPanel(), {"Small left pleural effusion"}), qPrintable(w->groundingPanel()->lastError()));
    }

    void exportBurnsInTheVisibleLayers() {
        w->setCompareMode(false);
        GroundingPanel* g = w->groundingPanel();
        g->resultList()->setCurrentRow(0);
        g->setMaskMode(MaskMode::Off);
        w->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w.get()));
        if (w->boxesAction()->isChecked()) w->boxesAction()->trigger();  // boxes hidden: not exported
        const auto& r = g->result(0);
        QTemporaryDir tmp;
        QString message;
        const QString png = tmp.filePath("effusion.png");
        QVERIFY2(w->exportView(png, "png", true, false, false, &message), qPrintable(message));
        const QImage out = QImage(png).convertToFormat(QImage::Format_RGB32);
        QCOMPARE(out.width(), 512);
        QVERIFY(out.height() > 431);  // the footer with caption, colour bar and research-use line
        const QImage shown = w->viewport()->rendered().convertToFormat(QImage::Format_RGB32);
        const int alpha = int(std::lround(g->opacity() * 255));
        int inHeat = 0, outside = 0;
        for (int y = 0; y < 431; y += 5)
            for (int x = 0; x < 512; x += 5) {
                if (y > 431 - 50 && x < 320) continue;  // the "demo model" stamp
                const float v = r.original[size_t(y) * 512 + x];
                const QRgb got = out.pixel(x, y), base = shown.pixel(x, y);
                if (!std::isnan(v) && v > 0) {
                    // The colour map's colour at the chosen opacity over the image.
                    const QRgb c = colourAt(g->colourMap(), std::clamp(std::lround(v * 255.0), 0L, 255L) / 255.0);
                    auto blend = [alpha](int fg, int bg) { return (fg * alpha + bg * (255 - alpha)) / 255.0; };
                    QVERIFY(std::abs(qRed(got) - blend(qRed(c), qRed(base))) <= 2);
                    QVERIFY(std::abs(qGreen(got) - blend(qGreen(c), qGreen(base))) <= 2);
                    QVERIFY(std::abs(qBlue(got) - blend(qBlue(c), qBlue(base))) <= 2);
                    ++inHeat;
                } else if (!std::isnan(v)) {
                    QCOMPARE(got, base);  // outside every layer: the rendered image itself
                    ++outside;
                }
            }
        QVERIFY(inHeat > 20 && outside > 20);

        // Rotated and mirrored in the viewer: the original-resolution export is turned the same way
        // (every analysed pixel lands where the viewer shows it; labels are drawn upright after).
        w->viewport()->rotateClockwise();
        w->viewport()->flipHorizontal();
        const ImageGeometry geom = w->viewport()->geometry();
        const QString turnedPng = tmp.filePath("turned.png");
        QVERIFY2(w->exportView(turnedPng, "png", true, false, false, &message), qPrintable(message));
        w->viewport()->flipHorizontal();
        w->viewport()->rotateCounterClockwise();
        const QImage turned = QImage(turnedPng).convertToFormat(QImage::Format_RGB32);
        QCOMPARE(turned.width(), 431);
        QVERIFY(turned.height() > 512);
        int same = 0;
        for (int oy = 0; oy < 512; oy += 3)
            for (int ox = 0; ox < 431; ox += 3) {
                const PointF p = geom.orientedToImage({ox + 0.5, oy + 0.5});
                const int sx = int(p.x), sy = int(p.y);
                if ((sy > 431 - 50 && sx < 320) || (oy > 512 - 50 && ox < 320)) continue;  // the stamps
                if (std::isnan(r.original[size_t(sy) * 512 + sx])) continue;  // hatching follows the picture
                QCOMPARE(turned.pixel(ox, oy), out.pixel(sx, sy));
                ++same;
            }
        QVERIFY(same > 10000);
        QFile::remove(turnedPng);

        // Never overwritten without asking; a missing folder is named; nothing half-written.
        const QByteArray first = [&] { QFile f(png); f.open(QIODevice::ReadOnly); return f.readAll(); }();
        QVERIFY(!w->exportView(png, "png", true, false, false, &message));
        QVERIFY2(message.contains("exists"), qPrintable(message));
        QFile again(png);
        QVERIFY(again.open(QIODevice::ReadOnly));
        QCOMPARE(again.readAll(), first);
        QVERIFY(!w->exportView(tmp.filePath("missing/x.png"), "png", true, false, false, &message));
        QVERIFY2(message.contains("missing"), qPrintable(message));
        QCOMPARE(QDir(tmp.path()).entryList(QDir::Files | QDir::Hidden), QStringList({"effusion.png"}));

        // JPEG at screen resolution.
        QVERIFY2(w->exportView(tmp.filePath("view.jpg"), "jpg", false, false, false, &message), qPrintable(message));
        QCOMPARE(QImage(tmp.filePath("view.jpg")).width(), w->viewport()->width() * int(w->viewport()->devicePixelRatioF()));

        // Every prompt of the image into a folder.
        QStringList written;
        QVERIFY2(w->exportAllPrompts(tmp.filePath(""), false, &message, &written), qPrintable(message));
        QCOMPARE(written.size(), g->resultCount());
        for (const QString& f : written) QVERIFY(!QImage(f).isNull());

        // DICOM Secondary Capture: readable by this viewer, in colour, same size as the picture.
        QVERIFY2(w->exportView(tmp.filePath("sc.dcm"), "dcm", true, true, false, &message), qPrintable(message));
        const LoadResult back = loadImage(tmp.filePath("sc.dcm"));
        QVERIFY2(back.ok(), qPrintable(back.error));
        QVERIFY(back.image->isColor());
        QCOMPARE(back.image->width, 512);
        QCOMPARE(back.image->height, out.height());
        w->boxesAction()->trigger();
        g->setMaskMode(MaskMode::Outline);
    }

    // File > Export draws every ticked prompt's outline in its colour, as the view does, with a
    // legend that names them all.
    void exportOutlinesEveryTickedPrompt() {
        w->setCompareMode(false);
        GroundingPanel* g = w->groundingPanel();
        const int before = g->resultCount();
        // Two results with rectangular masks (as a DICOM Segmentation brings them).
        auto rectangle = [](int x0, int y0, int x1, int y1) {
            auto r = std::make_shared<grounding::PromptResult>();
            r->originalWidth = 512;
            r->originalHeight = 431;
            r->original.assign(512 * 431, 0.0f);
            for (int y = y0; y <= y1; ++y)
                for (int x = x0; x <= x1; ++x) r->original[size_t(y) * 512 + x] = 1.0f;
            return r;
        };
        g->addImportedResult("upper zone", rectangle(50, 50, 150, 120), "test", "1.2.3.1", true);
        g->addImportedResult("right base", rectangle(300, 200, 420, 300), "test", "1.2.3.2", true);
        g->setHeatVisible(false);
        g->setMaskMode(MaskMode::Outline);
        if (w->boxesAction()->isChecked()) w->boxesAction()->trigger();
        for (int i = 0; i < g->resultCount(); ++i) g->resultList()->item(i)->setCheckState(i >= before ? Qt::Checked : Qt::Unchecked);
        g->resultList()->setCurrentRow(before);  // "upper zone" selected: the mask colour
        QCOMPARE(w->viewport()->outlines().size(), 2);
        const QColor second = g->entries()[before + 1].outlineColour;
        QVERIFY(second != g->maskColour());
        QTemporaryDir tmp;
        QString message;
        QVERIFY2(w->exportView(tmp.filePath("all.png"), "png", true, false, false, &message), qPrintable(message));
        const QImage all = QImage(tmp.filePath("all.png")).convertToFormat(QImage::Format_RGB32);
        auto close = [](QRgb got, QColor want) {
            return std::abs(qRed(got) - want.red()) <= 30 && std::abs(qGreen(got) - want.green()) <= 30 && std::abs(qBlue(got) - want.blue()) <= 30;
        };
        // The edge pixels of each rectangle carry its outline's colour.
        QVERIFY2(close(all.pixel(50, 85), g->maskColour()), qPrintable(QString::number(all.pixel(50, 85), 16)));
        QVERIFY2(close(all.pixel(100, 120), g->maskColour()), qPrintable(QString::number(all.pixel(100, 120), 16)));
        QVERIFY2(close(all.pixel(300, 250), second), qPrintable(QString::number(all.pixel(300, 250), 16)));
        QVERIFY2(close(all.pixel(360, 300), second), qPrintable(QString::number(all.pixel(360, 300), 16)));
        QCOMPARE(all.pixel(360, 250), w->viewport()->rendered().convertToFormat(QImage::Format_RGB32).pixel(360, 250));  // inside: the image
        // The legend under the picture names every outline: with one prompt ticked the footer is
        // shorter by at least a row.
        for (int i = 0; i < g->resultCount(); ++i)
            if (i != before) g->resultList()->item(i)->setCheckState(Qt::Unchecked);
        QVERIFY2(w->exportView(tmp.filePath("one.png"), "png", true, false, false, &message), qPrintable(message));
        const QImage one(tmp.filePath("one.png"));
        QVERIFY2(all.height() >= one.height() + 12, qPrintable(QString("%1 vs %2").arg(all.height()).arg(one.height())));
        QVERIFY(!close(one.convertToFormat(QImage::Format_RGB32).pixel(300, 250), second));  // unticked: not drawn
        for (int i = 0; i < g->resultCount(); ++i) g->resultList()->item(i)->setCheckState(Qt::Checked);
        g->removeEntry(before + 1);
        g->removeEntry(before);
        g->setHeatVisible(true);
    }

    void groundsADicomAndExportsIntoItsStudy() {
        w->setCompareMode(false);
        GroundingPanel* g = w->groundingPanel();
        const QString dicom = data("dicom-chest/nih_google_DX_chest_implicitLE.dcm");
        QSignalSpy shown(w.get(), &MainWindow::imageShown);
        w->showFile(dicom);
        QVERIFY(shown.wait(30000));
        const auto img = w->viewport()->image();
        QSignalSpy done(g, &GroundingPanel::groundingFinished);
        grounding::Settings s30;
        s30.steps = 30;
        g->ground({"Small left pleural effusion"}, s30);
        QVERIFY(done.wait(kGroundingWaitMs));
        QCOMPARE(g->resultCount(), 1);
        const auto& r = g->result(0);
        QCOMPARE(r.originalWidth, img->width);
        QCOMPARE(r.originalHeight, img->height);
        QCOMPARE(w->viewport()->heatOverlay(),
                 heatmapImage(r.original, r.originalWidth, r.originalHeight, g->colourMap(), g->opacity(), g->lowerThreshold()));

        // Into the study: a Secondary Capture with the source's Study UID and new instance UIDs.
        QTemporaryDir tmp;
        QString message;
        QVERIFY2(w->exportView(tmp.filePath("sc.dcm"), "dcm", true, false, false, &message), qPrintable(message));
        auto tag = [](const QString& file, const QString& t) {
            QString err;
            for (const TagRow& row : dumpTags(file, &err))
                if (row.tag.compare(t, Qt::CaseInsensitive) == 0) return row.value;
            return QString();
        };
        QVERIFY(!tag(dicom, "(0020,000d)").isEmpty());
        QCOMPARE(tag(tmp.filePath("sc.dcm"), "(0020,000d)"), tag(dicom, "(0020,000d)"));
        QVERIFY(tag(tmp.filePath("sc.dcm"), "(0008,0018)") != tag(dicom, "(0008,0018)"));
        QVERIFY2(tag(tmp.filePath("sc.dcm"), "(0008,103e)").startsWith("CXR Ground heat map: Small left"), qPrintable(tag(tmp.filePath("sc.dcm"), "(0008,103e)")));
        QCOMPARE(tag(tmp.filePath("sc.dcm"), "(0010,0010)"), tag(dicom, "(0010,0010)"));
    }

    void cleanupTestCase() {
        w.reset();
        QSettings().clear();
    }
};

QTEST_MAIN(TestExportActions)
#include "test_export_actions.moc"
