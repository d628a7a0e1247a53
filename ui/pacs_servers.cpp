#include "pacs_servers.h"

#include <QComboBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <qt6keychain/keychain.h>

namespace cxr::ui {

namespace {

const QString kService = QStringLiteral("CXR Ground PACS");

// Passwords of this session when the keychain cannot keep them (and the ones read from it).
QHash<QString, QString>& sessionPasswords() {
    static QHash<QString, QString> passwords;
    return passwords;
}

QString kindName(pacs::Kind k) { return k == pacs::Kind::DicomWeb ? QStringLiteral("dicomweb") : QStringLiteral("dimse"); }

}  // namespace

bool PacsServerEntry::toServer(pacs::Server* out, QString* error) const {
    if (!pacs::parseServer(kindName(kind) + QLatin1Char(':') + address.trimmed(), out, error)) return false;
    out->name = name;
    if (!pacs::isValidAeTitle(ourAet)) {
        if (error) *error = QCoreApplication::translate("cxr::ui::PacsServersEditor", "Our AE title \"%1\" is not valid (1 to 16 characters, no backslash).").arg(ourAet);
        return false;
    }
    out->callingAet = ourAet;
    out->user = kind == pacs::Kind::DicomWeb ? user : QString();
    out->retrieve = retrieve;
    out->movePort = quint16(movePort);
    out->timeoutSeconds = timeoutSeconds;
    return true;
}

QString PacsServerEntry::keychainKey() const { return name + QLatin1Char('/') + user + QLatin1Char('@') + address.trimmed(); }

QVector<PacsServerEntry> loadPacsServers() {
    QSettings s;
    QVector<PacsServerEntry> out;
    const int n = s.beginReadArray(QStringLiteral("pacs/servers"));
    for (int i = 0; i < n; ++i) {
        s.setArrayIndex(i);
        PacsServerEntry e;
        e.name = s.value(QStringLiteral("name")).toString();
        e.kind = s.value(QStringLiteral("kind")).toString() == QLatin1String("dimse") ? pacs::Kind::Dimse : pacs::Kind::DicomWeb;
        e.address = s.value(QStringLiteral("address")).toString();
        e.ourAet = s.value(QStringLiteral("ourAet"), e.ourAet).toString();
        e.user = s.value(QStringLiteral("user")).toString();
        e.retrieve = s.value(QStringLiteral("retrieve")).toString() == QLatin1String("move") ? pacs::RetrieveMode::Move
                                                                                            : pacs::RetrieveMode::Get;
        e.movePort = qBound(1, s.value(QStringLiteral("movePort"), e.movePort).toInt(), 65535);
        e.timeoutSeconds = qBound(1, s.value(QStringLiteral("timeout"), e.timeoutSeconds).toInt(), 3600);
        if (!e.name.isEmpty()) out << e;
    }
    s.endArray();
    return out;
}

void savePacsServers(const QVector<PacsServerEntry>& servers) {
    QSettings s;
    s.remove(QStringLiteral("pacs/servers"));
    s.beginWriteArray(QStringLiteral("pacs/servers"), int(servers.size()));
    for (int i = 0; i < servers.size(); ++i) {
        const PacsServerEntry& e = servers[i];
        s.setArrayIndex(i);
        s.setValue(QStringLiteral("name"), e.name);
        s.setValue(QStringLiteral("kind"), kindName(e.kind));
        s.setValue(QStringLiteral("address"), e.address.trimmed());
        s.setValue(QStringLiteral("ourAet"), e.ourAet);
        s.setValue(QStringLiteral("user"), e.user);
        s.setValue(QStringLiteral("retrieve"), e.retrieve == pacs::RetrieveMode::Move ? QStringLiteral("move") : QStringLiteral("get"));
        s.setValue(QStringLiteral("movePort"), e.movePort);
        s.setValue(QStringLiteral("timeout"), e.timeoutSeconds);
    }
    s.endArray();
}

void readPacsPassword(const PacsServerEntry& server, QObject* context,
                      std::function<void(const QString&, const QString&)> done) {
    const QString key = server.keychainKey();
    if (sessionPasswords().contains(key)) {
        const QString pw = sessionPasswords().value(key);
        QMetaObject::invokeMethod(context, [done, pw] { done(pw, QString()); }, Qt::QueuedConnection);
        return;
    }
    auto* job = new QKeychain::ReadPasswordJob(kService);
    job->setAutoDelete(true);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, context, [done, key](QKeychain::Job* j) {
        auto* read = static_cast<QKeychain::ReadPasswordJob*>(j);
        if (read->error() == QKeychain::NoError) {
            sessionPasswords().insert(key, read->textData());
            done(read->textData(), QString());
        } else if (read->error() == QKeychain::EntryNotFound) {
            done(QString(), QString());
        } else {
            done(QString(), QCoreApplication::translate("cxr::ui::PacsServersEditor", "The system keychain could not be read: %1")
                                .arg(read->errorString()));
        }
    });
    job->start();
}

