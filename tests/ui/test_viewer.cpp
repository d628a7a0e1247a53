// The real main window, offscreen: open, window/level, zoom, rotate, invert, bad files, folder
// scan, tag browser, shortcuts, scripted screenshots.
#include "app.h"
#include "dialogs.h"
#include "mainwindow.h"
#include "theme.h"
#include "viewport.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolBar>
#include <QTreeWidget>
#include <QWidgetAction>
#include <QtTest>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <cmath>

using namespace cxr;
using namespace cxr::ui;

namespace {

QString data(const QString& rel) { return QStringLiteral(CXRG_TEST_DATA "/") + rel; }

bool waitShown(MainWindow& w, const QString& path) {
    QSignalSpy shown(&w, &MainWindow::imageShown);
    QSignalSpy failed(&w, &MainWindow::loadFailed);
    w.showFile(path);
    for (int i = 0; i < 300 && shown.isEmpty() && failed.isEmpty(); ++i) shown.wait(100);
    return !shown.isEmpty();
}

// Grey value on screen at a viewport position.
int screenGrey(Viewport* v, QPoint p) {
    const QImage img = v->grab().toImage();
    return qGray(img.pixel(p));
}

void sendMouse(QWidget* w, QEvent::Type type, QPointF pos, Qt::MouseButton button, Qt::MouseButtons buttons) {
    QMouseEvent e(type, pos, w->mapToGlobal(pos), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(w, &e);
}

// With CXRG_SCREENSHOT_DIR set, saves a widget grab there (documentation screenshots).
void saveShot(QWidget* w, const char* name) {
    const QString dir = qEnvironmentVariable("CXRG_SCREENSHOT_DIR");
    if (dir.isEmpty()) return;
    QCoreApplication::processEvents();
    QTest::qWait(300);  // thumbnails
    w->grab().save(dir + QLatin1Char('/') + QLatin1String(name));
}

}  // namespace

class TestViewer : public QObject {
    Q_OBJECT
    std::unique_ptr<MainWindow> w;

private Q_SLOTS:
    void initTestCase() {
        QApplication::setOrganizationName(QStringLiteral("CXR Ground Tests"));
        QApplication::setApplicationName(QStringLiteral("test_viewer"));
        QSettings().clear();
        applyTheme(Theme::Dark);
        w = std::make_unique<MainWindow>();
        w->setShowErrorDialogs(false);
        w->resize(1200, 900);
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    }

    void opensADicomAndShowsItsPixels() {
        const QString path = data("dicom-chest/siim_nih_CR_chest_jpegbaseline.dcm");
        QVERIFY(waitShown(*w, path));
        QCOMPARE(w->currentFile(), path);
        QVERIFY(w->windowTitle().contains("siim_nih_CR_chest_jpegbaseline.dcm"));
        Viewport* v = w->viewport();
        QCOMPARE(v->rendered().width(), 1024);
        // The rendering equals the core pipeline's default display.
        const LoadResult r = loadImage(path);
        Renderer ren;
        const Rendered ref = ren.render(*r.image, defaultDisplay(*r.image));
        QCOMPARE(v->rendered().pixel(300, 400) & 0xff, uint(ref.pixels[400 * 1024 + 300]));
        // At 1:1, the screen pixel at the centre is the rendered pixel under it.
        v->oneToOne();
        const QPoint c(v->width() / 2, v->height() / 2);
        int ix = 0, iy = 0;
        QVERIFY(v->imagePixelAt(QPointF(c) + QPointF(0.5, 0.5), &ix, &iy));
        QCOMPARE(screenGrey(v, c), int(ref.pixels[size_t(iy) * 1024 + ix]));
        // Fit shows the whole image.
        v->fit();
        const auto& g = v->geometry();
        QVERIFY(g.orientedWidth() * g.zoom() <= v->width() + 0.5);
        QVERIFY(g.orientedHeight() * g.zoom() <= v->height() + 0.5);
        QVERIFY(std::fabs(g.orientedWidth() * g.zoom() - v->width()) < 1 || std::fabs(g.orientedHeight() * g.zoom() - v->height()) < 1);
    }

