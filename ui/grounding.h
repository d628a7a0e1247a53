// Grounding in the viewer: a worker thread that owns the engine, and the panel that drives it.
// The engine header is LibTorch-free (pimpl), so this UI code compiles without torch headers.
#pragma once

#include "grounding/engine.h"

#include <QDockWidget>
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

namespace cxr::ui {

using ResultsPtr = std::shared_ptr<std::vector<grounding::PromptResult>>;

// Lives in its own thread; every slot runs there. The model loads once and stays loaded.
class GroundingWorker : public QObject {
    Q_OBJECT
public:
    GroundingWorker() = default;
    std::atomic_bool cancel{false};

public Q_SLOTS:
    void loadModel(const QString& dir);
    void ground(quint64 requestId, const QByteArray& pixels, int width, int height, const QString& imageKey,
                const QStringList& prompts);

Q_SIGNALS:
    void modelLoaded(const QString& dir, const QString& description);
    void modelFailed(const QString& dir, const QString& message);
    void progress(quint64 requestId, int phase, int step, int total);
    void finished(quint64 requestId, const QString& imageKey, cxr::ui::ResultsPtr results);
    void failed(quint64 requestId, const QString& message);

private:
    std::unique_ptr<grounding::Engine> engine_;
    grounding::Settings settings_;
};

// Colour maps for heat maps (256 entries, RGB).
enum class ColourMap { Inferno, Viridis, Jet };
QRgb colourAt(ColourMap map, double v);  // v in [0,1]

// The heat map as an ARGB image at original size: NaN (outside the analysed crop) lightly hatched
// as "not analysed", values at or below `lower` transparent, others coloured with alpha = opacity.
QImage heatmapImage(const std::vector<float>& map, int width, int height, ColourMap cmap, double opacity, double lower);
// Outline of the Otsu mask (map > 0) as an ARGB image at original size.
QImage maskOutline(const std::vector<float>& map, int width, int height, QColor colour);

}  // namespace cxr::ui

Q_DECLARE_METATYPE(cxr::ui::ResultsPtr)

namespace cxr::ui {

// The grounding panel: prompt box, Ground / Cancel, progress with time left, grounded prompts,
// overlay controls, model status.
class GroundingPanel : public QDockWidget {
    Q_OBJECT
public:
    explicit GroundingPanel(QWidget* parent = nullptr);
    ~GroundingPanel() override;

    void setModelFolder(const QString& dir);  // loads on the worker (asynchronous)
    QString modelFolder() const { return modelDir_; }
    bool modelReady() const { return modelReady_; }
    bool demoModel() const { return demo_; }
    // The image prompts are grounded on (8-bit as shown by default; key identifies it).
    void setImage(const QByteArray& grey, int width, int height, const QString& key);
    void ground(const QStringList& prompts);  // queued on the worker
    void cancel();
    bool busy() const { return busy_; }
    QPlainTextEdit* promptEdit() const { return prompt_; }
    QListWidget* resultList() const { return list_; }
    // The results for the current image (prompt order as grounded).
    const std::vector<grounding::PromptResult>& results() const { return results_; }
    int selectedResult() const;
    // The map to show for the selected result: the sentence map, or one word's map when a word
    // chip is active. nullptr when nothing is selected or shown.
    const grounding::PromptResult* displayedResult() const;
    QListWidget* wordChips() const { return chips_; }
    int activeWord() const { return activeWord_; }  // index into the result's words, -1: sentence
    ColourMap colourMap() const;
    double opacity() const;
    QString lastError() const { return lastError_; }
    int lastUnetCalls() const { return lastCalls_; }

Q_SIGNALS:
    void overlayChanged();   // selection, visibility, colour map or opacity changed
    void modelStateChanged();
    void groundingFinished();
    void groundingFailed(const QString& message);

protected:
    bool eventFilter(QObject* o, QEvent* e) override;

private:
    void onProgress(quint64 id, int phase, int step, int total);
    void onFinished(quint64 id, const QString& key, ResultsPtr results);
    void onFailed(quint64 id, const QString& message);
    void chooseModel();
    void groundFromEdit();
    void updateState();
    void fillChips();
    void chipClicked(int row);

    QThread thread_;
    GroundingWorker* worker_ = nullptr;
    QString modelDir_;
    bool modelReady_ = false, demo_ = false, busy_ = false;
    QByteArray grey_;
    int width_ = 0, height_ = 0;
    QString key_;
    quint64 nextId_ = 1, runningId_ = 0;
    std::vector<grounding::PromptResult> results_;
    QString lastError_;
    int lastCalls_ = 0;
    QElapsedTimer clock_;

    QLabel* modelLabel_;
    QPushButton* chooseModel_;
    QPlainTextEdit* prompt_;
    QPushButton* groundButton_;
    QPushButton* cancelButton_;
    QProgressBar* progress_;
    QLabel* progressText_;
    QListWidget* list_;
    QListWidget* chips_;
    int activeWord_ = -1;
    std::unique_ptr<grounding::PromptResult> wordResult_;
    QComboBox* cmap_;
    QSlider* opacity_;
    QCheckBox* showMask_;
    QLabel* demoLabel_;

public:
    bool showMask() const;
};

}  // namespace cxr::ui
