#include "preparation_settings.h"

#include "preparation.h"

#include "grounding/trajectory_cache.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace cxr::ui {

namespace {
struct CacheCount {
    qulonglong bytes = 0;
    int entries = 0;
    QString error;
};
}  // namespace

PreparationSettingsPage::PreparationSettingsPage(QWidget* parent) : QWidget(parent) {
    const PreparationSettings p = PreparationSettings::load();
    auto* lay = new QVBoxLayout(this);

    auto* prep = new QGroupBox(tr("Preparing images before the sentence"), this);
    auto* play = new QVBoxLayout(prep);
    auto* intro = new QLabel(tr("The costly part of grounding, the image's inversion, does not depend on the sentence. "
                                "The viewer computes it in the background as soon as an image is shown; a sentence then "
                                "costs only the attention window's passes. A sentence you ask for always goes first."),
                             prep);
    intro->setWordWrap(true);
    play->addWidget(intro);
    background_ = new QCheckBox(tr("Prepare the shown image in the background"), prep);
    background_->setChecked(p.background);
    play->addWidget(background_);
    auto* nextRow = new QHBoxLayout;
    next_ = new QSpinBox(prep);
    next_->setRange(0, PreparationSettings::kMaxNextImages);
    next_->setSpecialValueText(tr("none"));
    next_->setValue(p.nextImages);
    next_->setToolTip(tr("The images after the shown one in its study, series by series. Without the disk cache at most "
                         "%1 are kept.").arg(PreparationSettings::kMemoryImages));
    nextRow->addWidget(new QLabel(tr("Also prepare the next images of the study:"), prep));
    nextRow->addWidget(next_);
    nextRow->addStretch(1);
    play->addLayout(nextRow);
    lay->addWidget(prep);

    auto* cache = new QGroupBox(tr("Disk cache of prepared images"), this);
    auto* clay = new QVBoxLayout(cache);
    disk_ = new QCheckBox(tr("Keep prepared images on disk (after a restart too, shared with cxr-ground)"), cache);
    disk_->setChecked(p.diskCache);
    clay->addWidget(disk_);
    auto* form = new QFormLayout;
    auto* dirRow = new QHBoxLayout;
    dir_ = new QLineEdit(p.cacheDir, cache);
    dir_->setPlaceholderText(QString::fromStdString(grounding::TrajectoryCache::defaultDir()));
    dir_->setToolTip(tr("Empty: the default folder, %1").arg(QString::fromStdString(grounding::TrajectoryCache::defaultDir())));
    browse_ = new QPushButton(tr("Browse…"), cache);
    defaultDir_ = new QPushButton(tr("Default"), cache);
    dirRow->addWidget(dir_, 1);
    dirRow->addWidget(browse_);
    dirRow->addWidget(defaultDir_);
    form->addRow(tr("Location:"), dirRow);
    maxMiB_ = new QSpinBox(cache);
    maxMiB_->setRange(64, 1024 * 1024);
    maxMiB_->setSingleStep(256);
    maxMiB_->setSuffix(tr(" MiB"));
    maxMiB_->setValue(p.cacheMaxMiB);
    maxMiB_->setToolTip(tr("The least recently used images are removed first. An image at the paper's setting takes "
                           "about 8.6 MB."));
    form->addRow(tr("Size limit:"), maxMiB_);
    auto* sizeRow = new QHBoxLayout;
    size_ = new QLabel(cache);
    size_->setTextFormat(Qt::PlainText);
    size_->setWordWrap(true);
    clear_ = new QPushButton(tr("Clear"), cache);
    clear_->setToolTip(tr("Removes every prepared image from the disk cache (they are prepared again when needed)"));
    sizeRow->addWidget(size_, 1);
    sizeRow->addWidget(clear_);
    form->addRow(tr("Now:"), sizeRow);
    clay->addLayout(form);
    lay->addWidget(cache);
    lay->addStretch(1);

    connect(browse_, &QPushButton::clicked, this, [this] {
        const QString d = QFileDialog::getExistingDirectory(this, tr("Cache folder"), cacheDir());
        if (!d.isEmpty()) dir_->setText(d);
    });
    connect(defaultDir_, &QPushButton::clicked, dir_, &QLineEdit::clear);
    connect(dir_, &QLineEdit::textChanged, this, &PreparationSettingsPage::refreshSize);
    connect(clear_, &QPushButton::clicked, this, &PreparationSettingsPage::clearCache);
    connect(disk_, &QCheckBox::toggled, this, &PreparationSettingsPage::updateEnabled);
    connect(background_, &QCheckBox::toggled, this, &PreparationSettingsPage::updateEnabled);
    updateEnabled();
    refreshSize();
}

