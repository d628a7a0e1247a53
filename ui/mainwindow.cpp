#include "mainwindow.h"

#include "export/dicom_result.h"

#include "compare.h"
#include "dialogs.h"
#include "download_dialog.h"
#include "grounding.h"
#include "measurements_panel.h"
#include "side_by_side.h"
#include "studies_browser.h"
#include "theme.h"
#include "viewport.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStackedWidget>
#include <QInputDialog>
#include <QStatusBar>
#include <QScreen>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QtConcurrent>

#include <cmath>

static void initUiResources() {
    Q_INIT_RESOURCE(resources);
    Q_INIT_RESOURCE(cxrui_translations);
}

namespace cxr::ui {

// ---- recent files ------------------------------------------------------------------------------

QStringList RecentFiles::list() { return QSettings().value(QStringLiteral("recentFiles")).toStringList(); }

void RecentFiles::add(const QString& path) {
    QStringList l = list();
    const QString abs = QFileInfo(path).absoluteFilePath();
    l.removeAll(abs);
    l.prepend(abs);
    while (l.size() > kMax) l.removeLast();
    QSettings().setValue(QStringLiteral("recentFiles"), l);
}

void RecentFiles::remove(const QString& path) {
    QStringList l = list();
    l.removeAll(path);
    QSettings().setValue(QStringLiteral("recentFiles"), l);
}

void RecentFiles::clear() { QSettings().remove(QStringLiteral("recentFiles")); }

QString samplesFolder() {
    QStringList candidates;
    const QString env = qEnvironmentVariable("CXRG_SAMPLES");
    if (!env.isEmpty()) candidates << env;
    const QString exe = QCoreApplication::applicationDirPath();
    candidates << exe + QStringLiteral("/../share/cxr-ground/samples") << exe + QStringLiteral("/../resources/samples")
               << exe + QStringLiteral("/../../resources/samples");
#ifdef CXRG_SOURCE_DIR
    candidates << QStringLiteral(CXRG_SOURCE_DIR "/resources/samples");
#endif
    for (const QString& c : candidates)
        if (QFileInfo(c + QStringLiteral("/wg04_RG1_J2KI.dcm")).isFile()) return QDir(c).canonicalPath();
    return {};
}

// ---- window ------------------------------------------------------------------------------------

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    registerCodecs();
    initUiResources();
    setWindowTitle(tr("CXR Ground"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/cxr-viewer.svg")));
    setAcceptDrops(true);
    stack_ = new QStackedWidget(this);
    viewport_ = new Viewport(stack_);
    compare_ = new CompareView(stack_);
    pair_ = new SideBySideView(stack_);
    stack_->addWidget(viewport_);
    stack_->addWidget(compare_);
    stack_->addWidget(pair_);
    setCentralWidget(stack_);

    auto* dock = new QDockWidget(tr("Studies"), this);
    dock->setObjectName(QStringLiteral("studiesDock"));
    browser_ = new StudiesBrowser(dock);
    buildPacsSource(dock);  // the studies browser and the PACS source as tabs
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    connect(browser_, &StudiesBrowser::fileSelected, this, [this](const QString& path) { showFile(path, 0); });

    grounding_ = new GroundingPanel(this);
    addDockWidget(Qt::RightDockWidgetArea, grounding_);
    connect(grounding_, &GroundingPanel::overlayChanged, this, &MainWindow::updateOverlay);
    connect(grounding_, &GroundingPanel::modelStateChanged, this, &MainWindow::updateOverlay);
    connect(grounding_, &GroundingPanel::downloadRequested, this, [this] {
        QSettings s;
        QString dir;
        if (showDownload(s.value(QStringLiteral("download/bundleUrl")).toString(), s.value(QStringLiteral("download/textUrl")).toString(), &dir))
            grounding_->setModelFolder(dir);
    });

    buildActions();
    buildReadingActions();
    buildMenus();
    buildToolbar();
    buildStatusBar();
    refreshIcons();
    {
        const QString dir = QSettings().value(QStringLiteral("grounding/modelDir")).toString();
        if (!dir.isEmpty() && QFileInfo(dir).isDir()) grounding_->setModelFolder(dir);
    }

    connect(&loadWatcher_, &QFutureWatcher<LoadResult>::finished, this, &MainWindow::loadDone);
    connect(&scanWatcher_, &QFutureWatcher<ScanResult>::finished, this, &MainWindow::scanDone);
    connect(viewport_, &Viewport::displayChanged, this, &MainWindow::updateStatus);
    connect(viewport_, &Viewport::viewChanged, this, &MainWindow::updateStatus);
    connect(viewport_, &Viewport::cursorOverPixel, this, [this](int x, int y) {
        statusView_ = viewport_;
        updateCursor(x, y);
    });
    connect(compare_, &CompareView::cellCursor, this, [this](Viewport* cell, int x, int y) {
        statusView_ = cell;
        updateCursor(x, y);
    });
    connect(viewport_, &Viewport::displayChanged, this, &MainWindow::syncPresetToDisplay);
    resize(firstStartSize(screen() ? screen()->availableGeometry() : QRect(0, 0, 1280, 900)));
    updateStatus();
}

MainWindow::~MainWindow() {
    if (scanCancelFlag_) *scanCancelFlag_ = true;
    scanWatcher_.waitForFinished();
    loadWatcher_.waitForFinished();
    pairWatcher_.waitForFinished();
}

void MainWindow::buildActions() {
    auto make = [this](const QString& text, const QKeySequence& key, QStyle::StandardPixmap icon = QStyle::SP_CustomBase) {
        auto* a = new QAction(text, this);
        if (!key.isEmpty()) a->setShortcut(key);
        if (icon != QStyle::SP_CustomBase) a->setIcon(style()->standardIcon(icon));
        addAction(a);
        return a;
    };
    openAct_ = make(tr("&Open files…"), QKeySequence(Qt::CTRL | Qt::Key_O), QStyle::SP_DialogOpenButton);
    openFolderAct_ = make(tr("Open &folder…"), QKeySequence(tr("Ctrl+Shift+O")), QStyle::SP_DirOpenIcon);
    samplesAct_ = make(tr("Open &sample study"), QKeySequence());
    quitAct_ = make(tr("&Quit"), QKeySequence(Qt::CTRL | Qt::Key_Q));
    fitAct_ = make(tr("&Fit to window"), QKeySequence(Qt::Key_F));
    oneToOneAct_ = make(tr("&Actual pixels (1:1)"), QKeySequence(Qt::CTRL | Qt::Key_0));  // 1-9: window presets
    zoomInAct_ = make(tr("Zoom &in"), QKeySequence(Qt::Key_Plus));
    zoomInAct_->setShortcuts({QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal), QKeySequence::ZoomIn});
    zoomOutAct_ = make(tr("Zoom &out"), QKeySequence(Qt::Key_Minus));
    zoomOutAct_->setShortcuts({QKeySequence(Qt::Key_Minus), QKeySequence::ZoomOut});
    invertAct_ = make(tr("&Invert"), QKeySequence(Qt::Key_I));
    invertAct_->setCheckable(true);
    rotCwAct_ = make(tr("Rotate &right"), QKeySequence(Qt::Key_R));
    rotCcwAct_ = make(tr("Rotate &left"), QKeySequence(Qt::SHIFT | Qt::Key_R));
    flipHAct_ = make(tr("Flip &horizontally"), QKeySequence(Qt::Key_H));
    heatAct_ = make(tr("Show &heat map"), QKeySequence(Qt::Key_O));
    maskAct_ = make(tr("Show Otsu &mask"), QKeySequence(Qt::Key_M));
    boxesAct_ = make(tr("Show ground-truth &boxes"), QKeySequence(Qt::Key_B));
    drawBoxesAct_ = make(tr("&Draw and edit boxes"), QKeySequence(Qt::Key_D));
    loadCsvAct_ = make(tr("Load ground-truth boxes (MS-CXR CSV)…"), QKeySequence(tr("Ctrl+Shift+B")));
    clearBoxesAct_ = make(tr("Remove the boxes of this image"), QKeySequence());
    compareAct_ = make(tr("&Compare grid"), QKeySequence(tr("Ctrl+G")));
    compareAct_->setCheckable(true);
    exportAct_ = make(tr("&Export image…"), QKeySequence(tr("Ctrl+E")));
    exportAllAct_ = make(tr("Export every prompt of this image…"), QKeySequence(tr("Ctrl+Shift+E")));
    sendPacsAct_ = make(tr("Send to &PACS…"), QKeySequence());
    sendPacsAct_->setToolTip(tr("Stores the current export on a PACS: Secondary Capture, Segmentation, Parametric Map"));
    for (QAction* a : {heatAct_, maskAct_, boxesAct_, drawBoxesAct_}) a->setCheckable(true);
    heatAct_->setChecked(true);
    maskAct_->setChecked(true);
    boxesAct_->setChecked(true);
    flipVAct_ = make(tr("Flip &vertically"), QKeySequence(Qt::Key_V));
    resetAct_ = make(tr("&Reset view"), QKeySequence(Qt::CTRL | Qt::Key_R));
    resetAct_->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_R), QKeySequence(Qt::Key_Backspace)});
    nextFrameAct_ = make(tr("Next frame"), QKeySequence(Qt::Key_PageDown));
    prevFrameAct_ = make(tr("Previous frame"), QKeySequence(Qt::Key_PageUp));
    tagsAct_ = make(tr("DICOM &tags…"), QKeySequence(Qt::CTRL | Qt::Key_T));
    settingsAct_ = make(tr("&Settings…"), QKeySequence(Qt::CTRL | Qt::Key_Comma));
    helpAct_ = make(tr("&Keyboard shortcuts"), QKeySequence(Qt::Key_F1));
    aboutAct_ = make(tr("&About CXR Ground"), QKeySequence());
    darkAct_ = make(tr("&Dark theme"), QKeySequence());
    lightAct_ = make(tr("&Light theme"), QKeySequence());
    auto* themeGroup = new QActionGroup(this);
    for (QAction* a : {darkAct_, lightAct_}) {
        a->setCheckable(true);
        themeGroup->addAction(a);
    }
    (currentTheme() == Theme::Light ? lightAct_ : darkAct_)->setChecked(true);

    connect(openAct_, &QAction::triggered, this, &MainWindow::chooseOpenFiles);
    connect(openFolderAct_, &QAction::triggered, this, &MainWindow::chooseOpenFolder);
    connect(samplesAct_, &QAction::triggered, this, &MainWindow::openSamples);
    connect(quitAct_, &QAction::triggered, this, &QWidget::close);
    connect(fitAct_, &QAction::triggered, viewport_, &Viewport::fit);
    connect(oneToOneAct_, &QAction::triggered, viewport_, &Viewport::oneToOne);
    connect(zoomInAct_, &QAction::triggered, this, [this] { viewport_->zoomBy(1.25); });
    connect(zoomOutAct_, &QAction::triggered, this, [this] { viewport_->zoomBy(0.8); });
    connect(invertAct_, &QAction::toggled, viewport_, &Viewport::setInverted);
    connect(rotCwAct_, &QAction::triggered, viewport_, &Viewport::rotateClockwise);
    connect(rotCcwAct_, &QAction::triggered, viewport_, &Viewport::rotateCounterClockwise);
    connect(flipHAct_, &QAction::triggered, viewport_, &Viewport::flipHorizontal);
    connect(flipVAct_, &QAction::triggered, viewport_, &Viewport::flipVertical);
    connect(resetAct_, &QAction::triggered, this, [this] {
        invertAct_->setChecked(false);
        viewport_->resetView();
        updatePresets();
    });
    connect(nextFrameAct_, &QAction::triggered, this, [this] { if (frame_) frame_->stepUp(); });
    connect(prevFrameAct_, &QAction::triggered, this, [this] { if (frame_) frame_->stepDown(); });
    connect(tagsAct_, &QAction::triggered, this, &MainWindow::showTags);
    connect(heatAct_, &QAction::toggled, grounding_, &GroundingPanel::setHeatVisible);
    connect(maskAct_, &QAction::toggled, this, [this](bool on) {
        if (on && grounding_->maskMode() == MaskMode::Off) grounding_->setMaskMode(MaskMode::Outline);
        if (!on) grounding_->setMaskMode(MaskMode::Off);
    });
    connect(boxesAct_, &QAction::toggled, viewport_, &Viewport::setBoxesVisible);
    connect(drawBoxesAct_, &QAction::toggled, this, [this](bool on) {
        if (on && !boxesAct_->isChecked()) boxesAct_->setChecked(true);
        viewport_->setBoxEditing(on);
        statusBar()->showMessage(on ? tr("Box editing: drag on the image to draw a box, drag a box or its handles to move or "
                                         "resize it, double-click a box to name its sentence, Delete removes the selected box. "
                                         "D ends editing.")
                                    : QString(),
                                 on ? 0 : 1);
    });
    connect(loadCsvAct_, &QAction::triggered, this, &MainWindow::chooseGroundTruthCsv);
    connect(compareAct_, &QAction::triggered, this, &MainWindow::setCompareMode);
    connect(exportAct_, &QAction::triggered, this, &MainWindow::chooseExport);
    connect(sendPacsAct_, &QAction::triggered, this, &MainWindow::chooseSendToPacs);
    connect(exportAllAct_, &QAction::triggered, this, &MainWindow::chooseExportAll);
    connect(grounding_, &GroundingPanel::compareRequested, this, &MainWindow::compareEntries);
    connect(grounding_, &GroundingPanel::overlayChanged, this, &MainWindow::updateCompareStyle);
    connect(boxesAct_, &QAction::toggled, this, &MainWindow::updateCompareStyle);
    connect(compare_, &CompareView::groundInGrid, this, [this](const QStringList& prompts) {
        // Sentences for the grid: one batch on this image's cached trajectory; they join the grid
        // as soon as they are grounded.
        pendingGrid_ = prompts;
        pendingGridKey_ = imageKey();
        grounding_->ground(prompts);
    });
    connect(grounding_, &GroundingPanel::groundingFinished, this, [this] {
        if (pendingGrid_.isEmpty() || pendingGridKey_ != imageKey()) return;
        QList<int> rows;
        const auto& es = grounding_->entries();
        for (const QString& p : pendingGrid_) {
            for (int i = es.size() - 1; i >= 0; --i)
                if (es[i].prompt == p.simplified()) {
                    if (!rows.contains(i)) rows << i;
                    break;
                }
        }
        if (rows.size() == pendingGrid_.size() || !grounding_->busy()) {
            pendingGrid_.clear();
            compareEntries(rows);
        }
    });
    connect(clearBoxesAct_, &QAction::triggered, this, [this] {
        imageBoxes_.insert(imageKey(), {});
        viewport_->setBoxes({});
        grounding_->setGroundTruth({});
    });
    connect(viewport_, &Viewport::boxesChanged, this, &MainWindow::boxesEdited);
    connect(viewport_, &Viewport::boxLabelRequested, this, [this](int index) {  // queued: no dialog inside a mouse event
        if (index < 0 || index >= viewport_->boxes().size()) return;
        // Offer the sentences grounded on this image, so metrics pair the box with its sentence.
        QStringList choices;
        for (const auto& e : grounding_->entries()) choices << e.prompt;
        choices.removeDuplicates();
        const QString current = viewport_->boxes()[index].label;
        if (!current.isEmpty() && !choices.contains(current)) choices.prepend(current);
        bool ok = false;
        const QString label = QInputDialog::getItem(this, tr("Box label"), tr("Sentence this box belongs to (empty: none):"),
                                                    choices, std::max(0, int(choices.indexOf(current))), true, &ok);
        if (ok) viewport_->setBoxLabel(index, label);
    }, Qt::QueuedConnection);
    connect(settingsAct_, &QAction::triggered, this, &MainWindow::showSettings);
    connect(helpAct_, &QAction::triggered, this, &MainWindow::showShortcuts);
    connect(aboutAct_, &QAction::triggered, this, &MainWindow::showAbout);
    connect(darkAct_, &QAction::triggered, this, [this] {
        applyTheme(Theme::Dark);
        refreshIcons();
        QSettings().setValue(QStringLiteral("ui/theme"), QStringLiteral("dark"));
    });
    connect(lightAct_, &QAction::triggered, this, [this] {
        applyTheme(Theme::Light);
        refreshIcons();
        QSettings().setValue(QStringLiteral("ui/theme"), QStringLiteral("light"));
    });
}

