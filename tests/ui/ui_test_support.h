// Shared by the UI tests (one file per class or feature): test data, the real main window,
// waiting for images and groundings, README screenshots.
#pragma once

#include "grounding.h"
#include "mainwindow.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QScrollArea>
#include <QScrollBar>
#include <QMouseEvent>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace uitest {

// How long a test waits for one grounding request. The UI tests ground at 30 steps (seconds on an
// idle machine); a loaded 2-core machine can take minutes, and waiting longer never slows a test
// that passes (ctest's limit for a whole test file is 30 minutes).
constexpr int kGroundingWaitMs = 1500000;

inline QString data(const QString& rel) { return QStringLiteral(CXRG_TEST_DATA "/") + rel; }

// Settings of the test program only, cleared: every test file starts from a fresh user. Caches
// (the trajectory cache of prepared images) go to a temporary folder, never the user's; preparing
// images in the background is off unless a test turns it on (test_preparation), so that UNet call
// counts stay exact.
inline void initApplication(const char* name) {
    QApplication::setOrganizationName(QStringLiteral("CXR Ground Tests"));
    QApplication::setApplicationName(QString::fromLatin1(name));
    QSettings().clear();
    static QTemporaryDir cacheHome;
    qputenv("XDG_CACHE_HOME", cacheHome.path().toLocal8Bit());
    QSettings().setValue(QStringLiteral("preparation/background"), false);
}

// The real main window, shown, with error dialogs off (errors land in lastError()).
inline std::unique_ptr<cxr::ui::MainWindow> makeWindow(QSize size) {
    auto w = std::make_unique<cxr::ui::MainWindow>();
    w->setShowErrorDialogs(false);
    w->resize(size);
    w->show();
    if (!QTest::qWaitForWindowExposed(w.get())) return nullptr;
    return w;
}

// Shows a file and waits: true when it was shown, false when loading failed or timed out.
inline bool waitShown(cxr::ui::MainWindow& w, const QString& path, int frame = 0) {
    QSignalSpy shown(&w, &cxr::ui::MainWindow::imageShown);
    QSignalSpy failed(&w, &cxr::ui::MainWindow::loadFailed);
    w.showFile(path, frame);
    for (int i = 0; i < 300 && shown.isEmpty() && failed.isEmpty(); ++i) shown.wait(100);
    return !shown.isEmpty();
}

// Loads the small test model (random weights) into the window's grounding panel.
inline bool loadTestModel(cxr::ui::MainWindow& w) {
    cxr::ui::GroundingPanel* g = w.groundingPanel();
    QSignalSpy state(g, &cxr::ui::GroundingPanel::modelStateChanged);
    g->setModelFolder(data("model-small"));
    for (int i = 0; i < 600 && !g->modelReady() && (state.isEmpty() || g->lastError().isEmpty()); ++i) state.wait(100);
    return g->modelReady();
}

// Grounds on the current image with the panel's method settings and waits for the result (or the
// failure).
inline bool groundAndWait(cxr::ui::GroundingPanel* g, const QStringList& prompts) {
    QSignalSpy done(g, &cxr::ui::GroundingPanel::groundingFinished);
    QSignalSpy failed(g, &cxr::ui::GroundingPanel::groundingFailed);
    g->ground(prompts);
    for (int i = 0; i < kGroundingWaitMs / 100 && done.isEmpty() && failed.isEmpty(); ++i) done.wait(100);
    return !done.isEmpty();
}

inline void sendMouse(QWidget* w, QEvent::Type type, QPointF pos, Qt::MouseButton button, Qt::MouseButtons buttons) {
    QMouseEvent e(type, pos, w->mapToGlobal(pos), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(w, &e);
}

// Every visible button of the window lies inside it (in a scroll area, such as the grounding
// panel, it may be scrolled to vertically, never sideways), and no scroll area's content is wider
// than its view. False with the first problem in `problem`.
inline bool buttonsInside(QWidget* w, const QString& when, QString* problem) {
    QCoreApplication::processEvents();
    QTest::qWait(50);
    const QRect window = w->rect();
    if (w->minimumSizeHint().width() > w->width()) {
        *problem = QStringLiteral("%1: the window needs %2 px, has %3").arg(when).arg(w->minimumSizeHint().width()).arg(w->width());
        return false;
    }
    for (QAbstractButton* b : w->findChildren<QAbstractButton*>()) {
        if (!b->isVisibleTo(w) || b->window() != w) continue;
        QRect r(b->mapTo(w, QPoint(0, 0)), b->size());
        for (QWidget* p = b->parentWidget(); p; p = p->parentWidget())
            if (qobject_cast<QScrollArea*>(p)) {
                r.moveTop(std::clamp(r.top(), 0, std::max(0, window.height() - r.height())));
                break;
            }
        if (!window.contains(r)) {
            *problem = QStringLiteral("%1: %2 at %3,%4 %5x%6 outside %7x%8")
                           .arg(when, b->text().isEmpty() ? b->toolTip() : b->text())
                           .arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height())
                           .arg(window.width()).arg(window.height());
            return false;
        }
    }
    for (QScrollArea* a : w->findChildren<QScrollArea*>())
        if (a->isVisibleTo(w) && a->widget()) {
            if (a->horizontalScrollBar()->value() != 0 || a->widget()->width() > a->viewport()->width()) {
                *problem = QStringLiteral("%1: content %2 px in %3 px, scrolled sideways by %4")
                               .arg(when).arg(a->widget()->width()).arg(a->viewport()->width()).arg(a->horizontalScrollBar()->value());
                return false;
            }
        }
    return true;
}

// README pictures: with CXRG_SCREENSHOT_DIR set (e.g. docs/screenshots, under xvfb-run), saves a
// grab of the widget there.
inline bool screenshot(QWidget* widget, const QString& name) {
    const QString dir = qEnvironmentVariable("CXRG_SCREENSHOT_DIR");
    if (dir.isEmpty()) return true;
    QCoreApplication::processEvents();
    QTest::qWait(300);  // thumbnails, layout
    return widget->grab().save(QDir(dir).filePath(name));
}

}  // namespace uitest
