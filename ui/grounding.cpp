#include "grounding.h"

#include "text/report.h"

#include <QTimer>
#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QFileDialog>
#include <QCoreApplication>
#include <QGridLayout>
#include <QMenu>
#include <QMessageBox>
#include <QDir>
#include <QPainter>
#include <QScrollArea>
#include <QScrollBar>
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

// ---- panel -------------------------------------------------------------------------------------

namespace {
constexpr int kMaxCachedResults = 48;
constexpr int kMaxImages = 8;
const QVector<GroundedPrompt> kNoEntries;
}  // namespace

GroundingPanel::GroundingPanel(QWidget* parent) : QDockWidget(tr("Grounding"), parent) {
    qRegisterMetaType<ResultsPtr>("cxr::ui::ResultsPtr");
    qRegisterMetaType<grounding::Settings>("cxr::grounding::Settings");
    setObjectName(QStringLiteral("groundingDock"));
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);  // the panel wraps; it never scrolls sideways
    auto* body = new QWidget(scroll);
    auto* lay = new QVBoxLayout(body);
    modelLabel_ = new QLabel(body);
    modelLabel_->setWordWrap(true);
    modelLabel_->setTextFormat(Qt::PlainText);
    detailsButton_ = new QPushButton(tr("Details…"), body);
    detailsButton_->setToolTip(tr("Every problem of the model folder"));
    detailsButton_->setVisible(false);
    auto* modelRow = new QHBoxLayout;
    modelRow->addWidget(modelLabel_, 1);
    modelRow->addWidget(detailsButton_, 0, Qt::AlignTop);
    lay->addLayout(modelRow);
    // Three ways to a model, on two rows so that the panel stays narrow.
    auto* modelButtons = new QGridLayout;
    chooseModel_ = new QPushButton(tr("Choose model folder…"), body);
    downloadModel_ = new QPushButton(tr("Download model…"), body);
    demoModel_ = new QPushButton(tr("Use the demo model"), body);
    demoModel_->setToolTip(tr("The small model bundled for trying the viewer. Its weights are random: the maps show how "
                              "grounding works, not where a finding is."));
    modelButtons->addWidget(chooseModel_, 0, 0);
    modelButtons->addWidget(downloadModel_, 0, 1);
    modelButtons->addWidget(demoModel_, 1, 0, 1, 2);
    lay->addLayout(modelButtons);
    demoLabel_ = new QLabel(tr("demo model - random weights: the maps mean nothing"), body);
    demoLabel_->setStyleSheet(QStringLiteral("color: #ff6b6b; font-weight: bold;"));
    demoLabel_->setWordWrap(true);
    lay->addWidget(demoLabel_);
    auto* promptLabel = new QLabel(tr("Report sentence or whole report, in English: the model reads English only "
                                      "(Ctrl+Enter grounds):"), body);
    promptLabel->setWordWrap(true);
    lay->addWidget(promptLabel);
    prompt_ = new QPlainTextEdit(body);
    prompt_->setPlaceholderText(tr("e.g. Small left pleural effusion — or paste a whole report: every sentence is grounded"));
    prompt_->setMaximumHeight(80);
    lay->addWidget(prompt_);
    auto* buttons = new QHBoxLayout;
    groundButton_ = new QPushButton(tr("Ground"), body);
    cancelButton_ = new QPushButton(tr("Cancel"), body);
    cancelButton_->setToolTip(tr("Stops the running sentence, the queued ones and the preparation in the background; "
                                 "what is prepared is kept"));
    methodButton_ = new QPushButton(tr("Method…"), body);
    methodButton_->setToolTip(tr("Inversion steps, attention window, layers and Otsu mask for new prompts"));
    buttons->addWidget(groundButton_);
    buttons->addWidget(cancelButton_);
    buttons->addWidget(methodButton_);
    lay->addLayout(buttons);
    languageLabel_ = new QLabel(body);
    languageLabel_->setWordWrap(true);
    languageLabel_->setTextFormat(Qt::PlainText);
    languageLabel_->setStyleSheet(QStringLiteral("color: #e0a030;"));
    languageLabel_->setVisible(false);
    lay->addWidget(languageLabel_);
    methodLabel_ = new QLabel(body);
    methodLabel_->setWordWrap(true);
    methodLabel_->setTextFormat(Qt::PlainText);
    lay->addWidget(methodLabel_);
    progress_ = new QProgressBar(body);
    progressText_ = new QLabel(body);
    progressText_->setTextFormat(Qt::PlainText);
    progressText_->setWordWrap(true);
    lay->addWidget(progress_);
    lay->addWidget(progressText_);
    prepLabel_ = new QLabel(body);
    prepLabel_->setTextFormat(Qt::PlainText);
    prepLabel_->setWordWrap(true);
    prepLabel_->setVisible(false);
    lay->addWidget(prepLabel_);
    auto* listLabel = new QLabel(tr("Grounded prompts on this image (double-click renames, right-click for more). The heat "
                                    "map is the selected prompt's; every ticked prompt is outlined in its colour."),
                                 body);
    listLabel->setWordWrap(true);
    lay->addWidget(listLabel);
    list_ = new QListWidget(body);
    list_->setMinimumHeight(90);
    list_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    list_->setContextMenuPolicy(Qt::CustomContextMenu);
    list_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    list_->setIconSize(QSize(40, 40));
    list_->installEventFilter(this);  // Delete removes
    lay->addWidget(list_, 1);
    // The measured cardiothoracic ratio, right under the list when the selected sentence is about
    // the heart's size.
    heartLabel_ = new QLabel(body);
    heartLabel_->setTextFormat(Qt::PlainText);
    heartLabel_->setWordWrap(true);
    heartLabel_->setStyleSheet(QStringLiteral("font-weight: bold;"));
    heartLabel_->setVisible(false);
    lay->addWidget(heartLabel_);
    connect(this, &GroundingPanel::overlayChanged, this, &GroundingPanel::updateHeartNote);
    lay->addWidget(new QLabel(tr("Words (click one for its own map, again for the sentence):"), body));
    chips_ = new QListWidget(body);
    chips_->setFlow(QListView::LeftToRight);
    chips_->setWrapping(true);
    chips_->setResizeMode(QListView::Adjust);
    chips_->setSpacing(3);
    chips_->setMaximumHeight(64);
    chips_->setSelectionMode(QAbstractItemView::SingleSelection);
    lay->addWidget(chips_);
    connect(chips_, &QListWidget::itemClicked, this, [this](QListWidgetItem* it) { chipClicked(chips_->row(it)); });
    metrics_Label_ = new QLabel(body);
    metrics_Label_->setTextFormat(Qt::PlainText);
    metrics_Label_->setWordWrap(true);
    lay->addWidget(metrics_Label_);

    auto* form = new QFormLayout;
    showHeat_ = new QCheckBox(tr("Heat map"), body);
    showHeat_->setChecked(true);
    cmap_ = new QComboBox(body);
    cmap_->addItem(QStringLiteral("Inferno"), int(ColourMap::Inferno));
    cmap_->addItem(QStringLiteral("Viridis"), int(ColourMap::Viridis));
    cmap_->addItem(QStringLiteral("Jet"), int(ColourMap::Jet));
    auto* heatRow = new QHBoxLayout;
    heatRow->addWidget(showHeat_);
    heatRow->addWidget(cmap_, 1);
    form->addRow(heatRow);
    opacity_ = new QSlider(Qt::Horizontal, body);
    opacity_->setRange(0, 100);
    opacity_->setValue(55);
    form->addRow(tr("Opacity:"), opacity_);
    lower_ = new QSlider(Qt::Horizontal, body);
    lower_->setRange(0, 99);
    lower_->setValue(0);
    lower_->setToolTip(tr("Heat values at or below this are transparent"));
    lowerValue_ = new QLabel(QStringLiteral("0.00"), body);
    auto* lowerRow = new QHBoxLayout;
    lowerRow->addWidget(lower_, 1);
    lowerRow->addWidget(lowerValue_);
    form->addRow(tr("Hide below:"), lowerRow);
    maskMode_ = new QComboBox(body);
    maskMode_->addItem(tr("Outline"), int(MaskMode::Outline));
    maskMode_->addItem(tr("Fill"), int(MaskMode::Fill));
    maskMode_->addItem(tr("Off"), int(MaskMode::Off));
    maskColourButton_ = new QPushButton(body);
    maskColourButton_->setToolTip(tr("Colour of the Otsu mask"));
    maskColourButton_->setFixedWidth(40);
    auto* maskRow = new QHBoxLayout;
    maskRow->addWidget(maskMode_, 1);
    maskRow->addWidget(maskColourButton_);
    form->addRow(tr("Otsu mask:"), maskRow);
    lay->addLayout(form);
    scroll->setWidget(body);
    setWidget(scroll);
    // Never narrower than its content: a dock squeezed below the body's minimum would cut the
    // controls off at the right (the area does not scroll sideways).
    scroll->setMinimumWidth(body->minimumSizeHint().width() + scroll->verticalScrollBar()->sizeHint().width() +
                            2 * scroll->frameWidth());

    QSettings st;
    method_.steps = st.value(QStringLiteral("grounding/steps"), 300).toInt();
    method_.windowStart = st.value(QStringLiteral("grounding/windowStart"), -1).toInt();
    method_.windowEnd = st.value(QStringLiteral("grounding/windowEnd"), -1).toInt();
    const QString layers = st.value(QStringLiteral("grounding/layers"), QStringLiteral("3,4,6,7")).toString();
    method_.layers.clear();
    for (const QString& l : layers.split(QLatin1Char(','), Qt::SkipEmptyParts)) method_.layers.push_back(l.toInt());
    if (method_.layers.empty() || !method_.validate(0).empty()) method_ = grounding::Settings();
    method_.otsu = st.value(QStringLiteral("grounding/otsu"), true).toBool();
    device_ = st.value(QStringLiteral("model/device"), QStringLiteral("cpu")).toString();
    precision_ = st.value(QStringLiteral("model/precision"), QStringLiteral("fp32")).toString();
    threads_ = st.value(QStringLiteral("model/threads"), 0).toInt();
    setMaskColour(QColor(st.value(QStringLiteral("grounding/maskColour"), QStringLiteral("#00e6ff")).toString()));

    worker_ = new GroundingWorker;
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connect(worker_, &GroundingWorker::modelLoaded, this,
            [this](const QString& dir, const QString& device, int threads, qulonglong params, int crossLayers) {
                if (dir != modelDir_) return;
                loading_ = false;
                modelReady_ = true;
                modelDetails_.clear();
                // Remembered for the next start only once it loaded: a failing folder never
                // replaces a working one.
                QSettings().setValue(QStringLiteral("grounding/modelDir"), dir);
                crossAttentionLayers_ = crossLayers;
                demo_ = params < 500000000ull;  // the real networks have 606 M parameters
                modelLabel_->setText(tr("Model: %1\n%2 M parameters, %3, %4 threads")
                                         .arg(QFileInfo(dir).fileName())
                                         .arg(params / 1000000)
                                         .arg(device)
                                         .arg(threads));
                updateState();
                Q_EMIT modelStateChanged();
                startNext();  // a sentence asked for while loading goes first
                prep_->setModelReady(true);
            });
    connect(worker_, &GroundingWorker::modelFailed, this, [this](const QString& dir, const QString& message) {
        if (dir != modelDir_) return;
        loading_ = false;
        modelReady_ = false;
        lastError_ = message;
        // One short line; "Details…" lists every problem once (the engine's report repeats them
        // under "Files" and "Errors").
        QStringList problems;
        const int errorsAt = int(message.indexOf(QStringLiteral("\nErrors:\n")));
        if (errorsAt >= 0) {
            for (const QString& line : message.mid(errorsAt + 9).split(QLatin1Char('\n'))) {
                if (!line.startsWith(QStringLiteral("  - "))) break;
                if (!problems.contains(line.mid(4))) problems << line.mid(4);
            }
        }
        if (problems.isEmpty()) {
            for (const QString& line : message.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
                if (!problems.contains(line.trimmed())) problems << line.trimmed();
        }
        modelDetails_ = tr("Model folder: %1").arg(dir) + QStringLiteral("\n\n") + problems.join(QLatin1Char('\n'));
        modelLabel_->setText(tr("%1 cannot be used (%n problem(s)): %2", nullptr, int(problems.size()))
                                 .arg(QFileInfo(dir).fileName(), shortened(problems.value(0), 140)));
        queue_.clear();
        prep_->setModelReady(false);
        updateState();
        Q_EMIT modelStateChanged();
    });
    connect(worker_, &GroundingWorker::progress, this, &GroundingPanel::onProgress);
    connect(worker_, &GroundingWorker::finished, this, &GroundingPanel::onFinished);
    connect(worker_, &GroundingWorker::failed, this, &GroundingPanel::onFailed);
    prep_ = new BackgroundPreparation(worker_, this);
    prep_->setSettings(method_);
    connect(prep_, &BackgroundPreparation::changed, this, &GroundingPanel::showImageState);
    connect(worker_, &GroundingWorker::trajectoryHeld, prep_, &BackgroundPreparation::noteTrajectory);
    connect(worker_, &GroundingWorker::cacheProblem, this, [this](const QString& message) {
        cacheProblem_ = message;
        showImageState();
    });
    thread_.start();
    applyPreparationSettings();

    connect(chooseModel_, &QPushButton::clicked, this, &GroundingPanel::chooseModel);
    connect(demoModel_, &QPushButton::clicked, this, [this] {
        const QString dir = demoModelFolder();
        if (!dir.isEmpty()) setModelFolder(dir);
    });
    connect(detailsButton_, &QPushButton::clicked, this, &GroundingPanel::showModelDetails);
    connect(downloadModel_, &QPushButton::clicked, this, &GroundingPanel::downloadRequested);
    connect(groundButton_, &QPushButton::clicked, this, &GroundingPanel::groundFromEdit);
    connect(cancelButton_, &QPushButton::clicked, this, &GroundingPanel::cancel);
    connect(methodButton_, &QPushButton::clicked, this, &GroundingPanel::editMethod);
    prompt_->installEventFilter(this);  // Ctrl+Enter grounds
    // The button counts the sentences; for a very long text only once typing pauses.
    buttonTimer_ = new QTimer(this);
    buttonTimer_->setSingleShot(true);
    buttonTimer_->setInterval(300);
    connect(buttonTimer_, &QTimer::timeout, this, &GroundingPanel::updateGroundButton);
    connect(prompt_, &QPlainTextEdit::textChanged, this, [this] {
        if (prompt_->document()->characterCount() > 20000) buttonTimer_->start();
        else updateGroundButton();
    });
    connect(list_, &QListWidget::currentRowChanged, this, [this] {
        if (fillingList_) return;
        fillChips();
        recomputeMetrics();
        Q_EMIT overlayChanged();
    });
    connect(list_, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        if (fillingList_) return;
        const int row = list_->row(item);
        auto& es = entriesOf(key_);
        if (row < 0 || row >= es.size()) return;
        es[row].visible = item->checkState() == Qt::Checked;
        const QString name = item->text().simplified();
        if (name.isEmpty()) {  // an empty name is not accepted: back to the old one
            fillingList_ = true;
            item->setText(es[row].name);
            fillingList_ = false;
        } else {
            es[row].name = name;
        }
        recomputeMetrics();
        Q_EMIT overlayChanged();
    });
    connect(list_, &QListWidget::customContextMenuRequested, this, &GroundingPanel::showListMenu);
    connect(showHeat_, &QCheckBox::toggled, this, &GroundingPanel::overlayChanged);
    connect(cmap_, QOverload<int>::of(&QComboBox::currentIndexChanged), this, &GroundingPanel::overlayChanged);
    connect(opacity_, &QSlider::valueChanged, this, &GroundingPanel::overlayChanged);
    connect(lower_, &QSlider::valueChanged, this, [this] {
        lowerValue_->setText(QString::number(lowerThreshold(), 'f', 2));
        Q_EMIT overlayChanged();
    });
    connect(maskMode_, QOverload<int>::of(&QComboBox::currentIndexChanged), this, [this] {
        maskColourButton_->setEnabled(maskMode() != MaskMode::Off);
        Q_EMIT overlayChanged();
    });
    connect(maskColourButton_, &QPushButton::clicked, this, [this] {
        const QColor c = QColorDialog::getColor(maskColour_, this, tr("Mask colour"));
        if (c.isValid()) setMaskColour(c);
    });
    modelLabel_->setText(tr("No model: choose the folder that holds configs/, models/, text_encoder/ and tokenizer/, or download it."));
    methodLabel_->setText(tr("Method: %1").arg(settingsSummary(method_)) + methodNote(method_));
    updateState();
}

