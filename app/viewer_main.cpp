// cxr-viewer: the desktop viewer.
//   cxr-viewer [FILE...] [--samples] [--screenshot OUT.png] [--theme dark|light] [--language en|de]
#include "app.h"
#include "omp_policy.h"

#include <QApplication>
#include <QSettings>

int main(int argc, char** argv) {
    cxr::app::preferPassiveOpenMp(argv);
    QApplication app(argc, argv);
    cxr::ui::initApplication(app);
    // The language must be known before the command line is parsed (translated --help).
    QString language = QSettings().value(QStringLiteral("ui/language")).toString();
    for (int i = 1; i + 1 < argc; ++i)
        if (QString::fromLocal8Bit(argv[i]) == QLatin1String("--language")) language = QString::fromLocal8Bit(argv[i + 1]);
    cxr::ui::installTranslation(app, language);
    const cxr::ui::ViewerOptions options = cxr::ui::parseViewerOptions(app);
    return cxr::ui::runViewer(app, options);
}
