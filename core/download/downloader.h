// Model downloader: fetches the model files over HTTP(S) into a staging folder with resume,
// verification (size, SHA-256) and automatic retries; the finished folder appears atomically.
// QtCore + QtNetwork only (no widgets).
#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace cxr::download {

// One file to fetch. `relativePath` uses '/' separators and is relative to the model folder.
struct FileSpec {
  QString url;
  QString relativePath;
  qint64 expectedSize = -1;  // -1: unknown
  QByteArray sha256Hex;      // lower- or upper-case hex; empty: unknown
};

struct Progress {
  int fileIndex = 0;  // 0-based index of the current file
  int fileCount = 0;
  QString relativePath;
  qint64 fileReceived = 0;  // bytes of the current file on disk (including a resumed part)
  qint64 fileTotal = -1;    // -1: unknown
  qint64 totalReceived = 0;
  qint64 totalExpected = -1;  // -1: some size unknown
  double bytesPerSecond = 0;  // network speed over the last few seconds
};

// Where the model files live. Both are "resolve" URLs of Hugging Face repositories by default.
struct Sources {
  QString bundleBaseUrl =
      QStringLiteral("https://huggingface.co/MONAI/cxr_image_synthesis_latent_diffusion_model/resolve/main");
  QString textBaseUrl = QStringLiteral("https://huggingface.co/stabilityai/stable-diffusion-2-1-base/resolve/main");
};

// The files of a model folder: configs/ and models/ from the bundle, text_encoder/ and tokenizer/
// from the text repository. URL = base + "/" + relative path; sizes and hashes unknown (-1 / empty).
QList<FileSpec> modelFiles(const Sources& sources = Sources());

// The staging folder used for `targetFolder`: "<target>.partial".
QString stagingFolder(const QString& targetFolder);

// Downloads a list of files into `targetFolder`.
//
// Everything is written below "<target>.partial/", each file first as "<relativePath>.part" and
// renamed to "<relativePath>" once complete and verified. When every file is complete the staging
// folder is renamed to `targetFolder`. An existing non-empty `targetFolder` is refused untouched.
//
// Resume: an existing ".part" file is continued with "Range: bytes=N-" (206: append; 200: start the
// file again). Complete files in the staging folder are skipped when their size matches. Network
// errors and stalls are retried (resumed) up to maxRetries() times per file, after retryDelay() ms
// times the attempt number; HTTP 4xx errors and verification failures end the download at once.
// A later start() with the same target resumes from the staging folder.
class Downloader : public QObject {
  Q_OBJECT

 public:
  explicit Downloader(QObject* parent = nullptr);
  ~Downloader() override;

  // Asynchronous: progress() while it runs, then exactly one finished(). Ignored (with a warning)
  // while a download is running.
  void start(const QList<FileSpec>& files, const QString& targetFolder);
  // Stops at once and emits finished(false, "Download cancelled ...") synchronously; partial data
  // stays in the staging folder for a later resume. No-op when not running.
  void cancel();
  bool isRunning() const { return m_running; }

  void setMaxRetries(int retries);  // default 5
  int maxRetries() const { return m_maxRetries; }
  void setTransferTimeout(int ms);  // no data for this long counts as a network error; default 30000
  int transferTimeout() const { return m_transferTimeoutMs; }
  void setRetryDelay(int ms);  // base delay before a retry; default 1000
  int retryDelay() const { return m_retryDelayMs; }

 Q_SIGNALS:
  void progress(const cxr::download::Progress& progress);
  // ok: the model folder is complete at the target. Otherwise `message` names the file, URL and
  // problem in plain words.
  void finished(bool ok, const QString& message);

 private:
  void begin();
  void processFile();
  void hashPrefixStep();
  void sendRequest();
  bool checkHeaders();
  void onReadyRead();
  void onReplyFinished();
  void onStalled();
  void retryOrFail(const QString& problem);
  void restartFileFromZero();
  void completeFile();
  void finalizeFolder();
  void fail(const QString& message);
  void succeed(const QString& message);
  void cleanup();
  bool emitProgress(bool force);  // false if a slot cancelled the run
  bool writeData(const QByteArray& data);
  QString describe() const;  // "<relativePath> (<url>)"

  QNetworkAccessManager* m_nam = nullptr;
  QPointer<QNetworkReply> m_reply;
  QTimer m_stallTimer;
  QTimer m_progressTimer;
  QElapsedTimer m_clock;

  int m_maxRetries = 5;
  int m_transferTimeoutMs = 30000;
  int m_retryDelayMs = 1000;

  bool m_running = false;
  quint64 m_generation = 0;  // bumped when a run ends: stale queued callbacks check it
  QList<FileSpec> m_files;
  QString m_target, m_staging;
  int m_index = 0;
  bool m_createdStaging = false;

  // Current file.
  QFile m_file;  // the ".part" file, open for appending
  QFile m_prefixFile;
  qint64 m_prefixHashed = 0;
  QCryptographicHash m_hash{QCryptographicHash::Sha256};
  bool m_hashing = false;    // hashing the file (sha256Hex given)
  qint64 m_received = 0;     // bytes of the current file on disk
  qint64 m_requestOffset = 0;
  qint64 m_fileTotal = -1;
  bool m_headersChecked = false;
  bool m_ignoreBody = false;
  bool m_stalled = false;
  int m_attempts = 0;

  // Totals.
  qint64 m_totalDone = 0;  // bytes of the files before the current one
  qint64 m_totalExpected = -1;
  qint64 m_sessionBytes = 0;  // bytes received over the network in this run
  QList<QPair<qint64, qint64>> m_speedSamples;  // (ms, session bytes)
  qint64 m_lastProgressMs = -1000000;
};

// Blocking convenience for the command line: runs a local event loop until the download ends and
// prints nothing itself. Creates a temporary QCoreApplication when none exists.
bool downloadBlocking(const QList<FileSpec>& files, const QString& targetFolder, QString* message,
                      std::function<void(const Progress&)> onProgress = {});

}  // namespace cxr::download

Q_DECLARE_METATYPE(cxr::download::Progress)