void PreparationSettingsPage::updateEnabled() {
    next_->setEnabled(background_->isChecked());
    for (QWidget* w : {static_cast<QWidget*>(dir_), static_cast<QWidget*>(browse_), static_cast<QWidget*>(defaultDir_),
                       static_cast<QWidget*>(maxMiB_)})
        w->setEnabled(disk_->isChecked());
}

QString PreparationSettingsPage::cacheDir() const {
    PreparationSettings p;
    p.cacheDir = dir_->text();
    return p.resolvedCacheDir();
}

QString PreparationSettingsPage::sizeText() const { return size_->text(); }

void PreparationSettingsPage::refreshSize() { count(false); }
void PreparationSettingsPage::clearCache() { count(true); }

void PreparationSettingsPage::count(bool clearFirst) {
    const quint64 gen = ++generation_;
    const QString dir = cacheDir();
    busy_ = true;
    clear_->setEnabled(false);
    size_->setText(clearFirst ? tr("Clearing…") : tr("Counting…"));
    auto* watcher = new QFutureWatcher<CacheCount>(this);
    connect(watcher, &QFutureWatcher<CacheCount>::finished, this, [this, watcher, gen] {
        watcher->deleteLater();
        if (gen != generation_) return;
        const CacheCount c = watcher->result();
        busy_ = false;
        bytes_ = c.bytes;
        entries_ = c.entries;
        QString text = tr("%1 MB in %n image(s)", nullptr, c.entries).arg(double(c.bytes) / 1e6, 0, 'f', 1);
        if (!c.error.isEmpty()) text += QLatin1Char('\n') + c.error;
        size_->setText(text);
        clear_->setEnabled(c.entries > 0);
        Q_EMIT sizeUpdated();
    });
    // Reading (or emptying) the folder may take a moment on a network drive: off the event loop.
    watcher->setFuture(QtConcurrent::run([dir, clearFirst] {
        CacheCount c;
        const grounding::TrajectoryCache cache(dir.toStdString(), 0);
        std::string err;
        if (clearFirst && !cache.clear(&err))
            c.error = PreparationSettingsPage::tr("Not everything could be removed: %1").arg(QString::fromStdString(err));
        c.bytes = cache.sizeBytes(&c.entries);
        return c;
    }));
}

void PreparationSettingsPage::save() const {
    PreparationSettings p;
    p.background = background_->isChecked();
    p.nextImages = next_->value();
    p.diskCache = disk_->isChecked();
    p.cacheDir = dir_->text().trimmed();
    p.cacheMaxMiB = maxMiB_->value();
    const PreparationSettings before = PreparationSettings::load();
    p.save();
    // A lower bound holds at once, not only at the next write.
    if (p.diskCache && (p.cacheMaxMiB < before.cacheMaxMiB || p.resolvedCacheDir() != before.resolvedCacheDir())) {
        const std::string dir = p.resolvedCacheDir().toStdString();
        const uint64_t bound = uint64_t(p.cacheMaxMiB) << 20;
        (void)QtConcurrent::run([dir, bound] { grounding::TrajectoryCache(dir, bound).trimTo(bound); });
    }
}

}  // namespace cxr::ui