GroundingPanel::~GroundingPanel() {
    worker_->cancel = true;
    worker_->prepareCancel = true;
    thread_.quit();
    thread_.wait();
}

void GroundingPanel::setModelFolder(const QString& dir) {
    modelDir_ = QFileInfo(dir).absoluteFilePath();  // remembered for the next start once it loads
    loadModelNow();
}

QString demoModelFolder() {
    QStringList candidates;
    const QString env = qEnvironmentVariable("CXRG_DEMO_MODEL");
    if (!env.isEmpty()) candidates << env;
    const QString exe = QCoreApplication::applicationDirPath();
    candidates << exe + QStringLiteral("/../share/cxr-ground/demo-model") << exe + QStringLiteral("/../../tests/data/model-small");
#ifdef CXRG_SOURCE_DIR
    candidates << QStringLiteral(CXRG_SOURCE_DIR "/tests/data/model-small");
#endif
    for (const QString& c : candidates)
        if (QFileInfo(c + QStringLiteral("/configs/inference.json")).isFile()) return QDir(c).canonicalPath();
    return {};
}

QString GroundingPanel::modelText() const { return modelLabel_->text(); }
QString GroundingPanel::languageWarning() const { return languageLabel_->isHidden() ? QString() : languageLabel_->text(); }

void GroundingPanel::showModelDetails() {
    QMessageBox box(QMessageBox::Warning, tr("Model folder"), modelLabel_->text(), QMessageBox::Close, this);
    box.setTextFormat(Qt::PlainText);
    box.setDetailedText(modelDetails_);
    box.exec();
}

