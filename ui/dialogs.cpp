#include "dialogs.h"

#include "pacs_servers.h"
#include "preparation_settings.h"

#include "download/downloader.h"
#include "grounding/engine.h"
#include "imaging/loader.h"
#include "model/model_folder.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QCheckBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cxr::ui {

TagDialog::TagDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("DICOM tags"));
    resize(820, 640);
    auto* lay = new QVBoxLayout(this);
    title_ = new QLabel(this);
    title_->setTextFormat(Qt::PlainText);
    lay->addWidget(title_);
    search_ = new QLineEdit(this);
    search_->setPlaceholderText(tr("Search tag, name or value"));
    search_->setClearButtonEnabled(true);
    lay->addWidget(search_);
    model_ = new QStandardItemModel(0, 4, this);
    model_->setHorizontalHeaderLabels({tr("Tag"), tr("VR"), tr("Name"), tr("Value")});
    proxy_ = new QSortFilterProxyModel(this);
    proxy_->setSourceModel(model_);
    proxy_->setFilterKeyColumn(-1);
    proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    view_ = new QTableView(this);
    view_->setModel(proxy_);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->verticalHeader()->hide();
    view_->horizontalHeader()->setStretchLastSection(true);
    view_->setWordWrap(false);
    lay->addWidget(view_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    lay->addWidget(buttons);
    connect(search_, &QLineEdit::textChanged, proxy_, &QSortFilterProxyModel::setFilterFixedString);
}

void TagDialog::showFile(const QString& path) {
    model_->removeRows(0, model_->rowCount());
    QString error;
    const std::vector<TagRow> rows = dumpTags(path, &error);
    title_->setText(error.isEmpty() ? QFileInfo(path).fileName() : error);
    for (const TagRow& r : rows) {
        QList<QStandardItem*> items;
        // QStandardItem shows plain text; markup in values stays literal.
        items << new QStandardItem(QString(r.depth * 2, QLatin1Char(' ')) + r.tag) << new QStandardItem(r.vr)
              << new QStandardItem(r.name) << new QStandardItem(r.value);
        model_->appendRow(items);
    }
    view_->resizeColumnsToContents();
}

int TagDialog::visibleRows() const { return proxy_->rowCount(); }

QString TagDialog::valueAt(int row) const { return proxy_->index(row, 3).data().toString(); }

QList<QPair<QString, QString>> ShortcutsDialog::rows(const QList<QAction*>& actions) {
    QList<QPair<QString, QString>> out;
    for (QAction* a : actions) {
        if (a->shortcuts().isEmpty()) continue;
        QStringList keys;
        for (const QKeySequence& k : a->shortcuts()) keys << k.toString(QKeySequence::NativeText);
        QString name = a->text();
        name.remove(QLatin1Char('&'));
        out.append({name, keys.join(QStringLiteral(", "))});
    }
    return out;
}

ShortcutsDialog::ShortcutsDialog(const QList<QAction*>& actions, QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Keyboard shortcuts"));
    resize(520, 560);
    auto* lay = new QVBoxLayout(this);
    const auto list = rows(actions);
    auto* table = new QTableWidget(list.size() + 4, 2, this);
    table->setHorizontalHeaderLabels({tr("Action"), tr("Keys")});
    int r = 0;
    for (const auto& [name, keys] : list) {
        table->setItem(r, 0, new QTableWidgetItem(name));
        table->setItem(r, 1, new QTableWidgetItem(keys));
        ++r;
    }
    const QList<QPair<QString, QString>> mouse = {
        {tr("Zoom about the cursor"), tr("Mouse wheel")},
        {tr("Pan"), tr("Left or middle drag")},
        {tr("Window/level (right/left: width, up/down: centre)"), tr("Right drag")},
        {tr("Fit to window"), tr("Double-click")}};
    for (const auto& [name, keys] : mouse) {
        table->setItem(r, 0, new QTableWidgetItem(name));
        table->setItem(r, 1, new QTableWidgetItem(keys));
        ++r;
    }
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->resizeColumnToContents(0);
    lay->addWidget(table);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    lay->addWidget(buttons);
}

