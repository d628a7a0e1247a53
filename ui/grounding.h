// The grounding panel of the viewer; it drives the worker thread (grounding_worker.h) that owns the
// engine. The engine header is LibTorch-free (pimpl), so this UI code compiles without torch headers.
#pragma once

#include "annotate/overlay.h"
#include "eval/metrics.h"
#include "grounding/engine.h"
#include "grounding_worker.h"
#include "method_dialog.h"
#include "preparation.h"
#include "viewport.h"

#include <QDockWidget>
#include <QHash>
#include <QIcon>
#include <QVector>
#include <QElapsedTimer>
#include <QImage>
#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSlider;
class QCheckBox;
class QTimer;

namespace cxr::ui {

// Layers and colour maps live in core/annotate (shared with exports and the command line).
using annotate::ColourMap;
using annotate::colourAt;
using annotate::heatmapImage;
using annotate::maskFill;
using annotate::maskOutline;
using annotate::MaskMode;
using annotate::shortened;

// One grounded prompt on one image: what the list shows.
struct GroundedPrompt {
    QString name;                 // shown in the list; the user can rename it
    QString prompt;               // the sentence as grounded
    grounding::Settings settings; // the method settings it was grounded with
    std::shared_ptr<const grounding::PromptResult> result;
    bool visible = true;
    bool fromCache = false;       // came from the results cache (no engine call)
    bool negated = false;         // the sentence denies a finding ("No pneumothorax.")
    QString negationCue;
    QIcon thumbnail;              // the map over the image, small
    QColor outlineColour;         // its outline's colour when ticked and not selected
    QString origin;               // "" when grounded here; else the DICOM object it came from (SEG, Parametric Map)
    QString objectUid;            // that object's SOP Instance UID
    bool maskOnly = false;        // a Segmentation: a mask, no heat values (the heat layer stays off)
};

// The bundled demo model (small networks, random weights): tests/data/model-small in the build
// tree, share/cxr-ground/demo-model when installed, or $CXRG_DEMO_MODEL. Empty when not found.
QString demoModelFolder();

// At most this many sentences are grounded in one request (a typical report has fewer than 20).
constexpr int kMaxSentencesPerRequest = 24;
// A prompt is cut to this many characters before grounding: the model reads only its first 77
// tokens, which real text never spreads over more than a few hundred characters.
constexpr int kMaxPromptChars = 2000;

// The boxes a prompt's metrics use: those labelled with its sentence when any, else all of them.
// `which` says which in words. False when there are no boxes.
bool metricBoxes(const QString& prompt, const QVector<GroundTruthBox>& truth, std::vector<eval::Box>* boxes, QString* which);

// The grounding panel: prompt box, Ground / Cancel, progress with time left, grounded prompts,
// overlay controls, metrics against ground-truth boxes, model status.
class GroundingPanel : public QDockWidget {
    Q_OBJECT
public:
    explicit GroundingPanel(QWidget* parent = nullptr);
    ~GroundingPanel() override;

    void setModelFolder(const QString& dir);  // loads on the worker (asynchronous)
    QString modelFolder() const { return modelDir_; }
    bool modelReady() const { return modelReady_; }
    bool demoModel() const { return demo_; }
    // Device, precision and threads the model loads with (Settings > Model); reloads when changed.
    void setRuntime(const QString& device, const QString& precision, int threads);
    // The image prompts are grounded on (8-bit as shown by default; key identifies it).
    void setImage(const QByteArray& grey, int width, int height, const QString& key);
    // Grounds on the current image with the panel's method settings (or `settings`). Prompts
    // already in the results cache appear at once; the others queue on the worker as one batch.
    void ground(const QStringList& prompts);
    void ground(const QStringList& prompts, const grounding::Settings& settings);
    void cancel();  // the running request and every queued one
    void clearImage();  // no image: nothing can be grounded
    bool busy() const { return busy_; }
    int queuedRequests() const { return int(queue_.size()); }
    QPlainTextEdit* promptEdit() const { return prompt_; }
    QProgressBar* progressBar() const { return progress_; }
    QPushButton* demoButton() const { return demoModel_; }
    QPushButton* detailsButton() const { return detailsButton_; }
    QString modelText() const;     // the model line of the panel
    QString modelDetails() const { return modelDetails_; }  // each problem of a failed folder, once
    QString languageWarning() const;  // shown once when a sentence is not English
    QListWidget* resultList() const { return list_; }

