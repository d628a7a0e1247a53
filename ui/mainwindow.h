// The viewer's main window: studies browser, viewport, toolbar, status bar, menus.
// Loading, folder scans and thumbnails run on worker threads; the window never blocks.
#pragma once

#include "imaging/loader.h"
#include "imaging/scan.h"
#include "eval/mscxr.h"
#include "studies_browser.h"
#include "viewport.h"

#include <QHash>

#include <QFutureWatcher>
#include <QMainWindow>
#include <QMessageBox>
#include <QPointer>
#include <QStringList>

#include <atomic>
#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTabWidget;

namespace cxr::exporting {
struct ResultObject;
}

namespace cxr::ui {

class PacsPanel;
class TagDialog;
class CompareView;
class GroundingPanel;
class MeasurementsPanel;
class SideBySideView;

// Most recently used files (QSettings "recentFiles"), at most kMax, newest first.
class RecentFiles {
public:
    static constexpr int kMax = 10;
    static QStringList list();
    static void add(const QString& path);
    static void remove(const QString& path);
    static void clear();
};

// Folder holding the bundled sample study, or empty.
QString samplesFolder();

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens files: all go to the studies browser, the first is shown.
    void openFiles(const QStringList& files);
    void openFolder(const QString& folder);
    void openSamples();
    // Shows one file (frame 0-based); asynchronous, emits imageShown or loadFailed.
    void showFile(const QString& path, int frame = 0);
    // No image: the view, the title and the grounding panel are emptied.
    void clearImage();
    // The filters of File > Open: "All files" first (PACS exports have no extension).
    static QStringList openFilters();
    // The name an export proposes: study date, study, series and the prompt (or "grid"), in the
    // last export folder (else the image's folder).
    QString suggestedExportPath(const QString& format) const;

    Viewport* viewport() const { return viewport_; }
    StudiesBrowser* browser() const { return browser_; }
    QString currentFile() const { return currentFile_; }
    QString lastError() const { return lastError_; }
    const ScanResult& lastScan() const { return lastScan_; }
    bool scanning() const { return scanning_; }  // from the request until the result is in
    bool loading() const { return loadWatcher_.isRunning(); }
    QList<QAction*> shortcutActions() const;
    QString statusText() const;  // position / value read-out (for tests)
    TagDialog* tagDialog();
    GroundingPanel* groundingPanel() const { return grounding_; }
    void setShowErrorDialogs(bool show) { showErrorDialogs_ = show; }

    // Ground-truth boxes: an MS-CXR CSV whose rows are matched to every image shown (by DICOM
    // id = file stem, or path), and boxes drawn by hand, kept per image.
    bool loadGroundTruthCsv(const QString& path, QString* message);
    QString groundTruthCsv() const { return csvPath_; }
    QAction* heatAction() const { return heatAct_; }
    QAction* maskAction() const { return maskAct_; }
    QAction* boxesAction() const { return boxesAct_; }
    QAction* drawBoxesAction() const { return drawBoxesAct_; }

    // The first window size: 1280 x 860, less where the available screen is smaller (title bar and
    // frame included).
    static QSize firstStartSize(const QRect& availableScreen);

    // Reading tools: measurements (kept per image for the session), the Measurements dock, the
    // corner text and orientation markers (T), window presets by number key.
    MeasurementsPanel* measurementsPanel() const { return measurePanel_; }
    QAction* toolAction(MeasureTool tool) const;
    QAction* infoAction() const { return infoAct_; }
    QAction* measurementsVisibleAction() const { return measureVisibleAct_; }
    QComboBox* presetCombo() const { return presets_; }
    void setCornerFields(CornerFields fields);  // and saves them
    // Keyboard reading: the next / previous image in the studies' order, the first image of the
    // next / previous series (false at the end).
    bool stepImage(int delta);
    bool stepSeries(int delta);
    void leaveTools();  // Esc: no measuring tool, no box editing

