// DICOMweb client: QIDO-RS (search), WADO-RS (retrieve, one instance per request), STOW-RS (store)
// over Qt Network. Every request runs in a local event loop with an inactivity timeout, a size limit
// for answers held in memory, cancellation, and certificate checks that are never bypassed.
#include "pacs_internal.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QHttpMultiPart>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRandomGenerator>
#include <QSslError>
#include <QTimer>
#include <QUrlQuery>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>

namespace cxr::pacs {

namespace {

constexpr qint64 kMaxSearchAnswer = 32ll << 20;  // a QIDO answer larger than this is refused
constexpr qint64 kMaxStoreAnswer = 4ll << 20;

// The first value of a DICOM JSON attribute as text ("" when absent). Person names give their
// alphabetic form; numbers their decimal form.
QString jsonValue(const QJsonObject& object, const char* tag) {
    const QJsonValue attribute = object.value(QLatin1String(tag));
    if (!attribute.isObject()) return QString();
    const QJsonArray values = attribute.toObject().value(QLatin1String("Value")).toArray();
    if (values.isEmpty()) return QString();
    const QJsonValue v = values.first();
    if (v.isString()) return v.toString();
    if (v.isDouble()) return QString::number(v.toDouble(), 'g', 15);
    if (v.isObject()) return v.toObject().value(QLatin1String("Alphabetic")).toString();
    return QString();
}

QStringList jsonValues(const QJsonObject& object, const char* tag) {
    QStringList out;
    const QJsonArray values = object.value(QLatin1String(tag)).toObject().value(QLatin1String("Value")).toArray();
    for (const QJsonValue& v : values)
        if (v.isString() && !v.toString().isEmpty()) out << v.toString();
    return out;
}

int jsonInt(const QJsonObject& object, const char* tag) {
    bool ok = false;
    const int v = jsonValue(object, tag).toInt(&ok);
    return ok ? v : -1;
}

// The parameter `name` of a Content-Type value (quotes removed).
QByteArray contentTypeParameter(const QByteArray& contentType, const QByteArray& name) {
    for (QByteArray part : contentType.split(';')) {
        part = part.trimmed();
        const int eq = int(part.indexOf('='));
        if (eq > 0 && part.left(eq).trimmed().toLower() == name) {
            QByteArray v = part.mid(eq + 1).trimmed();
            if (v.size() >= 2 && v.startsWith('"') && v.endsWith('"')) v = v.mid(1, v.size() - 2);
            return v;
        }
    }
    return QByteArray();
}

struct Request {
    QByteArray method = "GET";
    QUrl url;
    QByteArray accept;
    QHttpMultiPart* multipart = nullptr;  // POST body (owned by the caller)
    QByteArray contentType;
    QIODevice* sink = nullptr;            // receives the body instead of memory
    qint64 maxBytes = kMaxSearchAnswer;   // for the in-memory body
};

struct Reply {
    int status = 0;
    QByteArray body, contentType;
    QString error;                        // transport failure, "" when an HTTP answer came
};

class DicomWebClient final : public Client {
public:
    DicomWebClient(const Server& server, const QString& password) : Client(server), password_(password) {
        quietDcmtk();
    }

    bool echo(QString* error) override {
        Query q;
        q.limit = 1;
        FindResult r;
        return findLevel(q, &r, error, nullptr);
    }

    bool store(const QStringList& files, QVector<StoreResult>* out, QString* error, const ProgressFn& progress,
               const std::atomic_bool* cancel) override;

protected:
    bool findLevel(const Query& query, FindResult* out, QString* error, const std::atomic_bool* cancel) override;
    bool transfer(const QString& studyUid, const QString& seriesUid, const QVector<Match>& instances, bool whole,
                  const QString& folder, const std::function<void(const QString&, const QString&)>& received,
                  QString* error, const ProgressFn& progress, const std::atomic_bool* cancel) override;

private:
    QUrl endpoint(const QString& path) const {
        QUrl u = server_.url;
        u.setPath(u.path() + path);
        return u;
    }
    bool perform(const Request& request, Reply* reply, const std::atomic_bool* cancel,
                 const std::function<void(qint64)>& bytes = {});
    // A message for an HTTP status that is not a success.
    QString httpError(const Reply& reply, const QString& what) const;