void GroundingPanel::setRuntime(const QString& device, const QString& precision, int threads) {
    const bool changed = device != device_ || precision != precision_ || threads != threads_;
    device_ = device;
    precision_ = precision;
    threads_ = threads;
    QSettings st;
    st.setValue(QStringLiteral("model/device"), device);
    st.setValue(QStringLiteral("model/precision"), precision);
    st.setValue(QStringLiteral("model/threads"), threads);
    if (changed && !modelDir_.isEmpty()) loadModelNow();
}

void GroundingPanel::loadModelNow() {
    modelReady_ = false;
    loading_ = true;
    demo_ = false;
    prep_->setModelReady(false);  // the preparation stops before the worker loads the new model
    modelLabel_->setText(tr("Loading the model from %1…").arg(modelDir_));
    updateState();
    Q_EMIT modelStateChanged();
    // Queued behind a running grounding: the worker handles one request at a time.
    QMetaObject::invokeMethod(worker_, "loadModel", Qt::QueuedConnection, Q_ARG(QString, modelDir_), Q_ARG(QString, device_),
                              Q_ARG(QString, precision_), Q_ARG(int, threads_));
}

bool GroundingPanel::eventFilter(QObject* o, QEvent* e) {
    if (o == prompt_ && e->type() == QEvent::KeyPress) {
        auto* k = static_cast<QKeyEvent*>(e);
        if ((k->key() == Qt::Key_Return || k->key() == Qt::Key_Enter) && (k->modifiers() & Qt::ControlModifier)) {
            groundFromEdit();
            return true;
        }
    }
    if (o == list_ && e->type() == QEvent::KeyPress) {
        auto* k = static_cast<QKeyEvent*>(e);
        if (k->key() == Qt::Key_Delete && list_->currentRow() >= 0) {
            removeEntry(list_->currentRow());
            return true;
        }
    }
    return QDockWidget::eventFilter(o, e);
}

