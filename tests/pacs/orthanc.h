// A real PACS for the tests: Debian's Orthanc with its DICOMweb plugin, started on free loopback
// ports with a temporary storage folder and configuration (DICOMweb on, DIMSE on, one user with a
// password, our AE title registered for C-GET / C-MOVE). It never touches a system-wide Orthanc.
// Stopped whatever happens: by the destructor when a test function returns or fails, and by the
// kernel (PR_SET_PDEATHSIG) when the test process itself dies or is killed.
#pragma once

#include "pacs/pacs.h"

#include <QByteArray>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>
#include <QEventLoop>
#include <QTimer>

#include <csignal>
#include <memory>

#include <sys/prctl.h>

namespace cxr::testing {

inline const char* kOrthancPlugin = "/usr/share/orthanc/plugins/libOrthancDicomWeb.so";

// A TCP port nobody listens on at the moment (loopback).
inline quint16 freePort() {
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0)) return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

class Orthanc {
public:
    QString user = QStringLiteral("cxrg"), password = QStringLiteral("s3cret pass");
    QString aet = QStringLiteral("ORTHANCTEST"), ourAet = QStringLiteral("CXRGTEST");
    quint16 httpPort = 0, dicomPort = 0, movePort = 0;

    ~Orthanc() { stop(); }

    static QString executable() {
        const QString e = QStandardPaths::findExecutable(QStringLiteral("Orthanc"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
        return e;
    }
    static bool available(QString* why) {
        if (executable().isEmpty()) {
            *why = QStringLiteral("Orthanc is not installed (apt package orthanc)");
            return false;
        }
        if (!QFile::exists(QLatin1String(kOrthancPlugin))) {
            *why = QStringLiteral("the Orthanc DICOMweb plugin is not installed (apt package orthanc-dicomweb)");
            return false;
        }
        return true;
    }

    // Starts a fresh server; false with the reason (and Orthanc's log) when it does not come up.
    // A port taken between choosing and binding it (tests run in parallel) means another try.
    bool start(QString* error) {
        for (int attempt = 0; attempt < 3; ++attempt)
            if (startOnce(error)) return true;
        return false;
    }

private:
    bool startOnce(QString* error) {
        if (!available(error)) return false;
        dir_ = std::make_unique<QTemporaryDir>();
        if (!dir_->isValid()) {
            *error = QStringLiteral("no temporary folder");
            return false;
        }
        httpPort = freePort();
        dicomPort = freePort();
        while (dicomPort == httpPort) dicomPort = freePort();
        movePort = freePort();
        while (movePort == httpPort || movePort == dicomPort) movePort = freePort();
        QDir().mkpath(dir_->filePath(QStringLiteral("storage")));
        QJsonObject users{{user, password}};
        QJsonObject modalities{{QStringLiteral("cxrg"), QJsonArray{ourAet, QStringLiteral("127.0.0.1"), int(movePort)}}};
        QJsonObject config{
            {QStringLiteral("Name"), QStringLiteral("CXRG-TEST")},
            {QStringLiteral("StorageDirectory"), dir_->filePath(QStringLiteral("storage"))},
            {QStringLiteral("IndexDirectory"), dir_->filePath(QStringLiteral("storage"))},
            {QStringLiteral("HttpPort"), int(httpPort)},
            {QStringLiteral("DicomPort"), int(dicomPort)},
            {QStringLiteral("DicomAet"), aet},
            {QStringLiteral("RemoteAccessAllowed"), false},
            {QStringLiteral("AuthenticationEnabled"), true},
            {QStringLiteral("RegisteredUsers"), users},
            {QStringLiteral("DicomCheckCalledAet"), true},
            {QStringLiteral("DicomModalities"), modalities},
            {QStringLiteral("Plugins"), QJsonArray{QString::fromLatin1(kOrthancPlugin)}},
            {QStringLiteral("DicomWeb"), QJsonObject{{QStringLiteral("Enable"), true}, {QStringLiteral("Root"), QStringLiteral("/dicom-web/")}}},
            {QStringLiteral("StorageCompression"), false},
            {QStringLiteral("SaveJobs"), false},
            {QStringLiteral("HttpDescribeErrors"), true},
            {QStringLiteral("DicomScuTimeout"), 10},
            {QStringLiteral("ConcurrentJobs"), 1},
        };
        const QString configPath = dir_->filePath(QStringLiteral("orthanc.json"));
        QFile f(configPath);
        if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(config).toJson()) <= 0) {
            *error = QStringLiteral("cannot write the Orthanc configuration");
            return false;
        }
        f.close();
        process_ = std::make_unique<QProcess>();
        process_->setProcessChannelMode(QProcess::MergedChannels);
        process_->setStandardOutputFile(dir_->filePath(QStringLiteral("orthanc.log")));
        // Dies with the test process, however that ends.
        process_->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
        process_->start(executable(), {configPath});
        if (!process_->waitForStarted(10000)) {
            *error = QStringLiteral("Orthanc did not start: ") + process_->errorString();
            return false;
        }
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 60000) {
            if (process_->state() != QProcess::Running) break;
            int status = 0;
            rest("GET", QStringLiteral("/system"), QByteArray(), &status);
            if (status == 200) return true;
            QThread::msleep(100);
        }
        *error = QStringLiteral("Orthanc did not come up; its log:\n") + log();
        stop();
        return false;
    }

