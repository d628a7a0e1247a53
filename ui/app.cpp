#include "app.h"

#include "grounding.h"
#include "mainwindow.h"
#include "theme.h"
#include "viewport.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTimer>
#include <QTranslator>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <vector>

static void initResources() {
    Q_INIT_RESOURCE(resources);
    Q_INIT_RESOURCE(cxrui_translations);
}

namespace cxr::ui {

namespace {
class StallMeter {
public:
    void start() {
        QObject::connect(&timer_, &QTimer::timeout, [this] {
            const qint64 now = clock_.nsecsElapsed();
            if (last_ >= 0) gaps_.push_back((now - last_) / 1e6 - kIntervalMs);
            last_ = now;
        });
        timer_.setTimerType(Qt::PreciseTimer);
        clock_.start();
        timer_.start(kIntervalMs);
    }
    void stop() {
        timer_.stop();
        seconds_ = clock_.elapsed() / 1000.0;
    }
    double maxStallMs() const { return gaps_.empty() ? 0 : std::max(0.0, *std::max_element(gaps_.begin(), gaps_.end())); }
    double percentileMs(double q) const {
        if (gaps_.empty()) return 0;
        std::vector<double> g = gaps_;
        std::sort(g.begin(), g.end());
        return std::max(0.0, g[size_t(q * (g.size() - 1))]);
    }
    int ticks() const { return int(gaps_.size()); }
    double seconds() const { return seconds_; }

private:
    static constexpr int kIntervalMs = 2;
    QTimer timer_;
    QElapsedTimer clock_;
    qint64 last_ = -1;
    std::vector<double> gaps_;
    double seconds_ = 0;
};
}  // namespace

void initApplication(QApplication& app) {
    initResources();
    QApplication::setOrganizationName(QStringLiteral("CXR Ground"));
    QApplication::setOrganizationDomain(QStringLiteral("cxrground.org"));
    QApplication::setApplicationName(QStringLiteral("cxr-viewer"));
    QApplication::setApplicationDisplayName(QStringLiteral("CXR Ground"));
    QApplication::setApplicationVersion(QStringLiteral(CXRG_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.cxrground.CXRGround"));
    app.setWindowIcon(QIcon(QStringLiteral(":/icons/cxr-viewer.svg")));
}

QString installTranslation(QApplication& app, const QString& language) {
    QString lang = language;
    if (lang.isEmpty()) lang = QLocale::system().name().section(QLatin1Char('_'), 0, 0);
    if (lang != QLatin1String("de")) return QStringLiteral("en");
    auto* t = new QTranslator(&app);
    if (t->load(QStringLiteral(":/i18n/cxr_de.qm"))) app.installTranslator(t);
    auto* qt = new QTranslator(&app);  // Qt's own dialogs (file dialog, message box buttons)
    if (qt->load(QLocale(QStringLiteral("de")), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
    return lang;
}

ViewerOptions parseViewerOptions(QApplication& app) {
    QCommandLineParser p;
    p.setApplicationDescription(QApplication::translate("cxr::ui::App", "Chest X-ray viewer (research use only - not for diagnosis)."));
    p.addHelpOption();
    p.addVersionOption();
    p.addPositionalArgument(QStringLiteral("files"), QApplication::translate("cxr::ui::App", "DICOM, PNG or JPEG files or folders to open."),
                            QStringLiteral("[FILE...]"));
    QCommandLineOption shot(QStringLiteral("screenshot"),
                            QApplication::translate("cxr::ui::App", "Grab the main window once the image is shown, write it to <png> and exit."),
                            QStringLiteral("png"));
    QCommandLineOption theme(QStringLiteral("theme"), QApplication::translate("cxr::ui::App", "Colour theme: dark or light."), QStringLiteral("theme"));
    QCommandLineOption lang(QStringLiteral("language"), QApplication::translate("cxr::ui::App", "Interface language: en or de."), QStringLiteral("lang"));
    QCommandLineOption size(QStringLiteral("size"), QApplication::translate("cxr::ui::App", "Window size, e.g. 1280x860."), QStringLiteral("WxH"));
    QCommandLineOption samples(QStringLiteral("samples"), QApplication::translate("cxr::ui::App", "Open the bundled sample study."));
    QCommandLineOption model(QStringLiteral("model"), QApplication::translate("cxr::ui::App", "Model folder for grounding."), QStringLiteral("dir"));
    QCommandLineOption prompt(QStringLiteral("prompt"),
                              QApplication::translate("cxr::ui::App", "Sentence to ground on the first image (repeatable)."), QStringLiteral("text"));
    QCommandLineOption steps(QStringLiteral("steps"),
                             QApplication::translate("cxr::ui::App", "Inversion steps for the --prompt sentences (default: the method "
                                                                     "settings, the paper's 300); not remembered."),
                             QStringLiteral("N"));
    QCommandLineOption stall(QStringLiteral("bench-stall"),
                             QApplication::translate("cxr::ui::App", "Benchmark: ground the prompts, print the longest event-loop stall as JSON and exit."));
    QCommandLineOption csv(QStringLiteral("boxes"),
                           QApplication::translate("cxr::ui::App", "Ground-truth boxes: an MS-CXR CSV matched to the images shown."), QStringLiteral("csv"));
    QCommandLineOption timeout(QStringLiteral("timeout"),
                               QApplication::translate("cxr::ui::App", "With --screenshot: give up after <seconds> (default: wait until the "
                                                                       "image is shown and the prompts are grounded, however long it takes)."),
                               QStringLiteral("seconds"));
    p.addOptions({shot, theme, lang, size, samples, model, prompt, steps, stall, csv, timeout});
    p.process(app);
    ViewerOptions o;
    o.files = p.positionalArguments();
    o.screenshot = p.value(shot);
    o.theme = p.value(theme);
    o.language = p.value(lang);
    o.size = p.value(size);
    o.samples = p.isSet(samples);
    o.model = p.value(model);
    o.prompts = p.values(prompt);
    o.benchStall = p.isSet(stall);
    o.groundTruthCsv = p.value(csv);
    if (p.isSet(steps)) {
        bool ok = false;
        o.steps = p.value(steps).toInt(&ok);
        if (!ok || o.steps < 2 || o.steps > 1000) {
            std::fprintf(stderr, "cxr-viewer: %s\n",
                         qPrintable(QApplication::translate("cxr::ui::App", "--steps needs a number of steps from 2 to 1000")));
            std::exit(2);
        }
    }
    if (p.isSet(timeout)) {
        bool ok = false;
        o.timeoutSeconds = p.value(timeout).toInt(&ok);
        if (!ok || o.timeoutSeconds <= 0) {
            std::fprintf(stderr, "cxr-viewer: %s\n",
                         qPrintable(QApplication::translate("cxr::ui::App", "--timeout needs a number of seconds above 0")));
            std::exit(2);
        }
    }
    return o;
}

int runViewer(QApplication& app, const ViewerOptions& o) {
    QSettings settings;
    applyTheme(themeFromString(o.theme.isEmpty() ? settings.value(QStringLiteral("ui/theme"), QStringLiteral("dark")).toString() : o.theme));
    auto* w = new MainWindow;
    w->setAttribute(Qt::WA_DeleteOnClose);
    if (!o.size.isEmpty()) {
        const QStringList wh = o.size.toLower().split(QLatin1Char('x'));
        if (wh.size() == 2 && wh[0].toInt() > 200 && wh[1].toInt() > 200) w->resize(wh[0].toInt(), wh[1].toInt());
    }
    int exitCode = 0;
    if (!o.screenshot.isEmpty()) {
        w->setShowErrorDialogs(false);
        const QString out = o.screenshot;
        auto grab = [w, out, &exitCode, &app] {
            QTimer::singleShot(300, w, [w, out, &exitCode, &app] {  // let thumbnails and layout settle
                const QPixmap pm = w->grab();
                if (!pm.save(out, "PNG")) {
                    std::fprintf(stderr, "cxr-viewer: %s\n",
                                 qPrintable(QApplication::translate("cxr::ui::App", "cannot write the screenshot %1").arg(out)));
                    exitCode = 1;
                }
                app.quit();
            });
        };
        if (o.prompts.isEmpty()) {
            QObject::connect(w, &MainWindow::imageShown, w, [grab](const QString&) { grab(); });
        } else {
            QObject::connect(w->groundingPanel(), &GroundingPanel::groundingFinished, w, [grab] { grab(); });
            QObject::connect(w->groundingPanel(), &GroundingPanel::groundingFailed, w, [&exitCode, &app](const QString& msg) {
                std::fprintf(stderr, "cxr-viewer: %s\n", qPrintable(msg));
                exitCode = 1;
                app.quit();
            });
        }
        QObject::connect(w, &MainWindow::loadFailed, w, [&exitCode, &app](const QString&, const QString& msg) {
            std::fprintf(stderr, "cxr-viewer: %s\n", qPrintable(msg));
            exitCode = 1;
            app.quit();
        });
        // No fixed limit: a busy machine grounds slowly. An explicit --timeout gives up.
        if (o.timeoutSeconds > 0)
            QTimer::singleShot(o.timeoutSeconds * 1000, &app, [&exitCode, &app, s = o.timeoutSeconds] {
                std::fprintf(stderr, "cxr-viewer: %s\n",
                             qPrintable(QApplication::translate("cxr::ui::App", "gave up after %1 s (--timeout)").arg(s)));
                exitCode = 1;
                app.quit();
            });
    }
    if (!o.model.isEmpty()) {
        w->groundingPanel()->setModelFolder(o.model);
    } else if (w->groundingPanel()->modelFolder().isEmpty() && !demoModelFolder().isEmpty()) {
        // No model set: the bundled demo model (random weights, stamped as such), so that a sentence
        // can be grounded out of the box.
        w->groundingPanel()->setModelFolder(demoModelFolder());
    }
    if (!o.groundTruthCsv.isEmpty()) {
        QString message;
        if (!w->loadGroundTruthCsv(o.groundTruthCsv, &message)) {
            std::fprintf(stderr, "cxr-viewer: %s\n", qPrintable(message));
            return 1;
        }
    }
    // Event-loop stall meter: a 2 ms timer on the GUI thread; the longest gap between two ticks
    // beyond the interval is the longest time the window could not react.
    auto meter = std::make_shared<StallMeter>();
    if (o.benchStall) {
        if (o.prompts.isEmpty() || o.model.isEmpty()) {
            std::fprintf(stderr, "cxr-viewer: %s\n", qPrintable(QApplication::translate("cxr::ui::App", "--bench-stall needs --model and --prompt")));
            return 2;
        }
        w->setShowErrorDialogs(false);
        QObject::connect(w->groundingPanel(), &GroundingPanel::groundingFinished, w, [w, meter, &app] {
            // Include the overlay and metrics work that follows a result.
            QTimer::singleShot(500, w, [w, meter, &app] {
                meter->stop();
                std::printf("{\"max_stall_ms\": %.1f, \"p99_stall_ms\": %.1f, \"ticks\": %d, \"seconds\": %.1f, \"image\": \"%dx%d\", \"unet_calls\": %d}\n",
                            meter->maxStallMs(), meter->percentileMs(0.99), meter->ticks(), meter->seconds(),
                            w->viewport()->image() ? w->viewport()->image()->width : 0,
                            w->viewport()->image() ? w->viewport()->image()->height : 0, w->groundingPanel()->lastUnetCalls());
                std::fflush(stdout);
                app.quit();
            });
        });
        QObject::connect(w->groundingPanel(), &GroundingPanel::groundingFailed, w, [&exitCode, &app](const QString& msg) {
            std::fprintf(stderr, "cxr-viewer: %s\n", qPrintable(msg));
            exitCode = 1;
            app.quit();
        });
    }
    if (!o.prompts.isEmpty()) {
        // Ground once both the image and the model are ready.
        auto tryGround = [w, prompts = o.prompts, meter, bench = o.benchStall, steps = o.steps] {
            GroundingPanel* g = w->groundingPanel();
            if (g->modelReady() && w->viewport()->hasImage() && !g->busy() && g->resultCount() == 0) {
                grounding::Settings s = g->methodSettings();
                if (steps > 0) {  // for this run only: the window follows the steps
                    s.steps = steps;
                    s.windowStart = s.windowEnd = -1;
                }
                g->ground(prompts, s);
                if (bench) meter->start();
            }
        };
        QObject::connect(w, &MainWindow::imageShown, w, [tryGround](const QString&) { tryGround(); });
        QObject::connect(w->groundingPanel(), &GroundingPanel::modelStateChanged, w, [w, tryGround, &exitCode, &app] {
            if (!w->groundingPanel()->modelReady()) {
                std::fprintf(stderr, "cxr-viewer: %s\n", qPrintable(w->groundingPanel()->lastError()));
                exitCode = 1;
                app.quit();
                return;
            }
            tryGround();
        });
    }
    w->show();
    if (o.samples || o.files.isEmpty()) w->openSamples();
    else w->openFiles(o.files);
    const int rc = app.exec();
    return exitCode ? exitCode : rc;
}

}  // namespace cxr::ui