QString describeModelFolder(const QString& dir, bool* usable) {
    *usable = false;
    if (dir.trimmed().isEmpty()) return QCoreApplication::translate("cxr::ui::SettingsDialog", "No model folder is set.");
    if (!QFileInfo(dir).isDir())
        return QCoreApplication::translate("cxr::ui::SettingsDialog", "%1 is not a folder.").arg(dir);
    const model::ModelFolderReport r = model::inspectModelFolder(dir.toStdString());
    *usable = r.ok;
    QStringList lines;
    if (r.ok) {
        size_t params = 0;
        for (const auto& c : r.checkpoints) params += c.foundCount;
        lines << QCoreApplication::translate("cxr::ui::SettingsDialog", "Usable: every file is present and every tensor matches its configuration.");
    } else {
        lines << QCoreApplication::translate("cxr::ui::SettingsDialog", "This folder cannot be used (%n problem(s)):", nullptr, int(r.errors.size()));
    }
    for (const auto& f : r.files) {
        if (f.required && !f.error.empty()) continue;  // listed once, with the problems below
        QString state;
        if (!f.exists)
            state = f.required ? QCoreApplication::translate("cxr::ui::SettingsDialog", "missing") : QCoreApplication::translate("cxr::ui::SettingsDialog", "not present (optional)");
        else if (!f.error.empty())
            state = QString::fromStdString(f.error);
        else
            state = f.size < 100000 ? QCoreApplication::translate("cxr::ui::SettingsDialog", "ok, %1 kB").arg(double(f.size) / 1e3, 0, 'f', 1)
                                    : QCoreApplication::translate("cxr::ui::SettingsDialog", "ok, %1 MB").arg(double(f.size) / 1e6, 0, 'f', 1);
        lines << QStringLiteral("  %1 (%2): %3").arg(QString::fromStdString(f.relPath), QString::fromStdString(f.role), state);
    }
    for (const auto& e : r.errors) lines << QStringLiteral("• ") + QString::fromStdString(e);
    for (const auto& w : r.warnings) lines << QCoreApplication::translate("cxr::ui::SettingsDialog", "Note: %1").arg(QString::fromStdString(w));
    return lines.join(QLatin1Char('\n'));
}

