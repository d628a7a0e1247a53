#include "pacs_send.h"

#include "grounding.h"
#include "mainwindow.h"
#include "pacs_servers.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace cxr::ui {

SendToPacsDialog::SendToPacsDialog(MainWindow* window)
    : QDialog(window), window_(window), alive_(std::make_shared<bool>(true)) {
    setWindowTitle(tr("Send to PACS"));
    resize(560, 420);
    auto* lay = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    server_ = new QComboBox(this);
    for (const PacsServerEntry& e : loadPacsServers()) server_->addItem(e.name);
    form->addRow(tr("Server:"), server_);
    sc_ = new QCheckBox(tr("Secondary Capture: the picture as exported (layers, caption, colour bar)"), this);
    seg_ = new QCheckBox(tr("Segmentation: the mask of the shown prompt"), this);
    pmap_ = new QCheckBox(tr("Parametric Map: the heat map of the shown prompt (values 0-1)"), this);
    anonymise_ = new QCheckBox(tr("Anonymise (remove patient identifiers)"), this);
    for (QCheckBox* c : {sc_, seg_, pmap_}) {
        c->setChecked(true);
        form->addRow(c);
    }
    form->addRow(anonymise_);
    lay->addLayout(form);
    note_ = new QLabel(this);
    note_->setWordWrap(true);
    lay->addWidget(note_);
    progress_ = new QProgressBar(this);
    progress_->setVisible(false);
    lay->addWidget(progress_);
    results_ = new QPlainTextEdit(this);
    results_->setReadOnly(true);
    results_->setPlaceholderText(tr("Each object's status appears here."));
    lay->addWidget(results_, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    sendButton_ = buttons->addButton(tr("Send"), QDialogButtonBox::AcceptRole);
    cancelButton_ = buttons->addButton(tr("Cancel transfer"), QDialogButtonBox::ActionRole);
    cancelButton_->setEnabled(false);
    lay->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    disconnect(buttons, &QDialogButtonBox::accepted, nullptr, nullptr);
    connect(sendButton_, &QPushButton::clicked, this, &SendToPacsDialog::send);
    connect(cancelButton_, &QPushButton::clicked, this, [this] {
        if (cancel_) *cancel_ = true;
    });
    for (QCheckBox* c : {sc_, seg_, pmap_}) connect(c, &QCheckBox::toggled, this, &SendToPacsDialog::updateChoices);
    updateChoices();
}

SendToPacsDialog::~SendToPacsDialog() {
    *alive_ = false;
    if (cancel_) *cancel_ = true;
}

QString SendToPacsDialog::resultText() const { return results_->toPlainText(); }

void SendToPacsDialog::updateChoices() {
    const auto img = window_->viewport()->image();
    const GroundedPrompt* e = window_->groundingPanel()->displayedEntry();
    const bool dicom = img && img->info.format == QLatin1String("DICOM");
    const bool objects = dicom && e && !window_->compareMode();
    seg_->setEnabled(objects);
    pmap_->setEnabled(objects);
    if (!objects) {
        seg_->setChecked(false);
        pmap_->setChecked(false);
    }
    QString why;
    if (!img) why = tr("No image is open.");
    else if (!dicom) why = tr("The image is not DICOM: only the Secondary Capture can be sent (in a new study).");
    else if (!e) why = tr("No grounded prompt is shown: the Secondary Capture shows the image alone.");
    else if (window_->compareMode()) why = tr("Compare mode: the Secondary Capture shows the grid.");
    if (server_->count() == 0) why = tr("No PACS server yet: add one in Settings > PACS.");
    note_->setText(why);
    sendButton_->setEnabled(!busy_ && img && server_->count() > 0 && (sc_->isChecked() || seg_->isChecked() || pmap_->isChecked()));
}

void SendToPacsDialog::send() {
    if (busy_) return;
    const QVector<PacsServerEntry> servers = loadPacsServers();
    const int i = server_->currentIndex();
    if (i < 0 || i >= servers.size()) return;
    const PacsServerEntry entry = servers[i];
    pacs::Server server;
    QString error;
    if (!entry.toServer(&server, &error)) {
        results_->setPlainText(error);
        return;
    }
    // Write the objects (atomic exports into a private staging folder).
    staging_ = std::make_unique<QTemporaryDir>();
    QStringList files, names;
    struct Choice {
        QCheckBox* box;
        const char* format;
        QString name;
    };
    const Choice choices[] = {{sc_, "dcm", tr("Secondary Capture")},
                              {seg_, "seg", tr("Segmentation")},
                              {pmap_, "pmap", tr("Parametric Map")}};
    results_->clear();
    for (const Choice& c : choices) {
        if (!c.box->isChecked() || !c.box->isEnabled()) continue;
        const QString path = staging_->filePath(QStringLiteral("%1.dcm").arg(QLatin1String(c.format)));
        QString message;
        const bool ok = QLatin1String(c.format) == QLatin1String("dcm")
                            ? window_->exportView(path, QStringLiteral("dcm"), true, anonymise_->isChecked(), false, &message)
                            : window_->exportResultObject(path, QLatin1String(c.format), anonymise_->isChecked(), false, &message);
        if (!ok) {
            results_->appendPlainText(tr("%1: not written: %2").arg(c.name, message));
            continue;
        }
        files << path;
        names << c.name;
    }
    if (files.isEmpty()) {
        Q_EMIT finished(false);
        return;
    }
    const std::shared_ptr<bool> alive = alive_;
    obtainPacsPassword(this, entry, [this, alive, server, files, names, entry](const QString& password) {
        if (!*alive || busy_) return;
        busy_ = true;
        updateChoices();
        cancelButton_->setEnabled(true);
        progress_->setVisible(true);
        progress_->setRange(0, int(files.size()));
        progress_->setValue(0);
        auto cancel = std::make_shared<std::atomic_bool>(false);
        cancel_ = cancel;
        struct Outcome {
            QVector<pacs::StoreResult> results;
            QString error;
        };
        auto* watcher = new QFutureWatcher<Outcome>(this);
        connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, names, entry] {
            const Outcome o = watcher->result();
            watcher->deleteLater();
            if (o.error.contains(QLatin1String("HTTP 401"))) forgetPacsPassword(entry);
            done(o.results, names, o.error);
        });
        QPointer<SendToPacsDialog> self(this);
        watcher->setFuture(QtConcurrent::run([server, password, files, cancel, self]() {
            Outcome o;
            pacs::Client::create(server, password)->store(files, &o.results, &o.error,
                                                          [self](const pacs::Progress& p) {
                                                              QMetaObject::invokeMethod(
                                                                  self, [self, p] {
                                                                      if (self) self->progress_->setValue(p.done);
                                                                  },
                                                                  Qt::QueuedConnection);
                                                          },
                                                          cancel.get());
            return o;
        }));
    });
}

void SendToPacsDialog::done(const QVector<pacs::StoreResult>& results, const QStringList& names, const QString& error) {
    busy_ = false;
    cancelButton_->setEnabled(false);
    progress_->setVisible(false);
    int stored = 0;
    for (int i = 0; i < results.size(); ++i) {
        results_->appendPlainText(tr("%1: %2").arg(names.value(i), results[i].status));
        stored += results[i].ok ? 1 : 0;
    }
    if (!error.isEmpty()) results_->appendPlainText(error);
    succeeded_ = error.isEmpty() && stored == names.size();
    results_->appendPlainText(succeeded_ ? tr("All %n object(s) stored on %1.", nullptr, int(stored)).arg(server_->currentText())
                                         : tr("%1 of %2 object(s) stored.").arg(stored).arg(names.size()));
    updateChoices();
    Q_EMIT finished(succeeded_);
}

}  // namespace cxr::ui
