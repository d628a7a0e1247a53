#include "pacs_panel.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace cxr::ui {

namespace {

enum Column { ColPatient, ColDate, ColModality, ColDescription, ColImages, ColPatientId, ColCount };

// 20240131 -> 2024-01-31 (locale-independent, sorts as text).
QString shownDate(const QString& da) {
    if (da.size() != 8) return da;
    return da.left(4) + QLatin1Char('-') + da.mid(4, 2) + QLatin1Char('-') + da.mid(6, 2);
}

QString shownName(const QString& pn) {
    QString n = pn;
    n.replace(QLatin1Char('^'), QLatin1String(", "));
    while (n.endsWith(QLatin1String(", "))) n.chop(2);
    return n;
}

}  // namespace

PacsPanel::PacsPanel(QWidget* parent) : QWidget(parent), alive_(std::make_shared<bool>(true)) {
    auto* lay = new QVBoxLayout(this);
    lay->setContentsMargins(4, 4, 4, 4);
    auto* serverRow = new QHBoxLayout;
    server_ = new QComboBox(this);
    server_->setObjectName(QStringLiteral("pacsServer"));
    server_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    server_->setMinimumContentsLength(12);
    settingsButton_ = new QPushButton(tr("Servers…"), this);
    settingsButton_->setToolTip(tr("Settings > PACS: the servers, our AE title, users and passwords"));
    serverRow->addWidget(new QLabel(tr("Server:"), this));
    serverRow->addWidget(server_, 1);
    serverRow->addWidget(settingsButton_);
    lay->addLayout(serverRow);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    patientName_ = new QLineEdit(this);
    patientName_->setPlaceholderText(tr("e.g. Smith* (wildcards * and ?)"));
    patientId_ = new QLineEdit(this);
    accession_ = new QLineEdit(this);
    modality_ = new QComboBox(this);
    modality_->setEditable(true);
    modality_->addItem(tr("Any"), QString());
    for (const char* m : {"CR", "DX", "CT", "MR", "US", "MG", "SEG", "OT"}) modality_->addItem(QLatin1String(m), QLatin1String(m));
    dateRange_ = new QComboBox(this);
    dateRange_->addItem(tr("Any date"), 0);
    dateRange_->addItem(tr("Today"), 1);
    dateRange_->addItem(tr("Last 7 days"), 7);
    dateRange_->addItem(tr("Last 30 days"), 30);
    dateRange_->addItem(tr("Last 12 months"), 365);
    dateRange_->addItem(tr("Between…"), -1);
    from_ = new QDateEdit(QDate::currentDate().addMonths(-1), this);
    to_ = new QDateEdit(QDate::currentDate(), this);
    for (QDateEdit* d : {from_, to_}) {
        d->setCalendarPopup(true);
        d->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    dates_ = new QWidget(this);
    auto* dates = new QHBoxLayout(dates_);
    dates->setContentsMargins(0, 0, 0, 0);
    dates->addWidget(from_, 1);
    dates->addWidget(new QLabel(QStringLiteral("–"), dates_));
    dates->addWidget(to_, 1);
    form->addRow(tr("Patient name:"), patientName_);
    form->addRow(tr("Patient ID:"), patientId_);
    form->addRow(tr("Study date:"), dateRange_);
    form->addRow(QString(), dates_);
    form_ = form;
    form->addRow(tr("Modality:"), modality_);
    form->addRow(tr("Accession no.:"), accession_);
    lay->addLayout(form);

    auto* buttons = new QHBoxLayout;
    searchButton_ = new QPushButton(tr("Search"), this);
    searchButton_->setDefault(true);
    cancelButton_ = new QPushButton(tr("Cancel"), this);
    cancelButton_->setEnabled(false);
    buttons->addWidget(searchButton_, 1);
    buttons->addWidget(cancelButton_);
    lay->addLayout(buttons);

    tree_ = new QTreeWidget(this);
    tree_->setObjectName(QStringLiteral("pacsResults"));
    tree_->setColumnCount(ColCount);
    QStringList headers;
    headers.resize(ColCount);
    headers[ColPatient] = tr("Patient");
    headers[ColDate] = tr("Date");
    headers[ColModality] = tr("Modality");
    headers[ColDescription] = tr("Description");
    headers[ColImages] = tr("Images");
    headers[ColPatientId] = tr("Patient ID");
    tree_->setHeaderLabels(headers);
    tree_->setRootIsDecorated(true);
    tree_->setUniformRowHeights(true);
    tree_->setSortingEnabled(true);
    tree_->sortByColumn(ColDate, Qt::DescendingOrder);
    tree_->header()->setStretchLastSection(false);
    tree_->header()->setMinimumSectionSize(36);
    tree_->setToolTip(tr("Double-click a study or series to retrieve and open it"));
    lay->addWidget(tree_, 1);

    progress_ = new QProgressBar(this);
    progress_->setVisible(false);
    progress_->setTextVisible(true);
    lay->addWidget(progress_);
    status_ = new QLabel(this);
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    lay->addWidget(status_);

    connect(searchButton_, &QPushButton::clicked, this, &PacsPanel::search);
    for (QLineEdit* e : {patientName_, patientId_, accession_}) connect(e, &QLineEdit::returnPressed, this, &PacsPanel::search);
    connect(cancelButton_, &QPushButton::clicked, this, &PacsPanel::cancel);
    connect(settingsButton_, &QPushButton::clicked, this, &PacsPanel::settingsRequested);
    connect(dateRange_, QOverload<int>::of(&QComboBox::currentIndexChanged), this, &PacsPanel::updateDateEdits);
    connect(tree_, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* item) { retrieve(item); });
    connect(tree_, &QTreeWidget::itemExpanded, this, &PacsPanel::expandStudy);
    connect(server_, QOverload<int>::of(&QComboBox::currentIndexChanged), this, [this] {
        tree_->clear();
        status_->clear();
    });
    updateDateEdits();
    reloadServers();
}

