// The PACS servers the viewer knows (Settings > PACS): kept in the settings without passwords;
// passwords live in the system keychain (QtKeychain), or only in memory for this session when no
// keychain is available. Never in a settings file.
#pragma once

#include "pacs/pacs.h"

#include <QString>
#include <QVector>
#include <QWidget>

#include <QHash>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace cxr::ui {

struct PacsServerEntry {
    QString name;
    pacs::Kind kind = pacs::Kind::DicomWeb;
    QString address;          // DICOMweb root URL, or AETITLE@host:port
    QString ourAet = QStringLiteral("CXRGROUND");
    QString user;             // DICOMweb only
    pacs::RetrieveMode retrieve = pacs::RetrieveMode::Get;
    int movePort = 11113;
    int timeoutSeconds = 30;

    // The client's view of it; false with a message when the address is not valid.
    bool toServer(pacs::Server* out, QString* error) const;
    // Identifies the password in the keychain (name, user and address).
    QString keychainKey() const;
};

QVector<PacsServerEntry> loadPacsServers();
void savePacsServers(const QVector<PacsServerEntry>& servers);

// Passwords: asynchronous (the keychain may ask the user). `done(password, error)` runs in the
// caller's thread; an empty password with no error means "none stored".
void readPacsPassword(const PacsServerEntry& server, QObject* context,
                      std::function<void(const QString& password, const QString& error)> done);
// Stores (or with an empty password removes) the password; `done(error)` ("" on success). When the
// keychain is unavailable the password is kept in memory for this session and `error` says so.
void writePacsPassword(const PacsServerEntry& server, const QString& password, QObject* context,
                       std::function<void(const QString& error)> done);

// The password a request to `server` needs ("" for DIMSE and servers without a user): this
// session's copy, else the keychain's, else asked from the user (then kept in the keychain).
// `then(password)` runs in the caller's thread, not at all when the user cancels the question;
// `note` receives what the user should know (keychain unavailable...).
void obtainPacsPassword(QWidget* parent, const PacsServerEntry& server, std::function<void(const QString&)> then,
                        std::function<void(const QString&)> note = {});
// Forgets this session's copy (the server refused it): the next request asks again.
void forgetPacsPassword(const PacsServerEntry& server);

// Settings > PACS: the list of servers and the form of the selected one, with "Test connection".
class PacsServersEditor : public QWidget {
    Q_OBJECT
public:
    explicit PacsServersEditor(QWidget* parent = nullptr);
    ~PacsServersEditor() override;

    // Writes the list to the settings and changed passwords to the keychain.
    void save();
    const QVector<PacsServerEntry>& servers() const { return servers_; }
    QListWidget* list() const { return list_; }
    QPushButton* addButton() const { return add_; }
    QPushButton* testButton() const { return test_; }
    QLabel* testResult() const { return testResult_; }
    QLineEdit* nameEdit() const { return name_; }
    QLineEdit* addressEdit() const { return address_; }
    QLineEdit* userEdit() const { return user_; }
    QLineEdit* passwordEdit() const { return password_; }
    QComboBox* kindBox() const { return kind_; }

private:
    void select(int row);
    void storeForm();  // the form into servers_[current_]
    void updateForm();
    void testConnection();

    QVector<PacsServerEntry> servers_;
    QHash<int, QString> passwords_;  // typed in this session, by row
    int current_ = -1;
    bool filling_ = false;
    QListWidget* list_;
    QPushButton *add_, *remove_, *test_;
    QLineEdit *name_, *address_, *ourAet_, *user_, *password_;
    QComboBox *kind_, *retrieve_;
    QSpinBox *movePort_, *timeout_;
    QLabel *testResult_, *addressHint_;
    std::shared_ptr<bool> alive_;
};

}  // namespace cxr::ui