void MainWindow::refreshIcons() {
    const QColor colour = palette().color(QPalette::Active, QPalette::ButtonText);
    const QList<QPair<QAction*, const char*>> icons{
        {fitAct_, "fit"},           {oneToOneAct_, "one-to-one"},   {zoomInAct_, "zoom-in"},
        {zoomOutAct_, "zoom-out"},  {invertAct_, "invert"},         {rotCwAct_, "rotate-right"},
        {rotCcwAct_, "rotate-left"}, {flipHAct_, "flip-horizontal"}, {flipVAct_, "flip-vertical"},
        {resetAct_, "reset"},       {tagsAct_, "tags"}};
    for (const auto& [action, name] : icons) action->setIcon(tintedIcon(QLatin1String(name), colour));
    for (QAction* a : toolActs_) a->setIcon(tintedIcon(a->data().toString(), colour));  // the measuring tools
    infoAct_->setIcon(tintedIcon(QStringLiteral("corner-text"), colour));
}

QList<QAction*> MainWindow::shortcutActions() const {
    QList<QAction*> out{openAct_, openFolderAct_, quitAct_, fitAct_, oneToOneAct_, zoomInAct_, zoomOutAct_, invertAct_, rotCwAct_,
                        rotCcwAct_, flipHAct_, flipVAct_, resetAct_};
    out << presetActs_;
    out << QList<QAction*>{nextImageAct_, prevImageAct_, nextSeriesAct_, prevSeriesAct_, nextFrameAct_, prevFrameAct_, infoAct_,
                           sentenceAct_};
    out << toolActs_;
    out << QList<QAction*>{measureVisibleAct_, tagsAct_, heatAct_, maskAct_, boxesAct_, drawBoxesAct_, loadCsvAct_, compareAct_,
                           priorAct_, paLatAct_, exportAct_, exportAllAct_, settingsAct_, helpAct_};
    return out;
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(openAct_);
    file->addAction(openFolderAct_);
    recentMenu_ = file->addMenu(tr("Open &recent"));
    connect(recentMenu_, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);
    file->addAction(samplesAct_);
    file->addSeparator();
    file->addAction(exportAct_);
    file->addAction(exportAllAct_);
    file->addAction(sendPacsAct_);
    file->addSeparator();
    file->addAction(settingsAct_);
    file->addSeparator();
    file->addAction(quitAct_);
    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (QAction* a : {fitAct_, oneToOneAct_, zoomInAct_, zoomOutAct_}) view->addAction(a);
    view->addSeparator();
    for (QAction* a : {invertAct_, rotCwAct_, rotCcwAct_, flipHAct_, flipVAct_, resetAct_}) view->addAction(a);
    view->addSeparator();
    QMenu* presets = view->addMenu(tr("Window &presets"));
    for (QAction* a : presetActs_) presets->addAction(a);
    view->addAction(infoAct_);
    view->addSeparator();
    for (QAction* a : {nextImageAct_, prevImageAct_, nextSeriesAct_, prevSeriesAct_, nextFrameAct_, prevFrameAct_, sentenceAct_})
        view->addAction(a);
    view->addSeparator();
    QMenu* layout = view->addMenu(tr("&Layout"));
    for (QAction* a : {singleAct_, compareAct_, priorAct_, paLatAct_}) layout->addAction(a);
    view->addSeparator();
    view->addAction(tagsAct_);
    view->addSeparator();
    view->addAction(darkAct_);
    view->addAction(lightAct_);
    QMenu* measure = menuBar()->addMenu(tr("&Measure"));
    for (QAction* a : toolActs_) measure->addAction(a);
    measure->addSeparator();
    measure->addAction(measureVisibleAct_);
    measure->addAction(measurePanel_->toggleViewAction());
    QMenu* overlays = menuBar()->addMenu(tr("&Grounding"));
    for (QAction* a : {heatAct_, maskAct_, boxesAct_}) overlays->addAction(a);
    overlays->addSeparator();
    for (QAction* a : {drawBoxesAct_, loadCsvAct_, clearBoxesAct_}) overlays->addAction(a);
    overlays->addSeparator();
    overlays->addAction(compareAct_);
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(helpAct_);
    help->addAction(samplesAct_);
    help->addAction(aboutAct_);
}

