#include "grounding.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSlider>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace cxr::ui {

// ---- worker ------------------------------------------------------------------------------------

void GroundingWorker::loadModel(const QString& dir) {
    engine_.reset();
    std::string err;
    engine_ = grounding::Engine::load(dir.toStdString(), settings_, &err);
    if (!engine_) {
        Q_EMIT modelFailed(dir, QString::fromStdString(err));
        return;
    }
    const auto& i = engine_->info();
    Q_EMIT modelLoaded(dir, QStringLiteral("%1|%2|%3").arg(QString::fromStdString(i.device)).arg(i.threads).arg(qulonglong(i.parameterCount)));
}

void GroundingWorker::ground(quint64 id, const QByteArray& pixels, int width, int height, const QString& key,
                            const QStringList& prompts) {
    if (!engine_) {
        Q_EMIT failed(id, tr("No model is loaded."));
        return;
    }
    cancel = false;
    grounding::GreyImage img;
    img.width = width;
    img.height = height;
    img.pixels.assign(reinterpret_cast<const uint8_t*>(pixels.constData()),
                      reinterpret_cast<const uint8_t*>(pixels.constData()) + pixels.size());
    img.cacheKey = key.toStdString();
    std::vector<std::string> ps;
    for (const QString& p : prompts) ps.push_back(p.toStdString());
    auto results = std::make_shared<std::vector<grounding::PromptResult>>();
    std::string err;
    const bool ok = engine_->ground(
        img, ps, settings_, results.get(), &err,
        [this, id](grounding::Phase phase, int step, int total) { Q_EMIT progress(id, static_cast<int>(phase), step, total); },
        &cancel);
    if (!ok) {
        Q_EMIT failed(id, QString::fromStdString(err));
        return;
    }
    Q_EMIT finished(id, key, results);
}

// ---- colour maps (polynomial fits of matplotlib's inferno / viridis; CC0 coefficients) -----------

namespace {

QRgb poly(const double c[7][3], double t) {
    double rgb[3];
    for (int k = 0; k < 3; ++k) {
        double v = c[6][k];
        for (int i = 5; i >= 0; --i) v = v * t + c[i][k];
        rgb[k] = std::clamp(v, 0.0, 1.0);
    }
    return qRgb(int(std::lround(rgb[0] * 255)), int(std::lround(rgb[1] * 255)), int(std::lround(rgb[2] * 255)));
}

const double kInferno[7][3] = {{0.0002189403691192265, 0.001651004631001012, -0.01948089843709184},
                               {0.1065134194856116, 0.5639564367884091, 3.932712388889277},
                               {11.60249308247187, -3.972853965665698, -15.9423941062914},
                               {-41.70399613139459, 17.43639888205313, 44.35414519872813},
                               {77.162935699427, -33.40235894210092, -81.80730925738993},
                               {-71.31942824499214, 32.62606426397723, 73.20951985803202},
                               {25.13112622477341, -12.24266895238567, -23.07032500287172}};
const double kViridis[7][3] = {{0.2777273272234177, 0.005407344544966578, 0.3340998053353061},
                               {0.1050930431085774, 1.404613529898575, 1.384590162594685},
                               {-0.3308618287255563, 0.214847559468213, 0.09509516302823659},
                               {-4.634230498983486, -5.799100973351585, -19.33244095627987},
                               {6.228269936347081, 14.17993336680509, 56.69055260068105},
                               {4.776384997670288, -13.74514537774601, -65.35303263337234},
                               {-5.435455855934631, 4.645852612178535, 26.3124352495832}};

}  // namespace

QRgb colourAt(ColourMap map, double v) {
    v = std::clamp(v, 0.0, 1.0);
    switch (map) {
    case ColourMap::Inferno: return poly(kInferno, v);
    case ColourMap::Viridis: return poly(kViridis, v);
    case ColourMap::Jet: {
        auto f = [](double x) { return std::clamp(1.5 - std::fabs(4.0 * x), 0.0, 1.0); };
        return qRgb(int(std::lround(f(v - 0.75) * 255)), int(std::lround(f(v - 0.5) * 255)), int(std::lround(f(v - 0.25) * 255)));
    }
    }
    return qRgb(0, 0, 0);
}