void writePacsPassword(const PacsServerEntry& server, const QString& password, QObject* context,
                       std::function<void(const QString&)> done) {
    const QString key = server.keychainKey();
    if (password.isEmpty()) sessionPasswords().remove(key);
    else sessionPasswords().insert(key, password);
    QKeychain::Job* job = nullptr;
    if (password.isEmpty()) {
        auto* del = new QKeychain::DeletePasswordJob(kService);
        del->setKey(key);
        job = del;
    } else {
        auto* write = new QKeychain::WritePasswordJob(kService);
        write->setKey(key);
        write->setTextData(password);
        job = write;
    }
    job->setAutoDelete(true);
    QObject::connect(job, &QKeychain::Job::finished, context, [done, password](QKeychain::Job* j) {
        if (j->error() == QKeychain::NoError || (password.isEmpty() && j->error() == QKeychain::EntryNotFound)) {
            done(QString());
            return;
        }
        done(QCoreApplication::translate("cxr::ui::PacsServersEditor",
                                         "The system keychain is not available (%1): the password is kept for this session only "
                                         "and never written to a settings file.")
                 .arg(j->errorString()));
    });
    job->start();
}

void obtainPacsPassword(QWidget* parent, const PacsServerEntry& server, std::function<void(const QString&)> then,
                        std::function<void(const QString&)> note) {
    if (server.kind != pacs::Kind::DicomWeb || server.user.isEmpty()) {
        then(QString());
        return;
    }
    QPointer<QWidget> guard(parent);
    readPacsPassword(server, parent, [guard, server, then, note](const QString& stored, const QString& keychainError) {
        if (!guard) return;
        if (!stored.isEmpty()) {
            then(stored);
            return;
        }
        const QString question = QCoreApplication::translate("cxr::ui::PacsServersEditor", "Password of %1 on %2:").arg(server.user, server.name);
        bool ok = false;
        const QString password =
            QInputDialog::getText(guard, QCoreApplication::translate("cxr::ui::PacsServersEditor", "PACS password"),
                                  keychainError.isEmpty() ? question : keychainError + QStringLiteral("\n\n") + question,
                                  QLineEdit::Password, QString(), &ok);
        if (!ok) return;
        writePacsPassword(server, password, guard, [note](const QString& e) {
            if (note && !e.isEmpty()) note(e);
        });
        then(password);
    });
}

void forgetPacsPassword(const PacsServerEntry& server) { sessionPasswords().remove(server.keychainKey()); }

// ---- the editor -------------------------------------------------------------------------------

