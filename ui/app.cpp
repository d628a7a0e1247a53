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
// Event-loop stall meter: a 2 ms timer on the GUI thread; the longest gap between two ticks
// beyond the interval is the longest time the window could not react. Phases (the background
// preparation, then the sentence) are measured apart and together.
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
    bool running() const { return timer_.isActive(); }
    // Ends the current phase (its ticks and seconds) and starts the next one.
    void mark() {
        marks_.push_back(gaps_.size());
        markSeconds_.push_back(clock_.elapsed() / 1000.0);
    }
    void stop() {
        timer_.stop();
        seconds_ = clock_.elapsed() / 1000.0;
    }
    // The stalls of phase k (0, 1, ...) or of the whole run (k = -1) as a JSON object's members.
    QString json(int k = -1) const {
        size_t a = 0, b = gaps_.size();
        double seconds = seconds_;
        if (k >= 0) {
            a = k == 0 ? 0 : marks_[size_t(k - 1)];
            b = size_t(k) < marks_.size() ? marks_[size_t(k)] : gaps_.size();
            const double t0 = k == 0 ? 0 : markSeconds_[size_t(k - 1)];
            const double t1 = size_t(k) < markSeconds_.size() ? markSeconds_[size_t(k)] : seconds_;
            seconds = t1 - t0;
        }
        std::vector<double> g(gaps_.begin() + std::ptrdiff_t(a), gaps_.begin() + std::ptrdiff_t(b));
        std::sort(g.begin(), g.end());
        const double maxMs = g.empty() ? 0 : std::max(0.0, g.back());
        const double p99 = g.empty() ? 0 : std::max(0.0, g[size_t(0.99 * double(g.size() - 1))]);
        return QStringLiteral("\"max_stall_ms\": %1, \"p99_stall_ms\": %2, \"ticks\": %3, \"seconds\": %4")
            .arg(maxMs, 0, 'f', 1)
            .arg(p99, 0, 'f', 1)
            .arg(g.size())
            .arg(seconds, 0, 'f', 1);
    }

private:
    static constexpr int kIntervalMs = 2;
    QTimer timer_;
    QElapsedTimer clock_;
    qint64 last_ = -1;
    std::vector<double> gaps_;
    std::vector<size_t> marks_;
    std::vector<double> markSeconds_;
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
                             QApplication::translate("cxr::ui::App", "Benchmark: prepare the first image in the background, ground the prompts "
                                                                     "when it is half prepared, print the longest event-loop stalls as JSON and exit."));
    QCommandLineOption preset(QStringLiteral("preset"),
                              QApplication::translate("cxr::ui::App", "Method for this session: paper (the paper's main setting, the default) or "
                                                                      "fast (the paper's ablation setting: 100 steps, calls 40-59, layers 3-8)."),
                              QStringLiteral("paper|fast"));
    QCommandLineOption csv(QStringLiteral("boxes"),
                           QApplication::translate("cxr::ui::App", "Ground-truth boxes: an MS-CXR CSV matched to the images shown."), QStringLiteral("csv"));
    QCommandLineOption timeout(QStringLiteral("timeout"),
                               QApplication::translate("cxr::ui::App", "With --screenshot: give up after <seconds> (default: wait until the "
                                                                       "image is shown and the prompts are grounded, however long it takes)."),
                               QStringLiteral("seconds"));
    p.addOptions({shot, theme, lang, size, samples, model, prompt, steps, stall, csv, timeout, preset});
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
    o.preset = p.value(preset);
    if (p.isSet(preset) && o.preset != QLatin1String("paper") && o.preset != QLatin1String("fast")) {
        std::fprintf(stderr, "cxr-viewer: %s\n",
                     qPrintable(QApplication::translate("cxr::ui::App", "--preset must be paper or fast (got \"%1\")").arg(o.preset)));
        std::exit(2);
    }
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
    if (!o.preset.isEmpty())  // this session only: the method dialog's choice stays remembered
        w->groundingPanel()->setMethodSettings(o.preset == QLatin1String("fast") ? grounding::fastPreset() : grounding::Settings(),
                                               /*remember=*/false);
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
    auto meter = std::make_shared<StallMeter>();
    if (o.benchStall) {
        if (o.prompts.isEmpty() || o.model.isEmpty()) {
            std::fprintf(stderr, "cxr-viewer: %s\n", qPrintable(QApplication::translate("cxr::ui::App", "--bench-stall needs --model and --prompt")));
            return 2;
        }
        w->setShowErrorDialogs(false);
        // Measured as it runs for a user, from a cold start every time: the background preparation
        // on, the disk cache off (a second run would find the image prepared), this session only.
        PreparationSettings bench = PreparationSettings::load();
        bench.background = true;
        bench.nextImages = 0;
        bench.diskCache = false;
        w->groundingPanel()->applyPreparationSettings(bench);
        QObject::connect(w->groundingPanel(), &GroundingPanel::groundingFinished, w, [w, meter, &app] {
            // Include the overlay and metrics work that follows a result.
            QTimer::singleShot(500, w, [w, meter, &app] {
                meter->stop();
                GroundingPanel* g = w->groundingPanel();
                const auto img = w->viewport()->image();
                std::printf("{%s, \"image\": \"%dx%d\", \"unet_calls\": %d,\n \"preparation\": {%s, \"unet_calls\": %d},\n"
                            " \"sentence\": {%s, \"unet_calls\": %d, \"yield_calls\": %d, \"yield_ms\": %.1f}}\n",
                            qPrintable(meter->json()), img ? img->width : 0, img ? img->height : 0,
                            g->preparation()->preparedCalls() + g->lastUnetCalls(), qPrintable(meter->json(0)),
                            g->preparation()->preparedCalls(), qPrintable(meter->json(1)), g->lastUnetCalls(),
                            g->preparation()->lastYieldCalls(), g->preparation()->lastYieldMs());
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
        // Ground once both the image and the model are ready; the benchmark first lets the
        // background preparation run to half the trajectory, so the sentence makes it yield.
        auto tryGround = [w, prompts = o.prompts, meter, bench = o.benchStall, steps = o.steps] {
            GroundingPanel* g = w->groundingPanel();
            if (!g->modelReady() || !w->viewport()->hasImage() || g->busy() || g->resultCount() > 0) return;
            if (bench) {
                if (!meter->running()) meter->start();
                const BackgroundPreparation* prep = g->preparation();
                const bool halfway = prep->running() && prep->state(prep->runningKey()).fraction() >= 0.5;
                const bool over = !prep->running() && prep->preparedCalls() > 0;  // done (or failed) before
                if (!halfway && !over) return;
                meter->mark();
            }
            grounding::Settings s = g->methodSettings();
            if (steps > 0) {  // for this run only: the window follows the steps
                s.steps = steps;
                s.windowStart = s.windowEnd = -1;
            }
            g->ground(prompts, s);
        };
        QObject::connect(w, &MainWindow::imageShown, w, [tryGround](const QString&) { tryGround(); });
        if (o.benchStall) QObject::connect(w->groundingPanel()->preparation(), &BackgroundPreparation::changed, w, tryGround);
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