SettingsDialog::SettingsDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Settings"));
    resize(640, 520);
    QSettings s;
    auto* lay = new QVBoxLayout(this);
    tabs_ = new QTabWidget(this);
    lay->addWidget(tabs_);

    // General
    auto* general = new QWidget(tabs_);
    auto* glay = new QVBoxLayout(general);
    auto* form = new QFormLayout;
    theme_ = new QComboBox(general);
    theme_->addItem(tr("Dark"), QStringLiteral("dark"));
    theme_->addItem(tr("Light"), QStringLiteral("light"));
    theme_->setCurrentIndex(s.value(QStringLiteral("ui/theme"), QStringLiteral("dark")).toString() == QLatin1String("light") ? 1 : 0);
    form->addRow(tr("Theme:"), theme_);
    language_ = new QComboBox(general);
    language_->addItem(tr("System default"), QString());
    language_->addItem(QStringLiteral("English"), QStringLiteral("en"));
    language_->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    const QString lang = s.value(QStringLiteral("ui/language")).toString();
    language_->setCurrentIndex(lang == QLatin1String("en") ? 1 : lang == QLatin1String("de") ? 2 : 0);
    form->addRow(tr("Language:"), language_);
    glay->addLayout(form);
    auto* note = new QLabel(tr("A new language takes effect when the application is restarted."), general);
    note->setWordWrap(true);
    glay->addWidget(note);
    auto* corner = new QGroupBox(tr("Corner text of the image (T shows or hides it with the orientation markers)"), general);
    auto* cgrid = new QGridLayout(corner);
    const CornerFields fields = savedCornerFields();
    int k = 0;
    for (const auto& [field, name] : cornerFieldNames()) {
        auto* c = new QCheckBox(name, corner);
        c->setChecked(fields.testFlag(field));
        cgrid->addWidget(c, k / 3, k % 3);
        cornerChecks_ << qMakePair(field, c);
        ++k;
    }
    glay->addWidget(corner);
    glay->addStretch(1);
    tabs_->addTab(general, tr("General"));

    // Model
    auto* model = new QWidget(tabs_);
    auto* mlay = new QVBoxLayout(model);
    auto* folderRow = new QHBoxLayout;
    folder_ = new QLineEdit(s.value(QStringLiteral("grounding/modelDir")).toString(), model);
    folder_->setPlaceholderText(tr("Folder with configs/, models/, text_encoder/ and tokenizer/"));
    auto* browse = new QPushButton(tr("Browse…"), model);
    auto* download = new QPushButton(tr("Download…"), model);
    folderRow->addWidget(new QLabel(tr("Model folder:"), model));
    folderRow->addWidget(folder_, 1);
    folderRow->addWidget(browse);
    folderRow->addWidget(download);
    mlay->addLayout(folderRow);
    report_ = new QPlainTextEdit(model);
    report_->setReadOnly(true);
    report_->setMinimumHeight(150);
    mlay->addWidget(report_, 1);
    auto* mform = new QFormLayout;
    device_ = new QComboBox(model);
    for (const std::string& d : grounding::Engine::availableDevices()) {
        const QString id = QString::fromStdString(d);
        device_->addItem(id == QLatin1String("cpu") ? tr("CPU") : tr("CUDA GPU %1").arg(id.mid(5)), id);
    }
    device_->setToolTip(device_->count() == 1 ? tr("This build of LibTorch has no CUDA support, or no GPU was found.") : QString());
    const int di = device_->findData(s.value(QStringLiteral("model/device"), QStringLiteral("cpu")).toString());
    device_->setCurrentIndex(di < 0 ? 0 : di);
    mform->addRow(tr("Device:"), device_);
    precision_ = new QComboBox(model);
    precision_->addItem(tr("fp32 (exact, as the paper)"), QStringLiteral("fp32"));
    precision_->addItem(tr("bf16 (faster on GPUs)"), QStringLiteral("bf16"));
    precision_->addItem(tr("fp16 (faster on GPUs)"), QStringLiteral("fp16"));
    const int pi = precision_->findData(s.value(QStringLiteral("model/precision"), QStringLiteral("fp32")).toString());
    precision_->setCurrentIndex(pi < 0 ? 0 : pi);
    mform->addRow(tr("Precision:"), precision_);
    threads_ = new QSpinBox(model);
    threads_->setRange(0, std::max(1, QThread::idealThreadCount() * 2));
    threads_->setSpecialValueText(tr("all cores (%1)").arg(QThread::idealThreadCount()));
    threads_->setValue(s.value(QStringLiteral("model/threads"), 0).toInt());
    mform->addRow(tr("CPU threads:"), threads_);
    const download::Sources official;
    bundleUrl_ = new QLineEdit(s.value(QStringLiteral("download/bundleUrl"), official.bundleBaseUrl).toString(), model);
    textUrl_ = new QLineEdit(s.value(QStringLiteral("download/textUrl"), official.textBaseUrl).toString(), model);
    mform->addRow(tr("Diffusion bundle from:"), bundleUrl_);
    mform->addRow(tr("Text encoder from:"), textUrl_);
    mlay->addLayout(mform);
    auto* restore = new QPushButton(tr("Official download locations"), model);
    connect(restore, &QPushButton::clicked, this, [this] {
        const download::Sources o;
        bundleUrl_->setText(o.bundleBaseUrl);
        textUrl_->setText(o.textBaseUrl);
    });
    mlay->addWidget(restore, 0, Qt::AlignLeft);
    tabs_->addTab(model, tr("Model"));

    // Preparing images before the sentence and the disk cache of prepared images (written on OK).
    preparation_ = new PreparationSettingsPage(tabs_);
    tabs_->addTab(preparation_, tr("Preparation"));
    connect(this, &QDialog::accepted, preparation_, &PreparationSettingsPage::save);

    // PACS servers (passwords in the system keychain, written on OK).
    pacs_ = new PacsServersEditor(tabs_);
    tabs_->addTab(pacs_, tr("PACS"));
    connect(this, &QDialog::accepted, pacs_, &PacsServersEditor::save);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    lay->addWidget(buttons);

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Model folder"), folder_->text());
        if (!dir.isEmpty()) folder_->setText(dir);
    });
    connect(download, &QPushButton::clicked, this, &SettingsDialog::downloadRequested);
    connect(folder_, &QLineEdit::textChanged, this, &SettingsDialog::checkModelFolder);
    connect(device_, QOverload<int>::of(&QComboBox::currentIndexChanged), this, &SettingsDialog::updatePrecision);
    updatePrecision();
    checkModelFolder();
}