PacsPanel::~PacsPanel() {
    *alive_ = false;
    if (cancel_) *cancel_ = true;  // a running transfer stops at its next step
}

void PacsPanel::reloadServers() {
    const QString current = server_->currentText();
    servers_ = loadPacsServers();
    QSignalBlocker block(server_);
    server_->clear();
    for (const PacsServerEntry& e : servers_) server_->addItem(e.name);
    const int i = server_->findText(current);
    server_->setCurrentIndex(i >= 0 ? i : 0);
    const bool any = !servers_.isEmpty();
    searchButton_->setEnabled(any && !busy_);
    if (!any) status_->setText(tr("No PACS server yet: add one with \"Servers…\"."));
    else if (status_->text().startsWith(tr("No PACS server yet"))) status_->clear();
}

void PacsPanel::setCacheRoot(const QString& root) { cache_ = pacs::StudyCache(root); }

bool PacsPanel::currentServer(pacs::Server* out, QString* error) const {
    const int i = server_->currentIndex();
    if (i < 0 || i >= servers_.size()) {
        if (error) *error = tr("Choose a PACS server first (Settings > PACS).");
        return false;
    }
    return servers_[i].toServer(out, error);
}

QString PacsPanel::statusText() const { return status_->text(); }

void PacsPanel::updateDateEdits() {
    form_->setRowVisible(dates_, dateRange_->currentData().toInt() == -1);
}

pacs::Query PacsPanel::query() const {
    pacs::Query q;
    q.patientName = patientName_->text().trimmed();
    q.patientId = patientId_->text().trimmed();
    q.accession = accession_->text().trimmed();
    q.modality = modality_->currentIndex() == 0 && modality_->currentText() == modality_->itemText(0)
                     ? QString()
                     : modality_->currentText().trimmed().toUpper();
    const int days = dateRange_->currentData().toInt();
    const QDate today = QDate::currentDate();
    if (days == -1) {
        q.dateFrom = from_->date().toString(QStringLiteral("yyyyMMdd"));
        q.dateTo = to_->date().toString(QStringLiteral("yyyyMMdd"));
    } else if (days > 0) {
        q.dateFrom = today.addDays(1 - days).toString(QStringLiteral("yyyyMMdd"));
        q.dateTo = today.toString(QStringLiteral("yyyyMMdd"));
    }
    q.limit = 500;
    return q;
}

void PacsPanel::setBusy(bool busy, const QString& what) {
    busy_ = busy;
    searchButton_->setEnabled(!busy && !servers_.isEmpty());
    cancelButton_->setEnabled(busy);
    server_->setEnabled(!busy);
    progress_->setVisible(busy);
    if (busy) {
        progress_->setRange(0, 0);  // busy until the first progress report
        status_->setText(what);
    }
}

void PacsPanel::fail(const QString& message) {
    lastError_ = message;
    status_->setText(message);
    Q_EMIT errorOccurred(message);
}

void PacsPanel::cancel() {
    if (cancel_) *cancel_ = true;
    if (busy_) status_->setText(tr("Cancelling…"));
}

