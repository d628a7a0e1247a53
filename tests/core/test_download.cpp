// Model downloader against a local HTTP/1.1 server serving tests/data/model-small: full download,
// resume after a dropped connection, a stall or a cancel, HTTP errors, checksum mismatch, redirects,
// refusal of an existing folder, unwritable targets.
#include "download/downloader.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

using namespace cxr::download;

namespace {

const QString kFixture = QStringLiteral(CXRG_TEST_DATA "/model-small");
constexpr int kWaitMs = 30000;

QByteArray readAll(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {};
  return f.readAll();
}

// Minimal HTTP/1.1 server: GET only, one request per connection ("Connection: close").
// "/<anything>/<relative path>" serves <root>/<relative path>.
class TestServer : public QTcpServer {
 public:
  struct Request {
    QString path;
    QByteArray range;
  };

  explicit TestServer(const QString& root) : m_root(root) {
    connect(this, &QTcpServer::newConnection, this, [this] {
      while (QTcpSocket* s = nextPendingConnection()) {
        ++m_open;
        m_lastEvent.start();
        connect(s, &QTcpSocket::readyRead, this, [this, s] { onData(s); });
        connect(s, &QTcpSocket::disconnected, this, [this, s] {
          --m_open;
          m_lastEvent.start();
          s->deleteLater();
        });
      }
    });
    m_lastEvent.start();
    listen(QHostAddress::LocalHost, 0);
  }

  QString base() const { return QStringLiteral("http://127.0.0.1:%1").arg(serverPort()); }

  // Behaviours (keys are request paths, e.g. "/text/tokenizer/vocab.json").
  QHash<QString, qint64> dropAfter;   // first request: send K body bytes, then close
  QHash<QString, qint64> stallAfter;  // first request: send K body bytes, then stay silent
  QSet<QString> notFound;
  QSet<QString> unavailableOnce;      // first request: 503
  QSet<QString> wrongContent;         // same size, one byte changed
  QHash<QString, QString> redirects;  // path -> path (302)
  bool ignoreRange = false;

  QList<Request> requests;
  int count(const QString& path) const {
    int n = 0;
    for (const Request& r : requests) n += r.path == path;
    return n;
  }
  // Runs the event loop until every connection that reached the server is handled and closed
  // and nothing has happened for `quietMs`: a request the network stack repeated after the client
  // gave up is then recorded (it lives in this thread, so only the event loop records it).
  bool waitIdle(int quietMs = 300, int maxMs = 20000) {
    QElapsedTimer total;
    total.start();
    while (total.elapsed() < maxMs) {
      QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
      if (m_open == 0 && !hasPendingConnections() && m_lastEvent.elapsed() >= quietMs) return true;
      QThread::msleep(5);
    }
    return false;
  }

  QList<QByteArray> ranges(const QString& path) const {
    QList<QByteArray> out;
    for (const Request& r : requests)
      if (r.path == path) out.append(r.range);
    return out;
  }

 private:
  void onData(QTcpSocket* s) {
    m_lastEvent.start();
    QByteArray& buf = m_buffers[s];
    buf += s->readAll();
    const int end = int(buf.indexOf("\r\n\r\n"));
    if (end < 0) return;
    const QList<QByteArray> lines = buf.left(end).split('\n');
    m_buffers.remove(s);
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    Request req;
    req.path = QString::fromLatin1(requestLine.value(1));
    for (int i = 1; i < lines.size(); ++i) {
      const QByteArray line = lines.at(i).trimmed();
      const int colon = int(line.indexOf(':'));
      if (colon > 0 && line.left(colon).trimmed().toLower() == "range") req.range = line.mid(colon + 1).trimmed();
    }
    requests.append(req);
    respond(s, req);
  }

  static void send(QTcpSocket* s, const QByteArray& status, const QList<QByteArray>& headers, const QByteArray& body,
                   qint64 contentLength) {
    QByteArray out = "HTTP/1.1 " + status + "\r\n";
    for (const QByteArray& h : headers) out += h + "\r\n";
    out += "Content-Length: " + QByteArray::number(contentLength) + "\r\nConnection: close\r\n\r\n";
    out += body;
    s->write(out);
  }