void GroundingPanel::chooseModel() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Model folder"), modelDir_);
    if (!dir.isEmpty()) setModelFolder(dir);
}

void GroundingPanel::editMethod() {
    MethodDialog d(method_, crossAttentionLayers_, this);
    if (d.exec() == QDialog::Accepted) setMethodSettings(d.settings());
}

void GroundingPanel::setMethodSettings(const grounding::Settings& s, bool remember) {
    method_ = s;
    if (remember) {
        QSettings st;
        st.setValue(QStringLiteral("grounding/steps"), s.steps);
        st.setValue(QStringLiteral("grounding/windowStart"), s.windowStart);
        st.setValue(QStringLiteral("grounding/windowEnd"), s.windowEnd);
        QStringList l;
        for (int v : s.layers) l << QString::number(v);
        st.setValue(QStringLiteral("grounding/layers"), l.join(QLatin1Char(',')));
        st.setValue(QStringLiteral("grounding/otsu"), s.otsu);
    }
    methodLabel_->setText(tr("Method: %1").arg(settingsSummary(method_)) + methodNote(method_));
    prep_->setSettings(method_);  // another step count or window end: another preparation
    showImageState();
}

QVector<GroundedPrompt>& GroundingPanel::entriesOf(const QString& key) {
    if (!perImage_.contains(key)) {
        // Keep the prompts of the last few images; forget the least recently used one.
        while (imageOrder_.size() >= kMaxImages) perImage_.remove(imageOrder_.takeFirst());
    }
    imageOrder_.removeAll(key);
    imageOrder_.append(key);
    return perImage_[key];
}

const QVector<GroundedPrompt>& GroundingPanel::entries() const {
    auto it = perImage_.constFind(key_);
    return it == perImage_.constEnd() ? kNoEntries : *it;
}