public:
    // Stops it (SIGTERM, then SIGKILL after 10 s).
    void stop() {
        if (!process_) return;
        if (process_->state() != QProcess::NotRunning) {
            process_->terminate();
            if (!process_->waitForFinished(10000)) {
                process_->kill();
                process_->waitForFinished(5000);
            }
        }
        process_.reset();
    }

    // The server dies now, as in a crash or a pulled cable.
    void kill() {
        if (process_ && process_->state() != QProcess::NotRunning) {
            process_->kill();
            process_->waitForFinished(5000);
        }
    }

    bool running() const { return process_ && process_->state() == QProcess::Running; }

    QString log() const {
        QFile f(dir_ ? dir_->filePath(QStringLiteral("orthanc.log")) : QString());
        return f.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(f.readAll().right(4000)) : QString();
    }

    // Orthanc's own REST API (authenticated); the body of the answer.
    QByteArray rest(const QByteArray& method, const QString& path, const QByteArray& body, int* status) {
        QNetworkAccessManager nam;
        QNetworkRequest req(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(httpPort).arg(path)));
        req.setRawHeader("Authorization", "Basic " + (user + QLatin1Char(':') + password).toUtf8().toBase64());
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/dicom"));
        QNetworkReply* r = nam.sendCustomRequest(req, method, body);
        QEventLoop loop;
        QObject::connect(r, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        loop.exec();
        *status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray answer = r->readAll();
        r->deleteLater();
        return answer;
    }

    // Seeds a file through the REST API (POST /instances).
    bool upload(const QString& file, QString* error) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read ") + file;
            return false;
        }
        int status = 0;
        const QByteArray answer = rest("POST", QStringLiteral("/instances"), f.readAll(), &status);
        if (status != 200) {
            *error = QStringLiteral("Orthanc refused %1 (HTTP %2): %3").arg(file).arg(status).arg(QString::fromUtf8(answer));
            return false;
        }
        return true;
    }

    pacs::Server dicomweb() const {
        pacs::Server s;
        s.kind = pacs::Kind::DicomWeb;
        s.url = QUrl(QStringLiteral("http://127.0.0.1:%1/dicom-web").arg(httpPort));
        s.user = user;
        s.timeoutSeconds = 20;
        return s;
    }
    pacs::Server dimse(pacs::RetrieveMode mode = pacs::RetrieveMode::Get) const {
        pacs::Server s;
        s.kind = pacs::Kind::Dimse;
        s.calledAet = aet;
        s.host = QStringLiteral("127.0.0.1");
        s.port = dicomPort;
        s.callingAet = ourAet;
        s.retrieve = mode;
        s.movePort = movePort;
        s.timeoutSeconds = 20;
        return s;
    }
    QString dicomwebSpec() const { return QStringLiteral("dicomweb:http://127.0.0.1:%1/dicom-web").arg(httpPort); }
    QString dimseSpec() const { return QStringLiteral("dimse:%1@127.0.0.1:%2").arg(aet).arg(dicomPort); }

private:
    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<QProcess> process_;
};

}  // namespace cxr::testing