    void statusShowsOriginalPixelAndValues() {
        Viewport* v = w->viewport();
        v->fit();
        const PointF s = v->geometry().imageToScreen({100.5, 200.5});
        sendMouse(v, QEvent::MouseMove, QPointF(s.x, s.y), Qt::NoButton, Qt::NoButton);
        QVERIFY2(w->statusText().contains("x 100  y 200"), qPrintable(w->statusText()));
        const int32_t stored = v->image()->storedAt(100, 200);
        QVERIFY2(w->statusText().contains(QStringLiteral("stored %1").arg(stored)), qPrintable(w->statusText()));
        QVERIFY(w->statusText().contains("mm/px"));  // Pixel Spacing 0.168
    }

    void rightDragChangesWindowLevel() {
        Viewport* v = w->viewport();
        v->resetDisplay();
        const Window before = v->display().window;
        const QPointF p0(v->width() / 2.0, v->height() / 2.0);
        sendMouse(v, QEvent::MouseButtonPress, p0, Qt::RightButton, Qt::RightButton);
        sendMouse(v, QEvent::MouseMove, p0 + QPointF(-150, 0), Qt::NoButton, Qt::RightButton);
        sendMouse(v, QEvent::MouseButtonRelease, p0 + QPointF(-150, 0), Qt::RightButton, Qt::NoButton);
        const Window narrower = v->display().window;
        QVERIFY2(narrower.width < before.width, qPrintable(QString("%1 -> %2").arg(before.width).arg(narrower.width)));
        QCOMPARE(narrower.center, before.center);
        // Narrower window: more contrast between a dark and a bright pixel.
        Renderer a, b;
        DisplaySettings d0 = v->display();
        d0.window = before;
        a.buildLut(*v->image(), d0);
        b.buildLut(*v->image(), v->display());
        const int lo = int(before.center - before.width / 4), hi = int(before.center + before.width / 4);
        QVERIFY(std::abs(b.map(hi) - b.map(lo)) > std::abs(a.map(hi) - a.map(lo)));
        // Vertical drag moves the centre.
        sendMouse(v, QEvent::MouseButtonPress, p0, Qt::RightButton, Qt::RightButton);
        sendMouse(v, QEvent::MouseMove, p0 + QPointF(0, 80), Qt::NoButton, Qt::RightButton);
        sendMouse(v, QEvent::MouseButtonRelease, p0 + QPointF(0, 80), Qt::RightButton, Qt::NoButton);
        QVERIFY(v->display().window.center < narrower.center);
        QVERIFY(w->statusText().contains("C "));
    }

