#include "download/downloader.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QEventLoop>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>
#include <memory>

namespace cxr::download {

namespace {

constexpr qint64 kPrefixChunk = 8 * 1024 * 1024;  // bytes hashed per event-loop turn on resume
constexpr int kProgressIntervalMs = 100;
constexpr qint64 kSpeedWindowMs = 3000;
constexpr int kMaxRetryDelayMs = 30000;

QString joinUrl(const QString& base, const QString& rel) {
  QString b = base;
  while (b.endsWith(QLatin1Char('/'))) b.chop(1);
  return b + QLatin1Char('/') + rel;
}

QString humanBytes(qint64 n) {
  if (n < 0) return QStringLiteral("unknown size");
  return QStringLiteral("%1 bytes").arg(n);
}

// True if `dir` is missing or contains no files (only empty sub-folders).
bool holdsNoFiles(const QString& dir) {
  QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
  return !it.hasNext();
}

bool isNonEmptyOrNotDir(const QString& path, QString* why) {
  const QFileInfo fi(path);
  if (!fi.exists()) return false;
  if (!fi.isDir()) {
    *why = QStringLiteral("%1 exists and is not a folder").arg(QDir::toNativeSeparators(path));
    return true;
  }
  const QDir d(path);
  if (!d.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System).isEmpty()) {
    *why = QStringLiteral("The model folder %1 already exists and is not empty; remove it or choose another "
                          "folder")
               .arg(QDir::toNativeSeparators(path));
    return true;
  }
  return false;
}

// "bytes START-END/TOTAL" (TOTAL may be "*"). Returns false if malformed.
bool parseContentRange(const QByteArray& value, qint64* start, qint64* total) {
  static const QRegularExpression re(QStringLiteral(R"(^\s*bytes\s+(\d+)-(\d+)/(\d+|\*)\s*$)"),
                                     QRegularExpression::CaseInsensitiveOption);
  const auto m = re.match(QString::fromLatin1(value));
  if (!m.hasMatch()) return false;
  *start = m.captured(1).toLongLong();
  *total = m.captured(3) == QLatin1String("*") ? -1 : m.captured(3).toLongLong();
  return true;
}

}  // namespace

QList<FileSpec> modelFiles(const Sources& sources) {
  static const char* const bundle[] = {"configs/inference.json", "models/autoencoder.pth",
                                       "models/diffusion_model.pth"};
  static const char* const text[] = {"text_encoder/config.json",       "text_encoder/model.safetensors",
                                     "tokenizer/vocab.json",           "tokenizer/merges.txt",
                                     "tokenizer/special_tokens_map.json", "tokenizer/tokenizer_config.json"};
  QList<FileSpec> out;
  for (const char* rel : bundle) {
    FileSpec f;
    f.relativePath = QString::fromLatin1(rel);
    f.url = joinUrl(sources.bundleBaseUrl, f.relativePath);
    out.append(f);
  }
  for (const char* rel : text) {
    FileSpec f;
    f.relativePath = QString::fromLatin1(rel);
    f.url = joinUrl(sources.textBaseUrl, f.relativePath);
    out.append(f);
  }
  return out;
}

QString stagingFolder(const QString& targetFolder) {
  return QDir::cleanPath(QFileInfo(targetFolder).absoluteFilePath()) + QStringLiteral(".partial");
}

Downloader::Downloader(QObject* parent) : QObject(parent), m_nam(new QNetworkAccessManager(this)) {
  qRegisterMetaType<cxr::download::Progress>();
  m_stallTimer.setSingleShot(true);
  connect(&m_stallTimer, &QTimer::timeout, this, &Downloader::onStalled);
  m_progressTimer.setSingleShot(true);
  connect(&m_progressTimer, &QTimer::timeout, this, [this] { emitProgress(true); });
}

Downloader::~Downloader() {
  m_running = false;
  ++m_generation;
  if (m_reply) {
    m_reply->disconnect(this);
    m_reply->abort();
    delete m_reply;
  }
}