QImage heatmapImage(const std::vector<float>& map, int w, int h, ColourMap cmap, double opacity, double lower) {
    QImage img(w, h, QImage::Format_ARGB32);
    img.fill(Qt::transparent);
    if (map.size() != size_t(w) * h) return img;
    QRgb lut[256];
    for (int i = 0; i < 256; ++i) lut[i] = colourAt(cmap, i / 255.0);
    const int alpha = int(std::lround(std::clamp(opacity, 0.0, 1.0) * 255));
    for (int y = 0; y < h; ++y) {
        auto* line = reinterpret_cast<QRgb*>(img.scanLine(y));
        for (int x = 0; x < w; ++x) {
            const float v = map[size_t(y) * w + x];
            if (std::isnan(v)) {  // outside the analysed crop: a light hatch ("not analysed")
                if ((x + y) % 12 == 0) line[x] = qRgba(150, 150, 150, 110);
                continue;
            }
            if (v <= lower) continue;
            const QRgb c = lut[std::clamp(int(std::lround(v * 255.0)), 0, 255)];
            line[x] = qRgba(qRed(c), qGreen(c), qBlue(c), alpha);
        }
    }
    return img;
}

QImage maskOutline(const std::vector<float>& map, int w, int h, QColor colour) {
    QImage img(w, h, QImage::Format_ARGB32);
    img.fill(Qt::transparent);
    if (map.size() != size_t(w) * h) return img;
    auto in = [&](int x, int y) {
        if (x < 0 || y < 0 || x >= w || y >= h) return false;
        const float v = map[size_t(y) * w + x];
        return !std::isnan(v) && v > 0.0f;
    };
    const QRgb c = colour.rgba();
    for (int y = 0; y < h; ++y) {
        auto* line = reinterpret_cast<QRgb*>(img.scanLine(y));
        for (int x = 0; x < w; ++x)
            if (in(x, y) && (!in(x - 1, y) || !in(x + 1, y) || !in(x, y - 1) || !in(x, y + 1))) line[x] = c;
    }
    return img;
}

// ---- panel -------------------------------------------------------------------------------------

