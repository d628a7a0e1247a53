// A small server of the tests' own for what a real PACS will not do: answer a search with
// malformed or endless JSON, accept a connection and never answer, present an untrusted HTTPS
// certificate. Runs in a thread of its own (the client under test blocks in its own loop).
#pragma once

#include <QByteArray>
#include <QFile>
#include <QSemaphore>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <atomic>

namespace cxr::testing {

class StubServer : public QThread {
public:
    enum class Mode {
        Answer,   // HTTP 200 with `body` (malformed answers)
        Endless,  // HTTP 200 whose JSON body never ends
        Silent,   // accepts the connection, never answers (timeouts, HTTP and DIMSE)
        Tls,      // HTTPS with the given (untrusted) certificate, answering `body`
    };

    StubServer(Mode mode, QByteArray body = QByteArray(), QByteArray contentType = "application/dicom+json")
        : mode_(mode), body_(std::move(body)), contentType_(std::move(contentType)) {}
    ~StubServer() override { stop(); }

    void setCertificate(const QString& certPem, const QString& keyPem) {
        certPath_ = certPem;
        keyPath_ = keyPem;
    }

    // Starts listening on a free loopback port; returns it (0 on failure).
    quint16 listen() {
        start();
        ready_.acquire();
        return port_;
    }

    void stop() {
        if (isRunning()) {
            quit();
            wait(10000);
        }
    }

    qint64 bytesSent() const { return sent_; }
    int connections() const { return connections_; }

protected:
    class Listener : public QTcpServer {
    public:
        explicit Listener(StubServer* owner) : owner_(owner) {}

    protected:
        void incomingConnection(qintptr descriptor) override { owner_->accept(descriptor); }

    private:
        StubServer* owner_;
    };

    void run() override {
        Listener server(this);
        if (server.listen(QHostAddress::LocalHost, 0)) port_ = server.serverPort();
        ready_.release();
        if (port_ == 0) return;
        exec();
    }

private:
    void accept(qintptr descriptor) {
        ++connections_;
        QTcpSocket* socket = nullptr;
        if (mode_ == Mode::Tls) {
            auto* ssl = new QSslSocket();
            ssl->setSocketDescriptor(descriptor);
            QFile cert(certPath_), key(keyPath_);
            cert.open(QIODevice::ReadOnly);
            key.open(QIODevice::ReadOnly);
            QSslConfiguration config = QSslConfiguration::defaultConfiguration();
            config.setLocalCertificate(QSslCertificate(cert.readAll()));
            config.setPrivateKey(QSslKey(key.readAll(), QSsl::Rsa));
            config.setPeerVerifyMode(QSslSocket::VerifyNone);
            ssl->setSslConfiguration(config);
            ssl->startServerEncryption();
            socket = ssl;
        } else {
            socket = new QTcpSocket();
            socket->setSocketDescriptor(descriptor);
        }
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        if (mode_ == Mode::Silent) return;
        auto* request = new QByteArray();
        QObject::connect(socket, &QObject::destroyed, [request] { delete request; });
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, request] {
            request->append(socket->readAll());
            if (!request->contains("\r\n\r\n") || request->isEmpty()) return;
            request->clear();
            respond(socket);
        });
    }

    void respond(QTcpSocket* socket) {
        if (mode_ == Mode::Endless) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: " + contentType_ + "\r\nConnection: close\r\n\r\n[");
            // One more megabyte of matches whenever the last one has left, for at most 1 GiB.
            QByteArray chunk;
            const QByteArray match =
                R"({"0020000D":{"vr":"UI","Value":["1.2.3.4.5.6.7.8.9"]},"00100010":{"vr":"PN","Value":[{"Alphabetic":"Endless^Answer"}]}},)";
            while (chunk.size() < (1 << 20)) chunk += match;
            auto more = [this, socket, chunk] {
                if (sent_ < (1ll << 30) && socket->state() == QAbstractSocket::ConnectedState && socket->bytesToWrite() < (1 << 20)) {
                    socket->write(chunk);
                    sent_ += chunk.size();
                }
            };
            QObject::connect(socket, &QTcpSocket::bytesWritten, socket, more);
            more();
            return;
        }
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: " + contentType_ + "\r\nContent-Length: " +
                      QByteArray::number(body_.size()) + "\r\nConnection: close\r\n\r\n" + body_);
        sent_ += body_.size();
        socket->disconnectFromHost();
    }

    Mode mode_;
    QByteArray body_, contentType_;
    QString certPath_, keyPath_;
    QSemaphore ready_;
    std::atomic<quint16> port_{0};
    std::atomic<qint64> sent_{0};
    std::atomic_int connections_{0};
};

}  // namespace cxr::testing