void MainWindow::buildToolbar() {
    QToolBar* tb = addToolBar(tr("Main"));
    tb->setObjectName(QStringLiteral("mainToolbar"));
    tb->addAction(openAct_);
    tb->addAction(openFolderAct_);
    tb->addSeparator();
    tb->addWidget(new QLabel(tr(" Window: "), tb));
    presets_ = new QComboBox(tb);
    presets_->setMinimumContentsLength(18);
    presets_->setToolTip(tr("Window presets (from the file and for chest images)"));
    tb->addWidget(presets_);
    connect(presets_, QOverload<int>::of(&QComboBox::activated), this, &MainWindow::applyPreset);
    tb->addSeparator();
    // View tools as icons; the tool tip names the action and its shortcut.
    for (QAction* a : {fitAct_, oneToOneAct_, zoomInAct_, zoomOutAct_, invertAct_, rotCcwAct_, rotCwAct_, flipHAct_,
                       flipVAct_, resetAct_}) {
        tb->addAction(a);
        QString text = a->text();
        text.remove(QLatin1Char('&'));
        a->setToolTip(QStringLiteral("%1 (%2)").arg(text, a->shortcut().toString(QKeySequence::NativeText)));
    }
    tb->addSeparator();
    frame_ = new QSpinBox(tb);
    frame_->setPrefix(tr("Frame "));
    frame_->setMinimum(1);
    frameAction_ = tb->addWidget(frame_);
    frameAction_->setVisible(false);
    connect(frame_, QOverload<int>::of(&QSpinBox::valueChanged), this, [this](int v) {
        if (!currentFile_.isEmpty() && v - 1 != currentFrame_) showFile(currentFile_, v - 1);
    });
    tb->addSeparator();
    tb->addAction(tagsAct_);
    tb->setToolButtonStyle(Qt::ToolButtonIconOnly);
    for (QAction* a : {openAct_, openFolderAct_, tagsAct_})
        if (auto* b = qobject_cast<QToolButton*>(tb->widgetForAction(a))) b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
}