GroundingPanel::GroundingPanel(QWidget* parent) : QDockWidget(tr("Grounding"), parent) {
    qRegisterMetaType<ResultsPtr>("cxr::ui::ResultsPtr");
    setObjectName(QStringLiteral("groundingDock"));
    auto* body = new QWidget(this);
    auto* lay = new QVBoxLayout(body);
    modelLabel_ = new QLabel(body);
    modelLabel_->setWordWrap(true);
    modelLabel_->setTextFormat(Qt::PlainText);
    lay->addWidget(modelLabel_);
    chooseModel_ = new QPushButton(tr("Choose model folder…"), body);
    lay->addWidget(chooseModel_);
    demoLabel_ = new QLabel(tr("demo model - random weights: the maps mean nothing"), body);
    demoLabel_->setStyleSheet(QStringLiteral("color: #ff6b6b; font-weight: bold;"));
    demoLabel_->setWordWrap(true);
    lay->addWidget(demoLabel_);
    lay->addWidget(new QLabel(tr("Report sentence (Ctrl+Enter grounds it):"), body));
    prompt_ = new QPlainTextEdit(body);
    prompt_->setPlaceholderText(tr("e.g. Small left pleural effusion"));
    prompt_->setMaximumHeight(90);
    lay->addWidget(prompt_);
    auto* buttons = new QHBoxLayout;
    groundButton_ = new QPushButton(tr("Ground"), body);
    cancelButton_ = new QPushButton(tr("Cancel"), body);
    buttons->addWidget(groundButton_);
    buttons->addWidget(cancelButton_);
    lay->addLayout(buttons);
    progress_ = new QProgressBar(body);
    progressText_ = new QLabel(body);
    progressText_->setTextFormat(Qt::PlainText);
    lay->addWidget(progress_);
    lay->addWidget(progressText_);
    lay->addWidget(new QLabel(tr("Grounded prompts on this image:"), body));
    list_ = new QListWidget(body);
    lay->addWidget(list_, 1);
    lay->addWidget(new QLabel(tr("Words (click one for its own map, again for the sentence):"), body));
    chips_ = new QListWidget(body);
    chips_->setFlow(QListView::LeftToRight);
    chips_->setWrapping(true);
    chips_->setResizeMode(QListView::Adjust);
    chips_->setSpacing(3);
    chips_->setMaximumHeight(70);
    chips_->setSelectionMode(QAbstractItemView::SingleSelection);
    lay->addWidget(chips_);
    connect(chips_, &QListWidget::itemClicked, this, [this](QListWidgetItem* it) { chipClicked(chips_->row(it)); });
    auto* form = new QFormLayout;
    cmap_ = new QComboBox(body);
    cmap_->addItem(QStringLiteral("Inferno"), int(ColourMap::Inferno));
    cmap_->addItem(QStringLiteral("Viridis"), int(ColourMap::Viridis));
    cmap_->addItem(QStringLiteral("Jet"), int(ColourMap::Jet));
    form->addRow(tr("Colour map:"), cmap_);
    opacity_ = new QSlider(Qt::Horizontal, body);
    opacity_->setRange(0, 100);
    opacity_->setValue(55);
    form->addRow(tr("Opacity:"), opacity_);
    showMask_ = new QCheckBox(tr("Otsu mask outline"), body);
    showMask_->setChecked(true);
    form->addRow(showMask_);
    lay->addLayout(form);
    setWidget(body);

    worker_ = new GroundingWorker;
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connect(worker_, &GroundingWorker::modelLoaded, this, [this](const QString& dir, const QString& desc) {
        if (dir != modelDir_) return;
        modelReady_ = true;
        const QStringList d = desc.split(QLatin1Char('|'));
        const qulonglong params = d.value(2).toULongLong();
        demo_ = params < 500000000ull;  // the real networks have 606 M parameters
        modelLabel_->setText(tr("Model: %1\n%2 M parameters, %3, %4 threads")
                                 .arg(QFileInfo(dir).fileName())
                                 .arg(params / 1000000)
                                 .arg(d.value(0))
                                 .arg(d.value(1)));
        updateState();
        Q_EMIT modelStateChanged();
    });
    connect(worker_, &GroundingWorker::modelFailed, this, [this](const QString& dir, const QString& message) {
        if (dir != modelDir_) return;
        modelReady_ = false;
        lastError_ = message;
        modelLabel_->setText(tr("The model folder cannot be used:\n%1").arg(message));
        updateState();
        Q_EMIT modelStateChanged();
    });
    connect(worker_, &GroundingWorker::progress, this, &GroundingPanel::onProgress);
    connect(worker_, &GroundingWorker::finished, this, &GroundingPanel::onFinished);
    connect(worker_, &GroundingWorker::failed, this, &GroundingPanel::onFailed);
    thread_.start();

    connect(chooseModel_, &QPushButton::clicked, this, &GroundingPanel::chooseModel);
    connect(groundButton_, &QPushButton::clicked, this, &GroundingPanel::groundFromEdit);
    connect(cancelButton_, &QPushButton::clicked, this, &GroundingPanel::cancel);
    prompt_->installEventFilter(this);  // Ctrl+Enter grounds
    connect(list_, &QListWidget::currentRowChanged, this, [this] {
        fillChips();
        Q_EMIT overlayChanged();
    });
    connect(list_, &QListWidget::itemChanged, this, &GroundingPanel::overlayChanged);
    connect(cmap_, QOverload<int>::of(&QComboBox::currentIndexChanged), this, &GroundingPanel::overlayChanged);
    connect(opacity_, &QSlider::valueChanged, this, &GroundingPanel::overlayChanged);
    connect(showMask_, &QCheckBox::toggled, this, &GroundingPanel::overlayChanged);
    modelLabel_->setText(tr("No model: choose the folder that holds configs/, models/, text_encoder/ and tokenizer/."));
    updateState();
}