void Downloader::setMaxRetries(int retries) { m_maxRetries = std::max(0, retries); }
void Downloader::setTransferTimeout(int ms) { m_transferTimeoutMs = std::max(1, ms); }
void Downloader::setRetryDelay(int ms) { m_retryDelayMs = std::max(0, ms); }

QString Downloader::describe() const {
  const FileSpec& f = m_files.at(m_index);
  return QStringLiteral("%1 (%2)").arg(f.relativePath, f.url);
}

void Downloader::start(const QList<FileSpec>& files, const QString& targetFolder) {
  if (m_running) {
    qWarning("cxr::download::Downloader::start: a download is already running");
    return;
  }
  m_running = true;
  const quint64 gen = ++m_generation;
  m_files = files;
  const bool noTarget = targetFolder.trimmed().isEmpty();
  m_target = noTarget ? QString() : QDir::cleanPath(QFileInfo(targetFolder).absoluteFilePath());
  m_staging = noTarget ? QString() : stagingFolder(targetFolder);
  m_createdStaging = false;
  m_index = 0;
  m_totalDone = 0;
  m_sessionBytes = 0;
  m_speedSamples.clear();
  m_clock.start();
  m_lastProgressMs = -1000000;
  m_totalExpected = 0;
  for (const FileSpec& f : m_files) {
    if (f.expectedSize < 0) {
      m_totalExpected = -1;
      break;
    }
    m_totalExpected += f.expectedSize;
  }
  // Asynchronous even for immediate failures: callers may connect after start().
  QTimer::singleShot(0, this, [this, gen] {
    if (gen == m_generation && m_running) begin();
  });
}

void Downloader::begin() {
  if (m_target.isEmpty()) {
    fail(QStringLiteral("No target folder given"));
    return;
  }
  QString why;
  if (isNonEmptyOrNotDir(m_target, &why)) {
    fail(why);
    return;
  }
  for (const FileSpec& f : m_files) {
    if (f.relativePath.isEmpty() || QDir::isAbsolutePath(f.relativePath) ||
        QDir::cleanPath(f.relativePath).startsWith(QLatin1String(".."))) {
      fail(QStringLiteral("Invalid relative path \"%1\" for %2").arg(f.relativePath, f.url));
      return;
    }
  }
  m_createdStaging = !QFileInfo::exists(m_staging);
  if (!QDir().mkpath(m_staging)) {
    fail(QStringLiteral("Cannot create the download folder %1: check that %2 exists and is writable")
             .arg(QDir::toNativeSeparators(m_staging),
                  QDir::toNativeSeparators(QFileInfo(m_staging).absolutePath())));
    return;
  }
  processFile();
}