void MainWindow::buildStatusBar() {
    posLabel_ = new QLabel(this);
    valueLabel_ = new QLabel(this);
    windowLabel_ = new QLabel(this);
    zoomLabel_ = new QLabel(this);
    spacingLabel_ = new QLabel(this);
    for (QLabel* l : {posLabel_, valueLabel_, windowLabel_, zoomLabel_, spacingLabel_}) {
        l->setTextFormat(Qt::PlainText);
        statusBar()->addPermanentWidget(l);
    }
    scanProgress_ = new QProgressBar(this);
    scanProgress_->setMaximumWidth(180);
    scanProgress_->setRange(0, 0);
    scanProgress_->setVisible(false);
    scanCancel_ = new QPushButton(tr("Cancel scan"), this);
    scanCancel_->setVisible(false);
    connect(scanCancel_, &QPushButton::clicked, this, [this] {
        if (scanCancelFlag_) *scanCancelFlag_ = true;
    });
    statusBar()->addWidget(scanProgress_);
    statusBar()->addWidget(scanCancel_);
}

// ---- opening -----------------------------------------------------------------------------------

void MainWindow::chooseOpenFiles() {
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Open images"), QSettings().value(QStringLiteral("lastDir")).toString(),
                                                            openFilters().join(QStringLiteral(";;")));
    if (files.isEmpty()) return;
    QSettings().setValue(QStringLiteral("lastDir"), QFileInfo(files.first()).absolutePath());
    openFiles(files);
}

QStringList MainWindow::openFilters() {
    return {tr("All files (*)"), tr("Images (*.dcm *.dicom *.DCM *.png *.jpg *.jpeg *.tif *.tiff)")};
}

void MainWindow::chooseOpenFolder() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open folder"),
                                                          QSettings().value(QStringLiteral("lastDir")).toString());
    if (dir.isEmpty()) return;
    QSettings().setValue(QStringLiteral("lastDir"), dir);
    openFolder(dir);
}

void MainWindow::openFiles(const QStringList& files) {
    failurePaths_.clear();  // a new open: a new list of failures
    failureLines_.clear();
    QStringList plain, folders;
    for (const QString& f : files) (QFileInfo(f).isDir() ? folders : plain) << f;
    if (!folders.isEmpty()) openFolder(folders.first());
    if (plain.isEmpty()) return;
    showFile(plain.first(), 0);
    startScan(plain, QString());
}

void MainWindow::openFolder(const QString& folder) {
    failurePaths_.clear();
    failureLines_.clear();
    if (!QFileInfo(folder).isDir()) {
        reportError(tr("%1: not a folder").arg(folder));
        return;
    }
    startScan({}, folder);
}

void MainWindow::openSamples() {
    const QString dir = samplesFolder();
    if (dir.isEmpty()) {
        reportError(tr("The sample study was not found (set CXRG_SAMPLES to its folder)."));
        return;
    }
    QStringList files;
    for (const QFileInfo& fi : QDir(dir).entryInfoList(QDir::Files, QDir::Name)) files << fi.absoluteFilePath();
    files.removeAll(dir + QStringLiteral("/wg04_RG1_J2KI.dcm"));
    files.prepend(dir + QStringLiteral("/wg04_RG1_J2KI.dcm"));  // the MONOCHROME1 CR chest first
    openFiles(files);
}