  void respond(QTcpSocket* s, const Request& req) {
    if (redirects.contains(req.path)) {
      send(s, "302 Found", {"Location: " + (base() + redirects.value(req.path)).toLatin1()}, {}, 0);
      s->disconnectFromHost();
      return;
    }
    if (unavailableOnce.remove(req.path)) {
      const QByteArray body = "busy\n";
      send(s, "503 Service Unavailable", {"Content-Type: text/plain"}, body, body.size());
      s->disconnectFromHost();
      return;
    }
    const int slash = int(req.path.indexOf(QLatin1Char('/'), 1));
    const QString rel = slash > 0 ? req.path.mid(slash + 1) : QString();
    const QString file = m_root + QLatin1Char('/') + rel;
    if (notFound.contains(req.path) || rel.isEmpty() || rel.contains(QLatin1String("..")) ||
        !QFileInfo(file).isFile()) {
      const QByteArray body = "not found\n";
      send(s, "404 Not Found", {"Content-Type: text/plain"}, body, body.size());
      s->disconnectFromHost();
      return;
    }
    QByteArray data = readAll(file);
    if (wrongContent.contains(req.path) && !data.isEmpty()) data[data.size() / 2] = char(data.at(data.size() / 2) ^ 0x5a);
    const qint64 size = data.size();
    qint64 from = 0;
    QByteArray status = "200 OK";
    QList<QByteArray> headers{"Content-Type: application/octet-stream"};
    if (!ignoreRange && req.range.startsWith("bytes=") && req.range.endsWith('-')) {
      from = req.range.mid(6, req.range.size() - 7).toLongLong();
      if (from >= size) {
        send(s, "416 Range Not Satisfiable", {"Content-Range: bytes */" + QByteArray::number(size)}, {}, 0);
        s->disconnectFromHost();
        return;
      }
      status = "206 Partial Content";
      headers.append("Content-Range: bytes " + QByteArray::number(from) + '-' + QByteArray::number(size - 1) + '/' +
                     QByteArray::number(size));
    }
    const QByteArray body = data.mid(from);
    if (dropAfter.contains(req.path)) {
      const qint64 k = dropAfter.take(req.path);
      send(s, status, headers, body.left(k), body.size());
      s->disconnectFromHost();  // after flushing the K bytes: the client sees a short body
      return;
    }
    if (stallAfter.contains(req.path)) {
      const qint64 k = stallAfter.take(req.path);
      send(s, status, headers, body.left(k), body.size());
      return;  // keep the connection open, send nothing more
    }
    send(s, status, headers, body, body.size());
    s->disconnectFromHost();
  }

  QString m_root;
  QHash<QTcpSocket*, QByteArray> m_buffers;
  int m_open = 0;            // accepted connections not yet closed
  QElapsedTimer m_lastEvent;  // since the last connection, request or close
};

// Full requests, then the transfer resumed at K and never started again from zero: the first
// ranged request asks for "bytes=K-", later ones (a spurious timeout on a loaded machine) only for
// the same or a later offset. The network stack may repeat a request when a connection closes at
// an unlucky moment (CI runs recorded "" twice and "bytes=K-" twice). A failure prints the list.
bool rangedFrom(const QList<QByteArray>& ranges, int i, qint64 k) {
  if (i >= ranges.size() || ranges.at(i) != "bytes=" + QByteArray::number(k) + '-') return false;
  qint64 last = k;
  for (; i < ranges.size(); ++i) {
    const QByteArray& r = ranges.at(i);
    if (!r.startsWith("bytes=") || !r.endsWith('-')) return false;
    bool ok = false;
    const qint64 from = r.mid(6, r.size() - 7).toLongLong(&ok);
    if (!ok || from < last) return false;
    last = from;
  }
  return true;
}

bool resumedFrom(const QList<QByteArray>& ranges, qint64 k) {
  int i = 0;
  while (i < ranges.size() && ranges.at(i).isEmpty()) ++i;
  return i > 0 && rangedFrom(ranges, i, k);
}

struct Result {
  bool finished = false;
  bool ok = false;
  QString message;
};

Result run(Downloader& dl, const QList<FileSpec>& files, const QString& target) {
  QSignalSpy spy(&dl, &Downloader::finished);
  dl.start(files, target);
  Result r;
  if (!spy.wait(kWaitMs)) return r;
  if (qEnvironmentVariableIsSet("CXRG_SHOW_MESSAGES")) qInfo("finished: %s", qPrintable(spy.at(0).at(1).toString()));
  r.finished = true;
  r.ok = spy.at(0).at(0).toBool();
  r.message = spy.at(0).at(1).toString();
  return r;
}

}  // namespace