    QNetworkAccessManager nam_;
    QString password_;
};

bool DicomWebClient::perform(const Request& request, Reply* reply, const std::atomic_bool* cancel,
                             const std::function<void(qint64)>& bytes) {
    *reply = Reply();
    QNetworkRequest req(request.url);
    req.setRawHeader("Accept", request.accept);
    req.setRawHeader("User-Agent", "CXR-Ground");
    if (!request.contentType.isEmpty()) req.setHeader(QNetworkRequest::ContentTypeHeader, request.contentType);
    if (!server_.user.isEmpty())
        req.setRawHeader("Authorization", "Basic " + (server_.user + QLatin1Char(':') + password_).toUtf8().toBase64());
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);

    QNetworkReply* r = request.method == "POST" ? nam_.post(req, request.multipart) : nam_.get(req);
    // Qt's network thread reads ahead only this far: a server that sends without end cannot fill
    // our memory before the size limit is checked.
    r->setReadBufferSize(4 << 20);
    QEventLoop loop;
    QTimer idle, poll;
    idle.setSingleShot(true);
    idle.setInterval(std::max(1, server_.timeoutSeconds) * 1000);
    poll.setInterval(100);
    bool timedOut = false, cancelled = false, tooLarge = false, sinkFailed = false;
    QStringList sslErrors;
    qint64 received = 0;
    QObject::connect(r, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&idle, &QTimer::timeout, r, [&] {
        timedOut = true;
        r->abort();
    });
    QObject::connect(&poll, &QTimer::timeout, r, [&] {
        if (cancel && *cancel && !cancelled) {
            cancelled = true;
            r->abort();
        }
    });
    QObject::connect(r, &QNetworkReply::uploadProgress, r, [&](qint64, qint64) { idle.start(); });
    QObject::connect(r, &QNetworkReply::readyRead, r, [&] {
        idle.start();
        const QByteArray chunk = r->readAll();
        received += chunk.size();
        if (request.sink) {
            if (request.sink->write(chunk) != chunk.size()) {
                sinkFailed = true;
                r->abort();
            }
        } else if (reply->body.size() + chunk.size() > request.maxBytes) {
            tooLarge = true;
            r->abort();
        } else {
            reply->body += chunk;
        }
        if (bytes) bytes(received);
    });
    QObject::connect(r, &QNetworkReply::sslErrors, r, [&](const QList<QSslError>& errors) {
        for (const QSslError& e : errors) sslErrors << e.errorString();  // never ignored
    });
    idle.start();
    poll.start();
    if (!r->isFinished()) loop.exec(QEventLoop::ExcludeUserInputEvents);
    idle.stop();
    poll.stop();
    if (!cancelled && !tooLarge && !timedOut) {
        const QByteArray rest = r->readAll();
        if (request.sink) sinkFailed = sinkFailed || request.sink->write(rest) != rest.size();
        else if (reply->body.size() + rest.size() > request.maxBytes) tooLarge = true;
        else reply->body += rest;
    }
    reply->status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->contentType = r->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    const QNetworkReply::NetworkError netError = r->error();
    const QString netText = r->errorString();
    r->disconnect();
    r->deleteLater();
    const QString host = server_.url.host();
    if (cancelled) {
        reply->error = cancelledMessage();
        return false;
    }
    if (tooLarge) {
        reply->error = PacsText::tr("The answer of %1 is larger than %2 MiB: refused (narrow the search).")
                           .arg(server_.label()).arg(request.maxBytes >> 20);
        return false;
    }
    if (sinkFailed) {
        reply->error = PacsText::tr("Cannot write what %1 sends to disk (disk full or folder not writable).").arg(server_.label());
        return false;
    }
    if (timedOut) {
        reply->error = PacsText::tr("%1 did not answer within %2 s.").arg(server_.label()).arg(server_.timeoutSeconds);
        return false;
    }
    if (!sslErrors.isEmpty() || netError == QNetworkReply::SslHandshakeFailedError) {
        reply->error = PacsText::tr("The HTTPS certificate of %1 is not trusted: %2. CXR Ground does not connect to servers whose "
                          "certificate it cannot verify; install the server's certificate authority in the system's "
                          "trust store (or fix the server's certificate).")
                           .arg(host, sslErrors.isEmpty() ? netText : sslErrors.join(QStringLiteral("; ")));
        return false;
    }
    if (reply->status > 0) return true;  // an HTTP answer, whatever its status
    switch (netError) {
    case QNetworkReply::ConnectionRefusedError:
        reply->error = PacsText::tr("%1 refused the connection (is the server running, and is the port right?).").arg(server_.label());
        break;
    case QNetworkReply::HostNotFoundError:
        reply->error = PacsText::tr("The host %1 was not found.").arg(host);
        break;
    case QNetworkReply::RemoteHostClosedError:
        reply->error = PacsText::tr("%1 closed the connection before answering.").arg(server_.label());
        break;
    default:
        reply->error = PacsText::tr("Cannot reach %1: %2.").arg(server_.label(), netText);
        break;
    }
    return false;
}

QString DicomWebClient::httpError(const Reply& reply, const QString& what) const {
    if (reply.status == 401)
        return server_.user.isEmpty()
                   ? PacsText::tr("%1 requires a user name and password (HTTP 401): set the user and the password.").arg(server_.label())
                   : PacsText::tr("%1 refused the user name or password of %2 (HTTP 401).").arg(server_.label(), server_.user);
    if (reply.status == 403) return PacsText::tr("%1 denied access to %2 (HTTP 403).").arg(server_.label(), what);
    if (reply.status == 404) return PacsText::tr("%1 has no %2 (HTTP 404).").arg(server_.label(), what);
    return PacsText::tr("%1 answered HTTP %2 to the request for %3.").arg(server_.label()).arg(reply.status).arg(what);
}

bool DicomWebClient::findLevel(const Query& query, FindResult* out, QString* error, const std::atomic_bool* cancel) {
    QString path;
    QUrlQuery params;
    auto add = [&](const char* key, const QString& value) {
        if (!value.isEmpty()) params.addQueryItem(QLatin1String(key), value);
    };
    switch (query.level) {
    case Level::Study:
        path = QStringLiteral("/studies");
        add("StudyInstanceUID", query.studyUid);
        add("ModalitiesInStudy", query.modality);
        for (const char* f : {"00080020", "00080030", "00080050", "00080061", "00081030", "00100010", "00100020", "00201208"})
            params.addQueryItem(QStringLiteral("includefield"), QLatin1String(f));
        break;
    case Level::Series:
        path = QStringLiteral("/studies/%1/series").arg(query.studyUid);
        add("SeriesInstanceUID", query.seriesUid);
        add("Modality", query.modality);
        for (const char* f : {"00080060", "0008103E", "00200011", "00201209"})
            params.addQueryItem(QStringLiteral("includefield"), QLatin1String(f));
        break;
    case Level::Instance:
        path = query.seriesUid.isEmpty() ? QStringLiteral("/studies/%1/instances").arg(query.studyUid)
                                         : QStringLiteral("/studies/%1/series/%2/instances").arg(query.studyUid, query.seriesUid);
        for (const char* f : {"00080016", "00080018", "0020000E", "00200013"})
            params.addQueryItem(QStringLiteral("includefield"), QLatin1String(f));
        break;
    }
    if (query.level == Level::Study) {
        add("PatientID", query.patientId);
        add("PatientName", query.patientName);
        add("AccessionNumber", query.accession);
        if (!query.dateFrom.isEmpty() || !query.dateTo.isEmpty())
            add("StudyDate", query.dateFrom == query.dateTo ? query.dateFrom : query.dateFrom + QLatin1Char('-') + query.dateTo);
    }
    params.addQueryItem(QStringLiteral("limit"), QString::number(query.limit + 1));
    QUrl url = endpoint(path);
    url.setQuery(params);

    Request request;
    request.url = url;
    request.accept = "application/dicom+json, application/json";
    Reply reply;
    auto bad = [&](const QString& why) {
        if (error) *error = why;
        return false;
    };
    if (!perform(request, &reply, cancel)) return bad(reply.error);
    if (reply.status == 204) return true;  // no match
    if (reply.status == 404 && query.level != Level::Study) return true;  // unknown study / series: no match
    if (reply.status < 200 || reply.status >= 300) return bad(httpError(reply, PacsText::tr("the search")));
    if (reply.body.trimmed().isEmpty()) return true;
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(reply.body, &parse);
    if (parse.error != QJsonParseError::NoError)
        return bad(PacsText::tr("The answer of %1 to the search is not valid JSON (%2 at byte %3).")
                       .arg(server_.label(), parse.errorString()).arg(parse.offset));
    if (!doc.isArray()) return bad(PacsText::tr("The answer of %1 to the search is not a DICOM JSON list of matches.").arg(server_.label()));
    const QJsonArray array = doc.array();
    for (const QJsonValue& v : array) {
        if (!v.isObject()) return bad(PacsText::tr("The answer of %1 to the search is not a DICOM JSON list of matches.").arg(server_.label()));
        if (int(out->matches.size()) >= query.limit) {
            out->truncated = true;
            break;
        }
        const QJsonObject o = v.toObject();
        Match m;
        m.level = query.level;
        m.studyUid = jsonValue(o, "0020000D");
        if (m.studyUid.isEmpty()) m.studyUid = query.studyUid;
        m.seriesUid = jsonValue(o, "0020000E");
        m.sopInstanceUid = jsonValue(o, "00080018");
        m.sopClassUid = jsonValue(o, "00080016");
        m.patientName = jsonValue(o, "00100010");
        m.patientId = jsonValue(o, "00100020");
        m.studyDate = jsonValue(o, "00080020");
        m.studyTime = jsonValue(o, "00080030");
        m.accession = jsonValue(o, "00080050");
        if (query.level == Level::Study) {
            m.description = jsonValue(o, "00081030");
            m.modalities = jsonValues(o, "00080061");
            m.instances = jsonInt(o, "00201208");
        } else {
            m.description = jsonValue(o, "0008103E");
            m.modalities = jsonValues(o, "00080060");
            m.seriesNumber = jsonInt(o, "00200011");
            m.instanceNumber = jsonInt(o, "00200013");
            m.instances = query.level == Level::Series ? jsonInt(o, "00201209") : 1;
        }
        const QString& key = query.level == Level::Study ? m.studyUid : query.level == Level::Series ? m.seriesUid : m.sopInstanceUid;
        if (!isValidUid(key))
            return bad(PacsText::tr("The answer of %1 to the search holds a match without a valid UID (\"%2\").").arg(server_.label(), key.left(80)));
        out->matches << m;
    }
    return true;
}

// The first part of a multipart/related body in `data` (the whole body when not multipart).
bool firstPart(const QByteArray& data, const QByteArray& contentType, qsizetype* begin, qsizetype* length) {
    if (!contentType.trimmed().toLower().startsWith("multipart/")) {
        *begin = 0;
        *length = data.size();
        return true;
    }
    const QByteArray boundary = contentTypeParameter(contentType, "boundary");
    if (boundary.isEmpty()) return false;
    const QByteArray delimiter = "--" + boundary;
    qsizetype start = data.indexOf(delimiter);
    if (start < 0) return false;
    start = data.indexOf("\r\n\r\n", start + delimiter.size());  // end of the part's headers
    if (start < 0) return false;
    start += 4;
    const qsizetype end = data.indexOf("\r\n" + delimiter, start);
    if (end < 0) return false;
    *begin = start;
    *length = end - start;
    return true;
}

bool DicomWebClient::transfer(const QString& studyUid, const QString&, const QVector<Match>& instances, bool,
                              const QString& folder, const std::function<void(const QString&, const QString&)>& received,
                              QString* error, const ProgressFn& progress, const std::atomic_bool* cancel) {
    const QDir dir(folder);
    qint64 total = 0;
    auto bad = [&](const QString& why) {
        if (error) *error = why;
        return false;
    };
    for (const Match& m : instances) {
        if (cancel && *cancel) return bad(cancelledMessage());
        const QString target = dir.absoluteFilePath(instanceFileName(m.sopInstanceUid));
        const QString download = dir.absoluteFilePath(QStringLiteral(".%1.wado.part").arg(m.sopInstanceUid));
        const QString staged = dir.absoluteFilePath(QStringLiteral(".%1.dcm.part").arg(m.sopInstanceUid));
        QFile sink(download);
        if (!sink.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return bad(PacsText::tr("Cannot write into the folder %1: %2.").arg(QDir::toNativeSeparators(folder), sink.errorString()));
        Request request;
        request.url = endpoint(QStringLiteral("/studies/%1/series/%2/instances/%3").arg(studyUid, m.seriesUid, m.sopInstanceUid));
        request.accept = "multipart/related; type=\"application/dicom\"; transfer-syntax=*";
        request.sink = &sink;
        Reply reply;
        const qint64 before = total;
        bool ok = perform(request, &reply, cancel, [&](qint64 n) {
            total = before + n;
            if (progress) {
                Progress p;
                p.bytes = total;
                p.current = m.sopInstanceUid;
                progress(p);
            }
        });
        if (ok && reply.status == 406) {
            // The server cannot send the stored transfer syntax as it is: take its default.
            sink.resize(0);
            sink.seek(0);
            request.accept = "multipart/related; type=\"application/dicom\"";
            ok = perform(request, &reply, cancel);
        }
        sink.close();
        auto cleanup = [&] {
            QFile::remove(download);
            QFile::remove(staged);
        };
        if (!ok) {
            cleanup();
            return bad(reply.error);
        }
        if (reply.status < 200 || reply.status >= 300) {
            cleanup();
            return bad(httpError(reply, PacsText::tr("instance %1").arg(m.sopInstanceUid)));
        }
        // Take the DICOM file out of the multipart answer (mapped, not read into memory).
        QFile body(download);
        if (!body.open(QIODevice::ReadOnly)) {
            cleanup();
            return bad(PacsText::tr("Cannot read back %1.").arg(QDir::toNativeSeparators(download)));
        }
        uchar* mapped = body.size() > 0 ? body.map(0, body.size()) : nullptr;
        const QByteArray data = mapped ? QByteArray::fromRawData(reinterpret_cast<const char*>(mapped), body.size()) : QByteArray();
        qsizetype begin = 0, length = 0;
        if (!firstPart(data, reply.contentType, &begin, &length) || length < 132) {
            cleanup();
            return bad(PacsText::tr("%1 sent no DICOM file for instance %2 (content type \"%3\").")
                           .arg(server_.label(), m.sopInstanceUid, QString::fromLatin1(reply.contentType)));
        }
        QFile out(staged);
        bool written = out.open(QIODevice::WriteOnly | QIODevice::Truncate) && out.write(data.constData() + begin, length) == length;
        written = out.flush() && written;
        out.close();
        body.close();
        QFile::remove(download);
        if (!written) {
            cleanup();
            return bad(PacsText::tr("Cannot write %1 (disk full?).").arg(QDir::toNativeSeparators(target)));
        }
        // It must be the instance asked for.
        DcmFileFormat check;
        OFString uid;
        if (check.loadFileUntilTag(OFFilename(QFile::encodeName(staged).constData()), EXS_Unknown, EGL_noChange,
                                   DCM_MaxReadLength, ERM_autoDetect, DCM_PixelData).bad() ||
            check.getDataset()->findAndGetOFString(DCM_SOPInstanceUID, uid).bad() ||
            QString::fromLatin1(uid.c_str()) != m.sopInstanceUid) {
            cleanup();
            return bad(PacsText::tr("%1 sent a file that is not the DICOM instance %2.").arg(server_.label(), m.sopInstanceUid));
        }
        QFile::remove(target);
        if (!QFile::rename(staged, target)) {
            cleanup();
            return bad(PacsText::tr("Cannot write %1.").arg(QDir::toNativeSeparators(target)));
        }
        received(m.sopInstanceUid, target);
        if (progress) {
            Progress p;
            p.bytes = total;
            p.current = m.sopInstanceUid;
            progress(p);
        }
    }
    return true;
}

bool DicomWebClient::store(const QStringList& files, QVector<StoreResult>* out, QString* error,
                           const ProgressFn& progress, const std::atomic_bool* cancel) {
    out->clear();
    qint64 sent = 0;
    int done = 0;
    for (const QString& path : files) {
        if (cancel && *cancel) {
            if (error) *error = cancelledMessage();
            return false;
        }
        StoreResult result;
        DcmFileFormat header;
        OFString uid;
        if (header.loadFileUntilTag(OFFilename(QFile::encodeName(path).constData()), EXS_Unknown, EGL_noChange,
                                    DCM_MaxReadLength, ERM_autoDetect, DCM_PixelData).bad() ||
            header.getDataset()->findAndGetOFString(DCM_SOPInstanceUID, uid).bad() || uid.empty()) {
            result.status = PacsText::tr("not sent: not a readable DICOM file");
            *out << result;
            continue;
        }
        result.sopInstanceUid = QString::fromLatin1(uid.c_str());
        auto* file = new QFile(path);
        if (!file->open(QIODevice::ReadOnly)) {
            result.status = PacsText::tr("not sent: %1").arg(file->errorString());
            delete file;
            *out << result;
            continue;
        }
        const QByteArray boundary = "cxrg-" + QByteArray::number(QRandomGenerator::global()->generate64(), 36);
        QHttpMultiPart multipart(QHttpMultiPart::RelatedType);
        multipart.setBoundary(boundary);
        QHttpPart part;
        part.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/dicom"));
        part.setBodyDevice(file);
        file->setParent(&multipart);
        multipart.append(part);
        Request request;
        request.method = "POST";
        request.url = endpoint(QStringLiteral("/studies"));
        request.accept = "application/dicom+json, application/json";
        request.multipart = &multipart;
        request.contentType = "multipart/related; type=\"application/dicom\"; boundary=" + boundary;
        request.maxBytes = kMaxStoreAnswer;
        Reply reply;
        if (!perform(request, &reply, cancel)) {
            if (error) *error = reply.error;
            return false;
        }
        if (reply.status == 401 || reply.status == 403) {
            if (error) *error = httpError(reply, PacsText::tr("storing"));
            return false;
        }
        // The answer lists the stored (Referenced SOP Sequence) and failed (Failed SOP Sequence) instances.
        const QJsonDocument doc = QJsonDocument::fromJson(reply.body);
        const QJsonObject o = doc.isArray() && !doc.array().isEmpty() ? doc.array().first().toObject() : doc.object();
        QString failure;
        for (const QJsonValue& item : o.value(QLatin1String("00081198")).toObject().value(QLatin1String("Value")).toArray()) {
            const QJsonObject f = item.toObject();
            if (jsonValue(f, "00081155") == result.sopInstanceUid || failure.isEmpty())
                failure = PacsText::tr("failure reason 0x%1").arg(jsonValue(f, "00081197").toUInt(), 4, 16, QLatin1Char('0'));
        }
        bool referenced = false;
        for (const QJsonValue& item : o.value(QLatin1String("00081199")).toObject().value(QLatin1String("Value")).toArray())
            referenced = referenced || jsonValue(item.toObject(), "00081155") == result.sopInstanceUid;
        if (reply.status >= 200 && reply.status < 300 && failure.isEmpty() && (referenced || reply.body.trimmed().isEmpty())) {
            result.ok = true;
            result.status = reply.status == 202 ? PacsText::tr("stored with warnings (HTTP 202)") : PacsText::tr("stored");
        } else if (!failure.isEmpty()) {
            result.status = PacsText::tr("refused by the server (HTTP %1, %2)").arg(reply.status).arg(failure);
        } else {
            result.status = PacsText::tr("refused by the server (HTTP %1)").arg(reply.status);
        }
        sent += QFileInfo(path).size();
        *out << result;
        if (progress) {
            Progress p;
            p.done = ++done;
            p.total = int(files.size());
            p.bytes = sent;
            p.current = path;
            progress(p);
        }
    }
    return true;
}

}  // namespace

std::unique_ptr<Client> createDicomWebClient(const Server& server, const QString& password) {
    return std::make_unique<DicomWebClient>(server, password);
}

}  // namespace cxr::pacs