void MainWindow::showFile(const QString& path, int frame) {
    if (looksLikeDicom(path) && exporting::isResultObject(path)) {  // a SEG / Parametric Map: its source image with it
        openResultObject(path);
        return;
    }
    if (loadWatcher_.isRunning()) {  // newest request wins; it starts when the current one ends
        pendingPath_ = path;
        pendingFrame_ = frame;
        return;
    }
    loadingPath_ = path;
    loadingFrame_ = frame;
    statusBar()->showMessage(tr("Loading %1…").arg(QFileInfo(path).fileName()));
    loadWatcher_.setFuture(QtConcurrent::run([path, frame] { return loadImage(path, frame); }));
}

void MainWindow::loadDone() {
    const LoadResult r = loadWatcher_.result();
    const QString path = loadingPath_;
    const int frame = loadingFrame_;
    if (!pendingPath_.isEmpty()) {
        const QString p = pendingPath_;
        const int f = pendingFrame_;
        pendingPath_.clear();
        showFile(p, f);
        return;
    }
    statusBar()->clearMessage();
    if (!r.ok()) {
        reportFailures({{path, r.error}});
        browser_->selectPath(currentFile_);  // the selection stays on the image that is shown
        Q_EMIT loadFailed(path, r.error);
        if (currentFile_.isEmpty() && !scanning_)  // nothing shown yet: the next readable file
            for (const QString& next : browser_->paths())
                if (!failurePaths_.contains(next)) {
                    showFile(next, 0);
                    break;
                }
        return;
    }
    const bool sameFile = path == currentFile_;
    currentFile_ = path;
    currentFrame_ = frame;
    viewport_->setImage(r.image, sameFile);
    if (!sameFile) invertAct_->setChecked(false);
    viewport_->setInverted(invertAct_->isChecked());
    RecentFiles::add(path);
    setWindowTitle(tr("%1 - CXR Ground").arg(QFileInfo(path).fileName()));
    const int frames = std::max(1, r.image->info.frames);
    frameAction_->setVisible(frames > 1);
    {
        const QSignalBlocker block(frame_);
        frame_->setMaximum(frames);
        frame_->setSuffix(tr(" of %1").arg(frames));
        frame_->setValue(frame + 1);
    }
    tagsAct_->setEnabled(r.image->info.format == QLatin1String("DICOM"));
    browser_->selectPath(path);
    if (tags_ && tags_->isVisible()) tags_->showFile(path);
    for (const QString& w : r.warnings) statusBar()->showMessage(w, 8000);
    updatePresets();
    updateStatus();
    sendImageToGrounding();
    applyPendingResult();
    applyBoxesForImage();
    viewport_->setMeasurements(imageMeasurements_.value(imageKey()));
    measurePanel_->refresh();
    updateHeartNote();
    if (layout() == Layout::PriorCurrent || layout() == Layout::PaLateral) fillSideBySide();
    Q_EMIT imageShown(path);
}

void MainWindow::startScan(const QStringList& files, const QString& folder) {
    if (scanCancelFlag_) *scanCancelFlag_ = true;
    scanWatcher_.waitForFinished();
    scanCancelFlag_ = std::make_shared<std::atomic_bool>(false);
    scanSeen_ = std::make_shared<std::atomic_int>(0);
    scanning_ = true;
    auto cancel = scanCancelFlag_;
    auto seen = scanSeen_;
    scanProgress_->setVisible(!folder.isEmpty());
    scanCancel_->setVisible(!folder.isEmpty());
    if (!folder.isEmpty()) statusBar()->showMessage(tr("Scanning %1…").arg(folder));
    auto progress = [seen](int n, const QString&) { *seen = n; };
    if (folder.isEmpty())
        scanWatcher_.setFuture(QtConcurrent::run([files, cancel, progress] { return scanFiles(files, progress, cancel.get()); }));
    else
        scanWatcher_.setFuture(QtConcurrent::run([folder, cancel, progress] { return scanFolder(folder, progress, cancel.get()); }));
    // Progress read-out without blocking: poll the counter while the scan runs.
    auto* timer = new QTimer(this);
    timer->setInterval(100);
    connect(timer, &QTimer::timeout, this, [this, timer, seen] {
        if (!scanWatcher_.isRunning()) {
            timer->deleteLater();
            return;
        }
        scanProgress_->setFormat(tr("%1 files").arg(seen->load()));
        scanProgress_->setTextVisible(true);
    });
    timer->start();
}

void MainWindow::scanDone() {
    lastScan_ = scanWatcher_.result();
    scanning_ = false;
    scanProgress_->setVisible(false);
    scanCancel_->setVisible(false);
    statusBar()->clearMessage();
    if (lastScan_.cancelled) {
        statusBar()->showMessage(tr("Scan cancelled"), 5000);
    }
    browser_->fill(lastScan_, currentFile_, scanCancelFlag_);
    grounding_->setFollowingImages(followingImagesInStudy(lastScan_, currentFile_, PreparationSettings::kMaxNextImages));
    // Never an image that is not in the browser: the previous patient's image goes.
    if (!currentFile_.isEmpty() && !browser_->contains(currentFile_)) clearImage();
    if (!lastScan_.skipped.empty()) reportFailures(lastScan_.skipped);
    // Show the first image when nothing is shown yet (opening a folder).
    if (currentFile_.isEmpty() && !loadWatcher_.isRunning()) {
        for (const auto& p : lastScan_.patients)
            for (const auto& st : p.studies)
                for (const auto& se : st.series)
                    if (!se.files.empty()) {
                        showFile(se.files.front().path, 0);
                        goto shown;
                    }
    shown:;
    }
    Q_EMIT scanFinished();
}

void MainWindow::updateRecentMenu() {
    recentMenu_->clear();
    const QStringList l = RecentFiles::list();
    for (const QString& f : l) {
        QAction* a = recentMenu_->addAction(QFileInfo(f).fileName());
        a->setToolTip(f);
        connect(a, &QAction::triggered, this, [this, f] {
            if (!QFileInfo::exists(f)) {
                RecentFiles::remove(f);
                reportError(tr("%1: the file no longer exists; it was removed from the recent files.").arg(f));
                return;
            }
            openFiles({f});
        });
    }
    if (l.isEmpty()) recentMenu_->addAction(tr("(none)"))->setEnabled(false);
    recentMenu_->addSeparator();
    connect(recentMenu_->addAction(tr("Clear list")), &QAction::triggered, this, [] { RecentFiles::clear(); });
}

// ---- window presets ----------------------------------------------------------------------------