void PacsPanel::start(const QString& what, std::function<QVariant(pacs::Client&, const std::atomic_bool&, QString*)> work,
                      std::function<void(const QVariant&, const QString&)> done) {
    if (busy_) return;
    pacs::Server server;
    QString error;
    if (!currentServer(&server, &error)) {
        fail(error);
        return;
    }
    lastError_.clear();
    const PacsServerEntry entry = servers_[server_->currentIndex()];
    const std::shared_ptr<bool> alive = alive_;
    auto note = [this, alive](const QString& n) {
        if (*alive) status_->setText(n);
    };
    obtainPacsPassword(this, entry, [this, entry, server, what, work, done](const QString& password) {
        auto cancel = std::make_shared<std::atomic_bool>(false);
        cancel_ = cancel;
        setBusy(true, what);
        using Outcome = QPair<QVariant, QString>;
        auto* watcher = new QFutureWatcher<Outcome>(this);
        connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, done, entry] {
            const Outcome o = watcher->result();
            watcher->deleteLater();
            setBusy(false, QString());
            if (o.second.contains(QLatin1String("HTTP 401"))) forgetPacsPassword(entry);  // ask again next time
            done(o.first, o.second);
        });
        watcher->setFuture(QtConcurrent::run([server, password, cancel, work]() -> Outcome {
            auto client = pacs::Client::create(server, password);
            QString e;
            QVariant v = work(*client, *cancel, &e);
            return {v, v.isValid() ? QString() : (e.isEmpty() ? pacs::cancelledMessage() : e)};
        }));
    }, note);
}

void PacsPanel::search() {
    pacs::Query q = query();
    QString error;
    if (!pacs::validateQuery(q, &error)) {
        fail(error);
        return;
    }
    auto result = std::make_shared<pacs::FindResult>();
    start(tr("Searching…"),
          [q, result](pacs::Client& c, const std::atomic_bool& cancel, QString* e) -> QVariant {
              return c.find(q, result.get(), e, &cancel) ? QVariant(true) : QVariant();
          },
          [this, result](const QVariant& ok, const QString& error) {
              if (!ok.isValid()) {
                  if (error == pacs::cancelledMessage()) status_->setText(tr("Search cancelled."));
                  else fail(error);
              } else {
                  fillStudies(*result);
              }
              Q_EMIT searchFinished();
          });
}

void PacsPanel::fillStudies(const pacs::FindResult& r) {
    tree_->setSortingEnabled(false);
    tree_->clear();
    pacs::Server server;
    currentServer(&server, nullptr);
    for (const pacs::Match& m : r.matches) {
        auto* item = new QTreeWidgetItem(tree_);
        item->setText(ColPatient, shownName(m.patientName));
        item->setText(ColPatientId, m.patientId);
        item->setText(ColDate, shownDate(m.studyDate));
        item->setText(ColModality, m.modalities.join(QLatin1Char('/')));
        item->setText(ColDescription, m.description);
        item->setText(ColImages, m.instances >= 0 ? QString::number(m.instances) : QString());
        
        item->setData(0, kStudyRole, m.studyUid);
        item->setToolTip(0, tr("Study %1\nAccession number: %2").arg(m.studyUid, m.accession.isEmpty() ? tr("none") : m.accession));
        if (!cache_.completeFiles(server, m.studyUid).isEmpty()) {
            item->setIcon(0, style()->standardIcon(QStyle::SP_DialogSaveButton));
            item->setToolTip(ColImages, tr("In the local cache: opens without a transfer"));
        }
        item->setChildIndicatorPolicy(QTreeWidgetItem::ShowIndicator);
    }
    tree_->setSortingEnabled(true);
    // Patient, date, modality and description first; the ID (often long) last.
    for (int c = 0; c < ColCount; ++c) {
        tree_->resizeColumnToContents(c);
        const int cap = c == ColPatient ? 150 : c == ColDescription ? 130 : c == ColModality ? 72 : 110;
        tree_->setColumnWidth(c, std::min(tree_->columnWidth(c) + 8, cap));
    }
    QString text = r.matches.isEmpty() ? tr("No study matches.") : tr("%n study(ies) found.", nullptr, int(r.matches.size()));
    if (r.truncated) text += QLatin1Char(' ') + tr("The server has more: narrow the search.");
    status_->setText(text);
}