PacsServersEditor::PacsServersEditor(QWidget* parent) : QWidget(parent), alive_(std::make_shared<bool>(true)) {
    servers_ = loadPacsServers();
    auto* lay = new QHBoxLayout(this);
    auto* left = new QVBoxLayout;
    list_ = new QListWidget(this);
    list_->setObjectName(QStringLiteral("pacsServerList"));
    left->addWidget(list_, 1);
    auto* buttons = new QHBoxLayout;
    add_ = new QPushButton(tr("Add"), this);
    remove_ = new QPushButton(tr("Remove"), this);
    buttons->addWidget(add_);
    buttons->addWidget(remove_);
    left->addLayout(buttons);
    lay->addLayout(left, 1);

    auto* form = new QFormLayout;
    name_ = new QLineEdit(this);
    kind_ = new QComboBox(this);
    kind_->addItem(tr("DICOMweb (QIDO-RS, WADO-RS, STOW-RS)"), int(pacs::Kind::DicomWeb));
    kind_->addItem(tr("DIMSE (C-FIND, C-GET / C-MOVE, C-STORE)"), int(pacs::Kind::Dimse));
    address_ = new QLineEdit(this);
    addressHint_ = new QLabel(this);
    addressHint_->setWordWrap(true);
    ourAet_ = new QLineEdit(this);
    ourAet_->setMaxLength(16);
    user_ = new QLineEdit(this);
    password_ = new QLineEdit(this);
    password_->setEchoMode(QLineEdit::Password);
    password_->setPlaceholderText(tr("kept in the system keychain"));
    retrieve_ = new QComboBox(this);
    retrieve_->addItem(tr("C-GET"), int(pacs::RetrieveMode::Get));
    retrieve_->addItem(tr("C-MOVE to our AE title on port:"), int(pacs::RetrieveMode::Move));
    movePort_ = new QSpinBox(this);
    movePort_->setRange(1, 65535);
    auto* retrieveRow = new QHBoxLayout;
    retrieveRow->addWidget(retrieve_, 1);
    retrieveRow->addWidget(movePort_);
    timeout_ = new QSpinBox(this);
    timeout_->setRange(1, 3600);
    timeout_->setSuffix(tr(" s"));
    form->addRow(tr("Name:"), name_);
    form->addRow(tr("Kind:"), kind_);
    form->addRow(tr("Address:"), address_);
    form->addRow(QString(), addressHint_);
    form->addRow(tr("Our AE title:"), ourAet_);
    form->addRow(tr("User:"), user_);
    form->addRow(tr("Password:"), password_);
    form->addRow(tr("Retrieve with:"), retrieveRow);
    form->addRow(tr("Timeout:"), timeout_);
    test_ = new QPushButton(tr("Test connection"), this);
    testResult_ = new QLabel(this);
    testResult_->setWordWrap(true);
    testResult_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(test_, testResult_);
    auto* right = new QVBoxLayout;
    right->addLayout(form);
    right->addStretch(1);
    lay->addLayout(right, 2);

    for (const PacsServerEntry& e : servers_) list_->addItem(e.name);
    connect(list_, &QListWidget::currentRowChanged, this, &PacsServersEditor::select);
    connect(add_, &QPushButton::clicked, this, [this] {
        storeForm();
        PacsServerEntry e;
        e.name = tr("New server %1").arg(servers_.size() + 1);
        e.address = QStringLiteral("http://localhost:8042/dicom-web");
        servers_ << e;
        list_->addItem(e.name);
        list_->setCurrentRow(int(servers_.size()) - 1);
        name_->setFocus();
        name_->selectAll();
    });
    connect(remove_, &QPushButton::clicked, this, [this] {
        const int row = list_->currentRow();
        if (row < 0) return;
        current_ = -1;
        servers_.removeAt(row);
        QHash<int, QString> shifted;
        for (auto i = passwords_.cbegin(); i != passwords_.cend(); ++i)
            if (i.key() != row) shifted.insert(i.key() > row ? i.key() - 1 : i.key(), i.value());
        passwords_ = shifted;
        delete list_->takeItem(row);
        select(list_->currentRow());
    });
    for (QLineEdit* e : {name_, address_, ourAet_, user_})
        connect(e, &QLineEdit::textEdited, this, [this] {
            storeForm();
            updateForm();
        });
    connect(password_, &QLineEdit::textEdited, this, [this](const QString& pw) {
        if (current_ >= 0) passwords_.insert(current_, pw);
    });
    connect(kind_, QOverload<int>::of(&QComboBox::currentIndexChanged), this, [this] {
        storeForm();
        updateForm();
    });
    connect(retrieve_, QOverload<int>::of(&QComboBox::currentIndexChanged), this, [this] {
        storeForm();
        updateForm();
    });
    connect(movePort_, QOverload<int>::of(&QSpinBox::valueChanged), this, [this] { storeForm(); });
    connect(timeout_, QOverload<int>::of(&QSpinBox::valueChanged), this, [this] { storeForm(); });
    connect(test_, &QPushButton::clicked, this, &PacsServersEditor::testConnection);
    if (!servers_.isEmpty()) list_->setCurrentRow(0);
    else select(-1);
}

PacsServersEditor::~PacsServersEditor() { *alive_ = false; }