class TestDownload : public QObject {
  Q_OBJECT

  QList<FileSpec> specs(const TestServer& server) const {
    Sources src;
    src.bundleBaseUrl = server.base() + QStringLiteral("/bundle");
    src.textBaseUrl = server.base() + QStringLiteral("/text/");  // trailing slash is tolerated
    QList<FileSpec> files = modelFiles(src);
    for (FileSpec& f : files) {
      const QByteArray data = readAll(kFixture + QLatin1Char('/') + f.relativePath);
      f.expectedSize = data.size();
      f.sha256Hex = QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
    }
    return files;
  }

  static void verifyComplete(const QString& target, const QList<FileSpec>& files) {
    for (const FileSpec& f : files) {
      const QString got = target + QLatin1Char('/') + f.relativePath;
      QVERIFY2(QFileInfo(got).isFile(), qPrintable(got));
      QVERIFY2(readAll(got) == readAll(kFixture + QLatin1Char('/') + f.relativePath), qPrintable(f.relativePath));
    }
    QDirIterator it(target, QDir::Files, QDirIterator::Subdirectories);
    int n = 0;
    while (it.hasNext()) {
      const QString p = it.next();
      QVERIFY2(!p.endsWith(QLatin1String(".part")), qPrintable(p));
      ++n;
    }
    QCOMPARE(n, int(files.size()));
    QVERIFY(!QFileInfo::exists(stagingFolder(target)));
  }

 private Q_SLOTS:
  void modelFilesLayout() {
    const QList<FileSpec> files = modelFiles();
    QCOMPARE(files.size(), 9);
    QCOMPARE(files.at(0).relativePath, QStringLiteral("configs/inference.json"));
    QCOMPARE(files.at(0).url, QStringLiteral("https://huggingface.co/MONAI/cxr_image_synthesis_latent_diffusion_model/"
                                             "resolve/main/configs/inference.json"));
    QCOMPARE(files.at(4).url, QStringLiteral("https://huggingface.co/stabilityai/stable-diffusion-2-1-base/resolve/"
                                             "main/text_encoder/model.safetensors"));
    for (const FileSpec& f : files) QVERIFY(QFileInfo(kFixture + QLatin1Char('/') + f.relativePath).isFile());
  }

  void fullDownload() {
    TestServer server(kFixture);
    QVERIFY(server.isListening());
    QTemporaryDir tmp;
    const QString target = tmp.filePath(QStringLiteral("model"));
    const QList<FileSpec> files = specs(server);
    Downloader dl;
    QSignalSpy progress(&dl, &Downloader::progress);
    const Result r = run(dl, files, target);
    QVERIFY(r.finished);
    QVERIFY2(r.ok, qPrintable(r.message));
    QVERIFY(!dl.isRunning());
    verifyComplete(target, files);
    for (const FileSpec& f : files) QCOMPARE(server.ranges(QUrl(f.url).path()), QList<QByteArray>{QByteArray()});

    qint64 total = 0;
    for (const FileSpec& f : files) total += f.expectedSize;
    QVERIFY(!progress.isEmpty());
    const Progress last = progress.last().at(0).value<Progress>();
    QCOMPARE(last.fileCount, 9);
    QCOMPARE(last.fileIndex, 8);
    QCOMPARE(last.totalExpected, total);
    QCOMPARE(last.totalReceived, total);
    QCOMPARE(last.fileReceived, last.fileTotal);
    bool sawSpeed = false;
    for (const auto& args : progress) sawSpeed |= args.at(0).value<Progress>().bytesPerSecond > 0;
    QVERIFY(sawSpeed);
  }

  void blockingHelper() {
    TestServer server(kFixture);
    QTemporaryDir tmp;
    const QString target = tmp.filePath(QStringLiteral("model"));
    const QList<FileSpec> files = specs(server).mid(0, 1);
    QString message;
    int calls = 0;
    QVERIFY(downloadBlocking(files, target, &message, [&](const Progress&) { ++calls; }));
    QVERIFY(calls > 0);
    QVERIFY(message.contains(QDir::toNativeSeparators(target)));
    verifyComplete(target, files);
  }