void GroundingPanel::setImage(const QByteArray& grey, int width, int height, const QString& key) {
    if (key == key_ && width == width_ && height == height_) return;
    // Progress belongs to the image it runs on: a new image shows its own preparation and the
    // last word of its own requests, never another image's.
    if (!(busy_ && running_.key == key)) {
        progress_->reset();
        progressText_->setText(requestText_.value(key));
    }
    grey_ = grey;
    width_ = width;
    height_ = height;
    key_ = key;
    truth_.clear();
    prep_->setCurrent(key, grey, width, height);  // prepared in the background as soon as it is shown
    fillList();  // the prompts grounded on this image before, if any
    updateState();
    showImageState();
    Q_EMIT overlayChanged();
}

void GroundingPanel::clearImage() {
    grey_.clear();
    width_ = height_ = 0;
    key_.clear();
    prep_->setCurrent(QString(), QByteArray(), 0, 0);
    prep_->setFollowing({});
    truth_.clear();
    progress_->reset();
    progressText_->clear();
    fillList();
    updateState();
    Q_EMIT overlayChanged();
}

void GroundingPanel::fillList() {
    fillingList_ = true;
    list_->clear();
    for (const GroundedPrompt& e : entries()) {
        auto* item = new QListWidgetItem(e.name, list_);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable | Qt::ItemIsEditable);
        item->setCheckState(e.visible ? Qt::Checked : Qt::Unchecked);
        if (!e.thumbnail.isNull()) item->setIcon(e.thumbnail);
        if (e.negated) {
            QFont f = item->font();
            f.setItalic(true);
            item->setFont(f);
            item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
        }
        if (!e.origin.isEmpty()) {
            item->setToolTip(tr("%1\nFrom a %2 (SOP Instance UID %3)").arg(shortened(e.prompt, 500), e.origin, e.objectUid));
            continue;
        }
        item->setToolTip((e.negated ? tr("Negated (\"%1\"): the sentence denies a finding; the map shows where the words point, "
                                         "not a finding.\n").arg(e.negationCue)
                                    : QString()) +
                         tr("%1\n%2\n%3 UNet calls, %4 s%5")
                             .arg(shortened(e.prompt, 500), settingsSummary(e.settings))
                             .arg(e.result->unetCalls)
                             .arg(e.result->seconds.encodeImage + e.result->seconds.encodeText + e.result->seconds.inversion +
                                      e.result->seconds.attention + e.result->seconds.postprocess,
                                  0, 'f', 1)
                             .arg(e.result->truncated ? tr("\nLonger than 77 tokens: the end was cut off.") : QString()));
    }
    fillingList_ = false;
    list_->setCurrentRow(list_->count() - 1);
    fillChips();
    recomputeMetrics();
}

QStringList GroundingPanel::promptSentences() const {
    const QString text = prompt_->toPlainText();
    QStringList out;
    for (const auto& s : text::splitReport(text.toStdString())) out << QString::fromStdString(s.text);
    if (out.isEmpty() && !text.simplified().isEmpty()) out << text.simplified();
    return out;
}

void GroundingPanel::updateGroundButton() {
    const int n = int(promptSentences().size());
    groundButton_->setText(n > 1 ? tr("Ground %n sentences", nullptr, n) : tr("Ground"));
}

void GroundingPanel::groundFromEdit() {
    const QStringList sentences = promptSentences();
    if (sentences.isEmpty()) {
        lastError_ = tr("Type or paste a sentence to ground.");
        progressText_->setText(lastError_);
        return;
    }
    if (sentences.size() > kMaxSentencesPerRequest) {
        lastError_ = tr("The text has %1 sentences; at most %2 are grounded at once. Paste one report, or a part "
                        "of it.").arg(sentences.size()).arg(kMaxSentencesPerRequest);
        progressText_->setText(lastError_);
        return;
    }
    ground(sentences);  // a whole report: every sentence in one batch on the image's trajectory
}

void GroundingPanel::ground(const QStringList& prompts) { ground(prompts, method_); }

void GroundingPanel::ground(const QStringList& prompts, const grounding::Settings& settingsIn) {
    if (width_ <= 0) {
        lastError_ = tr("No image is open.");
        progressText_->setText(lastError_);
        return;
    }
    if (!modelReady_ && !loading_) {
        lastError_ = tr("No usable model is loaded.");
        progressText_->setText(lastError_);
        return;
    }
    if (prompts.size() > kMaxSentencesPerRequest) {
        lastError_ = tr("%1 sentences at once are too many; at most %2 are grounded in one request.")
                         .arg(prompts.size()).arg(kMaxSentencesPerRequest);
        progressText_->setText(lastError_);
        return;
    }
    for (const QString& p : prompts)
        if (!languageWarned_ && text::looksGerman(p.toStdString())) {
            // Once per session: the model reads English; negation cues are still recognised.
            languageWarned_ = true;
            languageLabel_->setText(tr("\"%1\" reads as German. The model reads English only, so its map may mean little; "
                                       "negations such as \"kein\", \"ohne\" and \"nicht\" are still marked.")
                                        .arg(shortened(p.simplified(), 80)));
            languageLabel_->setVisible(true);
            break;
        }
    const grounding::Settings settings = settingsIn;
    const QString sk = settingsKey(settings, precision_);
    QStringList todo;
    for (const QString& raw : prompts) {
        QString p = raw.simplified();
        if (p.size() > kMaxPromptChars) {  // beyond the 77 tokens the model reads
            const int cut = int(p.lastIndexOf(QLatin1Char(' '), kMaxPromptChars));
            p.truncate(cut > kMaxPromptChars / 2 ? cut : kMaxPromptChars);
        }
        if (p.isEmpty() || todo.contains(p)) continue;
        const QString ck = key_ + QLatin1Char('\n') + p + QLatin1Char('\n') + sk;
        auto hit = cache_.constFind(ck);
        if (hit != cache_.constEnd()) {  // grounded before with these settings: instant
            cacheOrder_.removeAll(ck);
            cacheOrder_.append(ck);
            addEntry(key_, p, settings, *hit, true, grey_, width_, height_);
            continue;
        }
        todo << p;
    }
    if (todo.isEmpty()) {
        lastCalls_ = 0;
        progressText_->setText(tr("From the results cache (no model call)."));
        fillList();
        Q_EMIT overlayChanged();
        Q_EMIT groundingFinished();
        return;
    }
    Request r;
    r.id = nextId_++;
    r.grey = grey_;
    r.width = width_;
    r.height = height_;
    r.key = key_;
    r.prompts = todo;
    r.settings = settings;
    queue_.append(r);
    if (busy_ || !modelReady_) {
        progressText_->setText(tr("Queued (%n request(s) waiting).", nullptr, int(queue_.size())));
        updateState();
        return;
    }
    startNext();
}