    void wheelZoomKeepsThePointUnderTheCursor() {
        Viewport* v = w->viewport();
        v->fit();
        const QPointF cursor(v->width() * 0.3, v->height() * 0.6);
        const PointF before = v->geometry().screenToImage({cursor.x(), cursor.y()});
        const double z0 = v->geometry().zoom();
        QWheelEvent e(cursor, v->mapToGlobal(cursor), QPoint(), QPoint(0, 240), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
        QApplication::sendEvent(v, &e);
        QVERIFY(v->geometry().zoom() > z0 * 1.5);
        const PointF after = v->geometry().screenToImage({cursor.x(), cursor.y()});
        QVERIFY(std::fabs(after.x - before.x) < 0.5 && std::fabs(after.y - before.y) < 0.5);
        v->oneToOne();
        QCOMPARE(v->geometry().zoom() * v->devicePixelRatioF(), 1.0);
    }

    void rotateAndFlipMapPixelsAsExpected() {
        QVERIFY(waitShown(*w, data("png-chest/nih_cxr14_00000001_000.png")));
        Viewport* v = w->viewport();
        const QImage r = v->rendered();
        v->rotateClockwise();
        QCOMPARE(v->geometry().rotation(), 90);
        v->oneToOne();
        // Top-left image pixel is now at the top-right of the image on screen.
        const PointF tl = v->geometry().imageToScreen({0.5, 0.5});
        const PointF tr = v->geometry().imageToScreen({r.width() - 0.5, 0.5});
        QVERIFY(tl.x > tr.x - 1e-9 || std::fabs(tl.y - tr.y) > 1);  // the image's top row runs down
        QCOMPARE(tl.y < tr.y, true);
        // A screen pixel shows the image pixel the geometry maps it to.
        const QPoint p(v->width() / 2 + 37, v->height() / 2 - 21);
        int ix = 0, iy = 0;
        QVERIFY(v->imagePixelAt(QPointF(p) + QPointF(0.5, 0.5), &ix, &iy));
        QCOMPARE(screenGrey(v, p), qGray(r.pixel(ix, iy)));
        v->flipHorizontal();
        QVERIFY(v->imagePixelAt(QPointF(p) + QPointF(0.5, 0.5), &ix, &iy));
        QCOMPARE(screenGrey(v, p), qGray(r.pixel(ix, iy)));
        v->resetView();
        QCOMPARE(v->geometry().rotation(), 0);
        QVERIFY(!v->geometry().flippedH());
    }

    void invertGivesTheNegative() {
        Viewport* v = w->viewport();
        v->resetView();
        v->oneToOne();  // one image pixel per device pixel: no filtering between neighbours
        const QPoint p(v->width() / 2, v->height() / 2);
        const int before = screenGrey(v, p);
        v->setInverted(true);
        QCOMPARE(screenGrey(v, p), 255 - before);
        v->setInverted(false);
        QCOMPARE(screenGrey(v, p), before);
    }

    void fitFollowsWindowResize() {
        Viewport* v = w->viewport();
        v->fit();
        const QSize old = w->size();
        w->resize(old.width() - 300, old.height() - 250);
        QTRY_VERIFY(v->width() < old.width() - 250);
        QCoreApplication::processEvents();
        const auto& g = v->geometry();
        // The whole image is visible and fills the view in one direction.
        const PointF a = g.imageToScreen({0, 0});
        const PointF b = g.imageToScreen({double(g.width()), double(g.height())});
        QVERIFY(std::min(a.x, b.x) >= -0.5 && std::max(a.x, b.x) <= v->width() + 0.5);
        QVERIFY(std::min(a.y, b.y) >= -0.5 && std::max(a.y, b.y) <= v->height() + 0.5);
        QVERIFY(std::fabs(std::fabs(b.x - a.x) - v->width()) < 1 || std::fabs(std::fabs(b.y - a.y) - v->height()) < 1);
        w->resize(old);
    }

    void toolbarActionsHaveIcons() {
        auto* tb = w->findChild<QToolBar*>("mainToolbar");
        QVERIFY(tb);
        int buttons = 0;
        for (QAction* a : tb->actions()) {
            if (a->isSeparator() || qobject_cast<QWidgetAction*>(a)) continue;
            ++buttons;
            QVERIFY2(!a->icon().pixmap(24, 24).isNull(), qPrintable(a->text()));
        }
        QVERIFY(buttons >= 8);
    }

    void badFilesShowAClearMessageAndKeepTheImage_data() {
        QTest::addColumn<QString>("file");
        for (const QString& f : QDir(data("dicom-malformed")).entryList(QDir::Files)) QTest::newRow(qPrintable(f)) << "dicom-malformed/" + f;
        QTest::newRow("truncated") << "dicom-derived/cr10chest_TRUNCATED-pixeldata.dcm";
    }
    void badFilesShowAClearMessageAndKeepTheImage() {
        QFETCH(QString, file);
        QVERIFY(waitShown(*w, data("png-chest/nih_cxr14_00027426_000.png")));
        const bool shown = waitShown(*w, data(file));
        if (shown) return;  // a damaged file that still decodes (checked in test_imaging)
        QVERIFY2(w->lastError().contains(QFileInfo(file).fileName()), qPrintable(w->lastError()));
        QVERIFY(w->viewport()->hasImage());
        QVERIFY(w->currentFile().endsWith("nih_cxr14_00027426_000.png"));
    }

    void folderScanDoesNotBlockAndListsSkippedFiles() {
        QSignalSpy done(w.get(), &MainWindow::scanFinished);
        bool eventBeforeDone = false;
        QTimer::singleShot(0, this, [&] { eventBeforeDone = done.isEmpty(); });
        w->openFolder(data(""));
        QVERIFY(w->scanning());  // openFolder returned while the scan runs on a worker thread
        for (int i = 0; i < 600 && done.isEmpty(); ++i) done.wait(100);
        QVERIFY(!done.isEmpty());
        QVERIFY(eventBeforeDone);  // the event loop ran while the scan was still going
        QVERIFY(w->browser()->topLevelItemCount() >= 3);
        QVERIFY(!w->lastScan().skipped.empty());
        QVERIFY(w->lastError().contains("pydicom_rtplan_truncated.dcm"));
        // Selecting a file in the browser shows it.
        QTreeWidgetItem* fileItem = nullptr;
        for (QTreeWidgetItemIterator it(w->browser()); *it; ++it)
            if ((*it)->data(0, Qt::UserRole + 1).toString().endsWith("txv_Fake_MONOHR1.dcm")) fileItem = *it;
        QVERIFY(fileItem);
        QSignalSpy shown(w.get(), &MainWindow::imageShown);
        w->browser()->setCurrentItem(fileItem);
        QVERIFY(shown.wait(20000));
        QVERIFY(w->currentFile().endsWith("txv_Fake_MONOHR1.dcm"));
    }

    void tagBrowserSearchesAndKeepsMarkupLiteral() {
        QTemporaryDir tmp;
        const QString p = tmp.filePath("markup.dcm");
        {
            DcmFileFormat ff;
            DcmDataset* ds = ff.getDataset();
            char uid[100];
            ds->putAndInsertString(DCM_SOPClassUID, UID_SecondaryCaptureImageStorage);
            ds->putAndInsertString(DCM_SOPInstanceUID, dcmGenerateUniqueIdentifier(uid));
            ds->putAndInsertString(DCM_PatientName, "<script>alert(1)</script>^<b>bold</b>");
            ds->putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
            ds->putAndInsertUint16(DCM_SamplesPerPixel, 1);
            ds->putAndInsertUint16(DCM_Rows, 4);
            ds->putAndInsertUint16(DCM_Columns, 4);
            ds->putAndInsertUint16(DCM_BitsAllocated, 8);
            ds->putAndInsertUint16(DCM_BitsStored, 8);
            ds->putAndInsertUint16(DCM_HighBit, 7);
            ds->putAndInsertUint16(DCM_PixelRepresentation, 0);
            const Uint8 px[16] = {0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150};
            ds->putAndInsertUint8Array(DCM_PixelData, px, 16);
            QVERIFY(ff.saveFile(QFile::encodeName(p).constData(), EXS_LittleEndianExplicit).good());
        }
        QVERIFY(waitShown(*w, p));
        TagDialog* d = w->tagDialog();
        d->showFile(p);
        const int all = d->visibleRows();
        QVERIFY(all > 10);
        d->searchField()->setText("PatientName");
        QCOMPARE(d->visibleRows(), 1);
        QCOMPARE(d->valueAt(0), QString("<script>alert(1)</script>^<b>bold</b>"));
        d->searchField()->setText("0028,0010");  // by tag
        QCOMPARE(d->visibleRows(), 1);
        d->searchField()->clear();
        QCOMPARE(d->visibleRows(), all);
        if (!qEnvironmentVariableIsEmpty("CXRG_SCREENSHOT_DIR")) {
            d->showFile(data("dicom-chest/wg04_RG1_J2KI.dcm"));
            d->resize(900, 600);
            d->show();
            QVERIFY(QTest::qWaitForWindowExposed(d));
            saveShot(d, "tag-browser.png");
            d->hide();
        }
    }

    void shortcutsDialogListsEveryShortcut() {
        const auto rows = ShortcutsDialog::rows(w->shortcutActions());
        for (QAction* a : w->shortcutActions()) QVERIFY2(!a->shortcuts().isEmpty(), qPrintable(a->text()));
        QCOMPARE(rows.size(), w->shortcutActions().size());
        bool invert = false;
        for (const auto& [name, keys] : rows)
            if (keys == "I") invert = true;
        QVERIFY(invert);
    }

    void multiFrameFilesShowAFrameSelector() {
        QTemporaryDir tmp;
        const QString p = tmp.filePath("mf.dcm");
        {
            DcmFileFormat ff;
            DcmDataset* ds = ff.getDataset();
            char uid[100];
            ds->putAndInsertString(DCM_SOPClassUID, UID_SecondaryCaptureImageStorage);
            ds->putAndInsertString(DCM_SOPInstanceUID, dcmGenerateUniqueIdentifier(uid));
            ds->putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
            ds->putAndInsertString(DCM_NumberOfFrames, "3");
            ds->putAndInsertUint16(DCM_SamplesPerPixel, 1);
            ds->putAndInsertUint16(DCM_Rows, 8);
            ds->putAndInsertUint16(DCM_Columns, 8);
            ds->putAndInsertUint16(DCM_BitsAllocated, 8);
            ds->putAndInsertUint16(DCM_BitsStored, 8);
            ds->putAndInsertUint16(DCM_HighBit, 7);
            ds->putAndInsertUint16(DCM_PixelRepresentation, 0);
            Uint8 px[3 * 64];
            for (int i = 0; i < 3 * 64; ++i) px[i] = Uint8((i / 64) * 100 + (i % 64));
            ds->putAndInsertUint8Array(DCM_PixelData, px, 3 * 64);
            QVERIFY(ff.saveFile(QFile::encodeName(p).constData(), EXS_LittleEndianExplicit).good());
        }
        QVERIFY(waitShown(*w, p));
        QCOMPARE(w->viewport()->image()->storedAt(1, 0), 1);
        QSignalSpy shown(w.get(), &MainWindow::imageShown);
        w->showFile(p, 2);
        QVERIFY(shown.wait(20000));
        QCOMPARE(w->viewport()->image()->storedAt(1, 0), 201);
    }

    void scriptedScreenshot() {
        const QString exe = QStringLiteral(CXRG_BINARY_DIR "/app/cxr-viewer");
        QTemporaryDir tmp;
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("QT_QPA_PLATFORM", "offscreen");
        env.insert("XDG_CONFIG_HOME", tmp.path());
        p.setProcessEnvironment(env);
        const QString out = tmp.filePath("shot.png");
        p.start(exe, {data("dicom-chest/wg04_RG1_J2KI.dcm"), "--screenshot", out, "--size", "1000x700"});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 0);
        const QImage img(out);
        QCOMPARE(img.size(), QSize(1000, 700));
        // A bad file: exit code 1 and a message naming it.
        p.start(exe, {data("dicom-malformed/pydicom_badVR.dcm"), "--screenshot", tmp.filePath("bad.png")});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 1);
        QVERIFY(p.readAllStandardError().contains("pydicom_badVR.dcm"));
        QVERIFY(!QFile::exists(tmp.filePath("bad.png")));
    }

    void recentFilesKeepTheNewestFirst() {
        RecentFiles::clear();
        for (int i = 0; i < 12; ++i) RecentFiles::add(QStringLiteral("/tmp/file%1.dcm").arg(i));
        const QStringList l = RecentFiles::list();
        QCOMPARE(l.size(), RecentFiles::kMax);
        QCOMPARE(l.first(), QString("/tmp/file11.dcm"));
        RecentFiles::remove("/tmp/file11.dcm");
        QCOMPARE(RecentFiles::list().first(), QString("/tmp/file10.dcm"));
    }

    void cleanupTestCase() {
        w.reset();
        QSettings().clear();
    }
};

QTEST_MAIN(TestViewer)
#include "test_viewer.moc"