void PacsPanel::expandStudy(QTreeWidgetItem* item) {
    if (!item || item->parent() || item->data(0, kLoadedRole).toBool() || busy_) return;
    const QString study = item->data(0, kStudyRole).toString();
    auto result = std::make_shared<pacs::FindResult>();
    QPointer<QTreeWidget> tree = tree_;
    start(tr("Listing the series…"),
          [study, result](pacs::Client& c, const std::atomic_bool& cancel, QString* e) -> QVariant {
              pacs::Query q;
              q.level = pacs::Level::Series;
              q.studyUid = study;
              return c.find(q, result.get(), e, &cancel) ? QVariant(true) : QVariant();
          },
          [this, tree, study, result](const QVariant& ok, const QString& error) {
              if (!ok.isValid()) {
                  fail(error);
                  return;
              }
              // The study row may have been replaced by a new search meanwhile.
              QTreeWidgetItem* item = nullptr;
              for (int i = 0; tree && i < tree->topLevelItemCount(); ++i)
                  if (tree->topLevelItem(i)->data(0, kStudyRole).toString() == study) item = tree->topLevelItem(i);
              if (!item) return;
              item->setData(0, kLoadedRole, true);
              qDeleteAll(item->takeChildren());
              for (const pacs::Match& m : result->matches) {
                  auto* child = new QTreeWidgetItem(item);
                  child->setText(ColPatient, m.seriesNumber >= 0 ? tr("Series %1").arg(m.seriesNumber) : tr("Series"));
                  child->setText(ColModality, m.modalities.join(QLatin1Char('/')));
                  child->setText(ColDescription, m.description);
                  child->setText(ColImages, m.instances >= 0 ? QString::number(m.instances) : QString());
                  
                  child->setData(0, kStudyRole, study);
                  child->setData(0, kSeriesRole, m.seriesUid);
                  child->setToolTip(0, tr("Series %1").arg(m.seriesUid));
              }
              if (result->matches.isEmpty()) item->setChildIndicatorPolicy(QTreeWidgetItem::DontShowIndicator);
              status_->setText(tr("%n series.", nullptr, int(result->matches.size())));
          });
}

void PacsPanel::retrieve(QTreeWidgetItem* item) {
    if (!item || busy_) return;
    const QString study = item->data(0, kStudyRole).toString(), series = item->data(0, kSeriesRole).toString();
    pacs::Server server;
    QString error;
    if (!currentServer(&server, &error)) {
        fail(error);
        return;
    }
    const QStringList cached = cache_.completeFiles(server, study, series);
    if (!cached.isEmpty()) {
        status_->setText(tr("Opened from the local cache (%n file(s), no transfer).", nullptr, int(cached.size())));
        Q_EMIT filesReady(cached, true);
        Q_EMIT retrieveFinished(true);
        return;
    }
    const QString folder = cache_.folder(server, study);
    if (folder.isEmpty()) {
        fail(tr("The server listed an invalid Study Instance UID."));
        return;
    }
    auto result = std::make_shared<pacs::RetrieveResult>();
    QPointer<PacsPanel> self(this);
    start(tr("Retrieving…"),
          [study, series, folder, result, self](pacs::Client& c, const std::atomic_bool& cancel, QString* e) -> QVariant {
              const bool ok = c.retrieve(study, series, folder, result.get(), e,
                                         [self](const pacs::Progress& p) {
                                             QMetaObject::invokeMethod(
                                                 self, [self, p] {
                                                     if (!self || !self->busy_ || p.total <= 0) return;
                                                     self->progress_->setRange(0, p.total);
                                                     self->progress_->setValue(p.done);
                                                     self->progress_->setFormat(
                                                         tr("%1 of %2 images, %3 MB").arg(p.done).arg(p.total).arg(p.bytes / 1048576.0, 0, 'f', 1));
                                                 },
                                                 Qt::QueuedConnection);
                                         },
                                         &cancel);
              return ok ? QVariant(true) : QVariant();
          },
          [this, server, study, series, result](const QVariant& ok, const QString& error) {
              if (!ok.isValid()) {
                  if (error == pacs::cancelledMessage())
                      status_->setText(tr("Retrieve cancelled; %n image(s) kept in the cache for the next try.", nullptr,
                                          int(result->files.size())));
                  else
                      fail(error);
                  Q_EMIT retrieveFinished(false);
                  return;
              }
              cache_.markComplete(server, study, series, result->files);
              if (series.isEmpty())
                  for (int i = 0; i < tree_->topLevelItemCount(); ++i)
                      if (tree_->topLevelItem(i)->data(0, kStudyRole).toString() == study) {
                          tree_->topLevelItem(i)->setIcon(0, style()->standardIcon(QStyle::SP_DialogSaveButton));
                          tree_->topLevelItem(i)->setToolTip(ColImages, tr("In the local cache: opens without a transfer"));
                      }
              status_->setText(tr("Retrieved %n image(s).", nullptr, int(result->files.size())));
              Q_EMIT filesReady(result->files, false);
              Q_EMIT retrieveFinished(true);
          });
}

}  // namespace cxr::ui