void Downloader::processFile() {
  if (m_index >= m_files.size()) {
    finalizeFolder();
    return;
  }
  const FileSpec& f = m_files.at(m_index);
  const QString finalPath = m_staging + QLatin1Char('/') + f.relativePath;
  const QString partPath = finalPath + QStringLiteral(".part");
  m_received = 0;
  m_fileTotal = f.expectedSize;
  m_attempts = 0;
  m_hashing = !f.sha256Hex.isEmpty();
  m_hash.reset();

  if (!QDir().mkpath(QFileInfo(finalPath).absolutePath())) {
    fail(QStringLiteral("Cannot create the folder %1: check that it is writable")
             .arg(QDir::toNativeSeparators(QFileInfo(finalPath).absolutePath())));
    return;
  }

  // Already complete (verified before its rename): skip when the size matches.
  const QFileInfo finalInfo(finalPath);
  if (finalInfo.exists() && !QFile::exists(partPath)) {
    if (f.expectedSize < 0 || finalInfo.size() == f.expectedSize) {
      m_received = finalInfo.size();
      m_fileTotal = m_received;
      if (!emitProgress(true)) return;
      m_totalDone += m_received;
      ++m_index;
      processFile();
      return;
    }
    QFile::remove(finalPath);
  } else if (finalInfo.exists()) {
    QFile::remove(finalPath);  // a stale complete file next to a part: the part wins
  }

  qint64 partSize = QFileInfo(partPath).size();
  if (f.expectedSize >= 0 && partSize > f.expectedSize) {
    QFile::remove(partPath);
    partSize = 0;
  }
  m_file.setFileName(partPath);
  if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered)) {
    fail(QStringLiteral("Cannot write %1: %2. Check that the folder is writable and the disk is not full")
             .arg(QDir::toNativeSeparators(partPath), m_file.errorString()));
    return;
  }
  m_received = partSize;
  if (!emitProgress(true)) return;

  if (partSize > 0 && m_hashing) {
    // Hash the existing part in chunks so that cancel() stays responsive on multi-GB files.
    m_prefixFile.setFileName(partPath);
    if (!m_prefixFile.open(QIODevice::ReadOnly)) {
      fail(QStringLiteral("Cannot read %1: %2").arg(QDir::toNativeSeparators(partPath), m_prefixFile.errorString()));
      return;
    }
    m_prefixHashed = 0;
    hashPrefixStep();
    return;
  }
  if (f.expectedSize >= 0 && partSize == f.expectedSize) {
    completeFile();
    return;
  }
  sendRequest();
}

void Downloader::hashPrefixStep() {
  const qint64 partSize = m_received;
  QByteArray chunk = m_prefixFile.read(std::min(kPrefixChunk, partSize - m_prefixHashed));
  if (chunk.isEmpty() && m_prefixHashed < partSize) {
    const QString err = m_prefixFile.errorString();
    m_prefixFile.close();
    fail(QStringLiteral("Cannot read %1: %2").arg(QDir::toNativeSeparators(m_prefixFile.fileName()), err));
    return;
  }
  m_hash.addData(chunk);
  m_prefixHashed += chunk.size();
  if (m_prefixHashed < partSize) {
    const quint64 gen = m_generation;
    QTimer::singleShot(0, this, [this, gen] {
      if (gen == m_generation && m_running) hashPrefixStep();
    });
    return;
  }
  m_prefixFile.close();
  const FileSpec& f = m_files.at(m_index);
  if (f.expectedSize >= 0 && partSize == f.expectedSize) {
    completeFile();
    return;
  }
  sendRequest();
}

void Downloader::sendRequest() {
  const FileSpec& f = m_files.at(m_index);
  const QUrl url(f.url);
  if (!url.isValid() || url.scheme().isEmpty()) {
    fail(QStringLiteral("Invalid URL \"%1\" for %2").arg(f.url, f.relativePath));
    return;
  }
  QNetworkRequest req(url);
  req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
  req.setMaximumRedirectsAllowed(20);
  // Explicit identity: no transparent decompression, so byte counts and ranges are file offsets.
  req.setRawHeader("Accept-Encoding", "identity");
  req.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("cxr-ground-downloader/1"));
  m_requestOffset = m_received;
  if (m_requestOffset > 0) req.setRawHeader("Range", "bytes=" + QByteArray::number(m_requestOffset) + '-');
  m_headersChecked = false;
  m_ignoreBody = false;
  m_stalled = false;
  m_reply = m_nam->get(req);
  connect(m_reply, &QNetworkReply::readyRead, this, &Downloader::onReadyRead);
  connect(m_reply, &QNetworkReply::finished, this, &Downloader::onReplyFinished);
  m_stallTimer.start(m_transferTimeoutMs);
}