void GroundingPanel::startNext() {
    if (busy_ || queue_.isEmpty() || !modelReady_) return;
    running_ = queue_.takeFirst();
    busy_ = true;
    worker_->cancel = false;
    prep_->setRequestActive(true);  // the preparation stops before its next UNet call; this runs next
    clock_.start();
    progress_->setValue(0);
    progressText_->setText(tr("Starting…"));
    updateState();
    QMetaObject::invokeMethod(worker_, "ground", Qt::QueuedConnection, Q_ARG(quint64, running_.id),
                              Q_ARG(QByteArray, running_.grey), Q_ARG(int, running_.width), Q_ARG(int, running_.height),
                              Q_ARG(QString, running_.key), Q_ARG(QStringList, running_.prompts),
                              Q_ARG(cxr::grounding::Settings, running_.settings));
}

void GroundingPanel::cancel() {
    const bool had = busy_ || !queue_.isEmpty() || prep_->running();
    queue_.clear();
    prep_->stop();  // what is prepared stays; nothing more until a sentence or another image
    if (busy_) {
        worker_->cancel = true;
        setRequestText(running_.key, tr("Cancelling…"));  // "Cancelled." once it stopped (onFailed)
    }
    if (had && !(busy_ && running_.key == key_)) {  // this image's own work stopped now
        progress_->reset();
        setRequestText(key_, tr("Cancelled."));
        requestsIdle();
    }
}

void GroundingPanel::onProgress(quint64 id, int phase, int step, int total) {
    if (id != running_.id || running_.key != key_) return;  // the bar shows this image's work only
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
    QString text = tr("%1: %2 of %3%4").arg(tr(names[std::clamp(phase, 0, 5)])).arg(step).arg(total).arg(eta);
    if (!queue_.isEmpty()) text += tr(" (%n more queued)", nullptr, int(queue_.size()));
    progressText_->setText(text);
}

namespace {
// A small picture of the map over the image for the list (sampled, not resized: cheap).
QIcon thumbnail(const QByteArray& grey, int w, int h, const grounding::PromptResult& r, ColourMap cmap) {
    if (w <= 0 || h <= 0 || grey.size() != qsizetype(w) * h || r.original.size() != size_t(w) * h) return QIcon();
    const int side = 56;
    const double s = double(side) / std::max(w, h);
    const int tw = std::max(1, int(w * s)), th = std::max(1, int(h * s));
    QImage img(tw, th, QImage::Format_RGB32);
    for (int y = 0; y < th; ++y) {
        auto* line = reinterpret_cast<QRgb*>(img.scanLine(y));
        const int sy = std::min(h - 1, int((y + 0.5) / s));
        for (int x = 0; x < tw; ++x) {
            const int sx = std::min(w - 1, int((x + 0.5) / s));
            const int g = uint8_t(grey[qsizetype(sy) * w + sx]);
            const float v = r.original[size_t(sy) * w + sx];
            if (!std::isnan(v) && v > 0) {
                const QRgb c = colourAt(cmap, v);
                line[x] = qRgb((g * 4 + qRed(c) * 6) / 10, (g * 4 + qGreen(c) * 6) / 10, (g * 4 + qBlue(c) * 6) / 10);
            } else {
                line[x] = qRgb(g, g, g);
            }
        }
    }
    QImage square(side, side, QImage::Format_ARGB32);
    square.fill(Qt::transparent);
    QPainter p(&square);
    p.drawImage((side - tw) / 2, (side - th) / 2, img);
    return QIcon(QPixmap::fromImage(square));
}
}  // namespace

void GroundingPanel::addEntry(const QString& key, const QString& prompt, const grounding::Settings& s,
                              std::shared_ptr<const grounding::PromptResult> r, bool fromCache, const QByteArray& grey,
                              int width, int height) {
    GroundedPrompt e;
    e.negationCue = QString::fromStdString(text::negationCue(prompt.toStdString()));
    e.negated = !e.negationCue.isEmpty();
    e.thumbnail = thumbnail(grey, width, height, *r, colourMap());
    static const QColor palette[] = {QColor(255, 212, 0), QColor(255, 90, 210), QColor(125, 255, 90), QColor(255, 140, 26),
                                     QColor(90, 160, 255), QColor(255, 255, 255)};
    e.outlineColour = palette[entriesOf(key).size() % 6];
    e.prompt = prompt;
    const QString shown = shortened(prompt, 160);
    e.name = isPaperSettings(s) ? shown : tr("%1 [%2]").arg(shown, settingsSummary(s));
    e.settings = s;
    e.result = std::move(r);
    e.fromCache = fromCache;
    entriesOf(key).append(e);
}

