// The main window's reading tools: measuring tools and the Measurements dock, corner text and
// orientation markers, window presets by number key, keyboard reading (images, series, the
// sentence box, Esc), and the side-by-side layouts (current and prior, PA and lateral).
#include "mainwindow.h"

#include "compare.h"
#include "grounding.h"
#include "measurements_panel.h"
#include "side_by_side.h"
#include "theme.h"

#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QFileInfo>
#include <QKeyEvent>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QtConcurrent>

#include <algorithm>

namespace cxr::ui {

namespace {
bool isFrontal(const QString& view) {
    const QString v = view.trimmed().toUpper();
    return v == QLatin1String("PA") || v == QLatin1String("AP");
}
bool isLateral(const QString& view) {
    const QString v = view.trimmed().toUpper();
    return v == QLatin1String("LL") || v == QLatin1String("RL") || v == QLatin1String("LATERAL") || v == QLatin1String("LAT");
}
}  // namespace

QSize MainWindow::firstStartSize(const QRect& available) {
    // The window manager adds a title bar and a frame (about 40 and 10 px) to the window's size.
    return QSize(std::min(1280, std::max(640, available.width() - 10)), std::min(860, std::max(480, available.height() - 40)));
}

void MainWindow::buildReadingActions() {
    auto make = [this](const QString& text, const QKeySequence& key) {
        auto* a = new QAction(text, this);
        if (!key.isEmpty()) a->setShortcut(key);
        addAction(a);
        return a;
    };
    // Measuring tools: one at a time; the left button draws with it until Esc.
    struct Tool {
        MeasureTool tool;
        QString text, hint;
        Qt::Key key;
        const char* icon;
    };
    const QList<Tool> tools{
        {MeasureTool::Distance, tr("Measure &distance"), tr("Distance: drag from one end to the other."), Qt::Key_L, "measure-distance"},
        {MeasureTool::Angle, tr("Measure &angle"), tr("Angle: drag the first arm towards the vertex, then click the end of the second arm."),
         Qt::Key_A, "measure-angle"},
        {MeasureTool::Rectangle, tr("&Rectangle region"), tr("Rectangle: drag from one corner to the other (area, mean, SD)."), Qt::Key_Q,
         "measure-rectangle"},
        {MeasureTool::Ellipse, tr("&Ellipse region"), tr("Ellipse: drag its bounding box (area, mean, SD)."), Qt::Key_E, "measure-ellipse"},
        {MeasureTool::CardiothoracicRatio, tr("&Cardiothoracic ratio"),
         tr("Cardiothoracic ratio: drag the widest width of the heart, then the widest inner width of the thorax (both kept level)."),
         Qt::Key_C, "measure-ctr"}};
    auto* group = new QActionGroup(this);
    group->setExclusionPolicy(QActionGroup::ExclusionPolicy::ExclusiveOptional);
    const QColor iconColour = palette().color(QPalette::Active, QPalette::ButtonText);
    for (const Tool& t : tools) {
        QAction* a = make(t.text, QKeySequence(t.key));
        a->setCheckable(true);
        a->setIcon(tintedIcon(QLatin1String(t.icon), iconColour));
        a->setData(QLatin1String(t.icon));
        QString plain = t.text;
        plain.remove(QLatin1Char('&'));
        a->setToolTip(QStringLiteral("%1 (%2)").arg(plain, QKeySequence(t.key).toString(QKeySequence::NativeText)));
        group->addAction(a);
        const MeasureTool tool = t.tool;
        const QString hint = t.hint;
        connect(a, &QAction::toggled, this, [this, tool, hint](bool on) {
            if (on) {
                if (layout() != Layout::Single) setLayout(Layout::Single);  // measurements belong to the main view
                if (drawBoxesAct_->isChecked()) drawBoxesAct_->setChecked(false);
                viewport_->setTool(tool);
                measureVisibleAct_->setChecked(true);
                statusBar()->showMessage(hint + QLatin1Char(' ') + tr("Esc leaves the tool."));
            } else if (viewport_->tool() == tool) {
                viewport_->setTool(MeasureTool::None);
                statusBar()->clearMessage();
            }
        });
        toolActs_ << a;
    }
    measureVisibleAct_ = make(tr("Show &measurements"), QKeySequence(Qt::SHIFT | Qt::Key_M));
    measureVisibleAct_->setCheckable(true);
    measureVisibleAct_->setChecked(true);
    connect(measureVisibleAct_, &QAction::toggled, viewport_, &Viewport::setMeasurementsVisible);

    measurePanel_ = new MeasurementsPanel(viewport_, toolActs_, this);
    addDockWidget(Qt::LeftDockWidgetArea, measurePanel_);
    connect(viewport_, &Viewport::measurementsChanged, this, &MainWindow::measurementsEdited);

    infoAct_ = make(tr("Image &information (corner text, orientation)"), QKeySequence(Qt::Key_T));
    infoAct_->setCheckable(true);
    infoAct_->setIcon(tintedIcon(QStringLiteral("corner-text"), iconColour));
    connect(infoAct_, &QAction::toggled, this, [this](bool on) {
        viewport_->setInfoVisible(on);
        pair_->setInfoVisible(on);
        QSettings().setValue(QStringLiteral("viewer/info"), on);
    });
    infoAct_->setChecked(QSettings().value(QStringLiteral("viewer/info"), true).toBool());
    viewport_->setInfoVisible(infoAct_->isChecked());
    pair_->setInfoVisible(infoAct_->isChecked());
    viewport_->setCornerFields(savedCornerFields());
    pair_->setCornerFields(savedCornerFields());

    // Window presets by number key, in the order of the Window list.
    for (int i = 0; i < 9; ++i) {
        QAction* a = make(tr("Window preset %1").arg(i + 1), QKeySequence(Qt::Key_1 + i));
        connect(a, &QAction::triggered, this, [this, i] {
            if (i >= presets_->count()) return;
            presets_->setCurrentIndex(i);
            applyPreset(i);
        });
        presetActs_ << a;
    }

    // Keyboard reading from the image itself (the tree has its own arrow keys).
    auto reading = [&](const QString& text, const QKeySequence& key) {
        QAction* a = make(text, key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        removeAction(a);
        stack_->addAction(a);
        return a;
    };
    nextImageAct_ = reading(tr("Next image"), QKeySequence(Qt::Key_Down));
    prevImageAct_ = reading(tr("Previous image"), QKeySequence(Qt::Key_Up));
    nextSeriesAct_ = reading(tr("Next series"), QKeySequence(Qt::Key_Right));
    prevSeriesAct_ = reading(tr("Previous series"), QKeySequence(Qt::Key_Left));
    connect(nextImageAct_, &QAction::triggered, this, [this] { stepImage(1); });
    connect(prevImageAct_, &QAction::triggered, this, [this] { stepImage(-1); });
    connect(nextSeriesAct_, &QAction::triggered, this, [this] { stepSeries(1); });
    connect(prevSeriesAct_, &QAction::triggered, this, [this] { stepSeries(-1); });
    sentenceAct_ = make(tr("Go to the sentence box"), QKeySequence(Qt::Key_S));
    connect(sentenceAct_, &QAction::triggered, this, [this] {
        grounding_->show();
        grounding_->raise();
        grounding_->promptEdit()->setFocus(Qt::ShortcutFocusReason);
        grounding_->promptEdit()->moveCursor(QTextCursor::End);
    });

    // Layouts: one image, the compare grid, current and prior, PA and lateral.
    singleAct_ = make(tr("&Single image"), QKeySequence());  // each layout's key also toggles back to it
    priorAct_ = make(tr("Current and &prior study"), QKeySequence(tr("Ctrl+Shift+P")));
    paLatAct_ = make(tr("PA and &lateral"), QKeySequence(tr("Ctrl+Shift+L")));
    for (QAction* a : {singleAct_, priorAct_, paLatAct_}) a->setCheckable(true);
    singleAct_->setChecked(true);
    connect(singleAct_, &QAction::triggered, this, [this] { setLayout(Layout::Single); });
    connect(priorAct_, &QAction::triggered, this, [this](bool on) { setLayout(on ? Layout::PriorCurrent : Layout::Single); });
    connect(paLatAct_, &QAction::triggered, this, [this](bool on) { setLayout(on ? Layout::PaLateral : Layout::Single); });
    connect(&pairWatcher_, &QFutureWatcher<LoadResult>::finished, this, [this] {
        // Kept for the layout, which decides again what to show (the current image may have changed).
        const LoadResult r = pairWatcher_.result();
        pairPath_ = pairLoading_;
        pairLoading_.clear();
        pairImage_ = r.ok() ? r.image : nullptr;
        pairError_ = r.ok() ? QString() : r.error;
        if (layout() == Layout::PriorCurrent || layout() == Layout::PaLateral) fillSideBySide();
    });
    connect(pair_, &SideBySideView::cursorMoved, this, [this](Viewport* v, int x, int y) {
        statusView_ = v;
        updateCursor(x, y);
    });
}

QAction* MainWindow::toolAction(MeasureTool tool) const {
    const int i = int(tool) - int(MeasureTool::Distance);
    return i >= 0 && i < toolActs_.size() ? toolActs_[i] : nullptr;
}

void MainWindow::setCornerFields(CornerFields fields) {
    saveCornerFields(fields);
    viewport_->setCornerFields(fields);
    pair_->setCornerFields(fields);
}

void MainWindow::leaveTools() {
    for (QAction* a : toolActs_) a->setChecked(false);
    viewport_->setTool(MeasureTool::None);
    if (drawBoxesAct_->isChecked()) drawBoxesAct_->setChecked(false);
    statusBar()->clearMessage();
}

void MainWindow::keyPressEvent(QKeyEvent* e) {
    if (e->key() == Qt::Key_Escape) {  // from the view, the panels or the tree: leave the tool
        leaveTools();
        e->accept();
        return;
    }
    QMainWindow::keyPressEvent(e);
}

void MainWindow::measurementsEdited() {
    imageMeasurements_.insert(imageKey(), viewport_->measurements());
    updateHeartNote();
}

void MainWindow::updateHeartNote() {
    const QVector<Measurement> ms = viewport_->measurements();
    QString text;
    for (int i = int(ms.size()) - 1; i >= 0 && text.isEmpty(); --i)
        if (ms[i].kind == MeasureKind::CardiothoracicRatio) {
            const MeasureValues v = viewport_->measurementValues(i);
            text = measurementText(ms[i], v, true);
            const auto img = viewport_->image();
            if (img && img->info.viewPosition.trimmed().toUpper() == QLatin1String("AP"))
                text += tr(" (AP view: the heart is magnified)");
        }
    grounding_->setCardiothoracicRatio(text);
}

// ---- keyboard reading --------------------------------------------------------------------------

bool MainWindow::stepImage(int delta) {
    const QStringList paths = browser_->paths();
    if (paths.isEmpty()) return false;
    const int i = int(paths.indexOf(currentFile_));
    const int j = i < 0 ? (delta > 0 ? 0 : int(paths.size()) - 1) : i + delta;
    if (j < 0 || j >= paths.size()) {
        statusBar()->showMessage(delta > 0 ? tr("This is the last image of the open studies.") : tr("This is the first image of the open studies."),
                                 4000);
        return false;
    }
    showFile(paths[j], 0);
    return true;
}

bool MainWindow::stepSeries(int delta) {
    QVector<QStringList> series;  // the files of each series, in the browser's order
    int here = -1;
    for (const auto& p : lastScan_.patients)
        for (const auto& st : p.studies)
            for (const auto& se : st.series) {
                QStringList files;
                for (const auto& f : se.files) files << f.path;
                if (files.isEmpty()) continue;
                if (files.contains(currentFile_)) here = int(series.size());
                series << files;
            }
    if (series.isEmpty()) return false;
    const int j = here < 0 ? (delta > 0 ? 0 : int(series.size()) - 1) : here + delta;
    if (j < 0 || j >= series.size()) {
        statusBar()->showMessage(delta > 0 ? tr("This is the last series of the open studies.") : tr("This is the first series of the open studies."),
                                 4000);
        return false;
    }
    showFile(series[j].first(), 0);
    return true;
}

// ---- layouts -----------------------------------------------------------------------------------

const ScannedFile* MainWindow::scannedFile(const QString& path) const {
    for (const auto& p : lastScan_.patients)
        for (const auto& st : p.studies)
            for (const auto& se : st.series)
                for (const auto& f : se.files)
                    if (f.path == path) return &f;
    return nullptr;
}

QString MainWindow::priorOf(const QString& path) const {
    const ScannedFile* cur = scannedFile(path);
    if (!cur) return {};
    for (const auto& p : lastScan_.patients) {
        if (p.patientId != cur->info.patientId || p.name != cur->info.patientName) continue;
        // The latest study dated before this one; else the latest other study.
        const ScannedStudy* best = nullptr;
        bool bestEarlier = false;
        for (const auto& st : p.studies) {
            if (st.studyUid == cur->info.studyInstanceUid || st.series.empty()) continue;
            const bool earlier = !st.date.isEmpty() && !cur->info.studyDate.isEmpty() && st.date < cur->info.studyDate;
            if (!best || (earlier && !bestEarlier) || (earlier == bestEarlier && st.date > best->date)) {
                best = &st;
                bestEarlier = earlier;
            }
        }
        if (!best) return {};
        // The same view as the current image when the prior has one, else its first image.
        for (const auto& se : best->series)
            for (const auto& f : se.files)
                if (!cur->info.viewPosition.isEmpty() && f.info.viewPosition.trimmed().toUpper() == cur->info.viewPosition.trimmed().toUpper())
                    return f.path;
        for (const auto& se : best->series)
            if (!se.files.empty()) return se.files.front().path;
    }
    return {};
}

QString MainWindow::otherViewOf(const QString& path) const {
    const ScannedFile* cur = scannedFile(path);
    if (!cur) return {};
    const bool frontal = isFrontal(cur->info.viewPosition), lateral = isLateral(cur->info.viewPosition);
    if (!frontal && !lateral) return {};
    for (const auto& p : lastScan_.patients)
        for (const auto& st : p.studies) {
            if (st.studyUid != cur->info.studyInstanceUid) continue;
            for (const auto& se : st.series)
                for (const auto& f : se.files)
                    if (f.path != path && (frontal ? isLateral(f.info.viewPosition) : isFrontal(f.info.viewPosition))) return f.path;
        }
    return {};
}

MainWindow::Layout MainWindow::layout() const {
    if (stack_->currentWidget() == compare_) return Layout::Compare;
    if (stack_->currentWidget() == pair_) return pair_->mode() == SideBySideView::Mode::PriorCurrent ? Layout::PriorCurrent : Layout::PaLateral;
    return Layout::Single;
}

bool MainWindow::setLayout(Layout l) {
    bool ok = true;
    if (l == Layout::Compare && compare_->count() == 0) {  // opens with the ticked prompts, as many as the layout has cells
        QList<int> rows;
        const auto& es = grounding_->entries();
        for (int i = 0; i < es.size() && rows.size() < compare_->rows() * compare_->cols(); ++i)
            if (es[i].visible) rows << i;
        if (!rows.isEmpty()) {
            compareEntries(rows);  // fills the grid and comes back here
            return true;
        }
    }
    if (l == Layout::PriorCurrent || l == Layout::PaLateral) {
        const QString other = l == Layout::PriorCurrent ? priorOf(currentFile_) : otherViewOf(currentFile_);
        if (other.isEmpty()) {
            statusBar()->showMessage(l == Layout::PriorCurrent ? tr("No prior study of this patient among the open studies.")
                                                               : tr("No PA / lateral pair in this study (View Position PA or AP, and LL or RL)."),
                                     8000);
            ok = false;
            l = layout();
        } else {
            pair_->setMode(l == Layout::PriorCurrent ? SideBySideView::Mode::PriorCurrent : SideBySideView::Mode::PaLateral);
        }
    }
    if (ok) {
        statusView_ = nullptr;
        if (l != Layout::Single) leaveTools();
        stack_->setCurrentWidget(l == Layout::Compare ? static_cast<QWidget*>(compare_)
                                 : l == Layout::Single ? static_cast<QWidget*>(viewport_)
                                                       : static_cast<QWidget*>(pair_));
        if (l == Layout::Compare) updateCompareStyle();
        if (l == Layout::PriorCurrent || l == Layout::PaLateral) fillSideBySide();
    }
    const QList<QPair<QAction*, Layout>> acts{{singleAct_, Layout::Single}, {compareAct_, Layout::Compare},
                                              {priorAct_, Layout::PriorCurrent}, {paLatAct_, Layout::PaLateral}};
    for (const auto& [a, which] : acts) {
        const QSignalBlocker b(a);
        a->setChecked(layout() == which);
    }
    return ok;
}

void MainWindow::fillSideBySide() {
    const bool prior = pair_->mode() == SideBySideView::Mode::PriorCurrent;
    const auto img = viewport_->image();
    const QString other = prior ? priorOf(currentFile_) : otherViewOf(currentFile_);
    auto caption = [](const QString& role, const QString& path, const ImageInfo* info) {
        QStringList bits;
        if (!role.isEmpty()) bits << role;
        if (info) {
            if (!info->studyDate.isEmpty()) bits << readableDate(info->studyDate);
            if (!info->viewPosition.isEmpty() && info->viewPosition != role) bits << info->viewPosition;
        }
        bits << QFileInfo(path).fileName();
        return bits.join(QStringLiteral("  ·  "));
    };
    // Prior and current: the current left, the prior right. PA and lateral: the PA (or AP) left.
    const int currentSide = prior || (img && isFrontal(img->info.viewPosition)) ? 0 : 1;
    pair_->setSide(currentSide, img, caption(prior ? tr("Current") : QString(), currentFile_, img ? &img->info : nullptr), currentFile_);
    const int otherSide = 1 - currentSide;
    if (other.isEmpty()) {
        pair_->setSide(otherSide, nullptr, prior ? tr("No prior study of this patient among the open studies.") : tr("No other view of this study."),
                       QString());
        return;
    }
    if (other == pairPath_ && (pairImage_ || !pairError_.isEmpty())) {  // loaded
        if (pairImage_) pair_->setSide(otherSide, pairImage_, caption(prior ? tr("Prior") : QString(), other, &pairImage_->info), other);
        else pair_->setSide(otherSide, nullptr, pairError_, QString());
        return;
    }
    if (pairWatcher_.isRunning()) return;  // decided again when it ends
    // Loaded off the event loop; the side says so meanwhile.
    pair_->setSide(otherSide, nullptr, tr("Loading %1…").arg(QFileInfo(other).fileName()), QString());
    pairLoading_ = other;
    pairWatcher_.setFuture(QtConcurrent::run([other] { return loadImage(other, 0); }));
}

}  // namespace cxr::ui