  void interruptedTransferResumes() {
    TestServer server(kFixture);
    const QList<FileSpec> files = specs(server);
    const QString path = QStringLiteral("/text/text_encoder/model.safetensors");
    const qint64 k = 3 * 1000 * 1000 + 7;
    server.dropAfter.insert(path, k);
    QTemporaryDir tmp;
    const QString target = tmp.filePath(QStringLiteral("model"));
    Downloader dl;
    dl.setRetryDelay(10);
    const Result r = run(dl, files, target);
    QVERIFY(r.finished);
    QVERIFY2(r.ok, qPrintable(r.message));
    QVERIFY2(resumedFrom(server.ranges(path), k), server.ranges(path).join(" | ").constData());
    verifyComplete(target, files);
  }

  void retriesExhaustedThenLaterStartResumes() {
    TestServer server(kFixture);
    const QList<FileSpec> files = specs(server);
    const QString path = QStringLiteral("/bundle/models/diffusion_model.pth");
    const qint64 k = 1234567;
    server.dropAfter.insert(path, k);
    QTemporaryDir tmp;
    const QString target = tmp.filePath(QStringLiteral("model"));
    Downloader dl;
    dl.setMaxRetries(0);
    Result r = run(dl, files, target);
    QVERIFY(r.finished);
    QVERIFY(!r.ok);
    QVERIFY2(r.message.contains(QStringLiteral("models/diffusion_model.pth")), qPrintable(r.message));
    QVERIFY2(r.message.contains(files.at(2).url), qPrintable(r.message));
    QVERIFY(!QFileInfo::exists(target));
    QCOMPARE(QFileInfo(stagingFolder(target) + QStringLiteral("/models/diffusion_model.pth.part")).size(), k);
    // First start: only full requests (the network stack may repeat one when the server drops the
    // connection; a CI run once recorded two here). Such a repeat may reach the server after the
    // downloader gave up: wait until it is recorded, or it would count as the second start's.
    QVERIFY(server.waitIdle());
    const QList<QByteArray> first = server.ranges(path);
    QVERIFY2(!first.isEmpty() && first.count(QByteArray()) == first.size(), first.join(" | ").constData());

    r = run(dl, files, target);
    QVERIFY(r.finished);
    QVERIFY2(r.ok, qPrintable(r.message));
    // Second start: resumes at K, never a restart from zero.
    const QList<QByteArray> second = server.ranges(path).mid(first.size());
    QVERIFY2(rangedFrom(second, 0, k),
             (first.join(" | ") + " || " + second.join(" | ")).constData());
    QCOMPARE(server.count(QStringLiteral("/bundle/configs/inference.json")), 1);  // complete files are skipped
    QCOMPARE(server.count(QStringLiteral("/bundle/models/autoencoder.pth")), 1);
    verifyComplete(target, files);
  }

  void stalledTransferResumes() {
    TestServer server(kFixture);
    const QList<FileSpec> files = specs(server);
    const QString path = QStringLiteral("/text/tokenizer/vocab.json");
    const qint64 k = 100000;
    server.stallAfter.insert(path, k);
    QTemporaryDir tmp;
    const QString target = tmp.filePath(QStringLiteral("model"));
    Downloader dl;
    dl.setTransferTimeout(300);
    dl.setRetryDelay(10);
    const Result r = run(dl, files, target);
    QVERIFY(r.finished);
    QVERIFY2(r.ok, qPrintable(r.message));
    QVERIFY2(resumedFrom(server.ranges(path), k), server.ranges(path).join(" | ").constData());
    verifyComplete(target, files);
  }