void MainWindow::updatePresets() {
    presets_->clear();
    const auto img = viewport_->image();
    if (!img) return;
    // The file's own display first, then the chest presets: number keys 1-9 choose in this order.
    QList<QPair<QString, QVariant>> items;
    items.append({tr("Default of the file"), QStringLiteral("default")});
    const std::vector<Window> chest = chestPresets(*img);
    const QStringList chestNames{tr("Lung"), tr("Mediastinum"), tr("Bone")};
    for (size_t i = 0; i < chest.size() && i < 3; ++i)
        items.append({tr("%1 (C %2 / W %3)").arg(chestNames[int(i)]).arg(chest[i].center, 0, 'f', 0).arg(chest[i].width, 0, 'f', 0),
                      QVariantList{chest[i].center, chest[i].width}});
    int k = 0;
    for (const Window& w : img->info.windows) {
        const QString name = w.explanation.isEmpty() ? tr("File window %1").arg(++k) : w.explanation;
        items.append({tr("%1 (C %2 / W %3)").arg(name).arg(w.center).arg(w.width), QVariantList{w.center, w.width}});
    }
    if (img->voiLut) items.append({tr("VOI LUT of the file"), QStringLiteral("voilut")});
    const Window robust = img->robustWindow();
    items.append({tr("Automatic (0.5-99.5 %)"), QVariantList{robust.center, robust.width}});
    double lo = 0, hi = 0;
    img->modalityRange(&lo, &hi);
    items.append({tr("Full range"), QVariantList{(lo + hi) / 2.0, std::max(1.0, hi - lo + 1)}});
    // Contrast presets relative to the automatic window, useful for CR/DX.
    items.append({tr("High contrast"), QVariantList{robust.center, robust.width * 0.6}});
    items.append({tr("Low contrast"), QVariantList{robust.center, robust.width * 1.6}});
    for (int i = 0; i < items.size(); ++i)
        presets_->addItem(i < 9 ? QStringLiteral("%1  %2").arg(i + 1).arg(items[i].first) : items[i].first, items[i].second);
    presets_->setCurrentIndex(0);
    for (int i = 0; i < presetActs_.size(); ++i) {
        presetActs_[i]->setEnabled(i < presets_->count());
        presetActs_[i]->setText(i < items.size() ? tr("Window %1: %2").arg(i + 1).arg(items[i].first) : tr("Window preset %1").arg(i + 1));
    }
}

void MainWindow::syncPresetToDisplay() {
    const auto img = viewport_->image();
    if (!img || presets_->count() == 0) return;
    const DisplaySettings& d = viewport_->display();
    auto same = [](const Window& a, double c, double w) { return std::fabs(a.center - c) < 1e-6 && std::fabs(a.width - w) < 1e-6; };
    int match = -1;
    for (int i = 0; i < presets_->count() && match < 0; ++i) {
        const QVariant data = presets_->itemData(i);
        if (data.toString() == QLatin1String("default")) {
            const DisplaySettings def = defaultDisplay(*img);
            if (d.voi == def.voi && (d.voi == DisplaySettings::Voi::VoiLut || same(d.window, def.window.center, def.window.width))) match = i;
        } else if (data.toString() == QLatin1String("voilut")) {
            if (d.voi == DisplaySettings::Voi::VoiLut) match = i;
        } else if (data.toList().size() == 2 && d.voi != DisplaySettings::Voi::VoiLut &&
                   same(d.window, data.toList()[0].toDouble(), data.toList()[1].toDouble())) {
            match = i;
        }
    }
    const QSignalBlocker block(presets_);
    int custom = presets_->findData(QStringLiteral("custom"));
    if (match >= 0 && match != custom) {
        presets_->setCurrentIndex(match);
        return;
    }
    // A window set by dragging: "Custom", with its values.
    const QString text = tr("Custom (C %1 / W %2)").arg(d.window.center, 0, 'f', 0).arg(d.window.width, 0, 'f', 0);
    if (custom < 0) {
        presets_->addItem(text, QStringLiteral("custom"));
        custom = presets_->count() - 1;
    }
    presets_->setItemText(custom, text);
    presets_->setCurrentIndex(custom);
}

void MainWindow::applyPreset(int index) {
    const QVariant d = presets_->itemData(index);
    if (d.toString() == QLatin1String("custom")) return;  // already shown
    if (d.toString() == QLatin1String("default")) {
        viewport_->resetDisplay();
    } else if (d.toString() == QLatin1String("voilut")) {
        viewport_->useVoiLut();
    } else {
        const QVariantList l = d.toList();
        if (l.size() == 2) {
            Window w;
            w.center = l[0].toDouble();
            w.width = l[1].toDouble();
            w.explanation = presets_->itemText(index);
            viewport_->setWindow(w);
        }
    }
}

// ---- grounding ---------------------------------------------------------------------------------

void MainWindow::sendImageToGrounding() {
    const auto img = viewport_->image();
    if (!img) return;
    // The image as a reader sees it by default (docs/method.md "Image": DICOMs rendered with their LUTs, 8-bit).
    int width = 0, height = 0;
    const QByteArray grey = groundingPixels(*img, &width, &height);
    grounding_->setImage(grey, width, height, groundingKey(currentFile_, currentFrame_));
    // The next images of its study, for preparing them too (Settings > Preparation).
    grounding_->setFollowingImages(followingImagesInStudy(lastScan_, currentFile_, PreparationSettings::kMaxNextImages));
}

void MainWindow::updateOverlay() {
    const grounding::PromptResult* shown = grounding_->displayedResult();
    const auto img = viewport_->image();
    const QString mark = grounding_->modelReady() && grounding_->demoModel() ? tr("demo model - random weights") : QString();
    if (heatAct_ && maskAct_) {
        const QSignalBlocker b1(heatAct_), b2(maskAct_);
        heatAct_->setChecked(grounding_->heatVisible());
        maskAct_->setChecked(grounding_->maskMode() != MaskMode::Off);
    }
    if (!shown || !img || shown->originalWidth != img->width || shown->originalHeight != img->height) {
        viewport_->clearOverlay();
        viewport_->setOverlay({}, {}, grounding_->resultCount() > 0 ? mark : QString());
        updateStatus();
        return;
    }
    const GroundedPrompt* e = grounding_->displayedEntry();
    const QString title = grounding_->activeWord() >= 0 && e
                              ? tr("heat: \"%1\"").arg(QString::fromStdString(e->result->words[size_t(grounding_->activeWord())].text))
                              : tr("heat (normalised)");
    annotate::Layers layers = grounding_->layers();
    if (e && e->maskOnly) layers.heat = false;  // a DICOM Segmentation holds a mask, no heat values
    showResult(viewport_, *shown, layers, e && e->settings.otsu, grounding_->modelReady() && grounding_->demoModel(), title);
    viewport_->setOutlines(grounding_->outlines());  // every ticked prompt, the selected one first
    updateStatus();
}