void SettingsDialog::updatePrecision() {
    const bool reduced = grounding::Engine::supportsReducedPrecision(device().toStdString());
    auto* m = qobject_cast<QStandardItemModel*>(precision_->model());
    for (int i = 1; i < precision_->count(); ++i)
        if (m) m->item(i)->setEnabled(reduced);
    if (!reduced) precision_->setCurrentIndex(0);
    precision_->setToolTip(reduced ? QString() : tr("bf16 and fp16 are offered on CUDA devices that run them."));
}

void SettingsDialog::checkModelFolder() {
    const quint64 gen = ++checkGeneration_;
    const QString dir = folder_->text().trimmed();
    checking_ = true;
    report_->setPlainText(tr("Checking %1…").arg(dir));
    // Opening the checkpoints reads their headers: off the event loop.
    auto* watcher = new QFutureWatcher<QPair<QString, bool>>(this);
    connect(watcher, &QFutureWatcher<QPair<QString, bool>>::finished, this, [this, watcher, gen] {
        watcher->deleteLater();
        if (gen != checkGeneration_) return;
        const auto [text, ok] = watcher->result();
        checking_ = false;
        modelOk_ = ok;
        report_->setPlainText(text);
        Q_EMIT modelChecked();
    });
    watcher->setFuture(QtConcurrent::run([dir] {
        bool ok = false;
        const QString text = describeModelFolder(dir, &ok);
        return qMakePair(text, ok);
    }));
}

QString SettingsDialog::modelReport() const { return report_->toPlainText(); }
void SettingsDialog::showModelPage() { tabs_->setCurrentIndex(1); }
void SettingsDialog::showPacsPage() { tabs_->setCurrentWidget(pacs_); }
void SettingsDialog::showPreparationPage() { tabs_->setCurrentWidget(preparation_); }
QString SettingsDialog::theme() const { return theme_->currentData().toString(); }
QString SettingsDialog::language() const { return language_->currentData().toString(); }
CornerFields SettingsDialog::cornerFields() const {
    CornerFields f;
    for (const auto& [field, check] : cornerChecks_)
        if (check->isChecked()) f |= field;
    return f;
}
QString SettingsDialog::modelFolder() const { return folder_->text().trimmed(); }
QString SettingsDialog::device() const { return device_->currentData().toString(); }
QString SettingsDialog::precision() const { return precision_->currentData().toString(); }
int SettingsDialog::threads() const { return threads_->value(); }
QString SettingsDialog::bundleUrl() const { return bundleUrl_->text().trimmed(); }
QString SettingsDialog::textUrl() const { return textUrl_->text().trimmed(); }

}  // namespace cxr::ui