    // The grounded prompts of the current image, in list order.
    const QVector<GroundedPrompt>& entries() const;
    int resultCount() const { return int(entries().size()); }
    const grounding::PromptResult& result(int i) const { return *entries()[i].result; }
    void renameEntry(int i, const QString& name);
    void removeEntry(int i);
    void rerunEntry(int i, const grounding::Settings& settings);
    // A result read from a DICOM Segmentation or Parametric Map of the current image: listed with
    // its sentence and shown like a grounded one (`origin` says what it came from). The same object
    // again (by SOP Instance UID) selects its entry instead of adding another.
    void addImportedResult(const QString& sentence, std::shared_ptr<const grounding::PromptResult> result,
                           const QString& origin, const QString& objectUid, bool maskOnly);

    int selectedResult() const;
    // The map to show for the selected result: the sentence map, or one word's map when a word
    // chip is active. nullptr when nothing is selected or shown.
    const grounding::PromptResult* displayedResult() const;
    const GroundedPrompt* displayedEntry() const;
    QListWidget* wordChips() const { return chips_; }
    int activeWord() const { return activeWord_; }  // index into the result's words, -1: sentence

    grounding::Settings methodSettings() const { return method_; }
    // remember: kept for the next start (the method dialog); false: this session only (--preset).
    void setMethodSettings(const grounding::Settings& s, bool remember = true);

    // Preparing images before the sentence (preparation.h): the shown image as soon as it is
    // shown, then the next images of its study when Settings > Preparation asks for it.
    BackgroundPreparation* preparation() const { return prep_; }
    // Re-reads Settings > Preparation (background preparation, next images, the disk cache), or
    // applies the given ones for this session only (benchmarks).
    void applyPreparationSettings();
    void applyPreparationSettings(const PreparationSettings& p);
    // The files after the shown one in its study (the main window's scan).
    void setFollowingImages(const QStringList& paths);
    // Where the shown image stands ("Preparing this image: 43 %, about 2 min left", "Ready: a
    // sentence takes about 40 s", "Cancelled: … kept"); empty when there is nothing to say.
    QString preparationText() const;
    QString cacheProblem() const { return cacheProblem_; }
    ColourMap colourMap() const;
    double opacity() const;
    double lowerThreshold() const;  // heat values at or below are transparent
    bool heatVisible() const;
    void setHeatVisible(bool on);
    MaskMode maskMode() const;
    void setMaskMode(MaskMode m);
    QColor maskColour() const { return maskColour_; }
    void setMaskColour(const QColor& c);
    QSlider* opacitySlider() const { return opacity_; }
    // The overlay layers as the panel sets them (boxes not included).
    annotate::Layers layers() const;
    // The heat map is the selected prompt's; the outlines are every ticked prompt's (the selected
    // one in the mask colour, the others each in its own colour). Empty when the mask is off.
    QVector<Outline> outlines() const;
    // The sentences the prompt box holds (a whole report is split; one sentence: itself).
    QStringList promptSentences() const;
    QPushButton* groundButton() const { return groundButton_; }
    QPushButton* cancelButton() const { return cancelButton_; }
    QSlider* thresholdSlider() const { return lower_; }

    // Ground-truth boxes of the current image; the panel shows the selected prompt's metrics.
    // Boxes labelled with the prompt's text are used when there are any, else every box.
    void setGroundTruth(const QVector<GroundTruthBox>& boxes);
    QString metricsText() const;
    bool metricsPending() const { return metricsRunning_; }
    // Metrics of the shown result against the boxes that apply (false when none apply).
    bool currentMetrics(double* cnrAbs, double* cnr, double* miou, double* aucBinned, double* auc) const;

    // The cardiothoracic ratio measured on this image ("" : none). When the selected sentence is
    // about the size of the heart, the panel shows it under the metrics (or how to measure it).
    void setCardiothoracicRatio(const QString& text);
    QString heartSizeNote() const;  // "" when the selected sentence is not about the heart's size