    // Side-by-side layouts: the current study and the latest prior of the same patient among the
    // open studies, or the PA and the lateral of the current study. False (with a message in the
    // status bar) when there is no such image.
    enum class Layout { Single, Compare, PriorCurrent, PaLateral };
    bool setLayout(Layout layout);
    Layout layout() const;
    SideBySideView* sideBySideView() const { return pair_; }
    QAction* priorAction() const { return priorAct_; }
    QAction* paLateralAction() const { return paLatAct_; }
    // The files such a layout would show (empty when none): the prior or the other view.
    QString priorOf(const QString& path) const;
    QString otherViewOf(const QString& path) const;

    // Compare mode: the grid replaces the single viewport.
    CompareView* compareView() const { return compare_; }
    void setCompareMode(bool on);
    bool compareMode() const;
    // Adds entries of the current image to the grid (and switches to compare mode).
    void compareEntries(const QList<int>& rows);

    // Export. Single view: the current prompt on the current image; compare mode: the grid.
    // format "png" | "jpg" | "dcm" | "seg" | "pmap" (the last two: exportResultObject);
    // originalResolution: image pixels, else as on screen.
    bool exportView(const QString& path, const QString& format, bool originalResolution, bool anonymise, bool overwrite,
                    QString* message);
    // Every grounded prompt of this image into a folder (PNG, original resolution).
    bool exportAllPrompts(const QString& folder, bool overwrite, QString* message, QStringList* written = nullptr);
    QStringList exportAllPaths(const QString& folder) const;  // the files exportAllPrompts writes
    // The picture an export writes (no file): the annotated current view or grid.
    QImage exportPicture(bool originalResolution, QString* message) const;

    // PACS: the source next to the studies browser, File > Send to PACS, and DICOM results.
    PacsPanel* pacsPanel() const { return pacs_; }
    QTabWidget* sourcesTabs() const { return sources_; }
    QAction* sendToPacsAction() const { return sendPacsAct_; }
    // Writes the shown prompt's result as a DICOM Segmentation of its mask ("seg") or Parametric
    // Map of its heat map ("pmap"), at the source's resolution, into the source's study.
    bool exportResultObject(const QString& path, const QString& format, bool anonymise, bool overwrite, QString* message);
    // Opens a DICOM Segmentation or Parametric Map: shows its source image (found among the open
    // studies or in the object's folder) with the result as heat-map and mask layers and its
    // sentence in the grounding list. Asynchronous: resultShown or loadFailed.
    void openResultObject(const QString& path);
    void showPacsSettings();

Q_SIGNALS:
    void imageShown(const QString& path);
    void loadFailed(const QString& path, const QString& message);
    void scanFinished();
    void resultShown(const QString& sentence);  // a Segmentation / Parametric Map is shown

protected:
    void keyPressEvent(QKeyEvent*) override;
    void dragEnterEvent(QDragEnterEvent*) override;
    void dropEvent(QDropEvent*) override;
    void closeEvent(QCloseEvent*) override;

private:
    void buildActions();
    void buildMenus();
    void buildToolbar();
    void buildStatusBar();
    void refreshIcons();  // toolbar icons drawn in the palette's text colour
    void startScan(const QStringList& files, const QString& folder);
    void scanDone();
    void loadDone();
    void updateRecentMenu();
    void updatePresets();
    void updateStatus();
    void updateCursor(int x, int y);
    void reportError(const QString& message);
    // Files that could not be opened: each is listed once in one message, however many opens
    // and scans report it.
    void reportFailures(const std::vector<SkippedFile>& failures);
    void syncPresetToDisplay();
    void applyPreset(int index);
    void showAbout();
    void showShortcuts();
    void showSettings();
    void chooseExport();
    void chooseExportAll();
    void updateCompareStyle();
    void showSettingsPage(bool modelPage);
    // The download dialog; true with the folder when the model was downloaded completely.
    bool showDownload(const QString& bundleUrl, const QString& textUrl, QString* dir);
    void showTags();
    void chooseOpenFiles();
    void chooseOpenFolder();
    void updateOverlay();
    void sendImageToGrounding();
    void applyBoxesForImage();
    void boxesEdited();
    void chooseGroundTruthCsv();
    QString imageKey() const;
    void buildReadingActions();
    void measurementsEdited();
    void updateHeartNote();
    void fillSideBySide();
    const ScannedFile* scannedFile(const QString& path) const;