void GroundingPanel::onFinished(quint64 id, const QString& key, ResultsPtr results) {
    if (id != running_.id) return;
    busy_ = false;
    if (!results->empty()) prep_->noteRequestTimes(running_.settings, results->front().seconds, int(results->size()));
    const QString sk = settingsKey(running_.settings, precision_);
    for (int i = 0; i < int(results->size()); ++i) {
        auto r = std::make_shared<const grounding::PromptResult>(std::move((*results)[size_t(i)]));
        lastCalls_ = r->unetCalls;
        const QString p = running_.prompts.value(i);
        const QString ck = key + QLatin1Char('\n') + p + QLatin1Char('\n') + sk;
        cache_.insert(ck, r);
        cacheOrder_.removeAll(ck);
        cacheOrder_.append(ck);
        while (cacheOrder_.size() > kMaxCachedResults) cache_.remove(cacheOrder_.takeFirst());
        addEntry(key, p, running_.settings, r, false, running_.grey, running_.width, running_.height);
    }
    if (key == key_) progress_->setValue(progress_->maximum());
    setRequestText(key, tr("Done in %1 s (%2 UNet calls)").arg(clock_.elapsed() / 1000.0, 0, 'f', 1).arg(lastCalls_));
    if (key == key_) fillList();
    updateState();
    Q_EMIT overlayChanged();
    Q_EMIT groundingFinished();
    startNext();
    requestsIdle();
}

void GroundingPanel::onFailed(quint64 id, const QString& message) {
    if (id != running_.id) return;
    busy_ = false;
    const bool cancelled = message == QLatin1String("cancelled");
    lastError_ = cancelled ? tr("Cancelled.") : message;
    if (cancelled && running_.key == key_) progress_->reset();  // no frozen bar: the run stopped
    setRequestText(running_.key, lastError_);
    updateState();
    Q_EMIT groundingFailed(lastError_);
    if (!cancelled) startNext();
    requestsIdle();
}

void GroundingPanel::setRequestText(const QString& key, const QString& text) {
    if (requestText_.size() > 256) requestText_.clear();
    requestText_.insert(key, text);
    if (key == key_) progressText_->setText(text);
}

void GroundingPanel::requestsIdle() {
    if (!busy_ && queue_.isEmpty()) prep_->setRequestActive(false);
    updateState();
    showImageState();
}

void GroundingPanel::renameEntry(int i, const QString& name) {
    auto& es = entriesOf(key_);
    if (i < 0 || i >= es.size() || name.simplified().isEmpty()) return;
    es[i].name = name.simplified();
    const int row = list_->currentRow();
    fillList();
    list_->setCurrentRow(row);
}

void GroundingPanel::removeEntry(int i) {
    auto& es = entriesOf(key_);
    if (i < 0 || i >= es.size()) return;
    es.remove(i);  // its result stays in the cache: grounding it again is instant
    fillList();
    list_->setCurrentRow(std::min(i, list_->count() - 1));
    Q_EMIT overlayChanged();
}

void GroundingPanel::addImportedResult(const QString& sentence, std::shared_ptr<const grounding::PromptResult> result,
                                       const QString& origin, const QString& objectUid, bool maskOnly) {
    auto& es = entriesOf(key_);
    for (int i = 0; i < es.size(); ++i)
        if (!objectUid.isEmpty() && es[i].objectUid == objectUid) {
            list_->setCurrentRow(i);
            Q_EMIT overlayChanged();
            return;
        }
    grounding::Settings settings = method_;
    settings.otsu = false;  // the object carries no threshold
    addEntry(key_, sentence, settings, std::move(result), false, grey_, width_, height_);
    GroundedPrompt& e = es.last();
    e.origin = origin;
    e.objectUid = objectUid;
    e.maskOnly = maskOnly;
    e.name = tr("%1 [%2]").arg(shortened(sentence, 160), origin);
    fillList();
    list_->setCurrentRow(list_->count() - 1);
    updateState();
    Q_EMIT overlayChanged();
}

void GroundingPanel::rerunEntry(int i, const grounding::Settings& s) {
    const auto& es = entries();
    if (i < 0 || i >= es.size()) return;
    ground({es[i].prompt}, s);
}

void GroundingPanel::showListMenu(const QPoint& pos) {
    const int row = list_->row(list_->itemAt(pos));
    if (row < 0) return;
    QMenu menu(this);
    QAction* rename = menu.addAction(tr("Rename"));
    QAction* rerun = menu.addAction(tr("Re-run with other settings…"));
    QAction* copy = menu.addAction(tr("Copy sentence to the prompt box"));
    QList<int> selected;
    for (QListWidgetItem* it : list_->selectedItems()) selected << list_->row(it);
    if (!selected.contains(row)) selected = {row};
    std::sort(selected.begin(), selected.end());
    QAction* compare = menu.addAction(tr("Compare in the grid (%n prompt(s))", nullptr, int(selected.size())));
    menu.addSeparator();
    QAction* remove = menu.addAction(tr("Remove"));
    rerun->setEnabled(modelReady_);
    QAction* chosen = menu.exec(list_->viewport()->mapToGlobal(pos));
    if (chosen == rename) {
        list_->editItem(list_->item(row));
    } else if (chosen == rerun) {
        MethodDialog d(entries()[row].settings, crossAttentionLayers_, this);
        d.setWindowTitle(tr("Re-run \"%1\"").arg(entries()[row].name));
        if (d.exec() == QDialog::Accepted) rerunEntry(row, d.settings());
    } else if (chosen == compare) {
        Q_EMIT compareRequested(selected);
    } else if (chosen == copy) {
        prompt_->setPlainText(entries()[row].prompt);
    } else if (chosen == remove) {
        removeEntry(row);
    }
}