// ---- ground-truth boxes -------------------------------------------------------------------------

QString MainWindow::imageKey() const { return currentFile_ + QStringLiteral("#%1").arg(currentFrame_); }

void MainWindow::applyBoxesForImage() {
    const auto img = viewport_->image();
    if (!img) return;
    QVector<GroundTruthBox> boxes;
    auto stored = imageBoxes_.constFind(imageKey());
    if (stored != imageBoxes_.constEnd()) {
        boxes = *stored;
    } else if (csv_) {
        for (const eval::MsCxrSample* sample : eval::samplesForImage(*csv_, currentFile_.toStdString())) {
            // Boxes are in the CSV's image size; scale when this copy of the image is resized.
            const double sx = sample->imageWidth > 0 ? double(img->width) / sample->imageWidth : 1.0;
            const double sy = sample->imageHeight > 0 ? double(img->height) / sample->imageHeight : 1.0;
            for (const eval::Box& b : sample->boxes) {
                const QRect r(int(std::lround(b.x * sx)), int(std::lround(b.y * sy)), std::max(1, int(std::lround(b.w * sx))),
                              std::max(1, int(std::lround(b.h * sy))));
                boxes.push_back({r.intersected(QRect(0, 0, img->width, img->height)), QString::fromStdString(sample->labelText), true});
            }
            if (sx != 1.0 || sy != 1.0)
                statusBar()->showMessage(tr("The CSV gives this image as %1 x %2 pixels; its boxes were scaled to %3 x %4.")
                                             .arg(sample->imageWidth)
                                             .arg(sample->imageHeight)
                                             .arg(img->width)
                                             .arg(img->height),
                                         10000);
        }
    }
    viewport_->setBoxes(boxes);
    grounding_->setGroundTruth(boxes);
}

void MainWindow::boxesEdited() {
    imageBoxes_.insert(imageKey(), viewport_->boxes());
    grounding_->setGroundTruth(viewport_->boxes());
}

bool MainWindow::loadGroundTruthCsv(const QString& path, QString* message) {
    try {
        auto result = std::make_shared<eval::MsCxrReadResult>(eval::readMsCxrCsv(path.toStdString()));
        int boxes = 0;
        for (const auto& s : result->samples) boxes += int(s.boxes.size());
        csv_ = result;
        csvPath_ = path;
        // Drawn or edited boxes of images stay; images not yet touched take the CSV's boxes.
        QHash<QString, QVector<GroundTruthBox>> kept;
        for (auto it = imageBoxes_.cbegin(); it != imageBoxes_.cend(); ++it) {
            bool edited = false;
            for (const auto& b : *it) edited = edited || !b.fromCsv;
            if (edited) kept.insert(it.key(), *it);
        }
        imageBoxes_ = kept;
        applyBoxesForImage();
        const int here = int(viewport_->boxes().size());
        *message = tr("%1: %2 sentences with %3 boxes (%4 skipped); %5 box(es) on this image.")
                       .arg(QFileInfo(path).fileName())
                       .arg(result->samples.size())
                       .arg(boxes)
                       .arg(result->skipped.size())
                       .arg(here);
        return true;
    } catch (const std::exception& e) {
        *message = tr("Cannot read the ground-truth CSV: %1").arg(QString::fromStdString(e.what()));
        return false;
    }
}

void MainWindow::chooseGroundTruthCsv() {
    const QString path = QFileDialog::getOpenFileName(this, tr("MS-CXR ground-truth CSV"), QFileInfo(csvPath_).absolutePath(),
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty()) return;
    QString message;
    if (loadGroundTruthCsv(path, &message)) statusBar()->showMessage(message, 15000);
    else reportError(message);
}

// ---- status ------------------------------------------------------------------------------------

void MainWindow::updateCursor(int x, int y) {
    cursorX_ = x;
    cursorY_ = y;
    updateStatus();
}

void MainWindow::updateStatus() {
    // The view under the cursor when it is one of the layout's (a compare cell, a side), else the main one.
    const bool inLayout = statusView_ && ((compareMode() && compare_->indexOfView(statusView_) >= 0) ||
                                          (stack_->currentWidget() == pair_ && (statusView_ == pair_->view(0) || statusView_ == pair_->view(1))));
    Viewport* view = inLayout ? statusView_ : viewport_;
    const auto img = view->image();
    if (!img) {
        for (QLabel* l : {posLabel_, valueLabel_, windowLabel_, zoomLabel_, spacingLabel_}) l->clear();
        return;
    }
    if (cursorX_ >= 0 && cursorY_ >= 0 && cursorX_ < img->width && cursorY_ < img->height) {
        posLabel_->setText(tr("x %1  y %2").arg(cursorX_).arg(cursorY_));
        if (img->isColor()) {
            valueLabel_->setText(tr("RGB %1, %2, %3")
                                     .arg(img->storedAt(cursorX_, cursorY_, 0))
                                     .arg(img->storedAt(cursorX_, cursorY_, 1))
                                     .arg(img->storedAt(cursorX_, cursorY_, 2)));
        } else {
            const int32_t s = img->storedAt(cursorX_, cursorY_);
            valueLabel_->setText(tr("stored %1  value %2").arg(s).arg(img->modalityValue(s), 0, 'g', 6));
        }
        const grounding::PromptResult* shown =
            view == viewport_ ? (grounding_ ? grounding_->displayedResult() : nullptr) : compare_->resultOf(view);
        if (shown) {
            const auto& r = *shown;
            if (r.originalWidth == img->width && r.originalHeight == img->height) {
                const float h = r.original[size_t(cursorY_) * img->width + cursorX_];
                valueLabel_->setText(valueLabel_->text() + (std::isnan(h) ? tr("  heat: not analysed") : tr("  heat %1").arg(h, 0, 'f', 3)));
            }
        }
    } else {
        posLabel_->clear();
        valueLabel_->clear();
    }
    const DisplaySettings& d = view->display();
    if (d.voi == DisplaySettings::Voi::VoiLut)
        windowLabel_->setText(tr("VOI LUT"));
    else
        windowLabel_->setText(tr("C %1  W %2").arg(d.window.center, 0, 'f', 1).arg(d.window.width, 0, 'f', 1));
    zoomLabel_->setText(tr("%1 %").arg(std::lround(view->geometry().zoom() * view->devicePixelRatioF() * 100)));
    const PixelSpacing& sp = img->info.spacing;
    spacingLabel_->setText(sp.known() ? tr("%1 × %2 mm/px").arg(sp.col, 0, 'g', 4).arg(sp.row, 0, 'g', 4) : tr("spacing unknown"));
}