  void cancelThenResume() {
    TestServer server(kFixture);
    const QList<FileSpec> files = specs(server);
    const QString path = QStringLiteral("/bundle/models/diffusion_model.pth");
    const qint64 k = 2000000;
    server.stallAfter.insert(path, k);
    QTemporaryDir tmp;
    const QString target = tmp.filePath(QStringLiteral("model"));
    Downloader dl;
    QSignalSpy finished(&dl, &Downloader::finished);
    connect(&dl, &Downloader::progress, &dl, [&](const Progress& p) {
      if (p.relativePath == QLatin1String("models/diffusion_model.pth") && p.fileReceived == k) dl.cancel();
    });
    dl.start(files, target);
    QVERIFY(finished.wait(kWaitMs));
    QVERIFY(!dl.isRunning());
    QVERIFY(!finished.at(0).at(0).toBool());
    QVERIFY2(finished.at(0).at(1).toString().contains(QStringLiteral("cancelled")),
             qPrintable(finished.at(0).at(1).toString()));
    QVERIFY(!QFileInfo::exists(target));
    const QString staging = stagingFolder(target);
    QCOMPARE(QFileInfo(staging + QStringLiteral("/models/diffusion_model.pth.part")).size(), k);
    QVERIFY(QFileInfo(staging + QStringLiteral("/models/autoencoder.pth")).isFile());
    QTest::qWait(50);
    QCOMPARE(finished.size(), 1);  // nothing more after a cancel

    disconnect(&dl, &Downloader::progress, &dl, nullptr);
    const Result r = run(dl, files, target);
    QVERIFY(r.finished);
    QVERIFY2(r.ok, qPrintable(r.message));
    QVERIFY2(resumedFrom(server.ranges(path), k), server.ranges(path).join(" | ").constData());
    QCOMPARE(server.count(QStringLiteral("/bundle/models/autoencoder.pth")), 1);
    verifyComplete(target, files);
  }

  // cancel() from a progress slot at a file boundary ends the run there: one finished(), no more requests.
  void cancelFromProgressAtFileEnd() {
    TestServer server(kFixture);
    const QList<FileSpec> files = specs(server);
    QTemporaryDir tmp;
    const QString target = tmp.filePath(QStringLiteral("model"));
    Downloader dl;
    QSignalSpy finished(&dl, &Downloader::finished);
    connect(&dl, &Downloader::progress, &dl, [&](const Progress& p) {
      if (p.fileIndex == 1 && p.fileReceived == p.fileTotal) dl.cancel();
    });
    dl.start(files, target);
    QVERIFY(finished.wait(kWaitMs));
    QTest::qWait(100);
    QCOMPARE(finished.size(), 1);
    QVERIFY(!finished.at(0).at(0).toBool());
    QVERIFY(finished.at(0).at(1).toString().contains(QStringLiteral("cancelled")));
    QCOMPARE(server.requests.size(), 2);
    QVERIFY(QFileInfo(stagingFolder(target) + QStringLiteral("/models/autoencoder.pth")).isFile());
    QVERIFY(!QFileInfo::exists(target));
  }

  void serverIgnoringRangeRestartsFile() {
    TestServer server(kFixture);
    server.ignoreRange = true;
    const QList<FileSpec> files = specs(server);
    QTemporaryDir tmp;
    const QString target = tmp.filePath(QStringLiteral("model"));
    const QString part = stagingFolder(target) + QStringLiteral("/tokenizer/merges.txt.part");
    QVERIFY(QDir().mkpath(QFileInfo(part).absolutePath()));
    {
      QFile f(part);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write(QByteArray(1000, 'x'));  // garbage that a 200 answer must replace
    }
    Downloader dl;
    const Result r = run(dl, files, target);
    QVERIFY(r.finished);
    QVERIFY2(r.ok, qPrintable(r.message));
    QCOMPARE(server.ranges(QStringLiteral("/text/tokenizer/merges.txt")), QList<QByteArray>{"bytes=1000-"});
    verifyComplete(target, files);
  }

  void notFoundFails() {
    TestServer server(kFixture);
    const QList<FileSpec> files = specs(server);
    server.notFound.insert(QStringLiteral("/text/tokenizer/vocab.json"));
    QTemporaryDir tmp;
    const QString target = tmp.filePath(QStringLiteral("model"));
    Downloader dl;
    const Result r = run(dl, files, target);
    QVERIFY(r.finished);
    QVERIFY(!r.ok);
    QVERIFY2(r.message.contains(files.at(5).url), qPrintable(r.message));
    QVERIFY2(r.message.contains(QStringLiteral("404")), qPrintable(r.message));
    QVERIFY(!QFileInfo::exists(target));
    QCOMPARE(server.count(QStringLiteral("/text/tokenizer/vocab.json")), 1);  // no retry for 4xx
    QCOMPARE(server.count(QStringLiteral("/text/tokenizer/merges.txt")), 0);  // stopped there
  }