void PacsServersEditor::select(int row) {
    if (!filling_) storeForm();
    current_ = row >= 0 && row < servers_.size() ? row : -1;
    filling_ = true;
    const bool have = current_ >= 0;
    for (QWidget* w : std::initializer_list<QWidget*>{name_, kind_, address_, ourAet_, user_, password_, retrieve_, movePort_,
                                                      timeout_, test_, remove_})
        w->setEnabled(have);
    const PacsServerEntry e = have ? servers_[current_] : PacsServerEntry();
    name_->setText(have ? e.name : QString());
    kind_->setCurrentIndex(kind_->findData(int(e.kind)));
    address_->setText(have ? e.address : QString());
    ourAet_->setText(e.ourAet);
    user_->setText(e.user);
    password_->setText(passwords_.value(current_));
    retrieve_->setCurrentIndex(retrieve_->findData(int(e.retrieve)));
    movePort_->setValue(e.movePort);
    timeout_->setValue(e.timeoutSeconds);
    testResult_->clear();
    filling_ = false;
    updateForm();
}

void PacsServersEditor::storeForm() {
    if (filling_ || current_ < 0 || current_ >= servers_.size()) return;
    PacsServerEntry& e = servers_[current_];
    e.name = name_->text().trimmed();
    e.kind = pacs::Kind(kind_->currentData().toInt());
    e.address = address_->text().trimmed();
    e.ourAet = ourAet_->text().trimmed();
    e.user = user_->text().trimmed();
    e.retrieve = pacs::RetrieveMode(retrieve_->currentData().toInt());
    e.movePort = movePort_->value();
    e.timeoutSeconds = timeout_->value();
    if (QListWidgetItem* item = list_->item(current_)) item->setText(e.name.isEmpty() ? tr("(no name)") : e.name);
}

void PacsServersEditor::updateForm() {
    const bool web = pacs::Kind(kind_->currentData().toInt()) == pacs::Kind::DicomWeb;
    address_->setPlaceholderText(web ? QStringLiteral("https://pacs.example.org/dicom-web") : QStringLiteral("ORTHANC@pacs.example.org:4242"));
    user_->setEnabled(current_ >= 0 && web);
    password_->setEnabled(current_ >= 0 && web);
    retrieve_->setEnabled(current_ >= 0 && !web);
    movePort_->setEnabled(current_ >= 0 && !web && pacs::RetrieveMode(retrieve_->currentData().toInt()) == pacs::RetrieveMode::Move);
    QString hint = web ? tr("The DICOMweb root, e.g. https://pacs.example.org/dicom-web (Orthanc: http://host:8042/dicom-web).")
                       : tr("The PACS's AE title, host and port, e.g. ORTHANC@pacs.example.org:4242. For C-MOVE the PACS must "
                            "know our AE title with this computer's address and the port below.");
    if (current_ >= 0) {
        pacs::Server s;
        QString error;
        if (!servers_[current_].address.isEmpty() && !servers_[current_].toServer(&s, &error)) hint = error;
    }
    addressHint_->setText(hint);
}

void PacsServersEditor::testConnection() {
    storeForm();
    if (current_ < 0) return;
    const PacsServerEntry entry = servers_[current_];
    pacs::Server server;
    QString error;
    if (!entry.toServer(&server, &error)) {
        testResult_->setText(error);
        return;
    }
    testResult_->setText(tr("Connecting…"));
    test_->setEnabled(false);
    const std::shared_ptr<bool> alive = alive_;
    auto run = [this, alive, server](const QString& password) {
        auto* watcher = new QFutureWatcher<QString>(this);
        connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher] {
            const QString e = watcher->result();
            testResult_->setText(e.isEmpty() ? tr("Connected: the server answered.") : e);
            test_->setEnabled(true);
            watcher->deleteLater();
        });
        watcher->setFuture(QtConcurrent::run([server, password]() -> QString {
            QString e;
            return pacs::Client::create(server, password)->echo(&e) ? QString() : e;
        }));
    };
    if (passwords_.contains(current_)) run(passwords_.value(current_));
    else readPacsPassword(entry, this, [run](const QString& pw, const QString&) { run(pw); });
}

void PacsServersEditor::save() {
    storeForm();
    QVector<PacsServerEntry> kept;
    for (const PacsServerEntry& e : servers_)
        if (!e.name.isEmpty()) kept << e;
    savePacsServers(kept);
    for (auto i = passwords_.cbegin(); i != passwords_.cend(); ++i)
        if (i.key() < servers_.size()) writePacsPassword(servers_[i.key()], i.value(), this, [](const QString&) {});
}

}  // namespace cxr::ui