    Viewport* viewport_ = nullptr;
    StudiesBrowser* browser_ = nullptr;
    TagDialog* tags_ = nullptr;
    GroundingPanel* grounding_ = nullptr;
    QComboBox* presets_ = nullptr;
    QSpinBox* frame_ = nullptr;
    QAction* frameAction_ = nullptr;
    QLabel* posLabel_ = nullptr;
    QLabel* valueLabel_ = nullptr;
    QLabel* windowLabel_ = nullptr;
    QLabel* zoomLabel_ = nullptr;
    QLabel* spacingLabel_ = nullptr;
    QProgressBar* scanProgress_ = nullptr;
    QPushButton* scanCancel_ = nullptr;
    QMenu* recentMenu_ = nullptr;

    QAction *openAct_, *openFolderAct_, *samplesAct_, *quitAct_, *fitAct_, *oneToOneAct_, *zoomInAct_, *zoomOutAct_,
        *invertAct_, *rotCwAct_, *rotCcwAct_, *flipHAct_, *flipVAct_, *resetAct_, *tagsAct_, *helpAct_, *aboutAct_,
        *settingsAct_, *darkAct_, *lightAct_, *nextFrameAct_, *prevFrameAct_;
    CompareView* compare_ = nullptr;
    QStackedWidget* stack_ = nullptr;
    QAction *compareAct_ = nullptr, *exportAct_ = nullptr, *exportAllAct_ = nullptr;
    void buildPacsSource(class QDockWidget* dock);
    void pacsFilesReady(const QStringList& files, bool fromCache);
    void applyPendingResult();
    void chooseSendToPacs();
    PacsPanel* pacs_ = nullptr;
    QTabWidget* sources_ = nullptr;
    QAction* sendPacsAct_ = nullptr;
    std::shared_ptr<const exporting::ResultObject> pendingResult_;  // shown once its source image is
    QString pendingResultSource_;
    QStringList pendingGrid_;
    QString pendingGridKey_;
    QAction *heatAct_ = nullptr, *maskAct_ = nullptr, *boxesAct_ = nullptr, *drawBoxesAct_ = nullptr,
            *loadCsvAct_ = nullptr, *clearBoxesAct_ = nullptr;
    QHash<QString, QVector<GroundTruthBox>> imageBoxes_;  // boxes of images seen (drawn or edited)
    QHash<QString, QVector<Measurement>> imageMeasurements_;  // measurements of images seen, this session
    MeasurementsPanel* measurePanel_ = nullptr;
    SideBySideView* pair_ = nullptr;
    QList<QAction*> toolActs_;  // distance, angle, rectangle, ellipse, cardiothoracic ratio
    QList<QAction*> presetActs_;  // 1..9
    QAction *infoAct_ = nullptr, *measureVisibleAct_ = nullptr, *sentenceAct_ = nullptr, *nextImageAct_ = nullptr,
            *prevImageAct_ = nullptr, *nextSeriesAct_ = nullptr, *prevSeriesAct_ = nullptr, *priorAct_ = nullptr,
            *paLatAct_ = nullptr, *singleAct_ = nullptr;
    QString pairLoading_;  // the other side's file being loaded
    QFutureWatcher<LoadResult> pairWatcher_;
    QString pairPath_, pairError_;  // the other side's file last loaded, and its image or error
    std::shared_ptr<const Image> pairImage_;
    std::shared_ptr<const eval::MsCxrReadResult> csv_;
    QString csvPath_;

    QFutureWatcher<LoadResult> loadWatcher_;
    QString loadingPath_;
    int loadingFrame_ = 0;
    QString pendingPath_;
    int pendingFrame_ = -1;
    QFutureWatcher<ScanResult> scanWatcher_;
    std::shared_ptr<std::atomic_bool> scanCancelFlag_;
    std::shared_ptr<std::atomic_int> scanSeen_;
    ScanResult lastScan_;
    bool scanning_ = false;
    QString currentFile_;
    int currentFrame_ = 0;
    QString lastError_;
    QStringList failurePaths_, failureLines_;
    QPointer<QMessageBox> failuresBox_;
    Viewport* statusView_ = nullptr;  // the view the status bar describes (a compare cell when hovered)
    bool showErrorDialogs_ = true;
    int cursorX_ = -1, cursorY_ = -1;
};

}  // namespace cxr::ui
