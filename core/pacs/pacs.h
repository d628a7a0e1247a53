// Query, retrieve and send over the two kinds of PACS interface: DICOMweb (QIDO-RS, WADO-RS,
// STOW-RS over Qt Network) and DIMSE (C-ECHO, C-FIND, C-GET, C-MOVE to our own listening port,
// C-STORE through DCMTK's dcmnet). The API is small and synchronous, with progress and cancel, like
// the engine: the viewer calls it from a worker thread, the CLI directly. A Client belongs to the
// thread that created it. Messages are translated (context "cxr::pacs") and name the server.
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QVector>

#include <atomic>
#include <functional>
#include <memory>

namespace cxr::pacs {

enum class Kind { DicomWeb, Dimse };
enum class RetrieveMode { Get, Move };  // DIMSE: C-GET, or C-MOVE to our own listening port

struct Server {
    QString name;                 // shown in the viewer; "" on the command line
    Kind kind = Kind::DicomWeb;
    QUrl url;                     // DICOMweb: the service root, e.g. http://host:8042/dicom-web
    QString calledAet, host;      // DIMSE: the PACS's AE title and address
    quint16 port = 104;
    QString callingAet = QStringLiteral("CXRGROUND");  // our AE title
    QString user;                 // DICOMweb: HTTP user (password kept apart, never in settings)
    int timeoutSeconds = 30;      // no answer for this long: the operation fails
    RetrieveMode retrieve = RetrieveMode::Get;
    quint16 movePort = 11113;     // our listening port for C-MOVE

    // "dicomweb:http://host:port/dicom-web" or "dimse:AET@host:port".
    QString spec() const;
    // What the server is called in messages: its name, else its spec.
    QString label() const;
};

// Parses a --server SPEC; false with a message on a bad one.
bool parseServer(const QString& spec, Server* out, QString* error);

enum class Level { Study, Series, Instance };

struct Query {
    Level level = Level::Study;
    QString patientId, patientName;  // the name may hold * and ? wildcards
    QString dateFrom, dateTo;        // YYYYMMDD; either may be empty (open range)
    QString modality, accession;
    QString studyUid, seriesUid;     // restrict to one study / series (required below study level)
    int limit = 500;                 // at most this many matches (more: `truncated`)
};

// Checks the query's values (dates, UIDs, characters); false with a message.
bool validateQuery(const Query& query, QString* error);

struct Match {
    Level level = Level::Study;
    QString studyUid, seriesUid, sopInstanceUid, sopClassUid;
    QString patientName, patientId, studyDate, studyTime, accession, description;
    QStringList modalities;          // study: Modalities in Study; series / instance: its Modality
    int seriesNumber = -1, instanceNumber = -1;
    int instances = -1;              // number of instances (-1: the server did not say)
    QJsonObject toJson() const;
};

struct FindResult {
    QVector<Match> matches;
    bool truncated = false;          // the server had more than Query::limit matches
};

struct Progress {
    int done = 0, total = 0;         // instances
    qint64 bytes = 0;                // bytes received or sent so far
    QString current;                 // the instance or file at hand
};
using ProgressFn = std::function<void(const Progress&)>;

struct RetrieveResult {
    QStringList files;               // written files (absolute paths), one per instance
    QStringList missing;             // SOP Instance UIDs the server listed but did not deliver
};

struct StoreResult {
    bool ok = false;
    QString sopInstanceUid;
    QString status;                  // the server's answer in words ("stored", "failed: ...")
};

class Client {
public:
    // A client for `server`; `password` only for DICOMweb with a user.
    static std::unique_ptr<Client> create(const Server& server, const QString& password = QString());
    virtual ~Client();

    const Server& server() const { return server_; }

    // Verifies the connection (C-ECHO; for DICOMweb a minimal QIDO search).
    virtual bool echo(QString* error) = 0;
    // Searches the server. A series search without a study searches the studies first (with the
    // patient, date and accession filters), then the series of each (the modality filter applies to
    // the series). Patient and study values are filled in on series and instance matches.
    bool find(const Query& query, FindResult* out, QString* error, const std::atomic_bool* cancel = nullptr);

    // Retrieves a study (or one of its series) into `folder` (created if needed): one file per
    // instance named <SOP Instance UID>.dcm, written atomically; instances already there are kept.
    // Lists the instances first; fails on an unknown study, on a transfer error, on cancel
    // ("cancelled"), and when instances are missing (named in the message and in `out->missing`).
    bool retrieve(const QString& studyUid, const QString& seriesUid, const QString& folder, RetrieveResult* out,
                  QString* error, const ProgressFn& progress = {}, const std::atomic_bool* cancel = nullptr);

    // Stores files, one status each; false with a message when the transfer itself failed (no
    // connection...). A refused file is a result with ok = false, not a failure of the call.
    virtual bool store(const QStringList& files, QVector<StoreResult>* out, QString* error,
                       const ProgressFn& progress = {}, const std::atomic_bool* cancel = nullptr) = 0;

protected:
    explicit Client(const Server& server) : server_(server) {}
    // One search at one level: studies, or the series / instances of one study (query.studyUid set;
    // for instances possibly one series). Matches are appended to `out`.
    virtual bool findLevel(const Query& query, FindResult* out, QString* error, const std::atomic_bool* cancel) = 0;
    // Transfers the listed instances of the study / series into `folder`; reports each written
    // file through `received` (SOP Instance UID, path). False with a message on failure.
    // `whole`: `instances` are all of the study / series (none is there yet).
    virtual bool transfer(const QString& studyUid, const QString& seriesUid, const QVector<Match>& instances, bool whole,
                          const QString& folder, const std::function<void(const QString&, const QString&)>& received,
                          QString* error, const ProgressFn& progress, const std::atomic_bool* cancel) = 0;
    Server server_;
};

// The name of a retrieved instance's file in its folder.
QString instanceFileName(const QString& sopInstanceUid);
// Whether `uid` is a syntactically valid DICOM UID.
bool isValidUid(const QString& uid);
// Whether `aet` is a valid AE title (1-16 printable ASCII characters, no backslash).
bool isValidAeTitle(const QString& aet);
// The translated word for a cancelled operation ("cancelled").
QString cancelledMessage();

}  // namespace cxr::pacs