    QString lastError() const { return lastError_; }
    QString statusText() const;
    int lastUnetCalls() const { return lastCalls_; }

Q_SIGNALS:
    void overlayChanged();   // selection, visibility, colour map, opacity, threshold or mask changed
    void modelStateChanged();
    void groundingFinished();
    void groundingFailed(const QString& message);
    void metricsChanged();
    void downloadRequested();
    void compareRequested(const QList<int>& rows);  // entries of the current image for the grid

protected:
    bool eventFilter(QObject* o, QEvent* e) override;

private:
    struct Request {
        quint64 id = 0;
        QByteArray grey;
        int width = 0, height = 0;
        QString key;
        QStringList prompts;
        grounding::Settings settings;
    };
    void onProgress(quint64 id, int phase, int step, int total);
    void onFinished(quint64 id, const QString& key, ResultsPtr results);
    void onFailed(quint64 id, const QString& message);
    void startNext();
    void chooseModel();
    void editMethod();
    void groundFromEdit();
    void updateState();
    void fillList();
    void fillChips();
    void chipClicked(int row);
    void showListMenu(const QPoint& pos);
    void addEntry(const QString& key, const QString& prompt, const grounding::Settings& s,
                  std::shared_ptr<const grounding::PromptResult> r, bool fromCache, const QByteArray& grey, int width,
                  int height);
    void updateGroundButton();
    QVector<GroundedPrompt>& entriesOf(const QString& key);
    void recomputeMetrics();
    void loadModelNow();
    void showModelDetails();
    void showImageState();  // the bar and the preparation line for the shown image
    void setRequestText(const QString& key, const QString& text);  // a request's last word, per image
    void requestsIdle();    // no request queued or running: the preparation continues

    QThread thread_;
    GroundingWorker* worker_ = nullptr;
    QString modelDir_;
    QString device_ = QStringLiteral("cpu"), precision_ = QStringLiteral("fp32");
    int threads_ = 0;
    int crossAttentionLayers_ = 0;
    bool modelReady_ = false, demo_ = false, busy_ = false, loading_ = false;
    QByteArray grey_;
    int width_ = 0, height_ = 0;
    QString key_;
    quint64 nextId_ = 1;
    Request running_;
    QList<Request> queue_;
    QHash<QString, QVector<GroundedPrompt>> perImage_;
    QStringList imageOrder_;  // least recently used first
    QHash<QString, std::shared_ptr<const grounding::PromptResult>> cache_;
    QStringList cacheOrder_;
    grounding::Settings method_;
    QString lastError_;
    int lastCalls_ = 0;
    QElapsedTimer clock_;
    QVector<GroundTruthBox> truth_;
    QString metricsText_;
    bool metricsRunning_ = false;
    quint64 metricsGeneration_ = 0;
    bool haveMetrics_ = false;
    double metrics_[5] = {0, 0, 0, 0, 0};
    bool fillingList_ = false;

    QLabel* modelLabel_;
    QPushButton* detailsButton_;
    QString modelDetails_;
    QPushButton* chooseModel_;
    QPushButton* downloadModel_;
    QPushButton* demoModel_;
    QLabel* languageLabel_;
    bool languageWarned_ = false;
    QPlainTextEdit* prompt_;
    QPushButton* groundButton_;
    QPushButton* cancelButton_;
    QPushButton* methodButton_;
    QLabel* methodLabel_;
    QProgressBar* progress_;
    QLabel* progressText_;
    QLabel* prepLabel_;
    BackgroundPreparation* prep_ = nullptr;
    QHash<QString, QString> requestText_;  // per image: "Done in …", "Cancelled.", an error
    QString cacheProblem_;
    QTimer* buttonTimer_ = nullptr;
    QListWidget* list_;
    QListWidget* chips_;
    int activeWord_ = -1;
    std::unique_ptr<grounding::PromptResult> wordResult_;
    // Outline contours of recent results (findContours at original size costs tens of ms on a
    // large image; outlines() runs on every overlay update). Holding the result keeps its address.
    const QVector<QPolygonF>& contoursOf(const std::shared_ptr<const grounding::PromptResult>& r) const;
    mutable QVector<QPair<std::shared_ptr<const grounding::PromptResult>, QVector<QPolygonF>>> contourCache_;
    QCheckBox* showHeat_;
    QComboBox* cmap_;
    QSlider* opacity_;
    QSlider* lower_;
    QLabel* lowerValue_;
    QComboBox* maskMode_;
    QPushButton* maskColourButton_;
    QColor maskColour_{0, 230, 255};
    QLabel* metrics_Label_;
    QLabel* heartLabel_;
    QString ctrText_;
    void updateHeartNote();
    QLabel* demoLabel_;
};

}  // namespace cxr::ui