GroundingPanel::~GroundingPanel() {
    worker_->cancel = true;
    thread_.quit();
    thread_.wait();
}

void GroundingPanel::setModelFolder(const QString& dir) {
    modelDir_ = dir;
    modelReady_ = false;
    demo_ = false;
    modelLabel_->setText(tr("Loading the model from %1…").arg(dir));
    QSettings().setValue(QStringLiteral("grounding/modelDir"), dir);
    updateState();
    QMetaObject::invokeMethod(worker_, "loadModel", Qt::QueuedConnection, Q_ARG(QString, dir));
}

bool GroundingPanel::eventFilter(QObject* o, QEvent* e) {
    if (o == prompt_ && e->type() == QEvent::KeyPress) {
        auto* k = static_cast<QKeyEvent*>(e);
        if ((k->key() == Qt::Key_Return || k->key() == Qt::Key_Enter) && (k->modifiers() & Qt::ControlModifier)) {
            groundFromEdit();
            return true;
        }
    }
    return QDockWidget::eventFilter(o, e);
}

void GroundingPanel::chooseModel() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Model folder"), modelDir_);
    if (!dir.isEmpty()) setModelFolder(dir);
}

void GroundingPanel::setImage(const QByteArray& grey, int width, int height, const QString& key) {
    if (key == key_ && width == width_ && height == height_) return;
    grey_ = grey;
    width_ = width;
    height_ = height;
    key_ = key;
    results_.clear();
    list_->clear();
    chips_->clear();
    activeWord_ = -1;
    wordResult_.reset();
    updateState();
    Q_EMIT overlayChanged();
}

void GroundingPanel::groundFromEdit() {
    const QString text = prompt_->toPlainText().simplified();
    if (text.isEmpty()) {
        lastError_ = tr("Type or paste a sentence to ground.");
        progressText_->setText(lastError_);
        return;
    }
    ground({text});
}

void GroundingPanel::ground(const QStringList& prompts) {
    if (!modelReady_ || width_ <= 0 || busy_) {
        lastError_ = !modelReady_ ? tr("No usable model is loaded.") : busy_ ? tr("A grounding is already running.") : tr("No image is open.");
        progressText_->setText(lastError_);
        return;
    }
    busy_ = true;
    runningId_ = nextId_++;
    worker_->cancel = false;
    clock_.start();
    progress_->setValue(0);
    progressText_->setText(tr("Starting…"));
    updateState();
    QMetaObject::invokeMethod(worker_, "ground", Qt::QueuedConnection, Q_ARG(quint64, runningId_), Q_ARG(QByteArray, grey_),
                              Q_ARG(int, width_), Q_ARG(int, height_), Q_ARG(QString, key_), Q_ARG(QStringList, prompts));
}

void GroundingPanel::cancel() {
    if (busy_) worker_->cancel = true;
}

void GroundingPanel::onProgress(quint64 id, int phase, int step, int total) {
    if (id != runningId_) return;
    static const char* const names[] = {QT_TR_NOOP("loading the model"), QT_TR_NOOP("encoding the image"),
                                        QT_TR_NOOP("encoding the text"), QT_TR_NOOP("inverting the image"),
                                        QT_TR_NOOP("reading attention"), QT_TR_NOOP("building the heat map")};
    progress_->setMaximum(std::max(1, total));
    progress_->setValue(step);
    QString eta;
    if ((phase == int(grounding::Phase::Inversion) || phase == int(grounding::Phase::Attention)) && step > 2) {
        const double perStep = clock_.elapsed() / 1000.0 / step;
        eta = tr(", about %1 s left").arg(int(std::ceil(perStep * (total - step))));
    }
    progressText_->setText(tr("%1: %2 of %3%4").arg(tr(names[std::clamp(phase, 0, 5)])).arg(step).arg(total).arg(eta));
}