// Decides what to do with the body from the status line. Returns false when the run ended.
bool Downloader::checkHeaders() {
  m_headersChecked = true;
  const FileSpec& f = m_files.at(m_index);
  const QVariant statusVar = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
  const int status = statusVar.isValid() ? statusVar.toInt() : 200;  // non-HTTP schemes: a full body
  if (status < 200 || status >= 300) {
    m_ignoreBody = true;  // an error page: handled when the reply finishes
    return true;
  }
  if (status == 206) {
    qint64 start = -1, total = -1;
    if (!parseContentRange(m_reply->rawHeader("Content-Range"), &start, &total) || start != m_requestOffset) {
      // A range we did not ask for: fetch the whole file again.
      restartFileFromZero();
      return false;
    }
    if (total >= 0) m_fileTotal = total;
  } else {
    if (m_received > 0) {
      // The server ignored the Range header: start the file again.
      if (!m_file.resize(0)) {
        fail(QStringLiteral("Cannot truncate %1: %2").arg(QDir::toNativeSeparators(m_file.fileName()),
                                                         m_file.errorString()));
        return false;
      }
      m_received = 0;
      m_requestOffset = 0;
      m_hash.reset();
    }
    const QVariant len = m_reply->header(QNetworkRequest::ContentLengthHeader);
    if (len.isValid()) m_fileTotal = len.toLongLong();
  }
  if (f.expectedSize >= 0 && m_fileTotal >= 0 && m_fileTotal != f.expectedSize) {
    const qint64 reported = m_fileTotal;
    m_file.close();
    QFile::remove(m_file.fileName());
    fail(QStringLiteral("Size mismatch for %1: expected %2, the server reports %3")
             .arg(describe(), humanBytes(f.expectedSize), humanBytes(reported)));
    return false;
  }
  return true;
}

bool Downloader::writeData(const QByteArray& data) {
  if (data.isEmpty()) return true;
  const qint64 n = m_file.write(data);
  if (n != data.size()) {
    fail(QStringLiteral("Cannot write %1: %2. Check that the disk is not full and the folder is writable")
             .arg(QDir::toNativeSeparators(m_file.fileName()), m_file.errorString()));
    return false;
  }
  if (m_hashing) m_hash.addData(data);
  m_received += n;
  m_sessionBytes += n;
  return true;
}

void Downloader::onReadyRead() {
  QNetworkReply* reply = qobject_cast<QNetworkReply*>(sender());
  if (!reply || reply != m_reply || !m_running) return;
  m_stallTimer.start(m_transferTimeoutMs);
  if (!m_headersChecked && !checkHeaders()) return;
  const QByteArray data = reply->readAll();
  if (m_ignoreBody) return;
  if (!writeData(data)) return;
  const FileSpec& f = m_files.at(m_index);
  if (f.expectedSize >= 0 && m_received > f.expectedSize) {
    m_file.close();
    QFile::remove(m_file.fileName());
    fail(QStringLiteral("Size mismatch for %1: expected %2, received more").arg(describe(), humanBytes(f.expectedSize)));
    return;
  }
  emitProgress(false);
}

void Downloader::onStalled() {
  if (!m_reply || !m_running) return;
  m_stalled = true;
  m_reply->abort();  // finished() follows (synchronously) and is handled as a network error
}

void Downloader::onReplyFinished() {
  QNetworkReply* reply = qobject_cast<QNetworkReply*>(sender());
  if (!reply || reply != m_reply || !m_running) return;
  m_stallTimer.stop();
  reply->deleteLater();
  m_reply = nullptr;

  const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
  if (!m_stalled) {
    // Data still buffered in the reply belongs to the file (also when the connection then broke).
    const bool haveStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid();
    if (!m_headersChecked && (haveStatus || reply->error() == QNetworkReply::NoError) && !checkHeaders()) return;
    if (m_headersChecked && !m_ignoreBody && !writeData(reply->readAll())) return;
  }
  const FileSpec& f = m_files.at(m_index);

  if (m_stalled) {
    retryOrFail(QStringLiteral("no data received for %1 s").arg(m_transferTimeoutMs / 1000.0));
    return;
  }
  if (status >= 300 || (status > 0 && status < 200)) {
    if (status == 416 && m_requestOffset > 0) {
      restartFileFromZero();
      return;
    }
    const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    const QString problem = QStringLiteral("HTTP %1%2").arg(status).arg(reason.isEmpty() ? QString() : QLatin1Char(' ') + reason);
    if (status >= 500 || status == 408 || status == 429) {
      retryOrFail(problem);
      return;
    }
    QString where = f.url;
    if (reply->url() != QUrl(f.url)) where += QStringLiteral(" (redirected to %1)").arg(reply->url().toString());
    fail(QStringLiteral("Download of %1 failed: the server answered %2 for %3").arg(f.relativePath, problem, where));
    return;
  }
  if (reply->error() != QNetworkReply::NoError) {
    retryOrFail(reply->errorString());
    return;
  }
  if (m_fileTotal >= 0 && m_received < m_fileTotal) {
    retryOrFail(QStringLiteral("the connection ended after %1 of %2 bytes").arg(m_received).arg(m_fileTotal));
    return;
  }
  completeFile();
}