void GroundingPanel::updateState() {
    groundButton_->setEnabled((modelReady_ || loading_) && width_ > 0);
    cancelButton_->setEnabled(busy_ || !queue_.isEmpty() || (prep_ && prep_->running()));
    demoLabel_->setVisible(modelReady_ && demo_);
    downloadModel_->setVisible(!modelReady_ && !loading_);
    demoModel_->setVisible(!modelReady_ && !loading_ && !demoModelFolder().isEmpty());
    detailsButton_->setVisible(!modelReady_ && !loading_ && !modelDetails_.isEmpty());
}

void GroundingPanel::fillChips() {
    chips_->clear();
    activeWord_ = -1;
    wordResult_.reset();
    const int k = list_->currentRow();
    if (k < 0 || k >= entries().size()) return;
    for (const auto& w : entries()[k].result->words) {
        auto* item = new QListWidgetItem(QString::fromStdString(w.text), chips_);
        if (!w.isWord) item->setFlags(Qt::NoItemFlags);  // punctuation: shown, not selectable
    }
}

void GroundingPanel::chipClicked(int row) {
    const int k = list_->currentRow();
    if (k < 0 || k >= entries().size()) return;
    const GroundedPrompt& e = entries()[k];
    if (row < 0 || row >= int(e.result->words.size())) return;
    if (row == activeWord_) {  // second click: back to the sentence map
        activeWord_ = -1;
        wordResult_.reset();
        chips_->clearSelection();
        recomputeMetrics();
        Q_EMIT overlayChanged();
        return;
    }
    const auto& w = e.result->words[size_t(row)];
    auto word = std::make_unique<grounding::PromptResult>();
    std::string err;
    if (!grounding::Engine::restrictTokens(*e.result, w.firstToken, w.lastToken, e.settings, word.get(), &err)) {
        lastError_ = QString::fromStdString(err);
        progressText_->setText(lastError_);
        return;
    }
    activeWord_ = row;
    wordResult_ = std::move(word);
    recomputeMetrics();
    Q_EMIT overlayChanged();
}

const GroundedPrompt* GroundingPanel::displayedEntry() const {
    const int k = selectedResult();
    return k < 0 ? nullptr : &entries()[k];
}

const grounding::PromptResult* GroundingPanel::displayedResult() const {
    const GroundedPrompt* e = displayedEntry();
    if (!e) return nullptr;
    if (activeWord_ >= 0 && wordResult_) return wordResult_.get();
    return e->result.get();
}

int GroundingPanel::selectedResult() const {
    const int row = list_->currentRow();
    if (row < 0 || row >= entries().size()) return -1;
    return row;  // the heat map follows the selection; the tick is its outline
}

const QVector<QPolygonF>& GroundingPanel::contoursOf(const std::shared_ptr<const grounding::PromptResult>& r) const {
    for (const auto& c : contourCache_)
        if (c.first == r) return c.second;
    if (contourCache_.size() >= 32) contourCache_.removeFirst();
    contourCache_.append({r, annotate::maskContours(r->original, r->originalWidth, r->originalHeight)});
    return contourCache_.last().second;
}

QVector<Outline> GroundingPanel::outlines() const {
    QVector<Outline> out;
    if (maskMode() == MaskMode::Off) return out;
    const auto& es = entries();
    const int selected = selectedResult();
    for (int i = 0; i < es.size(); ++i) {
        if (!es[i].visible) continue;
        Outline o;
        const grounding::PromptResult* r = i == selected ? displayedResult() : es[i].result.get();
        if (r == es[i].result.get()) o.contours = contoursOf(es[i].result);
        else o.contours = annotate::maskContours(r->original, r->originalWidth, r->originalHeight);  // a word's map
        o.colour = i == selected ? maskColour_ : es[i].outlineColour;
        o.name = es[i].name;
        if (i == selected) out.prepend(o);
        else out.append(o);
    }
    return out;
}

QString GroundingPanel::statusText() const { return progressText_->text(); }

// ---- overlay settings ----------------------------------------------------------------------------

annotate::Layers GroundingPanel::layers() const {
    annotate::Layers l;
    l.heat = heatVisible();
    l.colourMap = colourMap();
    l.opacity = opacity();
    l.lower = lowerThreshold();
    l.mask = maskMode();
    l.maskColour = maskColour();
    return l;
}

ColourMap GroundingPanel::colourMap() const { return static_cast<ColourMap>(cmap_->currentData().toInt()); }
double GroundingPanel::opacity() const { return opacity_->value() / 100.0; }
double GroundingPanel::lowerThreshold() const { return lower_->value() / 100.0; }
bool GroundingPanel::heatVisible() const { return showHeat_->isChecked(); }
void GroundingPanel::setHeatVisible(bool on) { showHeat_->setChecked(on); }
MaskMode GroundingPanel::maskMode() const { return static_cast<MaskMode>(maskMode_->currentData().toInt()); }
void GroundingPanel::setMaskMode(MaskMode m) { maskMode_->setCurrentIndex(maskMode_->findData(int(m))); }

void GroundingPanel::setMaskColour(const QColor& c) {
    if (!c.isValid()) return;
    maskColour_ = c;
    QPixmap swatch(20, 14);
    swatch.fill(c);
    maskColourButton_->setIcon(QIcon(swatch));
    QSettings().setValue(QStringLiteral("grounding/maskColour"), c.name());
    Q_EMIT overlayChanged();
}

}  // namespace cxr::ui