  void checksumMismatchFails() {
    TestServer server(kFixture);
    const QList<FileSpec> files = specs(server);
    server.wrongContent.insert(QStringLiteral("/text/tokenizer/merges.txt"));
    QTemporaryDir tmp;
    const QString target = tmp.filePath(QStringLiteral("model"));
    Downloader dl;
    const Result r = run(dl, files, target);
    QVERIFY(r.finished);
    QVERIFY(!r.ok);
    QVERIFY2(r.message.contains(QStringLiteral("tokenizer/merges.txt")), qPrintable(r.message));
    QVERIFY2(r.message.contains(QString::fromLatin1(files.at(6).sha256Hex)), qPrintable(r.message));
    QByteArray bad = readAll(kFixture + QStringLiteral("/tokenizer/merges.txt"));
    bad[bad.size() / 2] = char(bad.at(bad.size() / 2) ^ 0x5a);
    const QString badHex = QString::fromLatin1(QCryptographicHash::hash(bad, QCryptographicHash::Sha256).toHex());
    QVERIFY2(r.message.contains(badHex), qPrintable(r.message));
    QVERIFY(!QFileInfo::exists(target));
    const QString staging = stagingFolder(target);
    QVERIFY(!QFileInfo::exists(staging + QStringLiteral("/tokenizer/merges.txt.part")));
    QVERIFY(!QFileInfo::exists(staging + QStringLiteral("/tokenizer/merges.txt")));
  }

  void existingTargetRefused() {
    TestServer server(kFixture);
    const QList<FileSpec> files = specs(server);
    QTemporaryDir tmp;
    const QString target = tmp.filePath(QStringLiteral("model"));
    QVERIFY(QDir().mkpath(target));
    {
      QFile f(target + QStringLiteral("/keep.txt"));
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write("mine");
    }
    Downloader dl;
    const Result r = run(dl, files, target);
    QVERIFY(r.finished);
    QVERIFY(!r.ok);
    QVERIFY2(r.message.contains(QStringLiteral("not empty")), qPrintable(r.message));
    QVERIFY2(r.message.contains(QDir::toNativeSeparators(target)), qPrintable(r.message));
    QCOMPARE(QDir(target).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList{QStringLiteral("keep.txt")});
    QCOMPARE(readAll(target + QStringLiteral("/keep.txt")), QByteArray("mine"));
    QVERIFY(!QFileInfo::exists(stagingFolder(target)));
    QVERIFY(server.requests.isEmpty());
  }

  void emptyTargetIsReplaced() {
    TestServer server(kFixture);
    const QList<FileSpec> files = specs(server);
    QTemporaryDir tmp;
    const QString target = tmp.filePath(QStringLiteral("model"));
    QVERIFY(QDir().mkpath(target));
    Downloader dl;
    const Result r = run(dl, files, target);
    QVERIFY(r.finished);
    QVERIFY2(r.ok, qPrintable(r.message));
    verifyComplete(target, files);
  }

  void redirectFollowed() {
    TestServer server(kFixture);
    const QList<FileSpec> files = specs(server);
    server.redirects.insert(QStringLiteral("/bundle/models/autoencoder.pth"),
                            QStringLiteral("/cdn/models/autoencoder.pth"));
    QTemporaryDir tmp;
    const QString target = tmp.filePath(QStringLiteral("model"));
    Downloader dl;
    const Result r = run(dl, files, target);
    QVERIFY(r.finished);
    QVERIFY2(r.ok, qPrintable(r.message));
    QCOMPARE(server.count(QStringLiteral("/bundle/models/autoencoder.pth")), 1);
    QCOMPARE(server.count(QStringLiteral("/cdn/models/autoencoder.pth")), 1);
    verifyComplete(target, files);
  }

  // Hugging Face redirects large files to a CDN: a resume must carry its Range through the redirect.
  void redirectedResume() {
    TestServer server(kFixture);
    const QList<FileSpec> files = specs(server);
    server.redirects.insert(QStringLiteral("/text/text_encoder/model.safetensors"),
                            QStringLiteral("/cdn/text_encoder/model.safetensors"));
    const qint64 k = 5000001;
    server.dropAfter.insert(QStringLiteral("/cdn/text_encoder/model.safetensors"), k);
    QTemporaryDir tmp;
    const QString target = tmp.filePath(QStringLiteral("model"));
    Downloader dl;
    dl.setRetryDelay(10);
    const Result r = run(dl, files, target);
    QVERIFY(r.finished);
    QVERIFY2(r.ok, qPrintable(r.message));
    const QList<QByteArray> expected{QByteArray(), "bytes=" + QByteArray::number(k) + '-'};
    QCOMPARE(server.ranges(QStringLiteral("/text/text_encoder/model.safetensors")), expected);
    QCOMPARE(server.ranges(QStringLiteral("/cdn/text_encoder/model.safetensors")), expected);
    verifyComplete(target, files);
  }