QString MainWindow::statusText() const {
    return QStringList{posLabel_->text(), valueLabel_->text(), windowLabel_->text(), zoomLabel_->text(), spacingLabel_->text()}
        .join(QStringLiteral(" | "));
}

void MainWindow::reportFailures(const std::vector<SkippedFile>& failures) {
    for (const SkippedFile& f : failures) {
        if (failurePaths_.contains(f.path)) continue;
        failurePaths_ << f.path;
        failureLines_ << f.reason;
    }
    if (failureLines_.isEmpty()) return;
    const QString summary = failureLines_.size() == 1 ? failureLines_.first()
                                                      : tr("%n file(s) could not be opened.", nullptr, int(failureLines_.size()));
    lastError_ = failureLines_.size() == 1 ? summary : summary + QLatin1Char('\n') + failureLines_.join(QLatin1Char('\n'));
    statusBar()->showMessage(summary, 15000);
    if (!showErrorDialogs_) return;
    if (!failuresBox_) {
        failuresBox_ = new QMessageBox(QMessageBox::Warning, tr("Cannot open"), QString(), QMessageBox::Close, this);
        failuresBox_->setTextFormat(Qt::PlainText);  // file names and messages are untrusted text
        failuresBox_->setAttribute(Qt::WA_DeleteOnClose);
        failuresBox_->setModal(false);
    }
    failuresBox_->setText(summary);
    failuresBox_->setDetailedText(failureLines_.size() > 1 ? failureLines_.join(QLatin1Char('\n')) : QString());
    failuresBox_->show();
    failuresBox_->raise();
}

void MainWindow::clearImage() {
    currentFile_.clear();
    currentFrame_ = 0;
    viewport_->clear();
    setWindowTitle(tr("CXR Ground"));
    frameAction_->setVisible(false);
    tagsAct_->setEnabled(false);
    presets_->clear();
    grounding_->clearImage();
    browser_->selectPath(QString());
    measurePanel_->refresh();
    if (layout() == Layout::PriorCurrent || layout() == Layout::PaLateral) setLayout(Layout::Single);
    updateStatus();
}

void MainWindow::reportError(const QString& message) {
    lastError_ = message;
    statusBar()->showMessage(message, 15000);
    if (!showErrorDialogs_) return;
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Cannot open"), message, QMessageBox::Close, this);
    box->setTextFormat(Qt::PlainText);  // file names and messages are untrusted text
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setModal(false);
    box->show();
}

// ---- dialogs -----------------------------------------------------------------------------------

TagDialog* MainWindow::tagDialog() {
    if (!tags_) tags_ = new TagDialog(this);
    return tags_;
}

void MainWindow::showTags() {
    if (currentFile_.isEmpty()) return;
    tagDialog()->showFile(currentFile_);
    tags_->show();
    tags_->raise();
}

void MainWindow::showShortcuts() {
    ShortcutsDialog d(shortcutActions(), this);
    d.exec();
}

void MainWindow::showSettings() { showSettingsPage(false); }

void MainWindow::showSettingsPage(bool modelPage) {
    SettingsDialog d(this);
    if (modelPage) d.showModelPage();
    connect(&d, &SettingsDialog::downloadRequested, this, [this, &d] {
        QString dir;
        if (showDownload(d.bundleUrl(), d.textUrl(), &dir)) d.modelFolderEdit()->setText(dir);
    });
    if (d.exec() != QDialog::Accepted) return;
    QSettings s;
    s.setValue(QStringLiteral("ui/theme"), d.theme());
    s.setValue(QStringLiteral("ui/language"), d.language());
    s.setValue(QStringLiteral("download/bundleUrl"), d.bundleUrl());
    s.setValue(QStringLiteral("download/textUrl"), d.textUrl());
    applyTheme(themeFromString(d.theme()));
    refreshIcons();
    (currentTheme() == Theme::Light ? lightAct_ : darkAct_)->setChecked(true);
    const bool folderChanged = !d.modelFolder().isEmpty() && d.modelFolder() != grounding_->modelFolder();
    if (folderChanged) s.setValue(QStringLiteral("grounding/modelDir"), d.modelFolder());
    setCornerFields(d.cornerFields());
    grounding_->setRuntime(d.device(), d.precision(), d.threads());  // reloads the model when these change
    grounding_->applyPreparationSettings();  // Settings > Preparation wrote its values on OK
    if (folderChanged) grounding_->setModelFolder(d.modelFolder());
}

bool MainWindow::showDownload(const QString& bundleUrl, const QString& textUrl, QString* dir) {
    DownloadDialog d(this);
    download::Sources src;
    if (!bundleUrl.isEmpty()) src.bundleBaseUrl = bundleUrl;
    if (!textUrl.isEmpty()) src.textBaseUrl = textUrl;
    d.setSources(src);
    d.exec();
    if (!d.succeeded()) return false;
    *dir = d.target();
    return true;
}

void MainWindow::showAbout() {
    QMessageBox box(this);
    box.setWindowTitle(tr("About CXR Ground"));
    box.setIconPixmap(QIcon(QStringLiteral(":/icons/cxr-viewer.svg")).pixmap(64, 64));
    box.setTextFormat(Qt::PlainText);
    box.setText(tr("CXR Ground %1\nChest X-ray viewer with zero-shot phrase grounding.\n\n"
                   "Research use only - not for diagnosis.")
                    .arg(QCoreApplication::applicationVersion()));
    box.setInformativeText(tr("Sample images: NIH ChestX-ray14 images courtesy of the NIH Clinical Center; "
                              "CR chest from the NEMA WG04 compression test set; GDCM sample data.\n"
                              "Built with Qt, DCMTK, OpenJPEG, OpenCV and LibTorch."));
    box.exec();
}

// ---- drag and drop -----------------------------------------------------------------------------

void MainWindow::dragEnterEvent(QDragEnterEvent* e) {
    if (e->mimeData()->hasUrls()) e->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* e) {
    QStringList paths;
    for (const QUrl& u : e->mimeData()->urls())
        if (u.isLocalFile()) paths << u.toLocalFile();
    if (!paths.isEmpty()) {
        openFiles(paths);
        e->acceptProposedAction();
    }
}

void MainWindow::closeEvent(QCloseEvent* e) {
    if (scanCancelFlag_) *scanCancelFlag_ = true;
    QMainWindow::closeEvent(e);
}

}  // namespace cxr::ui