void Downloader::retryOrFail(const QString& problem) {
  const FileSpec& f = m_files.at(m_index);
  if (m_attempts >= m_maxRetries) {
    m_file.close();
    const QString retries =
        m_attempts > 0 ? QStringLiteral(" (after %1 automatic retries)").arg(m_attempts) : QString();
    fail(QStringLiteral("Download of %1 from %2 failed: %3%4. The partial data is kept; start the download "
                        "again to resume")
             .arg(f.relativePath, f.url, problem, retries));
    return;
  }
  ++m_attempts;
  const int delay = std::min(kMaxRetryDelayMs, m_retryDelayMs * m_attempts);
  const quint64 gen = m_generation;
  QTimer::singleShot(delay, this, [this, gen] {
    if (gen == m_generation && m_running) sendRequest();  // resumes from m_received
  });
}

void Downloader::restartFileFromZero() {
  if (m_reply) {
    m_reply->disconnect(this);
    m_reply->abort();
    m_reply->deleteLater();
    m_reply = nullptr;
  }
  m_stallTimer.stop();
  if (!m_file.resize(0)) {
    fail(QStringLiteral("Cannot truncate %1: %2").arg(QDir::toNativeSeparators(m_file.fileName()), m_file.errorString()));
    return;
  }
  m_received = 0;
  m_hash.reset();
  m_fileTotal = m_files.at(m_index).expectedSize;
  const quint64 gen = m_generation;
  QTimer::singleShot(0, this, [this, gen] {
    if (gen == m_generation && m_running) sendRequest();
  });
}

void Downloader::completeFile() {
  const FileSpec& f = m_files.at(m_index);
  const QString partPath = m_file.fileName();
  m_file.close();
  if (f.expectedSize >= 0 && m_received != f.expectedSize) {
    QFile::remove(partPath);
    fail(QStringLiteral("Size mismatch for %1: expected %2, received %3")
             .arg(describe(), humanBytes(f.expectedSize), humanBytes(m_received)));
    return;
  }
  if (m_hashing) {
    const QByteArray got = m_hash.result().toHex();
    if (got != f.sha256Hex.toLower()) {
      QFile::remove(partPath);
      fail(QStringLiteral("Checksum mismatch for %1: expected SHA-256 %2, got %3. The file was deleted")
               .arg(describe(), QString::fromLatin1(f.sha256Hex.toLower()), QString::fromLatin1(got)));
      return;
    }
  }
  QString finalPath = partPath;
  finalPath.chop(5);  // ".part"
  QFile::remove(finalPath);
  if (!QFile::rename(partPath, finalPath)) {
    fail(QStringLiteral("Cannot rename %1 to %2").arg(QDir::toNativeSeparators(partPath), QDir::toNativeSeparators(finalPath)));
    return;
  }
  m_fileTotal = m_received;
  if (!emitProgress(true)) return;
  m_totalDone += m_received;
  ++m_index;
  processFile();
}