void GroundingPanel::onFinished(quint64 id, const QString& key, ResultsPtr results) {
    if (id != runningId_) return;
    busy_ = false;
    if (key == key_) {
        for (auto& r : *results) {
            lastCalls_ = r.unetCalls;
            results_.push_back(std::move(r));
            auto* item = new QListWidgetItem(QString::fromStdString(results_.back().prompt), list_);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Checked);
        }
        list_->setCurrentRow(list_->count() - 1);
    }
    progress_->setValue(progress_->maximum());
    progressText_->setText(tr("Done in %1 s (%2 UNet calls)").arg(clock_.elapsed() / 1000.0, 0, 'f', 1).arg(lastCalls_));
    updateState();
    Q_EMIT overlayChanged();
    Q_EMIT groundingFinished();
}

void GroundingPanel::onFailed(quint64 id, const QString& message) {
    if (id != runningId_) return;
    busy_ = false;
    lastError_ = message == QLatin1String("cancelled") ? tr("Cancelled.") : message;
    progressText_->setText(lastError_);
    updateState();
    Q_EMIT groundingFailed(lastError_);
}

void GroundingPanel::updateState() {
    groundButton_->setEnabled(modelReady_ && !busy_ && width_ > 0);
    cancelButton_->setEnabled(busy_);
    demoLabel_->setVisible(modelReady_ && demo_);
}

void GroundingPanel::fillChips() {
    chips_->clear();
    activeWord_ = -1;
    wordResult_.reset();
    const int k = list_->currentRow();
    if (k < 0 || k >= int(results_.size())) return;
    for (const auto& w : results_[size_t(k)].words) {
        auto* item = new QListWidgetItem(QString::fromStdString(w.text), chips_);
        if (!w.isWord) item->setFlags(Qt::NoItemFlags);  // punctuation: shown, not selectable
    }
}

void GroundingPanel::chipClicked(int row) {
    const int k = list_->currentRow();
    if (k < 0 || k >= int(results_.size()) || row < 0 || row >= int(results_[size_t(k)].words.size())) return;
    if (row == activeWord_) {  // second click: back to the sentence map
        activeWord_ = -1;
        wordResult_.reset();
        chips_->clearSelection();
        Q_EMIT overlayChanged();
        return;
    }
    const auto& r = results_[size_t(k)];
    const auto& w = r.words[size_t(row)];
    auto word = std::make_unique<grounding::PromptResult>();
    std::string err;
    grounding::Settings s;  // the panel grounds with the paper's settings
    if (!grounding::Engine::restrictTokens(r, w.firstToken, w.lastToken, s, word.get(), &err)) {
        lastError_ = QString::fromStdString(err);
        progressText_->setText(lastError_);
        return;
    }
    activeWord_ = row;
    wordResult_ = std::move(word);
    Q_EMIT overlayChanged();
}

const grounding::PromptResult* GroundingPanel::displayedResult() const {
    const int k = selectedResult();
    if (k < 0) return nullptr;
    if (activeWord_ >= 0 && wordResult_) return wordResult_.get();
    return &results_[size_t(k)];
}

int GroundingPanel::selectedResult() const {
    const int row = list_->currentRow();
    if (row < 0 || row >= int(results_.size())) return -1;
    if (list_->item(row)->checkState() != Qt::Checked) return -1;
    return row;
}

ColourMap GroundingPanel::colourMap() const { return static_cast<ColourMap>(cmap_->currentData().toInt()); }
double GroundingPanel::opacity() const { return opacity_->value() / 100.0; }
bool GroundingPanel::showMask() const { return showMask_->isChecked(); }

}  // namespace cxr::ui