  void serverErrorIsRetried() {
    TestServer server(kFixture);
    const QList<FileSpec> files = specs(server);
    server.unavailableOnce.insert(QStringLiteral("/bundle/configs/inference.json"));
    QTemporaryDir tmp;
    const QString target = tmp.filePath(QStringLiteral("model"));
    Downloader dl;
    dl.setRetryDelay(10);
    const Result r = run(dl, files, target);
    QVERIFY(r.finished);
    QVERIFY2(r.ok, qPrintable(r.message));
    QCOMPARE(server.count(QStringLiteral("/bundle/configs/inference.json")), 2);
    verifyComplete(target, files);
  }

  void sizeMismatchFails() {
    TestServer server(kFixture);
    QList<FileSpec> files = specs(server);
    files[1].expectedSize += 10;  // models/autoencoder.pth
    QTemporaryDir tmp;
    const QString target = tmp.filePath(QStringLiteral("model"));
    Downloader dl;
    const Result r = run(dl, files, target);
    QVERIFY(r.finished);
    QVERIFY(!r.ok);
    QVERIFY2(r.message.contains(QStringLiteral("models/autoencoder.pth")), qPrintable(r.message));
    QVERIFY2(r.message.contains(QString::number(files[1].expectedSize)), qPrintable(r.message));
    QVERIFY2(r.message.contains(QString::number(files[1].expectedSize - 10)), qPrintable(r.message));
    QVERIFY(!QFileInfo::exists(target));
    QVERIFY(!QFileInfo::exists(stagingFolder(target) + QStringLiteral("/models/autoencoder.pth.part")));
  }

  void unwritableTarget() {
    TestServer server(kFixture);
    const QList<FileSpec> files = specs(server);
    QTemporaryDir tmp;
    // A parent that is a file: fails for every user, root included.
    {
      QFile f(tmp.filePath(QStringLiteral("afile")));
      QVERIFY(f.open(QIODevice::WriteOnly));
    }
    Downloader dl;
    Result r = run(dl, files, tmp.filePath(QStringLiteral("afile/model")));
    QVERIFY(r.finished);
    QVERIFY(!r.ok);
    QVERIFY2(r.message.contains(QStringLiteral("Cannot create")), qPrintable(r.message));
    QVERIFY2(r.message.contains(QStringLiteral("writable")), qPrintable(r.message));
    QVERIFY(server.requests.isEmpty());

    if (geteuid() == 0) QSKIP("running as root: permissions are not enforced");
    const QString ro = tmp.filePath(QStringLiteral("readonly"));
    QVERIFY(QDir().mkpath(ro));
    QVERIFY(QFile::setPermissions(ro, QFile::ReadOwner | QFile::ExeOwner));
    r = run(dl, files, ro + QStringLiteral("/model"));
    QFile::setPermissions(ro, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QVERIFY(r.finished);
    QVERIFY(!r.ok);
    QVERIFY2(r.message.contains(QDir::toNativeSeparators(ro)), qPrintable(r.message));
    QVERIFY2(r.message.contains(QStringLiteral("writable")), qPrintable(r.message));
    QVERIFY(server.requests.isEmpty());

    // A read-only sub-folder inside the staging folder: the part file cannot be created.
    const QString target = tmp.filePath(QStringLiteral("model"));
    const QString sub = stagingFolder(target) + QStringLiteral("/text_encoder");
    QVERIFY(QDir().mkpath(sub));
    QVERIFY(QFile::setPermissions(sub, QFile::ReadOwner | QFile::ExeOwner));
    r = run(dl, files, target);
    QFile::setPermissions(sub, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QVERIFY(r.finished);
    QVERIFY(!r.ok);
    QVERIFY2(r.message.contains(QStringLiteral("Cannot write")), qPrintable(r.message));
    QVERIFY2(r.message.contains(QStringLiteral("text_encoder/config.json.part")), qPrintable(r.message));
    QVERIFY(!QFileInfo::exists(target));
  }
};

QTEST_GUILESS_MAIN(TestDownload)
#include "test_download.moc"