void Downloader::finalizeFolder() {
  QString why;
  if (isNonEmptyOrNotDir(m_target, &why)) {
    fail(why);
    return;
  }
  if (QFileInfo::exists(m_target)) QDir().rmdir(m_target);  // an empty folder: replace it
  if (!QDir().rename(m_staging, m_target)) {
    fail(QStringLiteral("Cannot move the downloaded files from %1 to %2: check that the folder is writable")
             .arg(QDir::toNativeSeparators(m_staging), QDir::toNativeSeparators(m_target)));
    return;
  }
  succeed(QStringLiteral("Downloaded %1 files to %2").arg(m_files.size()).arg(QDir::toNativeSeparators(m_target)));
}

void Downloader::cleanup() {
  m_running = false;
  ++m_generation;
  m_stallTimer.stop();
  m_progressTimer.stop();
  if (m_reply) {
    m_reply->disconnect(this);
    m_reply->abort();
    m_reply->deleteLater();
    m_reply = nullptr;
  }
  if (m_file.isOpen()) m_file.close();
  if (m_prefixFile.isOpen()) m_prefixFile.close();
}

void Downloader::fail(const QString& message) {
  cleanup();
  // Do not leave an empty staging folder behind when nothing was fetched.
  if (m_createdStaging && QFileInfo(m_staging).isDir() && holdsNoFiles(m_staging))
    QDir(m_staging).removeRecursively();
  Q_EMIT finished(false, message);
}

void Downloader::succeed(const QString& message) {
  cleanup();
  Q_EMIT finished(true, message);
}

void Downloader::cancel() {
  if (!m_running) return;
  fail(QStringLiteral("Download cancelled; the partial data is kept in %1 for a later resume")
           .arg(QDir::toNativeSeparators(m_staging)));
}

bool Downloader::emitProgress(bool force) {
  if (!m_running || m_index >= m_files.size()) return m_running;
  const qint64 now = m_clock.elapsed();
  if (!force && now - m_lastProgressMs < kProgressIntervalMs) {
    if (!m_progressTimer.isActive()) m_progressTimer.start(int(kProgressIntervalMs - (now - m_lastProgressMs)));
    return true;
  }
  m_progressTimer.stop();
  m_lastProgressMs = now;

  m_speedSamples.append({now, m_sessionBytes});
  while (m_speedSamples.size() > 2 && now - m_speedSamples.at(1).first >= kSpeedWindowMs) m_speedSamples.removeFirst();
  Progress p;
  p.fileIndex = m_index;
  p.fileCount = int(m_files.size());
  p.relativePath = m_files.at(m_index).relativePath;
  p.fileReceived = m_received;
  p.fileTotal = m_fileTotal;
  p.totalReceived = m_totalDone + m_received;
  p.totalExpected = m_totalExpected;
  const auto& first = m_speedSamples.first();
  const qint64 dt = now - first.first;
  if (dt > 0) p.bytesPerSecond = double(m_sessionBytes - first.second) * 1000.0 / double(dt);
  const quint64 gen = m_generation;
  Q_EMIT progress(p);
  return gen == m_generation && m_running;
}

bool downloadBlocking(const QList<FileSpec>& files, const QString& targetFolder, QString* message,
                      std::function<void(const Progress&)> onProgress) {
  std::unique_ptr<QCoreApplication> app;
  static int argc = 1;
  static char arg0[] = "cxr-download";
  static char* argv[] = {arg0, nullptr};
  if (!QCoreApplication::instance()) app = std::make_unique<QCoreApplication>(argc, argv);

  bool ok = false;
  QString msg;
  bool done = false;
  {
    QEventLoop loop;
    Downloader dl;
    if (onProgress) QObject::connect(&dl, &Downloader::progress, &dl, [&](const Progress& p) { onProgress(p); });
    QObject::connect(&dl, &Downloader::finished, &loop, [&](bool o, const QString& m) {
      ok = o;
      msg = m;
      done = true;
      loop.quit();
    });
    dl.start(files, targetFolder);
    if (!done) loop.exec();
  }
  if (message) *message = msg;
  return ok;
}

}  // namespace cxr::download
